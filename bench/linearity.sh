#!/usr/bin/env bash
# Is synthesis linear in the number of constructs? Runs `examples/scale.rs inline N` (N inline
# functions, two resources each) for each N, RUNS times each, alternating the sizes run by run,
# and prints the median wall time of the whole process and of the synthesis phases that
# `LAMBDA_CDK_LOG=debug` reports, with the time per function.
#
#   bench/linearity.sh [RUNS] [N...]        (defaults: 7 runs; 2500 5000 10000 20000)
#
# Each run writes into a fresh empty CDK_OUTDIR. Output: a markdown table on stdout. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-7}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2500 5000 10000 20000)

cargo build --release --example scale -q
scale=$PWD/target/release/examples/scale
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# median of the numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

for ((run = 1; run <= RUNS; run++)); do
  for n in "${sizes[@]}"; do
    out=$work/out-$n-$run
    start=$EPOCHREALTIME
    CDK_OUTDIR=$out LAMBDA_CDK_LOG=debug "$scale" inline "$n" 2> "$work/log-$n-$run" > /dev/null
    end=$EPOCHREALTIME
    awk -v s="$start" -v e="$end" 'BEGIN {printf "%.1f\n", (e - s) * 1000}' >> "$work/wall-$n"
    # "synth: 20000 elements in 51.3 ms: ..."
    sed -n 's/.*synth: [0-9]* elements in \([0-9.]*\) ms.*/\1/p' "$work/log-$n-$run" >> "$work/synth-$n"
    rm -rf "$out"
  done
done

echo "| functions | process median (ms) | synthesis median (ms) | µs per function (process) |"
echo "| --- | --- | --- | --- |"
for n in "${sizes[@]}"; do
  wall=$(median < "$work/wall-$n")
  synth=$(median < "$work/synth-$n")
  per=$(awk -v w="$wall" -v n="$n" 'BEGIN {printf "%.1f", w * 1000 / n}')
  echo "| $n | $wall | $synth | $per |"
done
echo
echo "($RUNS runs each, $(nproc) cores, $(date -u +%Y-%m-%d))"
