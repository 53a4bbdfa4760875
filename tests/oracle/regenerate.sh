#!/usr/bin/env bash
# Regenerate the parity goldens with the real aws-cdk-lib (versions pinned in package-lock.json:
# aws-cdk-lib 2.276.0, constructs 10.8.1, aws-cdk 2.1148.1).
#
#   tests/oracle/regenerate.sh                 # every app in tests/oracle/apps/
#   tests/oracle/regenerate.sh layers arm64    # only these apps
#
# For each app <app> (apps/<app>.js, one CommonJS CDK app; its stacks are named after the file):
#   1. plain `node apps/<app>.js` (no CLI, no context: every feature flag has its library default)
#      -> tests/golden/<app>/: <stack>.template.json, <stack>.assets.json, manifest.json, tree.json exactly as
#         aws-cdk-lib wrote them, app.js (the app's source) and assets-listing.txt (staged assets'
#         files, sizes, sha256; see tools/assets-listing.js);
#   2. the same with CDK_CONTEXT_JSON = tests/golden-recommended/CONTEXT.json (the flags of a new
#      `cdk init` project, i.e. aws-cdk-lib's recommended-feature-flags.json, rewritten first from
#      the installed library) -> tests/golden-recommended/<app>/: templates, asset manifests,
#      manifest.json, tree.json.
# Synthesis goes to a temporary folder, so nothing outside tests/golden*/ is written (except
# tests/oracle/node_modules/, git-ignored). Output does not depend on the checkout path: the apps
# read the repo's fixtures/ relative to their own file, and CDK's asset hashes cover relative paths
# and contents only. Exits non-zero if any app fails; the goldens of the other apps are still written.
# The goldens are only ever written by this script: never edit them by hand.
set -euo pipefail
cd "$(dirname "$0")"
oracle=$PWD
golden=$oracle/../golden
recommended=$oracle/../golden-recommended

# Apps that aws-cdk-lib rejects under the recommended flags (no golden-recommended folder):
#   log-retention: LogRemovalPolicyFeatureFlagConflict with @aws-cdk/aws-lambda:useCdkManagedLogGroup
no_recommended=" log-retention "

want_lib=$(node -p "require('./package.json').dependencies['aws-cdk-lib']")
have_lib=$(node -p "try { require('aws-cdk-lib/package.json').version } catch (e) { '' }" 2>/dev/null || true)
if [ "$have_lib" != "$want_lib" ]; then
  echo "npm ci (aws-cdk-lib $want_lib) in $oracle" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

if [ $# -gt 0 ]; then
  names=("$@")
else
  names=()
  for f in apps/*.js; do names+=("$(basename "$f" .js)"); done
fi

node -p "JSON.stringify(require('aws-cdk-lib/recommended-feature-flags.json'))" \
  | python3 -m json.tool > "$recommended/CONTEXT.json"
context_json=$(cat "$recommended/CONTEXT.json")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# synth <app> <outdir> [context json]: plain node, no CLI; the log is kept in $tmp for failures.
synth() {
  local app=$1 out=$2
  if [ $# -ge 3 ]; then
    CDK_CONTEXT_JSON=$3 CDK_OUTDIR=$out node "apps/$app.js" > "$out.log" 2>&1
  else
    env -u CDK_CONTEXT_JSON CDK_OUTDIR="$out" node "apps/$app.js" > "$out.log" 2>&1
  fi
}

# install <assembly> <golden dir>: replace the golden's templates, asset manifests, manifest and tree.
install() {
  local out=$1 dir=$2
  mkdir -p "$dir"
  rm -f "$dir"/*.template.json "$dir"/*.assets.json "$dir"/manifest.json "$dir"/tree.json
  cp "$out"/*.template.json "$out"/*.assets.json "$out"/manifest.json "$out"/tree.json "$dir/"
}

failures=()
for app in "${names[@]}"; do
  [ -f "apps/$app.js" ] || { failures+=("$app: no apps/$app.js"); continue; }

  out=$tmp/plain-$app
  if synth "$app" "$out"; then
    install "$out" "$golden/$app"
    cp "apps/$app.js" "$golden/$app/app.js"
    node tools/assets-listing.js "$out" "$golden/$app"
    echo "ok    $app"
  else
    failures+=("$app: $(grep -m1 -E 'Error|error' "$out.log" || tail -1 "$out.log")")
    echo "FAIL  $app"; sed 's/^/      /' "$out.log" | tail -20
  fi

  if [[ $no_recommended == *" $app "* ]]; then continue; fi
  out=$tmp/rec-$app
  if synth "$app" "$out" "$context_json"; then
    install "$out" "$recommended/$app"
    echo "ok    $app (recommended flags)"
  else
    failures+=("$app (recommended flags): $(grep -m1 -E 'Error|error' "$out.log" || tail -1 "$out.log")")
    echo "FAIL  $app (recommended flags)"; sed 's/^/      /' "$out.log" | tail -20
  fi
done

if [ ${#failures[@]} -gt 0 ]; then
  printf 'failed: %s\n' "${failures[@]}" >&2
  exit 1
fi
