#!/usr/bin/env bash
# npm run test:java: builds the Java packages, compiles examples/java against them, runs it, and
# checks that it synthesizes the same stack as the TypeScript examples/openapi.
set -euo pipefail
cd "$(dirname "$0")/../.."
npm run package:java

repo="$PWD/build/m2"
# Maven keeps a release it has seen: drop the copies of the packages built above.
rm -rf "$repo/com/hashicorp" "$repo/io/github/cdktf-rest-api-deployment"
version=$(node -p "require('./package.json').version")
mvn -B -q -f examples/java/pom.xml -Dmaven.repo.local="$repo" -Dlibrary.version="$version" package
mvn -B -q -f examples/java/pom.xml -Dmaven.repo.local="$repo" -Dlibrary.version="$version" dependency:build-classpath -Dmdep.outputFile="$PWD/build/java-classpath.txt"
out=build/java-example-out
rm -rf "$out"
java -cp "$(ls examples/java/target/*.jar):$(cat build/java-classpath.txt)" example.Main "$out"
npx ts-node --transpile-only --project examples/tsconfig.json scripts/compare-with-typescript.ts openapi openapi "$out"
