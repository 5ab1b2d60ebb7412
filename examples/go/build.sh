#!/usr/bin/env bash
# npm run test:go: builds the Go module, compiles examples/go against it, runs it, and checks
# that it synthesizes the same stack as the TypeScript examples/openapi.
set -euo pipefail
cd "$(dirname "$0")/../.."
npm run package:go

(cd examples/go && go mod tidy && go build -o ../../build/go-example .)
out=build/go-example-out
rm -rf "$out"
build/go-example "$out"
npx ts-node --transpile-only --project examples/tsconfig.json scripts/compare-with-typescript.ts openapi openapi "$out"
