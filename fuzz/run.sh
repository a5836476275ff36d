#!/usr/bin/env bash
# Runs every fuzz target for a bounded time and prints one line per target.
# Exits non-zero if any target found a crash (a panic, a broken property, a
# timeout or running out of memory); the input is kept in
# fuzz/artifacts/TARGET/ and the command to replay it is printed.
#
#   fuzz/run.sh                     every target, 60 s each
#   FUZZ_SECONDS=300 fuzz/run.sh    longer
#   fuzz/run.sh render_comment ...  only these targets
#
# Not part of CI: ten minutes of CPU per run is more than a CI job should
# spend. Needs cargo-fuzz (`cargo install cargo-fuzz`); the stable toolchain
# accepts its nightly flags with RUSTC_BOOTSTRAP=1. Without a sanitizer by
# default (FUZZ_SANITIZER=address to add one): our crates are safe Rust, so
# what we look for is panics, hangs and memory blow-ups, and a plain build
# fuzzes about twice as fast.
#
# libFuzzer grows its corpus in fuzz/work/TARGET (not committed); the small
# committed seeds in fuzz/corpus/TARGET are only read.
set -uo pipefail

cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
seconds="${FUZZ_SECONDS:-60}"
sanitizer="${FUZZ_SANITIZER:-none}"
flags=(--sanitizer "$sanitizer" --debug-assertions)

if [ "$#" -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo fuzz list)
fi

cargo fuzz build "${flags[@]}" >/dev/null 2>build.log \
    || { cat build.log >&2; echo "fuzz: build failed" >&2; exit 2; }
rm -f build.log

# query_strings keeps its SQLite blog under TMPDIR: ours, removed at the end.
export TMPDIR="$PWD/work/tmp"
mkdir -p "$TMPDIR"
trap 'rm -rf "$TMPDIR"' EXIT

failed=0
for target in "${targets[@]}"; do
    mkdir -p "work/$target" "corpus/$target"
    log="work/$target.log"
    # -timeout: one input taking 10 s is a hang; -rss_limit_mb: a parser
    # that needs 2 GB for a fuzz-sized input has a memory bug.
    cargo fuzz run "${flags[@]}" "$target" "work/$target" "corpus/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 >"$log" 2>&1
    status=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
    if [ "$status" -eq 0 ]; then
        printf 'ok     %-18s %8s runs in %ss, coverage %s\n' "$target" "${runs:-?}" "$seconds" "${cov:-?}"
    else
        failed=1
        artifact=$(grep -o 'artifacts/[^ ]*' "$log" | tail -1)
        why=$(grep -m1 -E 'panicked at|ERROR: libFuzzer|SUMMARY' "$log" | cut -c1-160)
        printf 'CRASH  %-18s %s\n       %s\n       replay: cargo fuzz run %s %s %s (log: fuzz/%s)\n' \
            "$target" "${artifact:-no artifact}" "$why" "${flags[*]}" "$target" "fuzz/${artifact:-}" "$log"
    fi
done
exit "$failed"
