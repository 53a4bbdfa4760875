#!/usr/bin/env bash
# What lambda-cdk costs a user at compile time, against a crate using only serde, in one invocation.
#
#   bench/build-cost.sh [RUNS] [BEFORE]
#
#   RUNS    cold builds of each crate, alternating (default 1)
#   BEFORE  optional: another lambda-cdk source tree (e.g. `git archive <commit> | tar -x -C dir`),
#           measured in the same run as a "before" column
#
# In a fresh temporary folder it writes, for each lambda-cdk tree, crates that take their dependency
# versions from that tree's Cargo.lock (a copy; after one `cargo fetch`, cargo runs --offline):
#   (a) ref-serde   serde (derive) + serde_json, one derived struct serialized to JSON
#   (b) app         lambda-cdk (git dependency, default features): the quickstart example's
#                   `#[lambda_function]` struct and one `Function::builder()` function
#   (c) app100      100 `#[lambda_function]` structs, each built into one stack
# and measures:
#   1. cold `cargo build` (dev profile, fresh target folder) of (a) and each (b), alternating
#      a, b, [b before], a, b, ...; the build's own wall time from its `--timings` report ("Total
#      time": cargo's build, without waiting for the package cache lock that other cargo processes
#      on the machine may hold), the ratio (b)/(a), the time summed over the units, the crate count
#      (`cargo tree`, normal + build edges), the syn versions, and the slowest units of (b)'s
#      last cold build;
#   2. edit-and-synthesize of (b): change a `#[lambda_function]` value in main.rs, `cargo build`,
#      run the app (it writes its cloud assembly); 5 edits, median;
#   3. the expansion cost of 100 annotated structs: the same edit-and-build of (c) against (b)'s
#      (b's dependencies already built, so only the app crate compiles); 3 edits each, medians.
# lambda-cdk is a git dependency of (b) and (c): each tree's files are committed into a fresh
# repository in the temporary folder, and the app names it `git = "file://..."`. Cargo builds a git
# dependency as it builds a crates.io one (not incrementally, lints capped), which is what a user
# who depends on `lambda-cdk = "0.1"` compiles; a path dependency is compiled incrementally, which
# costs lambda-core about 20 % more on a cold build. AS_PATH=1 uses path dependencies instead.
# Output: a markdown table on stdout; the crates and timing reports stay in the temporary folder
# when KEEP=1. Run it under `nice` on a shared machine; the load average is printed with the table.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
RUNS=${1:-1}
BEFORE=${2:-}
EDITS=5
EXPANSION_EDITS=3
TOP=12

log() { echo "build-cost.sh: $*" >&2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/build-cost.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then log "keeping $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi
unset RUSTC_WRAPPER CARGO_BUILD_RUSTC_WRAPPER CARGO_TARGET_DIR
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# Trees: "now" is this repository; "before" the optional BEFORE tree.
declare -A tree=([now]="$root")
trees=(now)
if [ -n "$BEFORE" ]; then
  tree[before]=$(cd "$BEFORE" && pwd)
  trees=(now before)
fi

# --- the crates -----------------------------------------------------------------------------------
manifest() { # manifest <dir> <name> <lock> <dependency lines>
  mkdir -p "$1/src"
  printf '[package]\nname = "%s"\nversion = "0.1.0"\nedition = "2021"\npublish = false\n\n[dependencies]\n%s\n' \
    "$2" "$4" > "$1/Cargo.toml"
  cp "$3" "$1/Cargo.lock"
}

manifest "$tmp/a" ref-serde "$root/Cargo.lock" 'serde = { version = "1", features = ["derive"] }
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

write_app() { # write_app <dir>
  cat > "$1/src/main.rs" <<'EOF'
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
}

write_app100() { # write_app100 <dir>
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
  } > "$1/src/main.rs"
}

# dependency_on <tree> <name>: the manifest line naming lambda-cdk in that tree. Unless AS_PATH=1,
# the tree's files (a git work tree's tracked and untracked-but-not-ignored files, or a plain
# folder without target/) committed once into "$tmp/git-<name>".
dependency_on() {
  if [ "${AS_PATH:-0}" = 1 ]; then
    echo "lambda-cdk = { path = \"$1\" }"
    return
  fi
  local repo="$tmp/git-$2"
  if [ ! -d "$repo/.git" ]; then
    mkdir -p "$repo"
    if git -C "$1" rev-parse --is-inside-work-tree > /dev/null 2>&1; then
      (cd "$1" && git ls-files -z --cached --others --exclude-standard --deduplicate |
        tar --null -T - --ignore-failed-read -cf - 2> /dev/null) | tar --warning=no-timestamp -xf - -C "$repo"
    else
      (cd "$1" && tar --exclude=./target -cf - .) | tar --warning=no-timestamp -xf - -C "$repo"
    fi
    git -C "$repo" init -q
    git -C "$repo" add -A
    git -C "$repo" -c user.name=build-cost -c user.email=build-cost@localhost commit -qm tree
  fi
  echo "lambda-cdk = { git = \"file://$repo\" }"
}

for t in "${trees[@]}"; do
  manifest "$tmp/b-$t" app "${tree[$t]}/Cargo.lock" "$(dependency_on "${tree[$t]}" "$t")"
  handler "$tmp/b-$t"
  write_app "$tmp/b-$t"
  manifest "$tmp/c-$t" app100 "${tree[$t]}/Cargo.lock" "$(dependency_on "${tree[$t]}" "$t")"
  handler "$tmp/c-$t"
  write_app100 "$tmp/c-$t"
done

# --- measuring ------------------------------------------------------------------------------------
now() { echo "$EPOCHREALTIME"; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", b - a}'; }
median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

sides=(a)
for t in "${trees[@]}"; do sides+=("b-$t"); done
for side in "${sides[@]}"; do (cd "$tmp/$side" && cargo fetch -q); done
for t in "${trees[@]}"; do (cd "$tmp/c-$t" && cargo fetch -q); done

# total_of <side>: "Total time" of the side's last timing report, in seconds.
total_of() {
  grep -o 'Total time:</td><td>[0-9.]*s' "$tmp/target-$1/cargo-timings/cargo-timing.html" |
    sed -e 's/.*<td>//' -e 's/s$//'
}

declare -A cold outside
for side in "${sides[@]}"; do cold[$side]=""; outside[$side]=""; done
for r in $(seq 1 "$RUNS"); do
  for side in "${sides[@]}"; do
    rm -rf "$tmp/target-$side"
    log "cold build ($side), run $r"
    t0=$(now)
    (cd "$tmp/$side" && CARGO_TARGET_DIR="$tmp/target-$side" cargo build --offline -q --timings)
    t1=$(now)
    outside[$side]+="$(elapsed "$t0" "$t1") "
    cold[$side]+="$(total_of "$side") "
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

# edit_build <crate dir> <target dir> <binary> <count> <run?>: per edit, the seconds of
# `cargo build` (+ the app's run when run=1)
edit_build() {
  local dir=$1 target=$2 bin=$3 count=$4 run=$5 times=""
  for i in $(seq 1 "$count"); do
    # A different memory size each time: a real edit of a #[lambda_function] value.
    sed -i -E "0,/memory_size = [0-9]+/s//memory_size = $((256 + 64 * i))/" "$dir/src/main.rs"
    t0=$(now)
    (cd "$dir" && CARGO_TARGET_DIR="$target" cargo build --offline -q)
    if [ "$run" = 1 ]; then
      (cd "$dir" && CDK_OUTDIR="$dir/cdk.out" "$target/debug/$bin" > /dev/null)
    fi
    t1=$(now)
    times+="$(elapsed "$t0" "$t1") "
  done
  echo "$times"
}

declare -A edit_synth build_b build_c
for t in "${trees[@]}"; do
  target="$tmp/target-b-$t"
  # (c) once, untimed: later edits are incremental, as (b)'s are.
  (cd "$tmp/c-$t" && CARGO_TARGET_DIR="$target" cargo build --offline -q)
  log "edit-and-synthesize (b, $t), $EDITS edits"
  edit_synth[$t]=$(edit_build "$tmp/b-$t" "$target" app "$EDITS" 1)
  log "expansion: edit-and-build (b, $t) and (c, $t), $EXPANSION_EDITS edits each"
  build_b[$t]=$(edit_build "$tmp/b-$t" "$target" app "$EXPANSION_EDITS" 0)
  build_c[$t]=$(edit_build "$tmp/c-$t" "$target" app100 "$EXPANSION_EDITS" 0)
done

# --- report ---------------------------------------------------------------------------------------
med() { tr ' ' '\n' <<< "$1" | grep . | median; }
fmt() { awk -v x="$1" 'BEGIN {printf "%.2f s", x}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", b / a}'; }
ca=$(med "${cold[a]}")

header="| measure | ref-serde (a) |"
rule="| --- | --- |"
for t in "${trees[@]}"; do header+=" lambda-cdk app (b), $t |"; rule+=" --- |"; done
echo "$header"
echo "$rule"
row() { # row <label> <a cell> <cell per tree...>
  local line="| $1 | $2 |"
  shift 2
  for cell in "$@"; do line+=" $cell |"; done
  echo "$line"
}
cells=(); for t in "${trees[@]}"; do cells+=("$(fmt "$(med "${cold[b-$t]}")")"); done
row "cold \`cargo build\` (cargo's build time, median of $RUNS)" "$(fmt "$ca")" "${cells[@]}"
cells=(); for t in "${trees[@]}"; do cells+=("**$(ratio "$ca" "$(med "${cold[b-$t]}")")**"); done
row "ratio (b)/(a)" "1" "${cells[@]}"
cells=(); for t in "${trees[@]}"; do cells+=("$(cpu_of "b-$t") s"); done
row "time summed over the units (last cold build)" "$(cpu_of a) s" "${cells[@]}"
cells=(); for t in "${trees[@]}"; do cells+=("$(crates_of "b-$t")"); done
row "crates (\`cargo tree\`, normal + build)" "$(crates_of a)" "${cells[@]}"
cells=(); for t in "${trees[@]}"; do cells+=("$(syn_of "b-$t")"); done
row "syn versions" "$(syn_of a)" "${cells[@]}"
cells=(); for t in "${trees[@]}"; do cells+=("$(fmt "$(med "${edit_synth[$t]}")")"); done
row "edit-and-synthesize (edit, \`cargo build\`, run; median of $EDITS)" "" "${cells[@]}"
cells=(); for t in "${trees[@]}"; do cells+=("$(fmt "$(med "${build_b[$t]}")") / $(fmt "$(med "${build_c[$t]}")")"); done
row "edit-and-build, 1 annotated struct (b) / 100 (c) (medians of $EXPANSION_EDITS)" "" "${cells[@]}"
cells=(); for t in "${trees[@]}"; do
  cells+=("$(awk -v b="$(med "${build_b[$t]}")" -v c="$(med "${build_c[$t]}")" 'BEGIN {printf "%.1f ms", (c - b) / 99 * 1000}')")
done
row "expansion cost per annotated struct ((c) − (b)) / 99" "" "${cells[@]}"
echo
echo "Each run (s), cargo's build time / wall time around \`cargo build\` (which includes waiting for the package cache lock):"
for side in "${sides[@]}"; do echo "- $side: ${cold[$side]}/ ${outside[$side]}"; done
for t in "${trees[@]}"; do
  echo "- $t: edit-and-synthesize ${edit_synth[$t]}; edit-and-build (b) ${build_b[$t]}; (c) ${build_c[$t]}"
done
for t in "${trees[@]}"; do
  echo
  echo "Slowest units of (b, $t)'s last cold build (\`cargo build --timings\`):"
  echo
  echo "| unit | version | target | s |"
  echo "| --- | --- | --- | --- |"
  units_of "b-$t" | sort -t$'\t' -k4 -g -r | head -n "$TOP" | awk -F'\t' '{printf "| %s | %s | %s | %.2f |\n", $1, $2, $3, $4}'
done
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); $(rustc --version | cut -d' ' -f1-2);" \
  "load average at start $load_start, at end $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ);" \
  "lambda-cdk's crates built $([ "${AS_PATH:-0}" = 1 ] && echo "as a path dependency (incremental)" || echo "as a git dependency (as a crates.io one is: not incrementally)")."
