#!/usr/bin/env bash
# lambda-cdk against aws-cdk-lib 2.276.0 on the oracle's performance apps, in one invocation.
#
#   bench/compare.sh [RUNS] [workload...]        (RUNS defaults to 7)
#
# Workloads (the apps of bench/gen.js, a copy of the oracle's perf/gen.js; lambda-cdk runs the same
# apps with `examples/scale.rs`):
#   inline-1 inline-10 inline-100 inline-1000   N inline functions in one stack
#   split-1000x200                              1000 inline functions, 5 stacks of 200
#   inline-10000                                lambda-cdk only (aws-cdk-lib takes 13-20 s a run); with
#                                               COMPARE_10000=1 aws-cdk-lib runs too (inline-10000.js is
#                                               inline-1000.js with 10000 functions)
#   assets-100                                  100 functions, each Code.fromAsset of a folder of 3 files
#   bigasset                                    1 function, a 200 MB folder (2,000 x 100 KB), fresh outdir
#   bigasset-restage                            the same, the outdir already holds the previous assembly
#   fingerprint                                 the 200 MB folder's asset hash only: `scale fingerprint`
#                                               vs aws-cdk-lib's FileSystem.fingerprint (node), and
#                                               `openssl dgst -sha256` over the same files, 2 processes
#   staging                                     `scale bigasset` (fresh outdir) against copying the same
#                                               folder with `cp -r` and `tar cf - | tar xf -` in the
#                                               same runs (interleaved): the floor of writing 200 MB
#                                               here; the reference column is `cp -r`, tar goes below
# Each run is a whole process (start-up included) with a fresh empty CDK_OUTDIR (except
# bigasset-restage), started after `sync` (untimed: no run pays for another's write-back), timed with bash's $EPOCHREALTIME (µs) around `/usr/bin/time -f %M` (peak RSS);
# the harness itself (a subshell, /usr/bin/time) costs what the footer's /bin/true line says.
# lambda-cdk and aws-cdk-lib alternate run by run. aws-cdk-lib runs with CDK_VALIDATION=false (its
# bundled validator is most of its time and does not change the templates) and, except for
# bigasset-restage, a fresh empty HOME: no fingerprint disk cache (~/.cdk/cache), as on a first
# synthesis; bigasset-restage keeps its cache warm, its best case. Output: a markdown table on
# stdout (medians), raw timings in bench/work/raw.tsv. Not part of CI.
#
# Needs: cargo, node + npm (aws-cdk-lib is installed into tests/oracle/node_modules with `npm ci`
# if missing), /usr/bin/time (Debian package `time`, installed with apt-get if missing), openssl.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
bench=$root/bench
work=$bench/work
RUNS=${1:-7}
shift || true
workloads=("$@")
[ ${#workloads[@]} -gt 0 ] || workloads=(inline-1 inline-10 inline-100 inline-1000 split-1000x200 inline-10000 assets-100 bigasset bigasset-restage fingerprint)

log() { echo "compare.sh: $*" >&2; }

# --- tools -------------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
  log "installing GNU time (apt-get install time)"
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq time >&2; else sudo apt-get install -y -qq time >&2; fi
fi
oracle=$root/tests/oracle
want_lib=$(node -p "require('$oracle/package.json').dependencies['aws-cdk-lib']")
have_lib=$(cd "$oracle" && node -p "try { require('aws-cdk-lib/package.json').version } catch (e) { '' }" 2>/dev/null || true)
if [ "$have_lib" != "$want_lib" ]; then
  log "npm ci in tests/oracle (aws-cdk-lib $want_lib)"
  (cd "$oracle" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
export NODE_PATH=$oracle/node_modules
log "cargo build --release --example scale"
cargo build --release --example scale -q
scale=$root/target/release/examples/scale
if [ ! -f "$work/bigasset/f1999.bin" ] || [ ! -f "$work/inline-1000.js" ]; then
  log "node bench/gen.js (writes bench/work, ~10 s for the 200 MB folder)"
  node "$bench/gen.js" >&2
fi
if [ ! -f "$work/inline-10000.js" ]; then
  sed -e 's/Inline1000/Inline10000/' -e 's/i < 1000;/i < 10000;/' "$work/inline-1000.js" > "$work/inline-10000.js"
fi

# --- measuring -----------------------------------------------------------------------------------
raw=$work/raw.tsv
echo -e "workload\tside\trun\twall_s\tpeak_rss_kib" > "$raw"
out=$work/out
mkdir -p "$out"

# run <workload> <side> <run#> <fresh outdir? 1|0> <env...> -- <command...>
run() {
  local workload=$1 side=$2 r=$3 fresh=$4; shift 4
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  local dir=$out/$workload-$side
  [ "$fresh" = 1 ] && rm -rf "$dir"
  # The previous run's written data is flushed first (not timed), so no run pays for the
  # write-back of another's 200 MB.
  sync
  local t0 t1
  t0=$EPOCHREALTIME
  if ! (for e in ${envs[@]+"${envs[@]}"}; do export "$e"; done; export CDK_OUTDIR="$dir"
        exec /usr/bin/time -f %M -o "$work/rss.txt" "$@") > "$work/run.log" 2>&1; then
    log "FAILED: $workload $side: $*"; sed 's/^/    /' "$work/run.log" >&2; exit 1
  fi
  t1=$EPOCHREALTIME
  echo -e "$workload\t$side\t$r\t$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.5f", b - a }')\t$(tail -1 "$work/rss.txt")" >> "$raw"
}

cold_home() { rm -rf "$work/home-cold"; mkdir -p "$work/home-cold"; echo "HOME=$work/home-cold"; }

# The commands of each side: ours, theirs (empty: not run), and whether the outdir is fresh.
sides() {
  case $1 in
    inline-*) n=${1#inline-}
      ours=("$scale" inline "$n"); theirs=(node "$work/$1.js"); fresh=1 ;;
    split-1000x200) ours=("$scale" split 1000 200); theirs=(node "$work/split-1000x200.js"); fresh=1 ;;
    assets-100) ours=("$scale" assets "$work/assets100"); theirs=(node "$work/assets-100.js"); fresh=1 ;;
    bigasset) ours=("$scale" bigasset "$work/bigasset"); theirs=(node "$work/bigasset.js"); fresh=1 ;;
    bigasset-restage) ours=("$scale" bigasset "$work/bigasset"); theirs=(node "$work/bigasset.js"); fresh=0 ;;
    fingerprint) ours=("$scale" fingerprint "$work/bigasset"); theirs=(node "$work/fingerprint-only.js"); fresh=1 ;;
    staging) ours=("$scale" bigasset "$work/bigasset"); theirs=(); fresh=1 ;;
    *) log "unknown workload $1"; exit 2 ;;
  esac
  [ "$1" = inline-10000 ] && [ "${COMPARE_10000:-0}" != 1 ] && theirs=()
  return 0
}

cat "$work"/bigasset/* > /dev/null   # warm the page cache
for ((r = 1; r <= RUNS; r++)); do run harness true "$r" 1 -- /bin/true; done
for w in "${workloads[@]}"; do
  sides "$w"
  log "$w: $RUNS runs"
  if [ "$fresh" = 0 ]; then   # a previous assembly to restage over, and aws-cdk-lib's warm cache
    run "$w" lambda-cdk 0 1 -- "${ours[@]}"
    mkdir -p "$work/home-warm"
    run "$w" aws-cdk-lib 0 1 HOME="$work/home-warm" CDK_VALIDATION=false -- "${theirs[@]}"
  fi   # (run 0 is left out of the medians)
  for ((r = 1; r <= RUNS; r++)); do
    run "$w" lambda-cdk "$r" "$fresh" -- "${ours[@]}"
    if [ ${#theirs[@]} -gt 0 ]; then
      if [ "$fresh" = 0 ]; then home="HOME=$work/home-warm"; else home=$(cold_home); fi
      run "$w" aws-cdk-lib "$r" "$fresh" "$home" CDK_VALIDATION=false -- "${theirs[@]}"
    fi
    if [ "$w" = fingerprint ]; then
      run "$w" openssl-P2 "$r" 1 -- bash -c \
        "find '$work/bigasset' -type f -print0 | xargs -0 -P2 -n 1000 openssl dgst -sha256"
    fi
    if [ "$w" = staging ]; then   # CDK_OUTDIR is the fresh destination folder
      run "$w" cp-r "$r" 1 -- bash -c 'cp -r "$0" "$CDK_OUTDIR"' "$work/bigasset"
      run "$w" tar "$r" 1 -- bash -c 'mkdir "$CDK_OUTDIR" && tar cf - -C "$0" . | tar xf - -C "$CDK_OUTDIR"' "$work/bigasset"
    fi
  done
  if [[ $w == inline-* || $w == split-* ]]; then
    du -cb "$out/$w-lambda-cdk"/*.template.json | tail -1 | cut -f1 > "$work/template-bytes-$w"
  fi
done

# --- table ---------------------------------------------------------------------------------------
median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print ""; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
col() { awk -F'\t' -v w="$1" -v s="$2" -v c="$3" '$1 == w && $2 == s && $3 > 0 {print $c}' "$raw" | median; }
fmt_s() { [ -n "$1" ] && awk -v x="$1" 'BEGIN { if (x < 1) printf "%.1f ms", x * 1000; else printf "%.2f s", x }' || echo "—"; }
fmt_mib() { [ -n "$1" ] && awk -v x="$1" 'BEGIN { printf "%.0f", x / 1024 }' || echo "—"; }
ratio() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }' || echo "—"; }

echo "| workload | lambda-cdk median | aws-cdk-lib median | ratio | reference median (openssl -P2; cp -r) | ratio to reference | peak RSS MiB lambda-cdk / aws-cdk-lib |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for w in "${workloads[@]}"; do
  ours=$(col "$w" lambda-cdk 4); theirs=$(col "$w" aws-cdk-lib 4); ssl=$(col "$w" openssl-P2 4)
  [ "$w" = staging ] && ssl=$(col "$w" cp-r 4)
  rss_o=$(col "$w" lambda-cdk 5); rss_t=$(col "$w" aws-cdk-lib 5)
  label=$w
  bytes=$(cat "$work/template-bytes-$w" 2>/dev/null || echo 0)
  if [ "$bytes" -ge 1000000 ]; then
    label="$w (templates $(awk -v b="$bytes" 'BEGIN { printf "%.2f MB", b / 1e6 }'), RSS $(awk -v r="$rss_o" -v b="$bytes" 'BEGIN { printf "%.1f", r * 1024 / b }')× that)"
  fi
  echo "| $label | $(fmt_s "$ours") | $(fmt_s "$theirs") | $(ratio "$ours" "$theirs") | $(fmt_s "$ssl") | $(ratio "$ours" "$ssl") | $(fmt_mib "$rss_o") / $(fmt_mib "$rss_t") |"
done
echo
for w in "${workloads[@]}"; do
  if [ "$w" = staging ]; then
    cpr=$(col staging cp-r 4); tarm=$(col staging tar 4); ours=$(col staging lambda-cdk 4)
    echo "staging: lambda-cdk $(fmt_s "$ours"), cp -r $(fmt_s "$cpr"), tar cf - | tar xf - $(fmt_s "$tarm"); lambda-cdk / cp -r $(ratio "$ours" "$cpr"), lambda-cdk / tar $(ratio "$ours" "$tarm"); per run, lambda-cdk / cp -r: $(awk -F'\t' '$1 == "staging" && $3 > 0 && $2 == "lambda-cdk" { o[$3] = $4 } $1 == "staging" && $3 > 0 && $2 == "cp-r" { c[$3] = $4 } END { for (r in o) if (r in c) printf "%.2f ", o[r] / c[r] }' "$raw" | tr ' ' '\n' | sort -g | tr '\n' ' ' | sed 's/ $//')."
    echo
  fi
done
echo "$RUNS runs each, medians (harness overhead, /bin/true run the same way: $(fmt_s "$(col harness true 4)")); machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr), $(df -T "$work" | awk 'NR==2 {print $2}'); $(rustc --version | cut -d' ' -f1-2), node $(node --version), aws-cdk-lib $want_lib."
