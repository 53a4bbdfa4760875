#!/usr/bin/env bash
# Regenerates tests/golden-metadata/<app>/<stack>.metadata.json with the real aws-cdk-lib:
# each app run with plain `node` (no context), its metadata files copied without the
# `aws:cdk:creationStack` entries and `trace` fields (stack traces holding this machine's
# paths), which lambda-cdk does not write. aws-cdk-lib's token counter starts at a random offset,
# which shows in warnings that print a token (`${Token[AWS.Region.4]}`): tools/fix-random.js pins
# it to offset 0, the texts lambda-cdk writes. NODE_PATH may point at another checkout's
# node_modules instead of installing them here.
#   tests/oracle/regenerate-metadata.sh [app...]
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules/aws-cdk-lib ] || [ -n "${NODE_PATH:-}" ] || npm ci --no-audit --no-fund
apps=("$@")
[ ${#apps[@]} -gt 0 ] || apps=(minimal-inline code-from-bucket current-version-alias event-rule-target event-rule-options imported-functions imported-functions-env kitchen-sink)
for app in "${apps[@]}"; do
  out=$(mktemp -d)
  CDK_TOKEN_SEED=0 CDK_OUTDIR="$out" CDK_VALIDATION=false node -r ./tools/fix-random.js "apps/$app.js"
  mkdir -p "../golden-metadata/$app"
  for f in "$out"/*.metadata.json; do
    node -e '
      const fs = require("fs");
      const m = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
      const out = {};
      for (const [path, entries] of Object.entries(m)) {
        const kept = entries
          .filter(e => e.type !== "aws:cdk:creationStack")
          .map(({ trace, ...rest }) => rest);
        if (kept.length) out[path] = kept;
      }
      fs.writeFileSync(process.argv[2], JSON.stringify(out, undefined, 2));
    ' "$f" "../golden-metadata/$app/$(basename "$f")"
  done
  rm -rf "$out"
  echo "ok    $app"
done
