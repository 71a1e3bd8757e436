#!/usr/bin/env bash
# Renders the HTML report of the bundled examples and screenshots it with headless Chromium into
# docs/html-report.png (the picture in the README).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }
out=$(mktemp -d)
cargo run --quiet -- check --no-config --format html -o "$out/report.html" --fail-on never fixtures/calls fixtures/formats
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$out/profile" --window-size=1200,1500 \
  --screenshot="$PWD/docs/html-report.png" "file://$out/report.html" 2>/dev/null
echo "wrote docs/html-report.png"
