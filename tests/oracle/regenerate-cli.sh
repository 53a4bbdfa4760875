#!/usr/bin/env bash
# Regenerate tests/golden-cli/<app>/<stack>.template.json: what the real CDK CLI (aws-cdk
# 2.1148.1, pinned in package-lock.json) writes when it runs the oracle app with aws-cdk-lib
# 2.276.0, as a user's `cdk synth` does. The CLI passes its context (path and asset metadata,
# version reporting), so these templates carry `aws:cdk:path`/`aws:asset:*` metadata and the
# `CDKMetadata` resource (which tests/cli_synth.rs leaves out of the comparison).
#
#   tests/oracle/regenerate-cli.sh                      # every app that has a tests/golden-cli/ folder
#   tests/oracle/regenerate-cli.sh minimal-inline       # only these
set -euo pipefail
cd "$(dirname "$0")"
golden=$PWD/../golden-cli

if [ ! -x node_modules/.bin/cdk ] || [ ! -d node_modules/aws-cdk-lib ]; then
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

if [ $# -gt 0 ]; then names=("$@"); else
  names=(); for d in "$golden"/*/; do names+=("$(basename "$d")"); done
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export CDK_DISABLE_CLI_TELEMETRY=true CDK_DISABLE_VERSION_CHECK=1
failed=0
for app in "${names[@]}"; do
  out=$tmp/$app
  # Run from the temporary folder so that no cdk.json or cdk.context.json of the repo is read.
  if (cd "$tmp" && "$OLDPWD/node_modules/.bin/cdk" synth --app "node $OLDPWD/apps/$app.js" \
        --output "$out" --no-notices --quiet) > "$tmp/$app.log" 2>&1; then
    mkdir -p "$golden/$app"
    rm -f "$golden/$app"/*.template.json
    cp "$out"/*.template.json "$golden/$app/"
    echo "ok    $app"
  else
    echo "FAIL  $app"; tail -20 "$tmp/$app.log" | sed 's/^/      /'; failed=1
  fi
done
exit $failed
