#!/usr/bin/env bash
# Regenerate tests/golden/errors/<name>.json: the error the real aws-cdk-lib 2.276.0 throws for
# each app in tests/oracle/errors/<name>.js (its ValidationError id as `name`, its JS class, type,
# construct path and exact message). tests/oracle_errors.rs builds the same apps with lambda-cdk's
# run-time builders and expects the same code, path and message.
#
#   tests/oracle/regenerate-errors.sh                      # every app in tests/oracle/errors/
#   tests/oracle/regenerate-errors.sh inline-empty         # only these
#
# An app that does not throw is a failure (exit 1): its golden would be meaningless.
set -euo pipefail
cd "$(dirname "$0")"
golden=$PWD/../golden/errors
mkdir -p "$golden"

want_lib=$(node -p "require('./package.json').dependencies['aws-cdk-lib']")
have_lib=$(node -p "try { require('aws-cdk-lib/package.json').version } catch (e) { '' }" 2>/dev/null || true)
if [ "$have_lib" != "$want_lib" ]; then
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

if [ $# -gt 0 ]; then names=("$@"); else
  names=(); for f in errors/*.js; do names+=("$(basename "$f" .js)"); done
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
for name in "${names[@]}"; do
  # Load the app inside a try block and print what it threw, in the golden's shape.
  if CDK_OUTDIR="$tmp/$name" node -e '
    try { require(process.argv[1]); } catch (e) {
      const out = { name: e.name, class: e.constructor && e.constructor.name, type: e.type,
                    constructPath: e.constructPath, message: e.message };
      process.stdout.write(JSON.stringify(out, null, 2) + "\n");
      process.exit(0);
    }
    process.exit(3);' "$PWD/errors/$name.js" > "$tmp/$name.json"; then
    cp "$tmp/$name.json" "$golden/$name.json"
    echo "threw       $name"
  else
    echo "NOT THROWN  $name" >&2
    failed=1
  fi
done
exit $failed
