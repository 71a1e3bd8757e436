#!/usr/bin/env bash
# Fuzzes talklint with cargo fuzz (libFuzzer): `fuzz/run.sh SECONDS [TARGET...]` runs each target
# (all nine by default) for SECONDS, one after another, and prints its CPU time, executions and
# findings. A target's corpus (fuzz/corpus/TARGET, not committed) is seeded from fixtures/ on its
# first run. A crash or hang is saved under fuzz/artifacts/TARGET/ and fails the script; once fixed,
# copy the input into fuzz/regressions/TARGET/, which `cargo test` replays.
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`) and a nightly toolchain; without nightly
# the stable one is told to accept nightly flags (RUSTC_BOOTSTRAP=1), as CI's machines have it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
seconds=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text json jsonl vtt srt sbv csv rules config)

if cargo +nightly --version >/dev/null 2>&1; then
    fuzz=(cargo +nightly fuzz)
else
    export RUSTC_BOOTSTRAP=1
    fuzz=(cargo fuzz)
fi

# seed TARGET OPTIONS-BYTE FILE...: each file, after the options byte a transcript target reads
# first (rules and config take the file as it is: pass "").
seed() {
    local target=$1 options=$2
    shift 2
    mkdir -p "$here/corpus/$target"
    for f in "$@"; do
        [ "$(stat -c %s "$f")" -le 262144 ] || continue
        local name
        name=$(printf '%s%s' "$options" "${f#"$root"/}" | tr '/' '_')
        { [ -z "$options" ] || printf "\\x$options"; cat "$f"; } >"$here/corpus/$target/$name"
    done
}

files() { find "$root/fixtures" "$root/rules" -type f \( "$@" \) -print; }

seed_corpus() {
    local target=$1
    [ -z "$(ls -A "$here/corpus/$target" 2>/dev/null)" ] || return 0
    case $target in
    text)
        mapfile -t txt < <(files -name '*.txt' -o -name '*.cmd')
        mapfile -t md < <(files -name '*.md')
        seed text 00 "${txt[@]}"
        seed text 01 "${md[@]}"
        seed text c0 "${txt[@]:0:3}"
        ;;
    json)
        mapfile -t json < <(files -name '*.json' -o -name '*.jsonc' -not -path '*/rules/*')
        seed json 00 "${json[@]}"
        seed json 80 "${json[@]:0:3}"
        ;;
    jsonl) mapfile -t f < <(files -name '*.jsonl') && seed jsonl 00 "${f[@]}" ;;
    vtt) mapfile -t f < <(files -name '*.vtt') && seed vtt 00 "${f[@]}" ;;
    srt) mapfile -t f < <(files -name '*.srt') && seed srt 00 "${f[@]}" ;;
    sbv) mapfile -t f < <(files -name '*.sbv') && seed sbv 00 "${f[@]}" ;;
    csv) mapfile -t f < <(files -name '*.csv' -o -name '*.tsv') && seed csv 00 "${f[@]}" ;;
    rules)
        mapfile -t f < <(find "$root/rules" "$root/fixtures/rules" -type f \( -name '*.yaml' -o -name '*.json' \))
        seed rules "" "${f[@]}"
        ;;
    config) mapfile -t f < <(find "$root/fixtures/configs" -type f) && seed config "" "${f[@]}" ;;
    *)
        echo "fuzz/run.sh: no target named '$target'" >&2
        exit 2
        ;;
    esac
}

# Optimised, with overflow checks and debug assertions; no AddressSanitizer (talklint's own code
# has no unsafe, and the sanitizer costs about a third of the executions).
flags="-O -a -s none"
cd "$here"
"${fuzz[@]}" build $flags >/dev/null
status=0
for target in "${targets[@]}"; do
    seed_corpus "$target"
    mkdir -p "artifacts/$target"
    log=$(mktemp)
    # -timeout: an input that takes 10 s is a hang; -rss_limit_mb: 2 GB is a runaway allocation.
    if ! /usr/bin/time -f '%U %S' -o "$log.time" "${fuzz[@]}" run $flags "$target" "corpus/$target" \
        -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 >"$log" 2>&1; then
        status=1
        grep -E 'ERROR|SUMMARY|Test unit written' "$log" >&2 || tail -20 "$log" >&2
    fi
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    cpu=$(awk '{ printf "%.0f", $1 + $2 }' "$log.time")
    found=$(find "artifacts/$target" -type f | wc -l)
    echo "$target: ${cpu} CPU s, ${execs:-0} executions, corpus $(ls "corpus/$target" | wc -l), findings $found"
    rm -f "$log" "$log.time"
done
exit $status
