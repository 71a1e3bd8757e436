#!/usr/bin/env python3
# Converts the Twitter CDP corpus into talklint chat JSONL, one file per conversation.
#
# Source data: "Twitter Conversations Dataset for Conversational Document Prediction" (IBM,
# https://github.com/IBM/twitter-customer-care-document-prediction), released under the
# Apache License 2.0 (https://www.apache.org/licenses/LICENSE-2.0). The converted files are a
# derivative of that dataset and carry the same licence; keep this note with them.
#
# Usage:
#   scripts/twitter-cdp-to-jsonl.py SRC_JSON... --out DIR
#
# Each SRC_JSON (e.g. dev.json, test.json) is a JSON array of conversations. Conversation i of
# SRC becomes DIR/<split>_<i>.jsonl, where <split> is SRC's file name without extension and i is
# its 0-based index in the array. Every line is one message:
#   {"role": "customer"|"agent", "speaker": <Twitter handle>, "text": <message>}
#
# How roles are assigned (from the data's own labels):
#   - dialogContent entries keyed "agent" are the company's care account -> role "agent";
#   - entries keyed "client", "client1", ... are Twitter users -> role "customer" (the dataset
#     labels a brand's own marketing tweet that opened a thread, e.g. @TMobile, as "client" too;
#     it is kept as the dataset labels it);
#   - agentURL.url_utterance is the care account's last reply (the one that links a help
#     article); it is not repeated in dialogContent, so it is appended as the final agent turn,
#     spoken by dialogHeader.company.
# Message text is copied unchanged (mentions, links and agent sign-offs such as "^JD" included).
# Standard library only.

import argparse
import json
import os
import sys


def speaker_of(entry):
    """Returns (role, handle) of one dialogContent entry, or None when it has no speaker key."""
    if "agent" in entry:
        return "agent", entry["agent"]
    for key in sorted(entry):
        if key.startswith("client"):
            return "customer", entry[key]
    return None


def convert(conv):
    """Returns the list of message objects of one conversation."""
    out = []
    for entry in conv.get("dialogContent") or []:
        who = speaker_of(entry)
        if who is None:
            raise ValueError("a dialogContent entry has no agent/client key: %r" % sorted(entry))
        role, handle = who
        out.append({"role": role, "speaker": handle, "text": entry.get("message", "")})
    last = conv.get("agentURL") or {}
    text = last.get("url_utterance")
    if text:
        company = (conv.get("dialogHeader") or {}).get("company", "agent")
        out.append({"role": "agent", "speaker": company, "text": text})
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Convert Twitter CDP JSON (dev/test/train) into one talklint JSONL file per conversation."
    )
    ap.add_argument("sources", nargs="+", metavar="SRC_JSON", help="dataset file(s), e.g. dev.json")
    ap.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    args = ap.parse_args(argv)

    os.makedirs(args.out, exist_ok=True)
    total = 0
    for src in args.sources:
        split = os.path.splitext(os.path.basename(src))[0]
        try:
            with open(src, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError) as e:
            print("twitter-cdp-to-jsonl: %s: %s" % (src, e), file=sys.stderr)
            return 2
        if not isinstance(data, list):
            print("twitter-cdp-to-jsonl: %s: expected a JSON array of conversations" % src, file=sys.stderr)
            return 2
        for i, conv in enumerate(data):
            try:
                messages = convert(conv)
            except (ValueError, AttributeError, TypeError) as e:
                print("twitter-cdp-to-jsonl: %s: conversation %d: %s" % (src, i, e), file=sys.stderr)
                return 2
            path = os.path.join(args.out, "%s_%d.jsonl" % (split, i))
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                for m in messages:
                    f.write(json.dumps(m, ensure_ascii=False) + "\n")
            total += 1
    print("wrote %d conversations to %s" % (total, args.out), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
