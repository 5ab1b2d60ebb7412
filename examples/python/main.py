"""examples/resources in Python: a REST API made of resources, with a MOCK method and a
Lambda proxy method, deployed by RestApiDeployment.

It builds exactly the stack the TypeScript example builds (same construct ids), so the
two synthesize the same Terraform JSON; test_example.py checks that.

    python main.py            # writes cdktf.out/ (or: cdktf synth, with cdktf.json here)
"""
import json
import sys
from pathlib import Path

from constructs import Construct
from cdktf import App, AssetType, Fn, TerraformAsset, TerraformOutput, TerraformStack
from cdktf_cdktf_provider_aws.api_gateway_integration import ApiGatewayIntegration
from cdktf_cdktf_provider_aws.api_gateway_method import ApiGatewayMethod
from cdktf_cdktf_provider_aws.api_gateway_resource import ApiGatewayResource
from cdktf_cdktf_provider_aws.api_gateway_rest_api import ApiGatewayRestApi
from cdktf_cdktf_provider_aws.iam_role import IamRole
from cdktf_cdktf_provider_aws.iam_role_policy_attachment import IamRolePolicyAttachment
from cdktf_cdktf_provider_aws.lambda_function import LambdaFunction
from cdktf_cdktf_provider_aws.lambda_permission import LambdaPermission
from cdktf_cdktf_provider_aws.provider import AwsProvider

from cdktf_api_gateway_deployment import RestApiDeployment


class ResourcesExampleStack(TerraformStack):
    """A REST API made of resources, with a MOCK method and a Lambda proxy method."""

    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        AwsProvider(self, "aws", region="eu-west-2")

        api = ApiGatewayRestApi(self, "example", name="example")

        # GET /example answers from a MOCK integration, as in the seed.
        example = ApiGatewayResource(self, "example_resource", rest_api_id=api.id, parent_id=api.root_resource_id, path_part="example")
        get_example = ApiGatewayMethod(self, "example_get", rest_api_id=api.id, resource_id=example.id, http_method="GET", authorization="NONE")
        ApiGatewayIntegration(
            self,
            "example_get_integration",
            rest_api_id=api.id,
            resource_id=example.id,
            http_method=get_example.http_method,
            type="MOCK",
            request_templates={"application/json": '{"statusCode": 200}'},
        )

        # ANY /hello is proxied to a Lambda function.
        role = IamRole(
            self,
            "hello_role",
            name="hello-lambda",
            assume_role_policy=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
                },
                separators=(",", ":"),
            ),
        )
        IamRolePolicyAttachment(self, "hello_logs", role=role.name, policy_arn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
        # cdktf zips the TypeScript example's lambda/ folder into the stack's assets folder at synth.
        code = TerraformAsset(self, "hello_code", path=str(Path(__file__).resolve().parent.parent / "resources" / "lambda"), type=AssetType.ARCHIVE)
        hello = LambdaFunction(
            self,
            "hello",
            function_name="hello",
            role=role.arn,
            runtime="nodejs20.x",
            handler="index.handler",
            filename=code.path,
            source_code_hash=Fn.filebase64sha256(code.path),
        )
        hello_resource = ApiGatewayResource(self, "hello_resource", rest_api_id=api.id, parent_id=api.root_resource_id, path_part="hello")
        any_hello = ApiGatewayMethod(self, "hello_any", rest_api_id=api.id, resource_id=hello_resource.id, http_method="ANY", authorization="NONE")
        ApiGatewayIntegration(
            self,
            "hello_any_integration",
            rest_api_id=api.id,
            resource_id=hello_resource.id,
            http_method=any_hello.http_method,
            type="AWS_PROXY",
            integration_http_method="POST",
            uri=hello.invoke_arn,
        )

        deployment = RestApiDeployment(self, "deployment", rest_api=api, stage_name="example")

        LambdaPermission(
            self,
            "hello_invoke",
            function_name=hello.function_name,
            action="lambda:InvokeFunction",
            principal="apigateway.amazonaws.com",
            source_arn=deployment.arn_for_execute_api("*", "/hello"),
        )

        TerraformOutput(self, "example_url", value=deployment.url_for_path("/example"))
        TerraformOutput(self, "hello_url", value=deployment.url_for_path("/hello"))


def build_app(outdir=None) -> App:
    """Builds the example app; outdir defaults to cdktf's cdktf.out."""
    app = App(outdir=outdir) if outdir else App()
    ResourcesExampleStack(app, "resources")
    return app


if __name__ == "__main__":
    build_app(sys.argv[1] if len(sys.argv) > 1 else None).synth()
