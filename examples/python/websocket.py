"""examples/websocket in Python: a WebSocket API whose $connect, $disconnect and $default routes
go to one Lambda function, deployed by WebSocketApiDeployment.

It builds exactly the stack the TypeScript example builds (same construct ids), so the two
synthesize the same Terraform JSON; test_example.py checks that.

    python websocket.py       # writes cdktf.out/
"""
import json
import sys
from pathlib import Path

from constructs import Construct
from cdktf import App, AssetType, Fn, TerraformAsset, TerraformOutput, TerraformStack
from cdktf_cdktf_provider_aws.apigatewayv2_api import Apigatewayv2Api
from cdktf_cdktf_provider_aws.apigatewayv2_integration import Apigatewayv2Integration
from cdktf_cdktf_provider_aws.apigatewayv2_route import Apigatewayv2Route
from cdktf_cdktf_provider_aws.iam_role import IamRole
from cdktf_cdktf_provider_aws.iam_role_policy_attachment import IamRolePolicyAttachment
from cdktf_cdktf_provider_aws.lambda_function import LambdaFunction
from cdktf_cdktf_provider_aws.lambda_permission import LambdaPermission
from cdktf_cdktf_provider_aws.provider import AwsProvider

from cdktf_api_gateway_deployment import AccessLogDestination, MethodLoggingLevel, WebSocketApiDeployment


class WebSocketExampleStack(TerraformStack):
    """A WebSocket chat API on Lambda."""

    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        AwsProvider(self, "aws", region="eu-west-2")

        api = Apigatewayv2Api(self, "chat", name="chat", protocol_type="WEBSOCKET", route_selection_expression="$request.body.action")

        role = IamRole(
            self,
            "chat_role",
            name="chat-lambda",
            assume_role_policy=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
                },
                separators=(",", ":"),
            ),
        )
        IamRolePolicyAttachment(self, "chat_logs", role=role.name, policy_arn="arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
        # cdktf zips the TypeScript example's lambda/ folder into the stack's assets folder at synth.
        code = TerraformAsset(self, "chat_code", path=str(Path(__file__).resolve().parent.parent / "websocket" / "lambda"), type=AssetType.ARCHIVE)
        handler = LambdaFunction(
            self,
            "chat_handler",
            function_name="chat",
            role=role.arn,
            runtime="nodejs20.x",
            handler="index.handler",
            filename=code.path,
            source_code_hash=Fn.filebase64sha256(code.path),
        )

        integration = Apigatewayv2Integration(self, "chat_integration", api_id=api.id, integration_type="AWS_PROXY", integration_uri=handler.invoke_arn)
        for route_key in ["$connect", "$disconnect", "$default"]:
            Apigatewayv2Route(self, f"route_{route_key[1:]}", api_id=api.id, route_key=route_key, target=f"integrations/{integration.id}")

        deployment = WebSocketApiDeployment(
            self,
            "deployment",
            web_socket_api=api,
            stage_name="prod",
            cloud_watch_role=True,
            logging_level=MethodLoggingLevel.ERROR,
            detailed_metrics_enabled=True,
            throttling_burst_limit=100,
            throttling_rate_limit=50,
            access_log_destination=AccessLogDestination.new_log_group(retention_in_days=30),
        )

        LambdaPermission(
            self,
            "chat_invoke",
            function_name=handler.function_name,
            action="lambda:InvokeFunction",
            principal="apigateway.amazonaws.com",
            source_arn=deployment.arn_for_execute_api("*"),
        )

        TerraformOutput(self, "url", value=deployment.invoke_url)
        TerraformOutput(self, "callback_url", value=deployment.callback_url)


def build_app(outdir=None) -> App:
    """Builds the example app; outdir defaults to cdktf's cdktf.out."""
    app = App(outdir=outdir) if outdir else App()
    WebSocketExampleStack(app, "websocket")
    return app


if __name__ == "__main__":
    build_app(sys.argv[1] if len(sys.argv) > 1 else None).synth()
