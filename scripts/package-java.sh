#!/usr/bin/env bash
# npm run package:java: the library's Maven package in dist/java (a Maven repository layout).
#
# cdktf's and @cdktf/provider-aws's Java packages are not on Maven Central, so they are built
# here with jsii-pacmak from their npm packages (the provider as the subset this library's API
# uses, see provider-aws-subset.ts) into dist/java too, where the library's Maven build finds them.
set -euo pipefail
cd "$(dirname "$0")/.."

npx ts-node --transpile-only --project test/tsconfig.json scripts/provider-aws-subset.ts
npx jsii-pacmak --targets java -o dist node_modules/cdktf
npx jsii-pacmak --targets java -o dist build/provider-aws-subset
npx jsii-pacmak -v --targets java -o dist .
ls dist/java/io/github/cdktf-rest-api-deployment/cdktf-rest-api-deployment/*/cdktf-rest-api-deployment-*.jar
