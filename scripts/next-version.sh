#!/usr/bin/env bash
# The release's nextVersionCommand (.projenrc.ts): the version CHANGELOG.md's first heading names when
# it reads `## <x.y.z> - unreleased` and is newer than the latest release ($VERSION, from the latest
# v* tag); else nothing, and the conventional commits since that tag decide (projen's bump).
set -euo pipefail
cd "$(dirname "$0")/.."
heading=$(grep -m1 '^## ' CHANGELOG.md || true)
if [[ $heading =~ ^##\ ([0-9]+\.[0-9]+\.[0-9]+)\ -\ unreleased$ ]]; then
  planned=${BASH_REMATCH[1]}
  newest=$(printf '%s\n%s\n' "${VERSION:-0.0.0}" "$planned" | sort -V | tail -1)
  if [ "$planned" != "${VERSION:-0.0.0}" ] && [ "$newest" = "$planned" ]; then
    echo "$planned"
  fi
fi
