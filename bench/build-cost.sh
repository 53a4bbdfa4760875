#!/usr/bin/env bash
# What lambda-cdk costs a user at compile time, against a crate using only serde, in one invocation.
#
#   bench/build-cost.sh [RUNS]        (RUNS defaults to 1: cold builds of each crate, alternating)
#
# In a fresh temporary folder it writes three crates that take their dependency versions from this
# repository's Cargo.lock (a copy of it; cargo runs --offline, the registry must already hold them):
#   (a) ref-serde   serde (derive) + serde_json, one derived struct serialized to JSON
#   (b) app         lambda-cdk (path dependency on this repository, default features): the quickstart
#                   example's `#[lambda_function]` struct and one `Function::builder()` function
#   (c) app100      100 `#[lambda_function]` structs, each built into one stack
# and measures:
#   1. cold `cargo build` (dev profile, fresh target folder) of (a) and (b), alternating a, b, a, b..;
#      wall time per build, the ratio (b)/(a), the CPU time summed over the units, the crate count
#      (`cargo tree`, normal + build edges), the syn versions, and the slowest units of (b)'s last
#      cold build (`cargo build --timings`);
#   2. edit-and-synthesize of (b): change a `#[lambda_function]` value in main.rs, `cargo build`,
#      run the app (it writes its cloud assembly); 5 edits, median;
#   3. the expansion cost of 100 annotated structs: the same edit-and-build of (c) against (b)'s
#      (b's dependencies already built, so only the app crate compiles); 3 edits each, medians.
# Output: a markdown table on stdout; the crates and timing reports stay in the temporary folder
# when KEEP=1. Run it under `nice` on a shared machine; the load average is printed with the table.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
RUNS=${1:-1}
EDITS=5
EXPANSION_EDITS=3
TOP=12

log() { echo "build-cost.sh: $*" >&2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/build-cost.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then log "keeping $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi
unset RUSTC_WRAPPER CARGO_BUILD_RUSTC_WRAPPER CARGO_TARGET_DIR
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the crates -----------------------------------------------------------------------------------
manifest() { # manifest <dir> <name> <dependency lines>
  mkdir -p "$1/src"
  printf '[package]\nname = "%s"\nversion = "0.1.0"\nedition = "2021"\npublish = false\n\n[dependencies]\n%s\n' \
    "$2" "$3" > "$1/Cargo.toml"
  cp "$root/Cargo.lock" "$1/Cargo.lock"
}

manifest "$tmp/a" ref-serde 'serde = { version = "1", features = ["derive"] }
serde_json = "1"'
cat > "$tmp/a/src/main.rs" <<'EOF'
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct Function {
    runtime: String,
    handler: String,
    memory_size: u32,
}

fn main() {
    let f = Function { runtime: "nodejs22.x".into(), handler: "index.handler".into(), memory_size: 256 };
    println!("{}", serde_json::to_string(&f).unwrap());
}
EOF

handler() {
  mkdir -p "$1/fixtures/handler-node"
  echo 'exports.handler = async () => "hello";' > "$1/fixtures/handler-node/index.js"
}

manifest "$tmp/b" app "lambda-cdk = { path = \"$root\" }"
handler "$tmp/b"
cat > "$tmp/b/src/main.rs" <<'EOF'
use std::path::Path;

use lambda_cdk::prelude::*;

/// Says hello.
#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = asset("fixtures/handler-node"),
    memory_size = 256,
    timeout = "10s",
    environment(GREETING = "hello"),
)]
pub struct Hello {}

fn main() -> Result<(), lambda_cdk::Error> {
    let app = App::from_env();
    let stack = Stack::builder().build(&app, "BuildCostStack")?;
    Hello::builder().build(&stack, "Hello")?;
    Function::builder()
        .runtime(Runtime::NODEJS_22_X)
        .handler("index.handler")
        .code(Code::from_asset(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/handler-node"),
        ))
        .build(&stack, "World")?;
    app.synth()?;
    Ok(())
}
EOF

manifest "$tmp/c" app100 "lambda-cdk = { path = \"$root\" }"
handler "$tmp/c"
{
  echo 'use lambda_cdk::prelude::*;'
  for i in $(seq 1 100); do
    cat <<EOF

/// Function $i.
#[lambda_function(
    runtime = "nodejs22.x",
    handler = "index.handler",
    code = asset("fixtures/handler-node"),
    memory_size = 256,
    timeout = "10s",
    environment(GREETING = "hello", INDEX = "$i"),
)]
pub struct Fn$i {}
EOF
  done
  echo
  echo 'fn main() -> Result<(), lambda_cdk::Error> {'
  echo '    let app = App::from_env();'
  echo '    let stack = Stack::builder().build(&app, "BuildCost100")?;'
  for i in $(seq 1 100); do echo "    Fn$i::builder().build(&stack, \"Fn$i\")?;"; done
  echo '    app.synth()?;'
  echo '    Ok(())'
  echo '}'
} > "$tmp/c/src/main.rs"

# --- measuring ------------------------------------------------------------------------------------
now() { echo "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", b - a}'; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

for side in a b c; do (cd "$tmp/$side" && cargo fetch -q); done

declare -A cold
cold[a]=""; cold[b]=""
for r in $(seq 1 "$RUNS"); do
  for side in a b; do
    rm -rf "$tmp/target-$side"
    log "cold build ($side), run $r"
    t0=$(now)
    (cd "$tmp/$side" && CARGO_TARGET_DIR="$tmp/target-$side" cargo build --offline -q --timings)
    t1=$(now)
    cold[$side]+="$(elapsed "$t0" "$t1") "
  done
done

# units_of <side>: the unit list of the last cold build's timing report as TSV (name version target duration)
units_of() {
  python3 - "$tmp/target-$1/cargo-timings/cargo-timing.html" <<'EOF'
import json, re, sys
html = open(sys.argv[1]).read()
units = json.loads(re.search(r'const UNIT_DATA = (\[.*?\]);\n', html, re.S).group(1))
for u in units:
    print(f"{u['name']}\t{u['version']}\t{u['target'].strip() or 'lib'}\t{u['duration']}")
EOF
}
cpu_of() { units_of "$1" | awk -F'\t' '{s += $4} END {printf "%.1f", s}'; }
crates_of() {
  (cd "$tmp/$1" && cargo tree --offline -e normal,build --prefix none) |
    sed -e 's/ (\*)$//' -e 's/ (proc-macro)//' -e 's/ (\/.*)$//' | sort -u | wc -l
}
syn_of() {
  (cd "$tmp/$1" && cargo tree --offline -e normal,build --prefix none) |
    awk '$1 == "syn" {print $2}' | sort -u | paste -sd' ' -
}

# edit_build <side> <count> <run?>: per edit, the seconds of `cargo build` (+ the app's run when run=1)
edit_build() {
  local side=$1 count=$2 run=$3 main="$tmp/$1/src/main.rs" times=""
  for i in $(seq 1 "$count"); do
    # A different memory size each time: a real edit of a #[lambda_function] value.
    sed -i -E "0,/memory_size = [0-9]+/s//memory_size = $((256 + 64 * i))/" "$main"
    t0=$(now)
    (cd "$tmp/$side" && CARGO_TARGET_DIR="$tmp/target-b" cargo build --offline -q)
    if [ "$run" = 1 ]; then
      (cd "$tmp/$side" && CDK_OUTDIR="$tmp/out-$side" "$tmp/target-b/debug/$( [ "$side" = b ] && echo app || echo app100)" > /dev/null)
    fi
    t1=$(now)
    times+="$(elapsed "$t0" "$t1") "
  done
  echo "$times"
}

(cd "$tmp/c" && CARGO_TARGET_DIR="$tmp/target-b" cargo build --offline -q) # (c) once, untimed: later edits are incremental
log "edit-and-synthesize (b), $EDITS edits"
edit_synth=$(edit_build b "$EDITS" 1)
log "expansion: edit-and-build (b) and (c), $EXPANSION_EDITS edits each"
build_b=$(edit_build b "$EXPANSION_EDITS" 0)
build_c=$(edit_build c "$EXPANSION_EDITS" 0)
(cd "$tmp/c" && CDK_OUTDIR="$tmp/out-c" "$tmp/target-b/debug/app100" > /dev/null)
resources_c=$(grep -o '"Type": "AWS::Lambda::Function"' "$tmp"/out-c/*.template.json | wc -l)

# --- report ---------------------------------------------------------------------------------------
med() { tr ' ' '\n' <<< "$1" | grep . | median; }
ca=$(med "${cold[a]}"); cb=$(med "${cold[b]}")
es=$(med "$edit_synth"); bb=$(med "$build_b"); bc=$(med "$build_c")
fmt() { awk -v x="$1" 'BEGIN {printf "%.2f s", x}'; }

echo "| measure | ref-serde (a) | lambda-cdk app (b) | (b)/(a) |"
echo "| --- | --- | --- | --- |"
echo "| cold \`cargo build\`, wall (median of $RUNS) | $(fmt "$ca") | $(fmt "$cb") | $(awk -v a="$ca" -v b="$cb" 'BEGIN {printf "%.2f", b / a}') |"
echo "| cold build, CPU summed over units | $(cpu_of a) s | $(cpu_of b) s | $(awk -v a="$(cpu_of a)" -v b="$(cpu_of b)" 'BEGIN {printf "%.2f", b / a}') |"
echo "| crates (\`cargo tree\`, normal + build) | $(crates_of a) | $(crates_of b) | |"
echo "| syn versions | $(syn_of a) | $(syn_of b) | |"
echo "| edit-and-synthesize (edit, \`cargo build\`, run; median of $EDITS) | | $(fmt "$es") | |"
echo "| edit-and-build, 1 annotated struct (b) / 100 (c) (median of $EXPANSION_EDITS) | | $(fmt "$bb") / $(fmt "$bc") | |"
echo "| expansion cost per annotated struct ((c) − (b)) / 99 | | $(awk -v b="$bb" -v c="$bc" 'BEGIN {printf "%.1f ms", (c - b) / 99 * 1000}') | |"
echo
echo "Cold builds, each run (s): (a) ${cold[a]}; (b) ${cold[b]}. Edit-and-synthesize (s): $edit_synth."
echo "Edit-and-build (s): (b) $build_b; (c) $build_c ((c) synthesizes $resources_c functions)."
echo
echo "Slowest units of (b)'s last cold build (\`cargo build --timings\`):"
echo
echo "| unit | version | target | s |"
echo "| --- | --- | --- | --- |"
units_of b | sort -t$'\t' -k4 -g -r | head -n "$TOP" | awk -F'\t' '{printf "| %s | %s | %s | %.2f |\n", $1, $2, $3, $4}'
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(rustc --version | cut -d' ' -f1-2);" \
  "load average at start $load_start, at end $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)."
