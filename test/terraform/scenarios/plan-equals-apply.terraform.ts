/**
 * Plan equals apply (upstream: "Provider produced inconsistent final plan" on `triggers`,
 * terraform-provider-aws #17341, #20811, #32836): the API's configuration embeds values of
 * resources that change in the same apply (a resource policy naming a role that is replaced, a
 * Lambda function whose code changes), and the apply goes through in one go. The rule it checks
 * is in docs/internals.md ("Plan equals apply").
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { ApiGatewayRestApiPolicy } from '@cdktf/provider-aws/lib/api-gateway-rest-api-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, AssetType, Fn, TerraformAsset, TerraformStack } from 'cdktf';
import { RestApiDeployment } from '../../../src';
import { emulatorForThisFile } from '../emulator/emulator';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

const emulator = emulatorForThisFile();
const DEPLOYMENT = 'aws_api_gateway_deployment.deploy_Deployment_49668023';

interface Version {
  /** What the Lambda function's handler returns: its code. */
  readonly code: string;
  /** The name of the role the API's resource policy lets invoke it (a new name replaces the role: a new ARN). */
  readonly invoker: string;
}

/** The function's code, written to a folder of its own for cdktf to zip. */
function codeFolder(code: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-equals-apply-'));
  fs.writeFileSync(path.join(folder, 'index.js'), `exports.handler = async () => ({ statusCode: 200, body: ${JSON.stringify(code)} });\n`);
  return folder;
}

function app(version: Version): (outdir: string) => App {
  return (outdir) => {
    const application = new App({ outdir });
    const stack = new TerraformStack(application, 'policy');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    const assumedBy = (service: string) => JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
    });
    const lambdaRole = new IamRole(stack, 'lambda_role', { name: 'hello-lambda', assumeRolePolicy: assumedBy('lambda.amazonaws.com') });
    const code = new TerraformAsset(stack, 'code', { path: codeFolder(version.code), type: AssetType.ARCHIVE });
    const hello = new LambdaFunction(stack, 'hello', {
      functionName: 'hello',
      role: lambdaRole.arn,
      runtime: 'nodejs20.x',
      handler: 'index.handler',
      filename: code.path,
      sourceCodeHash: Fn.filebase64sha256(code.path),
    });
    const invoker = new IamRole(stack, 'invoker', { name: version.invoker, assumeRolePolicy: assumedBy('ec2.amazonaws.com') });

    const api = new ApiGatewayRestApi(stack, 'api', { name: 'hello' });
    const resource = new ApiGatewayResource(stack, 'hello_resource', { restApiId: api.id, parentId: api.rootResourceId, pathPart: 'hello' });
    const method = new ApiGatewayMethod(stack, 'hello_get', { restApiId: api.id, resourceId: resource.id, httpMethod: 'GET', authorization: 'AWS_IAM' });
    new ApiGatewayIntegration(stack, 'hello_integration', {
      restApiId: api.id,
      resourceId: resource.id,
      httpMethod: method.httpMethod,
      type: 'AWS_PROXY',
      integrationHttpMethod: 'POST',
      uri: hello.invokeArn,
    });
    new ApiGatewayRestApiPolicy(stack, 'api_policy', {
      restApiId: api.id,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: invoker.arn }, Action: 'execute-api:Invoke', Resource: `${api.executionArn}/*` }],
      }),
    });
    new RestApiDeployment(stack, 'deploy', { restApi: api });
    return application;
  };
}

test('a replaced role in the resource policy and new Lambda code, in one apply: the deployment is replaced once, with no inconsistent plan', () => {
  const workdir = new TerraformWorkdir('plan-equals-apply', emulator());
  workdir.load(synthesizeStack(app({ code: 'v1', invoker: 'invoker-a' }), 'policy')).init();
  workdir.plan();
  workdir.apply();

  const plan = workdir.load(synthesizeStack(app({ code: 'v2', invoker: 'invoker-b' }), 'policy')).plan();
  expect(plan.actions('aws_iam_role.invoker')).toEqual(['create', 'delete']);
  expect(plan.actions('aws_lambda_function.hello')).toEqual(['update']);
  expect(plan.actions(DEPLOYMENT)).toEqual(['create', 'delete']);
  // The role's new ARN is unknown until it exists: the triggers are unknown at plan, never a known value that turns out different.
  expect(plan.triggersUnknown(DEPLOYMENT)).toBe(true);
  const log = workdir.apply();
  expect(log).not.toMatch(/inconsistent/i);
  expect(workdir.planExitCode()).toMatchObject({ code: 0 });

  // New code alone: the function's invoke ARN is the same, API Gateway calls the new code without a redeploy.
  const codeOnly = workdir.load(synthesizeStack(app({ code: 'v3', invoker: 'invoker-b' }), 'policy')).plan();
  expect(codeOnly.changedResources()).toEqual({ 'aws_lambda_function.hello': ['update'] });
  workdir.apply();
  expect(workdir.planExitCode()).toMatchObject({ code: 0 });
});
