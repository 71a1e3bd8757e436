#!/usr/bin/env bash
# Measures how a large HTML report opens: writes the report of the 10,000 generated conversations
# of bench/reports.sh (or of the folder given) with the default pack, prints its size, then opens
# it in headless Chromium (Playwright, tests/cli/browser.py) five times and prints, for each
# load, in ms from navigation: the first contentful paint (the line saying the report is being
# read), when the whole file is read (the script's `talklint-read` mark: the totals, charts and
# agent table are on the page), when the first page of conversations is built (`talklint-list`),
# and the load event; then the JavaScript heap.
#
#   bash scripts/html-load-time.sh [FOLDER]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-bench/corpus-10k}
[ -d "$corpus" ] || python3 ../shared/tools/gencorpus.py --out "$corpus" --files 10000 --format mixed --seed 1 --jobs 2
cargo build --release --quiet
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
target/release/talklint check -j2 --no-config --exit-zero --format html -o "$out/report.html" "$corpus"
echo "report: $(stat -c %s "$out/report.html") bytes, $(grep -c '' "$out/report.html") lines"
steps='[{"do": "wait_for", "js": "performance.getEntriesByName(\"first-contentful-paint\").length > 0"},
  {"do": "eval", "name": "times", "js": "[\"first-contentful-paint\", \"talklint-read\", \"talklint-list\"].map(n => performance.getEntriesByName(n)[0].startTime).concat([performance.getEntriesByType(\"navigation\")[0].loadEventEnd, performance.memory.usedJSHeapSize / 1048576, document.querySelectorAll(\"#tl-list > li\").length])"}]'
for run in 1 2 3 4 5; do
  printf '{"url": "file://%s/report.html", "steps": %s}' "$out" "$steps" | python3 tests/cli/browser.py |
    python3 -c 'import json, sys
paint, read, listed, load, heap, items = json.load(sys.stdin)["seen"]["times"]
print(f"first paint {paint:.0f} ms, read {read:.0f} ms, {items} conversations built {listed:.0f} ms, load {load:.0f} ms, JS heap {heap:.0f} MiB")'
done
