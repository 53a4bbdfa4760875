#!/usr/bin/env bash
# Regenerate lambda-core/data/gitignore-cases.json, the oracle of lambda-core's `.gitignore` mode:
# what npm `ignore` (the copy aws-cdk-lib bundles, IgnoreMode.GIT) answers for a fixed set of
# pattern lists and paths (tools/gitignore-cases.js; fixed seed).
#
#   tests/oracle/regenerate-gitignore.sh
#
# Uses aws-cdk-lib from tests/oracle/node_modules (`npm ci` here if missing). Never edit the
# fixture by hand.
set -euo pipefail
cd "$(dirname "$0")"
want_lib=$(node -p "require('./package.json').dependencies['aws-cdk-lib']")
have_lib=$(node -p "try { require('aws-cdk-lib/package.json').version } catch (e) { '' }" 2>/dev/null || true)
if [ "$have_lib" != "$want_lib" ]; then
  echo "npm ci (aws-cdk-lib $want_lib) in $PWD" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
node tools/gitignore-cases.js > ../../lambda-core/data/gitignore-cases.json
