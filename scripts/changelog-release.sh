#!/usr/bin/env bash
# The release workflow's last job (release_changelog, .projenrc.ts): CHANGELOG.md gets the release.
#   scripts/changelog-release.sh <version> <release notes: dist/changelog.md>
# When its first heading is the version planned (`## <version> - unreleased`) or `## Unreleased`, that
# heading becomes `## <version> - <date>`; else a section `## <version> - <date>` with the release notes
# written from the commits goes on top. The job proposes the change as a pull request titled `chore(release): ...`, which the
# next release's bump skips.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$1
notes=$2
today=$(date -u +%F)
first=$(grep -n -m1 '^## ' CHANGELOG.md | cut -d: -f1 || true)
first_heading=${first:+$(sed -n "${first}p" CHANGELOG.md)}
if [ "$first_heading" = "## $version - unreleased" ] || [[ $first_heading =~ ^##\ \[?[Uu]nreleased\]?$ ]]; then
  sed -i "${first}s/.*/## $version - $today/" CHANGELOG.md
  echo "CHANGELOG.md: \"${first_heading#\#\# }\" is $version, dated $today"
  exit 0
fi
section=$(mktemp)
{
  echo "## $version - $today"
  echo
  echo "Written from the commits since the last release."
  echo
  # The notes' own heading (a compare link and the date) gives way to the one above.
  sed '0,/^## /{/^## /d}' "$notes" | sed '/./,$!d'
  echo
} > "$section"
if [ -z "$first" ]; then
  cat "$section" >> CHANGELOG.md
else
  { head -n $((first - 1)) CHANGELOG.md; cat "$section"; tail -n +"$first" CHANGELOG.md; } > CHANGELOG.md.new
  mv CHANGELOG.md.new CHANGELOG.md
fi
rm -f "$section"
echo "CHANGELOG.md: $version ($today) from the release notes"
