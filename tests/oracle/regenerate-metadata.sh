#!/usr/bin/env bash
# Regenerates tests/golden-metadata/<app>/<stack>.metadata.json with the real aws-cdk-lib:
# each app run with plain `node` (no context), its metadata files copied without the
# `aws:cdk:creationStack` entries and `trace` fields (stack traces holding this machine's
# paths), which lambda-cdk does not write.
#   tests/oracle/regenerate-metadata.sh [app...]
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules/aws-cdk-lib ] || npm ci --no-audit --no-fund
apps=("$@")
[ ${#apps[@]} -gt 0 ] || apps=(minimal-inline code-from-bucket current-version-alias event-rule-target event-rule-options)
for app in "${apps[@]}"; do
  out=$(mktemp -d)
  CDK_OUTDIR="$out" CDK_VALIDATION=false node "apps/$app.js"
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
