#!/usr/bin/env bash
# npm run test:java: builds the Java packages, publishes them to a local Maven repository with the
# release workflow's command, compiles examples/java against them, runs it, and checks that it
# synthesizes the same stack as the TypeScript examples/openapi.
# Then the same for the CDK Terrain flavour (io.github.cdktn-api-gateway-deployment): its packages
# built by `npm run package:java` too, the example's copy with its imports and dependencies
# renamed (scripts/cdktn-example.ts), compared with the TypeScript example synthesized with cdktn.
set -euo pipefail
cd "$(dirname "$0")/../.."

repo="$PWD/build/m2"
version=$(node -p "require('./package.json').version")
export TS_NODE_TRANSPILE_ONLY=true TS_NODE_PROJECT=examples/tsconfig.json

run_and_compare() { # <example dir> <output dir> [node -r hook]
  local maven=(mvn -B -q -f "$1/pom.xml" -Dmaven.repo.local="$repo" -Dlibrary.version="$version")
  "${maven[@]}" package
  "${maven[@]}" dependency:build-classpath -Dmdep.outputFile="$PWD/$2.classpath"
  rm -rf "$2"
  java -cp "$(ls "$1"/target/*.jar):$(cat "$2.classpath")" example.Main "$2"
  node ${3:+-r "$3"} -r ts-node/register scripts/compare-with-typescript.ts openapi openapi "$2"
}

# Maven keeps a release it has seen: drop the copies of the packages built here.
rm -rf "$repo/com/hashicorp" "$repo/io/cdktn" "$repo/io/github/cdktf-api-gateway-deployment" "$repo/io/github/cdktn-api-gateway-deployment" build/registries/maven

# Both flavours' packages, published as the release workflow does to a local Maven repository.
npm run package:java
mkdir -p build/registries/maven
npx ts-node --transpile-only --project test/tsconfig.json test/release/publish-locally.ts maven cdktf cdktn
run_and_compare examples/java build/java-example-out

npx ts-node --transpile-only --project scripts/tsconfig.json scripts/cdktn-example.ts java
run_and_compare build/cdktn/examples/java build/cdktn-java-example-out "$PWD/test/flavours/cdktn-require.js"
