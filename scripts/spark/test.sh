#!/usr/bin/env bash
# The Spark run against local runs on one generated corpus (about 50 MB of JSON Lines
# news from crates/corpusgen; SPARK_TEST_MB to change it):
#
#   bash scripts/spark/test.sh
#
# Fails unless the Spark report is byte-identical to `claimcheck claims | claimcheck
# compare` over the same corpus, and its conflict lines byte-identical to those of one
# `claimcheck check`. Prints the wall time of each. Too slow for .ci/run (minutes on two
# cores); run it by hand after changing the comparator, the claim record or the job.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
megabytes="${SPARK_TEST_MB:-50}"
work="${SPARK_TEST_DIR:-$root/target/spark/test}"
mkdir -p "$work"
cd "$root"
# CLAIMCHECK_BIN: a folder holding claimcheck and corpusgen already built (no cargo run).
bins="${CLAIMCHECK_BIN:-}"
if [ -z "$bins" ]; then
    cargo build --release --quiet -p claimcheck -p corpusgen
    bins="$root/target/release"
fi
bin="$bins/claimcheck"
corpus="$work/corpus-$megabytes"
if [ ! -d "$corpus" ]; then
    "$bins/corpusgen" --out "$corpus.tmp" --megabytes "$megabytes" --format jsonl
    mv "$corpus.tmp" "$corpus"
fi
# claimcheck names files as they were given; every run below names the corpus the same way.
cd "$work"
name="corpus-$megabytes"

seconds() { date +%s.%N; }

t0=$(seconds)
status=0
"$bin" --quiet check "$name" --format jsonl --output check.jsonl || status=$?
t1=$(seconds)
if [ "$status" -gt 1 ]; then echo "test.sh: claimcheck check failed ($status)" >&2; exit 1; fi

"$bin" --quiet claims "$name" --format jsonl --output claims.jsonl
"$bin" --quiet compare claims.jsonl --format jsonl --fail-on never --output compare.jsonl
t2=$(seconds)

CLAIMCHECK="$bin" bash "$here/run.sh" --workdir "$root" -o spark.jsonl "$name"
t3=$(seconds)

fail=0
if cmp -s compare.jsonl spark.jsonl; then
    echo "same: spark.jsonl and claims | compare ($(wc -l < spark.jsonl) lines)"
else
    echo "DIFFERENT: spark.jsonl and claims | compare (cmp: $(cmp compare.jsonl spark.jsonl 2>&1 | head -1))" >&2
    fail=1
fi
if cmp -s <(tail -n +2 check.jsonl) <(tail -n +2 spark.jsonl); then
    echo "same: the conflict lines of spark.jsonl and check ($(($(wc -l < check.jsonl) - 1)) conflicts)"
else
    echo "DIFFERENT: the conflict lines of spark.jsonl and check" >&2
    fail=1
fi
awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v mb="$megabytes" 'BEGIN {
    printf "wall time on %s MB: check %.1f s; claims + compare %.1f s; spark %.1f s\n", mb, b - a, c - b, d - c
}'
exit "$fail"
