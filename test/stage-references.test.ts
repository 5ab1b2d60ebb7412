import { ApiGatewayBasePathMapping } from '@cdktf/provider-aws/lib/api-gateway-base-path-mapping';
import { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings';
import { ApiGatewayUsagePlan } from '@cdktf/provider-aws/lib/api-gateway-usage-plan';
import { Apigatewayv2ApiMapping } from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { HttpApiDeployment, RestApiDeployment } from '../src';
import { petsApi } from './support/api';
import { petsHttpApi } from './support/v2-api';

/**
 * Resources written by hand that name a library stage (a mapping, method settings, a usage plan's API
 * stage): by the stage's name, beside the stage's own API, or the library's error at synth.
 */
function synthWith(build: (stack: TerraformStack) => void): () => void {
  return () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    build(stack);
    Testing.synth(stack, true);
  };
}

describe('a REST stage named by its id (ags-<api>-<stage>) where its name belongs: refused', () => {
  test.each([
    ['a base path mapping', (stack: TerraformStack, deployment: RestApiDeployment) => {
      new ApiGatewayBasePathMapping(stack, 'bpm', { apiId: deployment.restApiId, domainName: 'api.example.com', stageName: deployment.deploymentStage.stage.id });
    }, 'stage_name'],
    ['method settings', (stack: TerraformStack, deployment: RestApiDeployment) => {
      new ApiGatewayMethodSettings(stack, 'settings', {
        restApiId: deployment.restApiId, stageName: deployment.deploymentStage.stage.id, methodPath: '*/*', settings: { metricsEnabled: true },
      });
    }, 'stage_name'],
    ["a usage plan's API stage", (stack: TerraformStack, deployment: RestApiDeployment) => {
      new ApiGatewayUsagePlan(stack, 'plan', { name: 'plan', apiStages: [{ apiId: deployment.restApiId, stage: deployment.deploymentStage.stage.id }] });
    }, 'api_stages[0].stage'],
  ])('%s', (_case, build, argument) => {
    expect(synthWith((stack) => build(stack, new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }))))
      .toThrow(new RegExp('RestApiDeployment at \'stack/deploy\': property \'deploymentStage.stage\' is "\\$\\{aws_api_gateway_stage.deploy_Stage_\\w+.id\\}"; '
        + `expected the stage's name where 'stack/\\w+' \\(aws_api_gateway_[\\w.]+, written by hand\\) names it in ${argument.replace(/[[\]]/g, '\\$&')} `
        + '\\(deploymentStage.stage.stageName\\): a REST stage\'s id is no stage name'));
  });
});

test("a stage named beside another API (a mapping of API b onto API a's stage, a usage plan's API stage): refused, naming the stage's API", () => {
  expect(synthWith((stack) => {
    const a = new HttpApiDeployment(stack, 'a', { httpApi: petsHttpApi(stack, {}, 'a_').api, stageName: 'live' });
    new Apigatewayv2ApiMapping(stack, 'm', { apiId: petsHttpApi(stack, {}, 'b_').api.id, domainName: 'api.example.com', stage: a.deploymentStage.stage.name });
  })).toThrow("HttpApiDeployment at 'stack/a': property 'deploymentStage.stage' is \"${aws_apigatewayv2_api.b_http_api.id}\"; expected the stage's own "
    + "API beside it where 'stack/m' (aws_apigatewayv2_api_mapping.m, written by hand) names the stage (api_id): the stage belongs to "
    + 'aws_apigatewayv2_api.a_http_api, and AWS finds no stage of its name in another API (NotFoundException).');

  expect(synthWith((stack) => {
    const a = new RestApiDeployment(stack, 'a', { restApi: petsApi(stack, {}, 'a_').api });
    new ApiGatewayUsagePlan(stack, 'plan', { name: 'plan', apiStages: [{ apiId: petsApi(stack, {}, 'b_').api.id, stage: a.deploymentStage.stage.stageName }] });
  })).toThrow('names the stage (api_stages[0].api_id): the stage belongs to aws_api_gateway_rest_api.a_api');

  expect(synthWith((stack) => {
    const a = new RestApiDeployment(stack, 'a', { restApi: petsApi(stack, {}, 'a_').api });
    new ApiGatewayUsagePlan(stack, 'plan', { name: 'plan' }).addOverride('api_stages', [{ api_id: petsApi(stack, {}, 'b_').api.id, stage: a.deploymentStage.stage.stageName }]);
  })).toThrow('names the stage (api_stages[0].api_id): the stage belongs to aws_api_gateway_rest_api.a_api');
});

test('named by its name beside its own API (as the README shows): accepted', () => {
  expect(synthWith((stack) => {
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    new ApiGatewayUsagePlan(stack, 'plan', { name: 'plan', apiStages: [{ apiId: deployment.restApiId, stage: deployment.deploymentStage.stage.stageName }] });
    new ApiGatewayBasePathMapping(stack, 'bpm', { apiId: deployment.restApiId, domainName: 'api.example.com', stageName: deployment.deploymentStage.stage.stageName });
    const http = new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api });
    new Apigatewayv2ApiMapping(stack, 'm', { apiId: http.httpApiId, domainName: 'v2.example.com', stage: http.deploymentStage.stage.id });
  })).not.toThrow();
});
