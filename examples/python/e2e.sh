#!/usr/bin/env bash
# npm run test:python: builds the Python package with jsii-pacmak, installs it with cdktf and
# the AWS provider (the versions the TypeScript tests use) into .venv, and runs pytest.
# Then the same for the CDK Terrain flavour (cdktn-api-gateway-deployment, built by
# scripts/cdktn-flavour.ts): cdktn and cdktn-provider-aws from PyPI into .venv-cdktn, and the
# same example and test with their imports renamed (cdktf -> cdktn, scripts/cdktn-example.ts),
# checked against the TypeScript example synthesized with cdktn.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
pip_install() { "$1"/bin/pip install --quiet --disable-pip-version-check "${@:2}"; }

npx projen compile
npx projen package:python
wheel=$(ls dist/python/cdktf_api_gateway_deployment-*.whl)

python3 -m venv .venv
pip_install .venv "cdktf==0.21.0" "cdktf-cdktf-provider-aws==21.0.0" "constructs==10.4.2" "pytest==8.3.5" "$wheel"
.venv/bin/python -m pytest -v -p no:cacheprovider examples/python/test_example.py

# The cdktn flavour.
npx ts-node --project scripts/tsconfig.json scripts/cdktn-flavour.ts --compile
rm -rf dist/cdktn/python
npx jsii-pacmak --targets python -o dist/cdktn build/cdktn
cdktn_wheel=$(ls dist/cdktn/python/cdktn_api_gateway_deployment-*.whl)
npx ts-node --transpile-only --project scripts/tsconfig.json scripts/cdktn-example.ts python
example=build/cdktn/examples/python
python3 -m venv .venv-cdktn
pip_install .venv-cdktn "cdktn==0.24.0" "cdktn-provider-aws==25.7.0" "constructs==10.6.0" "pytest==8.3.5" "$cdktn_wheel"
CDKTF_AGD_FLAVOUR=cdktn REPOSITORY_ROOT="$root" .venv-cdktn/bin/python -m pytest -v -p no:cacheprovider "$example/test_example.py"
