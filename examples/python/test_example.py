"""End-to-end checks of the Python package built by jsii-pacmak (run by python/e2e.sh)."""
import json
import os
import subprocess
import tempfile
from pathlib import Path

import pytest
from cdktf import App, TerraformStack

from cdktf_api_gateway_deployment import RestApiDeployment
from main import build_app
from websocket import build_app as build_websocket_app

# e2e.sh also runs a copy of this file for the cdktn flavour, from build/cdktn/examples/python.
ROOT = Path(os.environ.get("REPOSITORY_ROOT", Path(__file__).resolve().parents[2]))
# The TypeScript example synthesized with the flavour under test: cdktn through a require hook.
FLAVOUR_NODE_ARGS = ["-r", str(ROOT / "test" / "flavours" / "cdktn-require.js")] if os.environ.get("CDKTF_AGD_FLAVOUR") == "cdktn" else []


def without_metadata(value):
    """The value without cdktf's "//" metadata entries, at every level."""
    if isinstance(value, dict):
        return {key: without_metadata(item) for key, item in value.items() if key != "//"}
    if isinstance(value, list):
        return [without_metadata(item) for item in value]
    return value


def synthesized_stack(outdir: Path, stack: str = "resources") -> dict:
    return json.loads((outdir / "stacks" / stack / "cdk.tf.json").read_text())


def typescript_example(outdir: Path, name: str = "resources") -> dict:
    """Synthesizes examples/<name> with the TypeScript sources, from the same working directory."""
    script = f"require('./examples/synth-all').synthesizeExample({json.dumps(name)}, {json.dumps(str(outdir))})"
    subprocess.run(
        ["node", *FLAVOUR_NODE_ARGS, "-r", "ts-node/register", "-e", script],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "TS_NODE_PROJECT": "examples/tsconfig.json"},
    )
    return synthesized_stack(outdir, name)


def test_python_example_synthesizes_the_same_stack_as_the_typescript_example():
    # Both synthesize from the repository root (e2e.sh runs pytest there): the default local
    # backend records the working directory.
    with tempfile.TemporaryDirectory() as python_out, tempfile.TemporaryDirectory() as typescript_out:
        build_app(python_out).synth()
        python = without_metadata(synthesized_stack(Path(python_out)))
        typescript = without_metadata(typescript_example(Path(typescript_out)))

    assert python == typescript
    triggers = next(iter(python["resource"]["aws_api_gateway_deployment"].values()))["triggers"]
    assert triggers["aws_lambda_function.hello"] == "${sha1(jsonencode([aws_lambda_function.hello.invoke_arn]))}"
    assert "aws_api_gateway_integration.hello_any_integration" in triggers


def test_python_websocket_example_synthesizes_the_same_stack_as_the_typescript_example():
    with tempfile.TemporaryDirectory() as python_out, tempfile.TemporaryDirectory() as typescript_out:
        build_websocket_app(python_out).synth()
        python = without_metadata(synthesized_stack(Path(python_out), "websocket"))
        typescript = without_metadata(typescript_example(Path(typescript_out), "websocket"))

    assert python == typescript
    triggers = next(iter(python["resource"]["aws_apigatewayv2_deployment"].values()))["triggers"]
    assert triggers["aws_lambda_function.chat_handler"] == "${sha1(jsonencode([aws_lambda_function.chat_handler.invoke_arn]))}"
    assert "aws_apigatewayv2_route.route_connect" in triggers


def test_bad_input_raises_a_python_exception_with_the_library_message():
    app = App(outdir=tempfile.mkdtemp())
    stack = TerraformStack(app, "stack")
    with pytest.raises(RuntimeError) as raised:
        RestApiDeployment(stack, "deploy", rest_api_id="abc123", stage_name="my stage")

    assert (
        "RestApiDeployment at 'stack/deploy': property 'stageName' is \"my stage\"; "
        "expected 1 to 128 characters, each a letter, a digit, '_' or '-'."
    ) in str(raised.value)
