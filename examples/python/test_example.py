"""End-to-end checks of the Python package built by jsii-pacmak (run by python/e2e.sh)."""
import json
import os
import subprocess
import tempfile
from pathlib import Path

import pytest
# Renamed: pytest would take a class named Test* for a test class.
from cdktf import App, TerraformStack
from cdktf import Testing as CdkTesting
from cdktf_cdktf_provider_aws.api_gateway_rest_api import ApiGatewayRestApi
from cdktf_cdktf_provider_aws.apigatewayv2_api import Apigatewayv2Api
from cdktf_cdktf_provider_aws.apigatewayv2_domain_name import Apigatewayv2DomainName
from cdktf_cdktf_provider_aws.provider import AwsProvider

from cdktf_api_gateway_deployment import HttpApiDeployment, RestApiDeployment
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


def test_api_mappings_from_python_share_a_domain_and_a_repeated_key_raises_the_library_message():
    # addApiMapping through jsii: a REST API at orders/v1 and an HTTP API at the root of one
    # domain; a second mapping of orders/v1 is refused with the message naming both constructs.

    openapi = json.dumps({"openapi": "3.0.1", "info": {"title": "orders", "version": "1"}, "paths": {}})
    app = CdkTesting.app()
    stack = TerraformStack(app, "stack")
    AwsProvider(stack, "aws", region="eu-west-2")
    domain = Apigatewayv2DomainName(
        stack,
        "domain",
        domain_name="orders.example.com",
        domain_name_configuration={"certificate_arn": "arn:aws:acm:eu-west-2:123456789012:certificate/abc", "endpoint_type": "REGIONAL", "security_policy": "TLS_1_2"},
    )
    rest = RestApiDeployment(stack, "rest", rest_api=ApiGatewayRestApi(stack, "rest_api", name="orders", body=openapi), stage_name="live")
    rest.add_api_mapping(domain.domain_name, api_mapping_key="orders/v1")
    http_api = Apigatewayv2Api(stack, "http_api", name="orders", protocol_type="HTTP", body=openapi)
    HttpApiDeployment(stack, "http", http_api=http_api, stage_name="live").add_api_mapping(domain.domain_name)

    mappings = json.loads(CdkTesting.synth(stack))["resource"]["aws_apigatewayv2_api_mapping"].values()
    assert sorted((mapping["api_id"], mapping.get("api_mapping_key")) for mapping in mappings) == [
        ("${aws_api_gateway_rest_api.rest_api.id}", "orders/v1"),
        ("${aws_apigatewayv2_api.http_api.id}", None),
    ]

    again = HttpApiDeployment(stack, "again", http_api=http_api, stage_name="beta")
    with pytest.raises(RuntimeError) as raised:
        again.add_api_mapping(domain.domain_name, api_mapping_key="orders/v1")
    assert "HttpApiDeployment at 'stack/again': property 'addApiMapping.apiMappingKey'" in str(raised.value)
    assert "'stack/rest' (addApiMapping) already maps the key \"orders/v1\"" in str(raised.value)


def test_alarms_from_python_watch_the_stage_by_its_kinds_names_and_a_never_firing_one_raises_the_library_message():
    # addAlarm and addDefaultAlarms through jsii: StageMetric is a struct Python passes back as it got it.
    app = CdkTesting.app()
    stack = TerraformStack(app, "stack")
    AwsProvider(stack, "aws", region="eu-west-2")
    api = ApiGatewayRestApi(stack, "api", name="orders", body=json.dumps({"openapi": "3.0.1", "info": {"title": "orders", "version": "1"}, "paths": {}}))
    deployment = RestApiDeployment(stack, "deploy", rest_api=api, stage_name="live")
    deployment.add_alarm("Errors", metric=deployment.deployment_stage.metric_server_error(period=60), threshold=1)
    deployment.add_default_alarms(server_error_rate_percent=2)

    alarms = json.loads(CdkTesting.synth(stack))["resource"]["aws_cloudwatch_metric_alarm"]
    errors = next(alarm for alarm in alarms.values() if alarm["alarm_name"] == "stack-deploy-Stage-Errors")
    assert (errors["namespace"], errors["metric_name"], errors["dimensions"], errors["period"]) == (
        "AWS/ApiGateway", "5XXError", {"ApiName": "${aws_api_gateway_rest_api.api.name}", "Stage": "live"}, 60,
    )
    assert sorted(alarm["alarm_name"] for alarm in alarms.values()) == [
        "stack-deploy-Stage-Errors", "stack-deploy-Stage-LatencyP99", "stack-deploy-Stage-ServerErrorRate",
    ]

    with pytest.raises(RuntimeError) as raised:
        deployment.add_alarm("Share", metric=deployment.deployment_stage.metric_server_error(statistic="Average"), threshold=5)
    assert "RestApiDeployment at 'stack/deploy': property 'addAlarm(Share).threshold' is 5; expected a threshold the statistic can reach" in str(raised.value)
