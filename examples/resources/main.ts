/**
 * The seed's "Terraform Resources" example, with a Lambda proxy integration: a REST API
 * built from resources, methods and integrations. The deployment finds each of them,
 * gives each a trigger entry keyed by its Terraform address, and gives the Lambda function
 * an entry over its invoke ARN, evaluated by Terraform, so that a replaced function redeploys too.
 *
 * Run with `cdktf synth` in this folder, or `npm run example` at the repository root.
 */
import * as path from 'path';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, AssetType, Fn, TerraformAsset, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
// In your own project: import { RestApiDeployment } from 'cdktf-api-gateway-deployment';
import { RestApiDeployment } from '../../src';

/** A REST API made of resources, with a MOCK method and a Lambda proxy method. */
export class ResourcesExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'eu-west-2' });

    const api = new ApiGatewayRestApi(this, 'example', { name: 'example' });

    // GET /example answers from a MOCK integration, as in the seed.
    const example = new ApiGatewayResource(this, 'example_resource', {
      restApiId: api.id,
      parentId: api.rootResourceId,
      pathPart: 'example',
    });
    const getExample = new ApiGatewayMethod(this, 'example_get', {
      restApiId: api.id,
      resourceId: example.id,
      httpMethod: 'GET',
      authorization: 'NONE',
    });
    new ApiGatewayIntegration(this, 'example_get_integration', {
      restApiId: api.id,
      resourceId: example.id,
      httpMethod: getExample.httpMethod,
      type: 'MOCK',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
    });

    // ANY /hello is proxied to a Lambda function.
    const role = new IamRole(this, 'hello_role', {
      name: 'hello-lambda',
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    });
    new IamRolePolicyAttachment(this, 'hello_logs', {
      role: role.name,
      policyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    });
    // cdktf zips lambda/ into the stack's assets folder at synth.
    const code = new TerraformAsset(this, 'hello_code', {
      path: path.join(__dirname, 'lambda'),
      type: AssetType.ARCHIVE,
    });
    const hello = new LambdaFunction(this, 'hello', {
      functionName: 'hello',
      role: role.arn,
      runtime: 'nodejs20.x',
      handler: 'index.handler',
      filename: code.path,
      sourceCodeHash: Fn.filebase64sha256(code.path),
    });
    const helloResource = new ApiGatewayResource(this, 'hello_resource', {
      restApiId: api.id,
      parentId: api.rootResourceId,
      pathPart: 'hello',
    });
    const anyHello = new ApiGatewayMethod(this, 'hello_any', {
      restApiId: api.id,
      resourceId: helloResource.id,
      httpMethod: 'ANY',
      authorization: 'NONE',
    });
    new ApiGatewayIntegration(this, 'hello_any_integration', {
      restApiId: api.id,
      resourceId: helloResource.id,
      httpMethod: anyHello.httpMethod,
      type: 'AWS_PROXY',
      integrationHttpMethod: 'POST',
      uri: hello.invokeArn,
    });

    const deployment = new RestApiDeployment(this, 'deployment', {
      restApi: api,
      stageName: 'example',
    });

    // Built on the API's execution ARN, so the permission does not wait for the deployment.
    new LambdaPermission(this, 'hello_invoke', {
      functionName: hello.functionName,
      action: 'lambda:InvokeFunction',
      principal: 'apigateway.amazonaws.com',
      sourceArn: deployment.arnForExecuteApi('*', '/hello'),
    });

    new TerraformOutput(this, 'example_url', { value: deployment.urlForPath('/example') });
    new TerraformOutput(this, 'hello_url', { value: deployment.urlForPath('/hello') });
  }
}

/** Builds the example app; `outdir` defaults to cdktf's `cdktf.out`. */
export function buildApp(outdir?: string): App {
  const app = new App({ outdir });
  new ResourcesExampleStack(app, 'resources');
  return app;
}

if (require.main === module) {
  buildApp().synth();
}
