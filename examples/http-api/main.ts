/**
 * An HTTP API with a Lambda proxy route protected by a JWT authorizer, deployed by
 * HttpApiDeployment to its $default stage with an explicit deployment (no auto-deploy): a change
 * is deployed once, after the whole change is applied, and the plan says which part changed.
 *
 *   npx ts-node main.ts   (or: cdktf synth, with cdktf.json here)
 */
import * as path from 'path';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Authorizer } from '@cdktf/provider-aws/lib/apigatewayv2-authorizer';
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
import { AccessLogDestination, HttpApiDeployment } from '../../src';

/** An HTTP API on Lambda with a JWT authorizer. */
export class HttpApiExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'eu-west-2' });

    const api = new Apigatewayv2Api(this, 'pets', {
      name: 'pets',
      protocolType: 'HTTP',
      corsConfiguration: { allowOrigins: ['https://pets.example.com'], allowMethods: ['GET'], allowHeaders: ['authorization'] },
    });

    const role = new IamRole(this, 'pets_role', {
      name: 'pets-lambda',
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    });
    new IamRolePolicyAttachment(this, 'pets_logs', {
      role: role.name,
      policyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    });
    // cdktf zips lambda/ into the stack's assets folder at synth.
    const code = new TerraformAsset(this, 'pets_code', { path: path.join(__dirname, 'lambda'), type: AssetType.ARCHIVE });
    const handler = new LambdaFunction(this, 'pets_handler', {
      functionName: 'pets',
      role: role.arn,
      runtime: 'nodejs20.x',
      handler: 'index.handler',
      filename: code.path,
      sourceCodeHash: Fn.filebase64sha256(code.path),
    });

    // Tokens from the identity provider (a Cognito user pool, Auth0, ...) of the pets app.
    const authorizer = new Apigatewayv2Authorizer(this, 'pets_jwt', {
      apiId: api.id,
      authorizerType: 'JWT',
      name: 'pets-jwt',
      identitySources: ['$request.header.Authorization'],
      jwtConfiguration: { issuer: 'https://auth.pets.example.com/', audience: ['pets-api'] },
    });
    const integration = new Apigatewayv2Integration(this, 'pets_integration', {
      apiId: api.id,
      integrationType: 'AWS_PROXY',
      integrationUri: handler.invokeArn,
      payloadFormatVersion: '2.0',
    });
    new Apigatewayv2Route(this, 'pets_get', {
      apiId: api.id,
      routeKey: 'GET /pets',
      target: `integrations/${integration.id}`,
      authorizationType: 'JWT',
      authorizerId: authorizer.id,
    });

    const deployment = new HttpApiDeployment(this, 'deployment', {
      httpApi: api,
      throttlingBurstLimit: 200,
      throttlingRateLimit: 100,
      accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays: 30 }),
    });

    // Built on the API's execution ARN, so the permission does not wait for the deployment.
    new LambdaPermission(this, 'pets_invoke', {
      functionName: handler.functionName,
      action: 'lambda:InvokeFunction',
      principal: 'apigateway.amazonaws.com',
      sourceArn: deployment.arnForExecuteApi('GET', '/pets'),
    });

    new TerraformOutput(this, 'pets_url', { value: deployment.urlForPath('/pets') });
  }
}

/** Builds the example app; `outdir` defaults to cdktf's `cdktf.out`. */
export function buildApp(outdir?: string): App {
  const app = new App({ outdir });
  new HttpApiExampleStack(app, 'http-api');
  return app;
}

if (require.main === module) {
  buildApp().synth();
}
