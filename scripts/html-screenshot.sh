#!/usr/bin/env bash
# Renders the HTML report of the bundled examples and screenshots it in headless Chromium
# (Playwright, through tests/cli/browser.py) for the README: docs/html-report.png, the top of the
# page, and docs/html-review.png, a reviewer's view (one agent's conversations, one opened, a
# folded run of turns shown).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }
python3 -c "import playwright" 2>/dev/null || python3 -m pip install -q playwright
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo run --quiet -- check --no-config --format html -o "$out/report.html" --exit-zero fixtures/calls fixtures/formats
python3 tests/cli/browser.py >/dev/null <<EOF
{"url": "file://$out/report.html", "viewport": [1200, 1500], "steps": [
  {"do": "screenshot", "path": "$PWD/docs/html-report.png"},
  {"do": "goto", "url": "file://$out/report.html#agent=Jane"},
  {"do": "click", "selector": "#tl-list summary"},
  {"do": "click", "selector": "button.fold >> nth=1"},
  {"do": "screenshot", "path": "$PWD/docs/html-review.png"}
]}
EOF
echo "wrote docs/html-report.png and docs/html-review.png"
