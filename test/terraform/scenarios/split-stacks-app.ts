/**
 * An API built in one stack ("api": `/pets` with a MOCK GET and a Lambda-proxied POST) and
 * deployed from another ("deploy"), in the versions a user would write one after another.
 * The API stack keeps its state where the deploy stack's `terraform_remote_state` reads it.
 */
import * as path from 'path';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, AssetType, Fn, LocalBackend, TerraformAsset, TerraformStack } from 'cdktf';
import { RestApiDeployment } from '../../../src';
import { petsApi } from '../../support/api';

export const API_STACK = 'api';
export const DEPLOY_STACK = 'deploy';

/** What the RestApiDeployment at `deployment` of the deploy stack creates. */
export const SPLIT_ADDRESSES = {
  deployment: 'aws_api_gateway_deployment.deployment_Deployment_E18B84BC',
  stage: 'aws_api_gateway_stage.deployment_Stage_B284FC1F',
};

/** One version of the split app. */
export interface SplitStacksVersion {
  /** GET /pets's MOCK request template. @default '{"statusCode": 200}' */
  readonly template?: string;
  /** Adds /pets/{id} with a GET method and a MOCK integration. */
  readonly petMethod?: boolean;
  /** The Lambda function's name (a new name replaces the function). @default 'pets' */
  readonly functionName?: string;
  /** Tags on the REST API and the function. */
  readonly tags?: Record<string, string>;
}

/**
 * A function that builds this version of the app into `outdir`.
 *
 * @param apiStatePath where the API stack's state is (the harness's workdir of that stack)
 */
export function splitStacksApp(apiStatePath: string, version: SplitStacksVersion = {}): (outdir: string) => App {
  return (outdir) => {
    const app = new App({ outdir });
    const apiStack = new TerraformStack(app, API_STACK);
    new AwsProvider(apiStack, 'aws', { region: 'eu-west-2' });
    new LocalBackend(apiStack, { path: apiStatePath });
    const api = petsApi(apiStack, { tags: version.tags });
    if (version.template !== undefined) {
      api.integration.requestTemplates = { 'application/json': version.template };
    }
    const role = new IamRole(apiStack, 'pets_role', {
      name: 'pets-lambda',
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    });
    const code = new TerraformAsset(apiStack, 'pets_code', {
      path: path.resolve(__dirname, '..', '..', '..', 'examples', 'resources', 'lambda'),
      type: AssetType.ARCHIVE,
    });
    const fn = new LambdaFunction(apiStack, 'pets_fn', {
      functionName: version.functionName ?? 'pets',
      role: role.arn,
      runtime: 'nodejs20.x',
      handler: 'index.handler',
      filename: code.path,
      sourceCodeHash: Fn.filebase64sha256(code.path),
      tags: version.tags,
    });
    const post = new ApiGatewayMethod(apiStack, 'pets_post', { restApiId: api.api.id, resourceId: api.pets.id, httpMethod: 'POST', authorization: 'NONE' });
    new ApiGatewayIntegration(apiStack, 'pets_post_integration', {
      restApiId: api.api.id, resourceId: api.pets.id, httpMethod: post.httpMethod, type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: fn.invokeArn,
    });
    if (version.petMethod) {
      const pet = new ApiGatewayResource(apiStack, 'pet', { restApiId: api.api.id, parentId: api.pets.id, pathPart: '{id}' });
      const get = new ApiGatewayMethod(apiStack, 'pet_get', { restApiId: api.api.id, resourceId: pet.id, httpMethod: 'GET', authorization: 'NONE' });
      new ApiGatewayIntegration(apiStack, 'pet_get_integration', {
        restApiId: api.api.id, resourceId: pet.id, httpMethod: get.httpMethod, type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' },
      });
    }

    const deployStack = new TerraformStack(app, DEPLOY_STACK);
    new AwsProvider(deployStack, 'aws', { region: 'eu-west-2' });
    new RestApiDeployment(deployStack, 'deployment', { restApi: api.api, stageName: 'prod' });
    return app;
  };
}
