import { ApiGatewayBasePathMapping } from '@cdktf/provider-aws/lib/api-gateway-base-path-mapping';
import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings';
import { ApiGatewayUsagePlan } from '@cdktf/provider-aws/lib/api-gateway-usage-plan';
import { Apigatewayv2ApiMapping } from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformLocal, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { HttpApiDeployment, RestApiDeployment, RestApiStage } from '../src';
import { petsApi } from './support/api';
import { petsHttpApi } from './support/v2-api';

function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  return stack;
}

const waits = (address: string, failure: string, fix: string) =>
  `${address} ('stack/${address.split('.')[1]}') names the stage "prod" of this API by its name: nothing makes it wait for the stage, so the first `
  + `apply fails ("${failure}"), and a renamed stage leaves it behind. Name the stage through its resource: ${fix}.`;

describe('a resource written by hand that names a stage of the construct by its literal name (deployment.stageName)', () => {
  test('REST: a usage plan, method settings and a base path mapping get a warning each, naming the fix', () => {
    const stack = newStack();
    const api = petsApi(stack).api;
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: api, stageName: 'prod' });
    new ApiGatewayUsagePlan(stack, 'plan', { name: 'plan', apiStages: [{ apiId: api.id, stage: deployment.stageName }] });
    new ApiGatewayMethodSettings(stack, 'settings', { restApiId: api.id, stageName: deployment.stageName, methodPath: '*/*', settings: { metricsEnabled: true } });
    new ApiGatewayBasePathMapping(stack, 'mapping', { apiId: api.id, stageName: 'prod', domainName: 'api.example.com' });

    expect(RestApiDeployment.warningsOf(stack)).toEqual([
      waits('aws_api_gateway_method_settings.settings', 'Invalid stage identifier specified', 'deploymentStage.stage.stageName'),
      waits('aws_api_gateway_base_path_mapping.mapping', 'Invalid stage identifier specified', 'deploymentStage.stage.stageName'),
      waits('aws_api_gateway_usage_plan.plan', 'Invalid API Stage ... specified for usageplan', 'deploymentStage.stage.stageName'),
    ]);
  });

  test('HTTP: an API mapping of an added stage', () => {
    const stack = newStack();
    const { api } = petsHttpApi(stack);
    const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: api });
    deployment.addStage('prod');
    new Apigatewayv2ApiMapping(stack, 'mapping', { apiId: api.id, stage: 'prod', domainName: 'api.example.com' });

    expect(HttpApiDeployment.warningsOf(stack)).toEqual([
      waits('aws_apigatewayv2_api_mapping.mapping', 'Invalid stage identifier specified', "the added stage's .stage.name"),
    ]);
  });

  test('named through the stage resource, or waiting for it (dependsOn), or of another API: no warning', () => {
    const stack = newStack();
    const api = petsApi(stack).api;
    const other = petsApi(stack, {}, 'other_').api;
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: api, stageName: 'prod' });
    new ApiGatewayUsagePlan(stack, 'plan', { name: 'plan', apiStages: [{ apiId: api.id, stage: deployment.deploymentStage.stage.stageName }] });
    new ApiGatewayMethodSettings(stack, 'settings', {
      restApiId: api.id, stageName: 'prod', methodPath: '*/*', settings: { metricsEnabled: true }, dependsOn: [deployment.deploymentStage.stage],
    });
    new ApiGatewayBasePathMapping(stack, 'mapping', { apiId: other.id, stageName: 'prod', domainName: 'api.example.com' });

    expect(RestApiDeployment.warningsOf(deployment)).toEqual([]);
  });
});

test("a usage plan's entry naming another API's stage of that name is no warning (each entry names its own API)", () => {
  const stack = newStack();
  const api = petsApi(stack).api;
  const deployment = new RestApiDeployment(stack, 'deploy', { restApi: api, stageName: 'prod' });
  const beta = deployment.addStage('beta');
  new ApiGatewayUsagePlan(stack, 'plan', { name: 'plan', apiStages: [{ apiId: api.id, stage: beta.stage.stageName }, { apiId: 'legacyapi123', stage: 'prod' }] });

  expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
});

test('a stage made on its own, named literally by a usage plan: the same warning, naming its fix', () => {
  const stack = newStack();
  const api = petsApi(stack).api;
  const old = new ApiGatewayDeployment(stack, 'old', { restApiId: api.id, triggers: { release: '1' }, lifecycle: { createBeforeDestroy: true } });
  new RestApiStage(stack, 'beta', { restApiId: api.id, deploymentId: old.id, stageName: 'beta' });
  new ApiGatewayUsagePlan(stack, 'plan', { name: 'plan', apiStages: [{ apiId: api.id, stage: 'beta' }] });

  expect(RestApiDeployment.warningsOf(stack)).toEqual([expect.stringContaining(
    "aws_api_gateway_usage_plan.plan ('stack/plan') names the stage \"beta\" of this API by its name: nothing makes it wait for the stage, so the first apply "
    + 'fails ("Invalid API Stage ... specified for usageplan"), and a renamed stage leaves it behind. Name the stage through its resource: beta.stage.stageName.')]);
});

test('the stage named through a local value holding its name, or from a third stack reading the API: the warning too', () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'stack');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const api = petsApi(stack).api;
  new RestApiDeployment(stack, 'deploy', { restApi: api, stageName: 'prod' });
  new ApiGatewayMethodSettings(stack, 'settings', {
    restApiId: api.id, stageName: new TerraformLocal(stack, 'stage', 'prod').asString, methodPath: '*/*', settings: { metricsEnabled: true },
  });
  const third = new TerraformStack(app, 'third');
  new AwsProvider(third, 'aws', { region: 'eu-west-1' });
  new ApiGatewayUsagePlan(third, 'plan', { name: 'plan', apiStages: [{ apiId: api.id, stage: 'prod' }] });

  expect(RestApiDeployment.warningsOf(app)).toEqual([
    expect.stringContaining("aws_api_gateway_method_settings.settings ('stack/settings') names the stage \"prod\" of this API by its name"),
    expect.stringContaining("aws_api_gateway_usage_plan.plan ('third/plan') names the stage \"prod\" of this API by its name"),
  ]);
});

test('a stage name known only at deploy time (a variable), named by the same expression: the warning, showing the expression', () => {
  const stack = newStack();
  const api = petsApi(stack).api;
  const stageName = new TerraformVariable(stack, 'stage', { type: 'string' }).stringValue;
  const deployment = new RestApiDeployment(stack, 'deploy', { restApi: api, stageName });
  new ApiGatewayUsagePlan(stack, 'plan', { name: 'plan', apiStages: [{ apiId: api.id, stage: deployment.stageName }] });
  new ApiGatewayUsagePlan(stack, 'other', { name: 'other', apiStages: [{ apiId: api.id, stage: new TerraformVariable(stack, 'other_stage', { type: 'string' }).stringValue }] });

  expect(RestApiDeployment.warningsOf(stack)).toEqual([
    "aws_api_gateway_usage_plan.plan ('stack/plan') names the stage ${var.stage} of this API by its name: nothing makes it wait for the stage, so the first "
    + 'apply fails ("Invalid API Stage ... specified for usageplan"), and a renamed stage leaves it behind. Name the stage through its resource: '
    + 'deploymentStage.stage.stageName.',
  ]);
});
