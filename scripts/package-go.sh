#!/usr/bin/env bash
# npm run package:go: the library's Go module in dist/go/cdktfrestapideployment, built with
# `go build ./...`.
#
# The published Go module of @cdktf/provider-aws exceeds the Go proxy's 500 MB limit, so the
# provider's Go bindings are generated here with jsii-pacmak from its npm package (the subset
# this library's API uses, see provider-aws-subset.ts) into build/go-subset, and the library's
# module is built with a replace pointing at them.
set -euo pipefail
cd "$(dirname "$0")/.."

npx ts-node --transpile-only --project test/tsconfig.json scripts/provider-aws-subset.ts
rm -rf build/go-subset
npx jsii-pacmak --code-only --targets go -o build/go-subset build/provider-aws-subset
npx jsii-pacmak -v --code-only --targets go -o dist .

cd dist/go/cdktfrestapideployment
go mod edit -replace "github.com/cdktf/cdktf-provider-aws-go/aws/v21=$(cd ../../../build/go-subset/go/aws && pwd)"
go mod tidy
go build ./...
echo "go build ./... passed in dist/go/cdktfrestapideployment"
