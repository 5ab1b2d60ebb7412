#!/usr/bin/env bash
# npm run test:python: builds the Python package with jsii-pacmak, publishes it to a local PyPI
# server with the release workflow's command, installs it by name with cdktf and the AWS provider
# (the versions the TypeScript tests use) into .venv, and runs pytest.
# Then the same for the CDK Terrain flavour (cdktn-api-gateway-deployment, built by
# scripts/cdktn-flavour.ts): cdktn and cdktn-provider-aws from PyPI into .venv-cdktn, and the
# same example and test with their imports renamed (cdktf -> cdktn, scripts/cdktn-example.ts),
# checked against the TypeScript example synthesized with cdktn.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
pip_install() { "$1"/bin/pip install --quiet --disable-pip-version-check "${@:2}"; }
publish_locally() { npx ts-node --transpile-only --project test/tsconfig.json test/release/publish-locally.ts "$@"; }

# Both flavours' wheels, published as the release workflow does to a local PyPI server (pypiserver,
# test/release/registries.sh), from which each virtual environment installs the library by name.
trap 'bash test/release/registries.sh stop' EXIT
bash test/release/registries.sh start
npx projen compile
# jsii-pacmak adds to its folder: only this build's wheels are published.
rm -rf dist/python dist/cdktn/python
npx projen package:python
publish_locally pypi cdktf cdktn
version=$(node -p "require('./package.json').version")
# Not this machine's folder of wheels either (PIP_FIND_LINKS).
unset PIP_FIND_LINKS

# A virtual environment with the library installed by name from the local server beside its peers
# from PyPI; pip's report of what it installed says where the library came from.
install_by_name() { # <venv> <distribution> <peers...>
  python3 -m venv "$1"
  "$root/$1/bin/pip" uninstall --quiet --yes "$2" 2>/dev/null || true
  pip_install "$1" --report "$1/install-report.json" "${@:3}" --extra-index-url http://127.0.0.1:8080/simple/ "$2==$version"
  "$1"/bin/python - "$1/install-report.json" "$2" <<'PY'
import json, sys
report, name = sys.argv[1], sys.argv[2]
urls = [item["download_info"]["url"] for item in json.load(open(report))["install"] if item["metadata"]["name"] == name]
print(f"{name}: installed from {urls}")
assert len(urls) == 1 and urls[0].startswith("http://127.0.0.1:8080/"), urls
PY
}

install_by_name .venv cdktf-api-gateway-deployment "cdktf==0.21.0" "cdktf-cdktf-provider-aws==21.0.0" "constructs==10.4.2" "pytest==8.3.5"
.venv/bin/python -m pytest -v -p no:cacheprovider examples/python/test_example.py

# The cdktn flavour.
npx ts-node --transpile-only --project scripts/tsconfig.json scripts/cdktn-example.ts python
example=build/cdktn/examples/python
install_by_name .venv-cdktn cdktn-api-gateway-deployment "cdktn==0.24.0" "cdktn-provider-aws==25.7.0" "constructs==10.6.0" "pytest==8.3.5"
CDKTF_AGD_FLAVOUR=cdktn REPOSITORY_ROOT="$root" .venv-cdktn/bin/python -m pytest -v -p no:cacheprovider "$example/test_example.py"
