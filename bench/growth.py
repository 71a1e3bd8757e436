#!/usr/bin/env python3
"""Inputs that once took quadratic time, checked at two sizes four times apart.

Linear time takes about four times as long on the larger input, quadratic sixteen. For each
input this prints the best of RUNS wall times (default 3) at both sizes and their ratio, and
exits 1 when a ratio reaches 10:

    python3 bench/growth.py [--runs N] [--bin target/release/talklint]

The inputs: one very long line with many findings (as a JSON and as a human report), a CSV
file of many conversation ids (also with a warning each that names the file's first dates of
each order, and with conversations interleaved whose warnings and findings go back and forth
over the file), many directives split over comment lines that never close, and many bare
`disable`s with an `enable` of one rule after them, and a run of digit pairs redacted.
tests/cli/linear_inputs.rs and
csv_interleaved.rs check the places on such inputs; their speed is measured here, not in the tests.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

UNIT = "please calm down, that is not my department. "
RULES = ["-r", "fixtures/rules/basic.yaml", "-r", "fixtures/rules/keys.yaml"]


def long_line(n):
    return "Agent: é" + UNIT * n + "\n"


def many_ids(n):
    rows = "".join(f"c{i},agent,agent {i},please calm down\n" for i in range(n))
    return "conversation_id,role,speaker,text\n" + rows


def mixed_dates(n):
    """A file that mixes slash-date orders, then one conversation per row with a date that
    reads both ways: each one's warning names the file's first date of each order."""
    head = "c,agent,a,hi,13/06/2024 10:00\nc,agent,a,hi,06/13/2024 10:00\n"
    rows = "".join(f"c{i},agent,agent {i},please calm down,03/04/2024 10:00\n" for i in range(n))
    return "conversation_id,role,speaker,text,time\n" + head + rows


def interleaved(n):
    """Conversations whose warnings and findings fall in both halves of the file: a time that
    is none in the first, a message out of time order in the second."""
    first = "".join(f"c{i},agent,please calm down,2024-06-01 10:00\nc{i},agent,ok,soon\n"
                    for i in range(n))
    last = "".join(f"c{i},agent,calm down,2024-06-01 09:00\n" for i in range(n))
    return "conversation_id,role,text,time\n" + first + last


def split_directives(n):
    return "Agent: hello there\n" + "<!-- talklint: ignore\n" * n + "Agent: calm down\n"


def pairs(n):
    """A run of two-digit numbers, each of which a redacted report masks with the whole run."""
    return "Agent: please calm down, call " + "01 " * n + "\n"


def disables_and_one_enable(n):
    turns = "// talklint: disable\nAgent: calm down\n" * n
    return turns + "// talklint: enable respect/calm-down\nAgent: calm down\n// talklint: enable\n"


INPUTS = [
    ("a long line, JSON report", "line.txt", "json", long_line, (1 << 20) // 4 // len(UNIT), []),
    ("a long line, human report", "line.txt", "human", long_line, (1 << 20) // 8 // len(UNIT), []),
    ("a CSV of many ids, JSON report", "many.csv", "json", many_ids, 20_000, []),
    ("a CSV of many ids and mixed date orders", "dates.csv", "json", mixed_dates, 5_000, []),
    ("a CSV of interleaved conversations", "zigzag.csv", "json", interleaved, 5_000, []),
    ("directives split with no -->, JSON report", "split.md", "json", split_directives, 40_000, []),
    ("bare disables, then an enable of one rule", "off.txt", "json", disables_and_one_enable, 50_000, []),
    ("a run of digit pairs, redacted", "pairs.txt", "json", pairs, 16_000, ["--redact"]),
]


def best_wall(argv, runs):
    """The shortest wall time of `runs` runs of argv, its output dropped."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(f"growth.py: {' '.join(argv)} exited {done.returncode}: {done.stderr!r}")
    return min(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--bin", default="target/release/talklint")
    args = parser.parse_args()
    worst = 0.0
    with tempfile.TemporaryDirectory() as scratch:
        for title, name, fmt, make, n, flags in INPUTS:
            walls = []
            for size in (n, 4 * n):
                path = os.path.join(scratch, name)
                with open(path, "w", encoding="utf-8") as file:
                    file.write(make(size))
                argv = [args.bin, "check", "--no-config", *RULES, "--format", fmt,
                        "--color", "never", "--exit-zero", *flags, path]
                walls.append(best_wall(argv, args.runs))
            ratio = walls[1] / walls[0]
            worst = max(worst, ratio)
            print(f"{title}: {walls[0]:.3f} s at n={n}, {walls[1]:.3f} s at 4n: {ratio:.1f}x")
    sys.exit(1 if worst >= 10 else 0)


if __name__ == "__main__":
    main()
