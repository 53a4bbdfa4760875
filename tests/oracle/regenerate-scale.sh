#!/usr/bin/env bash
# Regenerate the goldens of the scale apps (tests/scale.rs) with the real aws-cdk-lib (versions
# pinned in package-lock.json, as for regenerate.sh, which this script leaves alone).
#
#   tests/oracle/regenerate-scale.sh
#
# The apps in scale-apps/ are what the oracle's perf/gen.js writes (inline-10.js, assets-100.js,
# split-1000x200.js; bench/gen.js is a copy of it). assets-100 reads 100 folders assets100/fn<i>/ next to itself:
# tools/write-assets100.js writes them (gen.js's own loop) into a temporary folder, where the
# app is run, so nothing but the goldens is written into the repository. CDK_VALIDATION=false
# (same templates, no validation report). Output, as regenerate.sh writes it:
#   tests/golden/<app>/: <stack>.template.json, <stack>.assets.json, manifest.json, tree.json, app.js,
#                        assets-listing.txt
# Asset hashes cover relative paths and contents only, so the goldens do not depend on where the
# folders were written. Never edit the goldens by hand.
set -euo pipefail
cd "$(dirname "$0")"
oracle=$PWD
golden=$oracle/../golden

want_lib=$(node -p "require('./package.json').dependencies['aws-cdk-lib']")
have_lib=$(node -p "try { require('aws-cdk-lib/package.json').version } catch (e) { '' }" 2>/dev/null || true)
if [ "$have_lib" != "$want_lib" ]; then
  echo "npm ci (aws-cdk-lib $want_lib) in $oracle" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node tools/write-assets100.js "$tmp/assets100"

for app in inline-10 assets-100 split-1000x200; do
  cp "scale-apps/$app.js" "$tmp/$app.js"
  out=$tmp/out-$app
  if ! env -u CDK_CONTEXT_JSON CDK_VALIDATION=false CDK_OUTDIR="$out" NODE_PATH="$oracle/node_modules" \
      node "$tmp/$app.js" > "$out.log" 2>&1; then
    echo "FAIL  $app"; sed 's/^/      /' "$out.log" | tail -20
    exit 1
  fi
  dir=$golden/$app
  mkdir -p "$dir"
  rm -f "$dir"/*.template.json "$dir"/*.assets.json "$dir"/manifest.json "$dir"/tree.json
  cp "$out"/*.template.json "$out"/*.assets.json "$out"/manifest.json "$out"/tree.json "$dir/"
  cp "scale-apps/$app.js" "$dir/app.js"
  node tools/assets-listing.js "$out" "$dir"
  echo "ok    $app"
done
