#!/usr/bin/env python3
# Builds a benchmark corpus of real text: the 1,025 Twitter customer-care conversations of
# fixtures/corpora/twitter-cdp (IBM, Apache-2.0; see its LICENSE and README), repeated until
# FILES files, one chat JSONL file per conversation (as scripts/twitter-cdp-to-jsonl.py writes
# them), 1,000 files per folder. Each repetition changes the text lightly and deterministically,
# so no two files are byte-identical: the customer's handle becomes @customer<N>, and every digit
# d of a message becomes (d + N) mod 10 (order numbers, dates, prices). Unlike the generated
# corpus, which plants a phrase in a fifth of agent turns, real conversations give fewer than
# one finding each.
#
#   python3 bench/realcorpus.py FILES OUT_DIR
#
# Standard library only.

import importlib.util
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def converter():
    """The conversion of scripts/twitter-cdp-to-jsonl.py, loaded as a module."""
    path = os.path.join(ROOT, "scripts", "twitter-cdp-to-jsonl.py")
    spec = importlib.util.spec_from_file_location("twitter_cdp", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.convert


def conversations():
    convert = converter()
    out = []
    for split in ("dev", "test"):
        path = os.path.join(ROOT, "fixtures", "corpora", "twitter-cdp", split + ".json")
        with open(path, encoding="utf-8") as f:
            out.extend(convert(c) for c in json.load(f))
    return out


def varied(messages, n):
    """Messages of one conversation, changed for repetition n."""
    shift = lambda m: str((int(m.group()) + n) % 10)
    out = []
    for m in messages:
        speaker = m["speaker"] if m["role"] == "agent" else "@customer%d" % n
        out.append({"role": m["role"], "speaker": speaker, "text": re.sub(r"\d", shift, m["text"])})
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: realcorpus.py FILES OUT_DIR")
    files, out_dir = int(sys.argv[1]), sys.argv[2]
    convs = conversations()
    for i in range(files):
        folder = os.path.join(out_dir, "day_%03d" % (i // 1000))
        if i % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        messages = varied(convs[i % len(convs)], i // len(convs))
        with open(os.path.join(folder, "conv_%06d.jsonl" % i), "w", encoding="utf-8") as f:
            for m in messages:
                f.write(json.dumps(m, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
