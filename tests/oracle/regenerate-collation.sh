#!/usr/bin/env bash
# Regenerate lambda-core/data/locale-compare.json, the oracle of lambda-core's `locale_compare`:
# strings ranked by Node's `localeCompare` (ICU root collation, as aws-cdk-lib sorts `DependsOn`).
#
#   tests/oracle/regenerate-collation.sh
#
# The strings come from a fixed seed (tools/locale-compare.js), so only a Node/ICU change can change
# the file. Never edit it by hand.
set -euo pipefail
cd "$(dirname "$0")"
node tools/locale-compare.js > ../../lambda-core/data/locale-compare.json
