#!/usr/bin/env bash
# Local package registries for the release rehearsal (CONTRIBUTING.md, "Releasing"): nothing leaves
# this machine. `registries.sh start` starts, each with empty storage under build/registries:
#   verdaccio   http://127.0.0.1:4873   npm; packages it does not hold come from the npm registry npm uses
#   pypiserver  http://127.0.0.1:8080   PyPI; uploads without authentication
# and makes the targets of the other two languages empty:
#   build/registries/maven              a Maven repository publib-maven deploys to (file://)
#   build/registries/go/<repo>.git      bare git repositories publib-golang pushes to
# `registries.sh stop` stops the servers (and drops verdaccio's storage). The servers are installed once into the cache outside the
# repository ($CDKTF_AGD_CACHE or ~/.cache/cdktf-api-gateway-deployment), at the versions below.
set -euo pipefail
cd "$(dirname "$0")/../.."

VERDACCIO_VERSION=6.8.0
PYPISERVER_VERSION=2.4.2
root=$PWD/build/registries
cache=${CDKTF_AGD_CACHE:-$HOME/.cache/cdktf-api-gateway-deployment}/registries

stop() {
  for server in verdaccio pypiserver; do
    if [ -f "$root/$server.pid" ]; then
      kill "$(cat "$root/$server.pid")" 2>/dev/null || true
      rm -f "$root/$server.pid"
    fi
  done
  # The npm packages' package.json files would be modules of the same names as the project's to jest's haste map.
  rm -rf "$root/npm-storage"
}

await() { # <name> <url>
  for _ in $(seq 1 100); do
    if curl -fsS -o /dev/null "$2" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "registries.sh: $1 did not answer at $2; its log:" >&2
  cat "$root/$1.log" >&2
  exit 1
}

start() {
  stop
  rm -rf "$root"
  mkdir -p "$root/npm-storage" "$root/pypi-packages" "$root/maven" "$root/go" "$cache"

  if [ ! -x "$cache/verdaccio-$VERDACCIO_VERSION/node_modules/.bin/verdaccio" ]; then
    npm install --silent --no-audit --no-fund --prefix "$cache/verdaccio-$VERDACCIO_VERSION" "verdaccio@$VERDACCIO_VERSION"
  fi
  cat > "$root/verdaccio.yaml" <<EOF
storage: $root/npm-storage
auth: { htpasswd: { file: $root/htpasswd, max_users: 0 } }
uplinks: { npm: { url: $(npm config get registry) } }
packages:
  'cdktf-api-gateway-deployment': { access: \$all, publish: \$all }
  'cdktn-api-gateway-deployment': { access: \$all, publish: \$all }
  '**': { access: \$all, proxy: npm }
listen: 127.0.0.1:4873
log: { type: stdout, format: pretty, level: warn }
EOF
  nohup "$cache/verdaccio-$VERDACCIO_VERSION/node_modules/.bin/verdaccio" --config "$root/verdaccio.yaml" > "$root/verdaccio.log" 2>&1 &
  echo $! > "$root/verdaccio.pid"

  if [ ! -x "$cache/pypiserver-$PYPISERVER_VERSION/bin/pypi-server" ]; then
    python3 -m venv "$cache/pypiserver-$PYPISERVER_VERSION"
    "$cache/pypiserver-$PYPISERVER_VERSION/bin/pip" install --quiet "pypiserver==$PYPISERVER_VERSION" passlib
  fi
  nohup "$cache/pypiserver-$PYPISERVER_VERSION/bin/pypi-server" run -i 127.0.0.1 -p 8080 -a . -P . "$root/pypi-packages" > "$root/pypiserver.log" 2>&1 &
  echo $! > "$root/pypiserver.pid"

  await verdaccio http://127.0.0.1:4873/-/ping
  await pypiserver http://127.0.0.1:8080/simple/
  echo "registries.sh: verdaccio $VERDACCIO_VERSION at http://127.0.0.1:4873, pypiserver $PYPISERVER_VERSION at http://127.0.0.1:8080, Maven and Go under $root"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "registries.sh: expected start or stop, got \"${1:-}\"" >&2; exit 2 ;;
esac
