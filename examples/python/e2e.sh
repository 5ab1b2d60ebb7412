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
bash test/release/registries.sh start
trap 'bash test/release/registries.sh stop' EXIT
npx projen compile
npx projen package:python
publish_locally pypi cdktf
publish_locally pypi cdktn
version=$(node -p "require('./package.json').version")
by_name=(--extra-index-url http://127.0.0.1:8080/simple/)

python3 -m venv .venv
"$root/.venv/bin/pip" uninstall --quiet --yes cdktf-api-gateway-deployment 2>/dev/null || true
pip_install .venv "cdktf==0.21.0" "cdktf-cdktf-provider-aws==21.0.0" "constructs==10.4.2" "pytest==8.3.5" "${by_name[@]}" "cdktf-api-gateway-deployment==$version"
.venv/bin/python -m pytest -v -p no:cacheprovider examples/python/test_example.py

# The cdktn flavour.
npx ts-node --transpile-only --project scripts/tsconfig.json scripts/cdktn-example.ts python
example=build/cdktn/examples/python
python3 -m venv .venv-cdktn
"$root/.venv-cdktn/bin/pip" uninstall --quiet --yes cdktn-api-gateway-deployment 2>/dev/null || true
pip_install .venv-cdktn "cdktn==0.24.0" "cdktn-provider-aws==25.7.0" "constructs==10.6.0" "pytest==8.3.5" "${by_name[@]}" "cdktn-api-gateway-deployment==$version"
CDKTF_AGD_FLAVOUR=cdktn REPOSITORY_ROOT="$root" .venv-cdktn/bin/python -m pytest -v -p no:cacheprovider "$example/test_example.py"
