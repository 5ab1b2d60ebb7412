#!/usr/bin/env bash
# Prints the folder of a Node.js 22 `node` for this machine: the `node` on PATH when it is 22.19
# or later in the 22 line, else Node.js NODE_22_VERSION from the npm registry (the package
# node-<os>-<arch>, a plain binary), installed once into a cache outside the repository
# ($CDKTF_AGD_CACHE or ~/.cache/cdktf-api-gateway-deployment). Use: PATH="$(bash scripts/node-22.sh):$PATH"
#
# Node 22.19 is the floor: cdktn-cli 0.24 declares node >= 22.19 (it needs util.markAsUncloneable, 22.10), and
# @cdktn/provider-aws 25.x declares node >= 22.11.
set -euo pipefail

NODE_22_VERSION=22.23.5

if command -v node >/dev/null 2>&1; then
  if node -e 'const [major, minor] = process.versions.node.split(".").map(Number); process.exit(major === 22 && minor >= 19 ? 0 : 1)'; then
    dirname "$(command -v node)"
    exit 0
  fi
fi

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  *) echo "scripts/node-22.sh: no Node.js package on the npm registry for $(uname -s); install Node.js 22.19 or later yourself" >&2; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "scripts/node-22.sh: no Node.js package on the npm registry for $(uname -m); install Node.js 22.19 or later yourself" >&2; exit 1 ;;
esac

package="node-$os-$arch"
prefix="${CDKTF_AGD_CACHE:-$HOME/.cache/cdktf-api-gateway-deployment}/node-$NODE_22_VERSION"
bin="$prefix/node_modules/$package/bin"
if [ ! -x "$bin/node" ]; then
  echo "scripts/node-22.sh: installing $package@$NODE_22_VERSION from the npm registry into $prefix" >&2
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error "$package@$NODE_22_VERSION" >&2
fi
"$bin/node" -e 'process.exit(process.versions.node.startsWith("22.") ? 0 : 1)' || {
  echo "scripts/node-22.sh: $bin/node is not Node.js 22" >&2
  exit 1
}
echo "$bin"
