#!/usr/bin/env bash
# Fuzzes talklint with cargo fuzz (libFuzzer): `fuzz/run.sh SECONDS [TARGET...]` runs each target
# (all of `cargo fuzz list` by default) for SECONDS, one after another, and prints its CPU time,
# executions and new findings. A target's corpus (fuzz/corpus/TARGET, not committed) is seeded from
# fixtures/ and rules/ on its first run. A crash, a hang (10 s) or a runaway allocation (2 GB) is
# saved under fuzz/artifacts/TARGET/ and makes the script fail; once fixed, copy the input into
# fuzz/regressions/TARGET/, which `cargo test` replays.
#
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`), GNU time and Linux. The nightly toolchain
# is used when installed; else the stable one, told to accept unstable flags (RUSTC_BOOTSTRAP=1:
# without a sanitizer cargo-fuzz passes none, but this is the way the build was tried on stable).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
seconds=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
[ -x /usr/bin/time ] || { echo "fuzz/run.sh: needs GNU time (/usr/bin/time; Debian: apt-get install time)" >&2; exit 2; }
if cargo +nightly --version >/dev/null 2>&1; then
    fuzz=(cargo +nightly fuzz)
else
    export RUSTC_BOOTSTRAP=1
    fuzz=(cargo fuzz)
fi
cd "$here"
mapfile -t known < <("${fuzz[@]}" list)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${known[@]}")
for target in "${targets[@]}"; do
    printf '%s\n' "${known[@]}" | grep -qx -- "$target" || {
        echo "fuzz/run.sh: no target named '$target' (targets: ${known[*]})" >&2
        exit 2
    }
done

# Inputs longer than this are cut by libFuzzer, so longer seeds are left out.
max_len=65536

# seed TARGET OPTIONS-BYTE FILE...: each file, after the options byte a transcript target reads
# first (rules and config take the file as it is: pass "").
seed() {
    local target=$1 options=$2
    shift 2
    mkdir -p "corpus/$target"
    for f in "$@"; do
        [ "$(stat -c %s "$f")" -le $max_len ] || continue
        local name
        name=$(printf '%s%s' "$options" "${f#"$root"/}" | tr '/' '_')
        { [ -z "$options" ] || printf "\\x$options"; cat "$f"; } >"corpus/$target/$name"
    done
}

# The files under fixtures/ and rules/ that match find's tests "$@", rule files left out.
transcripts() {
    find "$root/fixtures" -type f \( "$@" \) ! -path "$root/fixtures/rules/*" \
        ! -path "$root/fixtures/schemas/*" -print
}

# A transcript target's options byte 00 reads the file plainly (for json: its shape recognised);
# 01 reads text as Markdown; 80 adds --redact, 40 --show-suppressed and --warn-unused-ignores.
seed_corpus() {
    local target=$1 files
    [ -z "$(ls -A "corpus/$target" 2>/dev/null)" ] || return 0
    case $target in
    text)
        mapfile -t files < <(transcripts -name '*.txt')
        seed text 00 "${files[@]}"
        seed text c0 "${files[@]:0:3}"
        mapfile -t files < <(transcripts -name '*.md')
        seed text 01 "${files[@]}"
        ;;
    json)
        mapfile -t files < <(transcripts -name '*.json' -o -name '*.jsonc')
        seed json 00 "${files[@]}"
        seed json 80 "${files[@]:0:3}"
        ;;
    jsonl | vtt | srt | sbv)
        mapfile -t files < <(transcripts -name "*.$target")
        seed "$target" 00 "${files[@]}"
        ;;
    csv)
        mapfile -t files < <(transcripts -name '*.csv' -o -name '*.tsv')
        seed csv 00 "${files[@]}"
        ;;
    rules)
        mapfile -t files < <(find "$root/rules" "$root/fixtures/rules" -type f \( -name '*.yaml' -o -name '*.json' \))
        seed rules "" "${files[@]}"
        ;;
    config)
        mapfile -t files < <(find "$root/fixtures/configs" -type f)
        seed config "" "${files[@]}"
        ;;
    esac
}

# Optimised, with overflow checks and debug assertions; no AddressSanitizer (talklint's own code
# has no unsafe, and the sanitizer costs about a third of the executions).
flags=(-O -a -s none)
"${fuzz[@]}" build "${flags[@]}" >/dev/null
status=0
for target in "${targets[@]}"; do
    seed_corpus "$target"
    mkdir -p "artifacts/$target"
    before=$(find "artifacts/$target" -type f | wc -l)
    log=$(mktemp)
    if ! /usr/bin/time -f '%U %S' -o "$log.time" "${fuzz[@]}" run "${flags[@]}" "$target" \
        "corpus/$target" -- -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=$max_len -print_final_stats=1 >"$log" 2>&1; then
        status=1
        grep -E 'ERROR|SUMMARY|Test unit written' "$log" >&2 || tail -20 "$log" >&2
    fi
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    cpu=$(awk '{ printf "%.0f", $1 + $2 }' "$log.time")
    found=$(($(find "artifacts/$target" -type f | wc -l) - before))
    echo "$target: ${cpu} CPU s, ${execs:-0} executions, corpus $(ls "corpus/$target" | wc -l), new findings $found"
    rm -f "$log" "$log.time"
done
exit $status
