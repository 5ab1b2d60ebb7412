/**
 * A WebSocket API whose $connect, $disconnect and $default routes go to one Lambda function,
 * deployed by WebSocketApiDeployment to the stage "prod": every change to a route, an
 * integration or the API's route selection expression makes a new deployment, keyed in the plan.
 *
 *   npx ts-node main.ts   (or: cdktf synth, with cdktf.json here)
 */
import * as path from 'path';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, AssetType, Fn, TerraformAsset, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
// In your own project: import { ... } from 'cdktf-api-gateway-deployment';
import { AccessLogDestination, MethodLoggingLevel, WebSocketApiDeployment } from '../../src';

/** A WebSocket chat API on Lambda. */
export class WebSocketExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'eu-west-2' });

    const api = new Apigatewayv2Api(this, 'chat', {
      name: 'chat',
      protocolType: 'WEBSOCKET',
      routeSelectionExpression: '$request.body.action',
    });

    const role = new IamRole(this, 'chat_role', {
      name: 'chat-lambda',
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    });
    new IamRolePolicyAttachment(this, 'chat_logs', {
      role: role.name,
      policyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    });
    // cdktf zips lambda/ into the stack's assets folder at synth.
    const code = new TerraformAsset(this, 'chat_code', { path: path.join(__dirname, 'lambda'), type: AssetType.ARCHIVE });
    const handler = new LambdaFunction(this, 'chat_handler', {
      functionName: 'chat',
      role: role.arn,
      runtime: 'nodejs20.x',
      handler: 'index.handler',
      filename: code.path,
      sourceCodeHash: Fn.filebase64sha256(code.path),
    });

    const integration = new Apigatewayv2Integration(this, 'chat_integration', {
      apiId: api.id,
      integrationType: 'AWS_PROXY',
      integrationUri: handler.invokeArn,
    });
    for (const routeKey of ['$connect', '$disconnect', '$default']) {
      new Apigatewayv2Route(this, `route_${routeKey.slice(1)}`, { apiId: api.id, routeKey, target: `integrations/${integration.id}` });
    }

    const deployment = new WebSocketApiDeployment(this, 'deployment', {
      webSocketApi: api,
      stageName: 'prod',
      // Execution and access logs of a WebSocket API need the account's CloudWatch role (one per
      // account and region): this stack owns it. In an account where another stack sets it: false.
      cloudWatchRole: true,
      loggingLevel: MethodLoggingLevel.ERROR,
      detailedMetricsEnabled: true,
      throttlingBurstLimit: 100,
      throttlingRateLimit: 50,
      accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays: 30 }),
    });

    // Built on the API's execution ARN, so the permission does not wait for the deployment.
    new LambdaPermission(this, 'chat_invoke', {
      functionName: handler.functionName,
      action: 'lambda:InvokeFunction',
      principal: 'apigateway.amazonaws.com',
      sourceArn: deployment.arnForExecuteApi('*'),
    });

    new TerraformOutput(this, 'url', { value: deployment.invokeUrl });
    new TerraformOutput(this, 'callback_url', { value: deployment.callbackUrl });
  }
}

/** Builds the example app; `outdir` defaults to cdktf's `cdktf.out`. */
export function buildApp(outdir?: string): App {
  const app = new App({ outdir });
  new WebSocketExampleStack(app, 'websocket');
  return app;
}

if (require.main === module) {
  buildApp().synth();
}
