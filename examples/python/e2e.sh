#!/usr/bin/env bash
# npm run test:python: builds the Python package with jsii-pacmak, installs it with cdktf and
# the AWS provider (the versions the TypeScript tests use) into .venv, and runs pytest.
set -euo pipefail
cd "$(dirname "$0")/../.."

npx projen compile
npx projen package:python
wheel=$(ls dist/python/cdktf_rest_api_deployment-*.whl)

python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check \
  "cdktf==0.21.0" "cdktf-cdktf-provider-aws==21.0.0" "constructs==10.4.2" "pytest==8.3.5" "$wheel"

.venv/bin/python -m pytest -v -p no:cacheprovider examples/python/test_example.py
