#!/usr/bin/env bash
# What sharing a #[lambda_function] struct costs a Rust handler: the fixture handler
# (fixtures/rust-handler, lambda-cdk with `default-features = false`, `Orders::from_env()`)
# against the same handler with its configuration read by hand (std only, no dependency).
#
#   bench/handler-cost.sh [RUNS]     RUNS cold builds of each, alternating (default 3)
#
# Each build is `cargo lambda build --release --bin orders` (what RustFunction runs) into a fresh
# target folder, offline (the registry cache must hold syn, quote, proc-macro2: the workspace's
# own build puts them there). Prints a markdown table: median wall time of the cold builds, the
# size of `bootstrap`, and the crates compiled; plus the load average. Needs `cargo lambda` on
# PATH or in ./.venv/bin (./scripts/test.sh installs it). Run it under `nice` on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
RUNS=${1:-3}
if ! command -v cargo-lambda >/dev/null; then
  export PATH=$root/.venv/bin:$PATH
fi
command -v cargo-lambda >/dev/null || { echo "handler-cost.sh: cargo-lambda not found" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/handler-cost.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# (a) the fixture as it is, its lambda-cdk dependency pointing at this tree.
mkdir -p "$tmp/shared/src"
cp fixtures/rust-handler/Cargo.lock "$tmp/shared/"
cp fixtures/rust-handler/src/main.rs fixtures/rust-handler/src/config.rs "$tmp/shared/src/"
sed "s|path = \"../..\"|path = \"$root\"|" fixtures/rust-handler/Cargo.toml > "$tmp/shared/Cargo.toml"

# (b) the same handler without lambda-cdk: `Orders` and `from_env` written by hand.
mkdir -p "$tmp/plain/src"
cp fixtures/rust-handler/src/main.rs "$tmp/plain/src/"
sed '/^\[dependencies\]/,/^lambda-cdk/d' fixtures/rust-handler/Cargo.toml > "$tmp/plain/Cargo.toml"
cat > "$tmp/plain/src/config.rs" <<'EOF'
pub struct Orders {
    pub table_name: String,
    pub page_size: Option<u32>,
    pub queue_url: Option<Value>,
}

pub struct Value(String);

impl Value {
    pub fn as_literal_str(&self) -> Option<&str> {
        Some(&self.0)
    }
}

impl Orders {
    pub fn from_env() -> Result<Self, String> {
        let mut problems = Vec::new();
        let table_name = std::env::var("TABLE_NAME").map_err(|_| problems.push("TABLE_NAME is not set".to_string())).ok();
        let page_size = match std::env::var("PAGE_SIZE") {
            Ok(v) => v.parse().map(Some).map_err(|e| problems.push(format!("PAGE_SIZE={v:?} is not a valid u32 ({e})"))).ok(),
            Err(_) => Some(None),
        };
        let queue_url = std::env::var("QUEUE_URL").ok().map(Value);
        match (table_name, page_size) {
            (Some(table_name), Some(page_size)) if problems.is_empty() => Ok(Orders { table_name, page_size, queue_url }),
            _ => Err(problems.join("; ")),
        }
    }
}
EOF
grep -q "^lambda-cdk" "$tmp/plain/Cargo.toml" && { echo "handler-cost.sh: (b) still names lambda-cdk" >&2; exit 1; }

export CARGO_NET_OFFLINE=true
build() { # crate run -> seconds
  local dir=$tmp/$1 target=$tmp/target-$1-$2
  local start=$EPOCHREALTIME
  (cd "$dir" && CARGO_TARGET_DIR=$target cargo lambda build --release --bin orders --quiet >"$tmp/$1-$2.log" 2>&1) \
    || { cat "$tmp/$1-$2.log" >&2; exit 1; }
  local end=$EPOCHREALTIME
  echo "$end - $start" | bc
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

declare -a shared_times plain_times
for i in $(seq 1 "$RUNS"); do
  echo "handler-cost.sh: run $i/$RUNS" >&2
  plain_times+=("$(build plain "$i")")
  shared_times+=("$(build shared "$i")")
done
size() { stat -c %s "$tmp/target-$1-1/lambda/orders/bootstrap"; }
crates() { (cd "$tmp/$1" && cargo tree -e normal,build --prefix none --format '{p}' 2>/dev/null | awk '{print $1}' | sort -u | wc -l); }
compiled() { (cd "$tmp/$1" && cargo tree -e normal,build --prefix none --format '{p}' 2>/dev/null | awk '{print $1}' | sort -u | paste -sd, -); }

p_med=$(printf '%s\n' "${plain_times[@]}" | median)
s_med=$(printf '%s\n' "${shared_times[@]}" | median)
p_size=$(size plain); s_size=$(size shared)
echo "| fixtures/rust-handler, \`cargo lambda build --release\`, cold, median of $RUNS | std only, config read by hand | with lambda-cdk (\`default-features = false\`) | difference |"
echo "| --- | --- | --- | --- |"
printf '| build time | %.1f s | %.1f s | +%.1f s |\n' "$p_med" "$s_med" "$(echo "$s_med - $p_med" | bc)"
printf '| bootstrap size | %d bytes | %d bytes | %+d bytes |\n' "$p_size" "$s_size" "$((s_size - p_size))"
printf '| crates compiled | %d | %d (%s) | |\n' "$(crates plain)" "$(crates shared)" "$(compiled shared)"
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); runs: plain ${plain_times[*]} s, shared ${shared_times[*]} s"
