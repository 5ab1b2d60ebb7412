#!/usr/bin/env bash
# npm run scan: checkov over every example's synthesized stack; writes docs/security-scan.md
# and fails when examples/production has a failed check that scan/accepted-failures.json
# does not list (with its reason).
set -euo pipefail
cd "$(dirname "$0")/.."

CHECKOV_VERSION=3.3.30
VENV=.venv-scan
if ! "$VENV/bin/checkov" --version 2>/dev/null | grep -qx "$CHECKOV_VERSION"; then
  echo "installing checkov $CHECKOV_VERSION into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "checkov==$CHECKOV_VERSION"
fi

npx ts-node --project examples/tsconfig.json examples/synth-all.ts > /dev/null

results=test-reports/scan
rm -rf "$results" && mkdir -p "$results"
for stack in examples/*/cdktf.out/stacks/*/cdk.tf.json; do
  example=$(echo "$stack" | cut -d/ -f2)
  echo "checkov: $stack"
  "$VENV/bin/checkov" -f "$stack" --framework terraform_json -o json --soft-fail --skip-download > "$results/$example.json"
done

npx ts-node --project examples/tsconfig.json scan/report.ts "$results" "$("$VENV/bin/checkov" --version)"
