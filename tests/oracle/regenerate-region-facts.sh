#!/usr/bin/env bash
# Regenerates lambda-spec/src/region_facts/data.rs from the installed aws-cdk-lib (2.276.0): the
# regions, and the Lambda Insights, ADOT and Parameters & Secrets layer ARNs per region with the
# versions aws-cdk-lib names for them. The macro and the run time both read that one copy.
#   tests/oracle/regenerate-region-facts.sh
set -euo pipefail
cd "$(dirname "$0")"
[ -d node_modules/aws-cdk-lib ] || npm ci --no-audit --no-fund --loglevel=error >&2
node tools/region-facts.js ../../lambda-spec/src/region_facts/data.rs
