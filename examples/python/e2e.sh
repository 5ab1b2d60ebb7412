#!/usr/bin/env bash
# npm run test:python: builds the Python package with jsii-pacmak, installs it with cdktf and
# the AWS provider (the versions the TypeScript tests use) into .venv, and runs pytest.
# Then the same for the CDK Terrain flavour (cdktn-rest-api-deployment, built by
# scripts/cdktn-flavour.ts): cdktn and cdktn-provider-aws from PyPI into .venv-cdktn, and the
# same example and test with their imports renamed (cdktf -> cdktn), checked against the
# TypeScript example synthesized with cdktn.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
pip_install() { "$1"/bin/pip install --quiet --disable-pip-version-check "${@:2}"; }

npx projen compile
npx projen package:python
wheel=$(ls dist/python/cdktf_rest_api_deployment-*.whl)

python3 -m venv .venv
pip_install .venv "cdktf==0.21.0" "cdktf-cdktf-provider-aws==21.0.0" "constructs==10.4.2" "pytest==8.3.5" "$wheel"
.venv/bin/python -m pytest -v -p no:cacheprovider examples/python/test_example.py

# The cdktn flavour.
npx ts-node --project scripts/tsconfig.json scripts/cdktn-flavour.ts --compile
rm -rf build/cdktn/dist/python
(cd build/cdktn && "$root/node_modules/.bin/jsii-pacmak" --target python)
cdktn_wheel=$(ls build/cdktn/dist/python/cdktn_rest_api_deployment-*.whl)
example=build/cdktn/examples/python
rm -rf "$example" build/cdktn/examples/resources && mkdir -p "$example" build/cdktn/examples/resources
cp -r examples/resources/lambda build/cdktn/examples/resources/  # the function's code, next to the example as in examples/
for file in main.py test_example.py; do
  sed -e 's/^from cdktf import/from cdktn import/' \
      -e 's/cdktf_cdktf_provider_aws/cdktn_provider_aws/g' \
      -e 's/cdktf_rest_api_deployment/cdktn_rest_api_deployment/g' \
      "examples/python/$file" > "$example/$file"
done
python3 -m venv .venv-cdktn
pip_install .venv-cdktn "cdktn==0.24.0" "cdktn-provider-aws==25.7.0" "constructs==10.6.0" "pytest==8.3.5" "$cdktn_wheel"
CDKTF_RAD_FLAVOUR=cdktn REPOSITORY_ROOT="$root" .venv-cdktn/bin/python -m pytest -v -p no:cacheprovider "$example/test_example.py"
