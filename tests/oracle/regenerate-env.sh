#!/usr/bin/env bash
# Regenerate tests/golden-env/: the asset manifest and manifest.json that aws-cdk-lib 2.276.0
# writes for env-apps/insights-region.js, a stack with a concrete account and region
# (123456789012 / us-east-1) whose function uses fixtures/handler-node. tests/stack_env.rs
# checks the environment-specific parts of lambda-cdk's files against them. The app lives in
# env-apps/ rather than apps/ so that regenerate.sh does not make parity goldens for it.
#
#   tests/oracle/regenerate-env.sh
set -euo pipefail
cd "$(dirname "$0")"
golden=$PWD/../golden-env

want_lib=$(node -p "require('./package.json').dependencies['aws-cdk-lib']")
have_lib=$(node -p "try { require('aws-cdk-lib/package.json').version } catch (e) { '' }" 2>/dev/null || true)
if [ "$have_lib" != "$want_lib" ]; then
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
env -u CDK_CONTEXT_JSON CDK_OUTDIR="$out" CDK_VALIDATION=false node env-apps/insights-region.js > "$out.log" 2>&1 \
  || { cat "$out.log" >&2; exit 1; }
rm -f "$out.log"
cp "$out/insights-region.assets.json" "$out/manifest.json" "$golden/"
echo "ok    insights-region"
