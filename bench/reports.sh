#!/usr/bin/env bash
# Measures what generating every report format adds to a scan, side by side in one hyperfine run:
# the default pack over 10,000 generated conversations, first as a user runs it (human output;
# then JSONL), then the same with --output-json/-sarif/-junit/-csv/-html, the files written to
# /dev/null (the cost of generating them), to tmpfs, and to the disk under bench/.
#
#   bash bench/reports.sh
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=bench/corpus-10k
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
[ -d "$corpus" ] || python3 ../shared/tools/gencorpus.py --out "$corpus" --files 10000 --format mixed --seed 1 --jobs 2
cargo build --release --quiet
bin="target/release/talklint check -j2 --no-config --exit-zero"
outputs() { echo "--output-json $1/r.json --output-sarif $1/r.sarif --output-junit $1/r.xml --output-csv $1/r.csv --output-html $1/r.html"; }
shm=$(mktemp -d -p /dev/shm); disk=bench/reports-out; mkdir -p "$disk"
null="--output-json /dev/null --output-sarif /dev/null --output-junit /dev/null --output-csv /dev/null --output-html /dev/null"
find "$corpus" -type f -exec cat {} + > /dev/null   # warm the page cache
hyperfine -N --warmup 1 --runs 11 --export-json bench/reports.json \
  -n human "$bin $corpus" \
  -n human+all-null "$bin $null $corpus" \
  -n human+all-tmpfs "$bin $(outputs "$shm") $corpus" \
  -n human+all-disk "$bin $(outputs "$disk") $corpus" \
  -n jsonl "$bin --format jsonl $corpus" \
  -n jsonl+all-null "$bin --format jsonl $null $corpus"
ls -l "$disk"
rm -rf "$shm" "$disk"
python3 - <<'PY'
import json
# Wall time (median) and CPU time (user + system, mean): on a shared machine the wall time of a
# run swings with its neighbours, the CPU time much less.
results = {x["command"]: x for x in json.load(open("bench/reports.json"))["results"]}
wall = lambda name: results[name]["median"]
cpu = lambda name: results[name]["user"] + results[name]["system"]
for base, runs in (("human", ("human+all-null", "human+all-tmpfs", "human+all-disk")), ("jsonl", ("jsonl+all-null",))):
    for run in runs:
        print(f"{run}: wall {wall(run):.3f} s vs {base} {wall(base):.3f} s: {100 * (wall(run) / wall(base) - 1):+.0f}%;"
              f" CPU {cpu(run):.3f} s vs {cpu(base):.3f} s: {100 * (cpu(run) / cpu(base) - 1):+.0f}%")
PY
