#!/usr/bin/env python3
"""What a pre-commit hook feels: `talklint check` on one small file with the default pack.

Runs the command RUNS times (default 11) for its wall time, then RUNS times under GNU time for
its peak resident memory (a spawned child's own maxrss starts from its parent's, which is
Python's), and prints the medians:

    python3 bench/startup.py [--runs N] [--bin target/release/talklint] [FILE]
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def wall(argv):
    """Wall seconds of one run of argv, its output dropped."""
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"startup.py: {' '.join(argv)} exited {done.returncode}")
    return seconds


def peak_kib(argv):
    """Peak resident memory (KiB) of one run of argv, as GNU time reports it."""
    with tempfile.NamedTemporaryFile("r") as out:
        timed = ["/usr/bin/time", "-f", "%M", "-o", out.name, *argv]
        done = subprocess.run(timed, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if done.returncode not in (0, 1):
            sys.exit(f"startup.py: {' '.join(argv)} exited {done.returncode}")
        return int(out.read().split()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--bin", default="target/release/talklint")
    parser.add_argument("file", nargs="?", default="fixtures/calls/courteous.txt")
    args = parser.parse_args()
    argv = [os.path.abspath(args.bin), "check", "--no-config", args.file]
    wall(argv)  # warms the page cache
    walls = sorted(wall(argv) * 1000 for _ in range(args.runs))
    rss = sorted(peak_kib(argv) for _ in range(args.runs))
    print(f"{' '.join(argv[1:])}: {args.runs} runs")
    print(f"wall: median {statistics.median(walls):.1f} ms (min {walls[0]:.1f}, max {walls[-1]:.1f})")
    print(
        f"peak memory: median {statistics.median(rss) / 1024:.1f} MiB "
        f"= {statistics.median(rss) * 1024 / 1e6:.1f} MB (min {rss[0]} KiB, max {rss[-1]} KiB)"
    )


if __name__ == "__main__":
    main()
