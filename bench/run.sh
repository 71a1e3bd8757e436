#!/usr/bin/env bash
# Times talklint against ripgrep on the same generated corpus, side by side, and prints the ratio.
#
#   bash bench/run.sh [FILES]      (default 200000 files, about 1 GB)
#
# The corpus comes from ../shared/tools/gencorpus.py (deterministic, seed 1) and is cached under
# bench/. ripgrep runs its fastest setting (-i -F -w --no-unicode, 2 threads); talklint runs the
# same 300 phrases as one rule (speaker: any), then the default pack, with --format jsonl. Every
# output goes to a file on tmpfs, not /dev/null: ripgrep notices a /dev/null stdout and stops at
# the first match of each file (measured here: 1.5 s instead of 1.9 s), which is not the count
# asked for. Peak memory comes from GNU time, on the corpus and on a tenth of it.
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-200000}
shared=../shared
corpus=bench/corpus-$((files / 1000))k
phrases=$shared/tools/bench-phrases.txt

command -v rg >/dev/null || { apt-get update -qq && apt-get install -y -qq ripgrep; }
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

# The three commands run in turn, round after round (one warm-up round): this machine's speed
# drifts by 20% within a minute, so each round's ratio is taken side by side, and the median of
# the rounds is reported, with wall and CPU (user + system) time.
out=$(mktemp -d -p /dev/shm)
RG="rg -j2 -c -i -F -w --no-unicode -f $phrases $corpus" \
PHRASES="$bin check -j2 --no-config -r $rule --format jsonl --fail-on never $corpus" \
DEFAULT="$bin check -j2 --no-config --format jsonl --fail-on never $corpus" \
OUT="$out" python3 - <<'PY'
import json, os, resource, shlex, statistics, subprocess, time
commands = {"rg": os.environ["RG"], "talklint-phrases": os.environ["PHRASES"],
            "talklint-default": os.environ["DEFAULT"]}
def run(name):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(os.path.join(os.environ["OUT"], name), "wb") as out:
        subprocess.run(shlex.split(commands[name]), stdout=out, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu
times = {name: [] for name in commands}
for k in range(6):
    for name in commands:
        result = run(name)
        if k > 0:
            times[name].append(result)
json.dump(times, open("bench/last.json", "w"), indent=1)
median = lambda xs: statistics.median(xs)
for name in ("talklint-phrases", "talklint-default"):
    walls = [t[0] / r[0] for t, r in zip(times[name], times["rg"])]
    cpus = [t[1] / r[1] for t, r in zip(times[name], times["rg"])]
    print(f"{name}: {median([t[0] for t in times[name]]):.2f} s vs rg {median([t[0] for t in times['rg']]):.2f} s;"
          f" per round {median(walls):.2f}x ripgrep wall (rounds {min(walls):.2f}-{max(walls):.2f}),"
          f" {median(cpus):.2f}x CPU")
PY
rm -rf "$out"

# Peak memory must not grow with the number of files: compare a tenth of the corpus.
small=bench/corpus-$((files / 10000))k
[ -d "$small" ] || python3 "$shared/tools/gencorpus.py" --out "$small" --files $((files / 10)) --format mixed --seed 1 --jobs 2
for c in "$small" "$corpus"; do
  /usr/bin/time -f "peak RSS %M KB, %e s ($c, default pack)" "$bin" check -j2 --no-config --format jsonl --fail-on never "$c" > /dev/null
done
