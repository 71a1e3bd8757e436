#!/usr/bin/env python3
"""Writes conversation records, one per line, for the streaming benchmark:

    python3 bench/records.py --count 1000000 > bench/records-1m.jsonl
    target/release/talklint check --format jsonl - < bench/records-1m.jsonl

Each record is {"id": "call-0000001", "messages": [{"speaker": ..., "text": ...}, ...]} with the
turns of ../shared/tools/gencorpus.py (the bench corpus's generator, seed 1). Generating a
transcript costs Python far more than checking it costs talklint, so the first --distinct
transcripts are generated and then repeated under new ids.
"""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "tools"))
import gencorpus  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--distinct", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    stats = dict(agent_turns=0, forbidden=0, empathy=0, ownership=0, asr=0, curly=0)
    bodies = []
    out = sys.stdout
    for i in range(args.count):
        if i < args.distinct:
            rng = random.Random(args.seed * 10_000_019 + i)
            turns = gencorpus.make_transcript(rng, 22, 66, stats)
            messages = [{"speaker": s, "text": t} for s, t in turns]
            bodies.append(json.dumps(messages, ensure_ascii=False))
        body = bodies[i % len(bodies)]
        out.write('{"id": "call-%07d", "messages": %s}\n' % (i, body))


if __name__ == "__main__":
    main()
