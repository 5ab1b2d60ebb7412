#!/usr/bin/env bash
# npm run release: every package of the library into a fresh dist/, in one run.
#   dist/js/cdktf-rest-api-deployment@<version>.jsii.tgz     npm
#   dist/python/cdktf_rest_api_deployment-<version>-*.whl    PyPI (and the sdist)
#   dist/java/...                                            a Maven repository layout
#   dist/go/cdktfrestapideployment                           the Go module (go build ./... checked)
# The library's npm, Python and Java packages come from one jsii-pacmak invocation (measured
# 99 s for the whole release against 118 s with one invocation per target; README, Releasing).
# Go is generated apart: its build needs the provider subset as a `replace` (package-go.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
npx projen compile
rm -rf dist
# Java: the bindings of cdktf and of the provider subset the library's API names come first, so
# the library's Java build finds them in dist/java (scripts/provider-aws-subset.ts).
npx ts-node --transpile-only --project test/tsconfig.json scripts/provider-aws-subset.ts
npx jsii-pacmak --targets java -o dist node_modules/cdktf
npx jsii-pacmak --targets java -o dist build/provider-aws-subset
npx jsii-pacmak -v --targets js python java -o dist .
bash scripts/package-go.sh
echo "release: every package built in $(( $(date +%s) - started )) s:"
ls dist/js/*.jsii.tgz dist/python/*.whl dist/python/*.tar.gz
ls dist/java/io/github/cdktf-rest-api-deployment/cdktf-rest-api-deployment/*/cdktf-rest-api-deployment-*.jar
ls -d dist/go/cdktfrestapideployment
