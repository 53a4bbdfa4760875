#!/usr/bin/env bash
# The project's single test command: ./scripts/test.sh [extra `cargo test` args, e.g. a test name]
#
# Installs the two external validators the integration tests run (once, then quietly reused):
#   .venv/        cfn-lint 1.58.0 (PyPI), checks every synthesized template
#   .venv/        cargo-lambda 1.9.2 and ziglang 0.17.0 (PyPI): build the Rust handler fixture
#   .tools/cdk/   aws-cdk 2.1148.1 (npm), the CDK CLI that must read every synthesized assembly
#                 (aws-cdk 3.x cannot read cloud assembly schema 55, which aws-cdk-lib 2.276.0 writes)
# exports CFN_LINT and CDK_CLI for the tests (tests/common/mod.rs), then runs the whole workspace's
# tests. Both tools work offline once installed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

CFN_LINT_VERSION=1.58.0
CDK_CLI_VERSION=2.1148.1
CARGO_LAMBDA_VERSION=1.9.2
ZIGLANG_VERSION=0.17.0

if [ ! -x .venv/bin/python ]; then
  echo "creating .venv" >&2
  python3 -m venv .venv
fi
if [ "$(.venv/bin/python -c 'import importlib.metadata as m; print(m.version("cfn-lint"))' 2>/dev/null || true)" != "$CFN_LINT_VERSION" ]; then
  echo "installing cfn-lint==$CFN_LINT_VERSION into .venv" >&2
  .venv/bin/python -m pip install --quiet --disable-pip-version-check "cfn-lint==$CFN_LINT_VERSION" >&2
fi

for pkg in "cargo-lambda==$CARGO_LAMBDA_VERSION" "ziglang==$ZIGLANG_VERSION"; do
  if [ "$(.venv/bin/python -c "import importlib.metadata as m; print(m.version('${pkg%%==*}'))" 2>/dev/null || true)" != "${pkg##*==}" ]; then
    echo "installing $pkg into .venv" >&2
    .venv/bin/python -m pip install --quiet --disable-pip-version-check "$pkg" >&2
  fi
done

cdk_pkg=.tools/cdk/node_modules/aws-cdk/package.json
if [ "$(node -p "require('./$cdk_pkg').version" 2>/dev/null || true)" != "$CDK_CLI_VERSION" ]; then
  echo "installing aws-cdk@$CDK_CLI_VERSION into .tools/cdk" >&2
  mkdir -p .tools/cdk
  npm install --prefix .tools/cdk "aws-cdk@$CDK_CLI_VERSION" --no-audit --no-fund --loglevel=error >&2
fi

export CFN_LINT=$root/.venv/bin/cfn-lint
export CDK_CLI=$root/.tools/cdk/node_modules/.bin/cdk
export CDK_DISABLE_VERSION_CHECK=1
# `cargo lambda` (and the zig it drives) for the Rust handler tests.
export PATH=$root/.venv/bin:$PATH

# The integration tests run the example binaries (target/debug/examples/<name>). `cargo test
# --all-targets` compiles examples as test harnesses only, so build them as programs first.
cargo build --workspace --examples
# A Rust handler's view of the facade: without `synth`, only the macros, lambda-spec and std.
cargo check -p lambda-cdk --no-default-features
cargo test --workspace --all-targets "$@"
cargo test --workspace --doc "$@"

# The real deploy test: the CDK CLI deploys the examples to a local moto_server (installs
# moto[server] into .venv/ on first use). Last, so its `deploy: N passed, M failed` line closes the
# run; skipped when arguments select some cargo tests (a quick run).
if [ $# -eq 0 ]; then
  ./scripts/deploy-test.sh
fi
