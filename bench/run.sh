#!/usr/bin/env bash
# Times talklint against ripgrep on the same generated corpus, side by side, and prints the ratio.
#
#   bash bench/run.sh [FILES]      (default 200000 files, about 1 GB)
#
# The corpus comes from ../shared/tools/gencorpus.py (deterministic, seed 1) and is cached under
# bench/. ripgrep runs its fastest setting (-i -F -w --no-unicode, 2 threads); talklint runs the
# same 300 phrases as one rule (speaker: any), then the default pack, with --format jsonl to
# /dev/null. Peak memory comes from GNU time, on the corpus and on a tenth of it.
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-200000}
shared=../shared
corpus=bench/corpus-$((files / 1000))k
phrases=$shared/tools/bench-phrases.txt

command -v rg >/dev/null || { apt-get update -qq && apt-get install -y -qq ripgrep; }
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time; }
if [ ! -d "$corpus" ]; then
  python3 "$shared/tools/gencorpus.py" --out "$corpus" --files "$files" --format mixed --seed 1 --jobs 2
fi
cargo build --release --quiet
bin=target/release/talklint

# The benchmark phrases as one rule; apostrophes are fine in YAML single quotes when doubled.
rule=bench/bench-rule.yaml
{
  echo "rules:"
  echo "  - id: bench/phrases"
  echo "    speaker: any"
  echo "    phrases:"
  sed "s/'/''/g; s/^/      - '/; s/\$/'/" "$phrases"
} > "$rule"

echo "corpus: $corpus ($(du -sh "$corpus" | cut -f1), $files files)"
cat "$phrases" > /dev/null
find "$corpus" -type f -exec cat {} + > /dev/null   # warm the page cache

hyperfine --warmup 1 --runs 5 --export-json bench/last.json \
  -n rg "rg -j2 -c -i -F -w --no-unicode -f $phrases $corpus > /dev/null" \
  -n talklint-phrases "$bin check -j2 --no-config -r $rule --format jsonl --fail-on never $corpus > /dev/null" \
  -n talklint-default "$bin check -j2 --no-config --format jsonl --fail-on never $corpus > /dev/null"

python3 - <<'PY'
import json
r = {x["command"]: x["median"] for x in json.load(open("bench/last.json"))["results"]}
rg = r["rg"]
for name in ("talklint-phrases", "talklint-default"):
    print(f"{name}: {r[name]:.2f} s median, {r[name] / rg:.2f}x ripgrep ({rg:.2f} s)")
PY

# Peak memory must not grow with the number of files: compare a tenth of the corpus.
small=bench/corpus-$((files / 10000))k
[ -d "$small" ] || python3 "$shared/tools/gencorpus.py" --out "$small" --files $((files / 10)) --format mixed --seed 1 --jobs 2
for c in "$small" "$corpus"; do
  /usr/bin/time -f "peak RSS %M KB, %e s ($c, default pack)" "$bin" check -j2 --no-config --format jsonl --fail-on never "$c" > /dev/null
done
