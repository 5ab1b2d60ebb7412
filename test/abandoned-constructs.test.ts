import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AnnotationMetadataEntryType, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AccessLogDestination, HttpApiDeployment, HttpApiStage, RestApiDeployment } from '../src';
import { petsApi } from './support/api';
import { petsHttpApi } from './support/v2-api';

/**
 * A constructor that fails, its error caught (a test's `toThrow`, Python's `except`), leaves nothing
 * behind: none of what it made so far is synthesized, nothing it recorded is held against the rest of
 * the app, and the construct can be made again under the same id.
 */
function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
  return stack;
}

function resourcesOf(stack: TerraformStack, type: string): string[] {
  return Object.keys(JSON.parse(Testing.synth(stack, true)).resource[type] ?? {});
}

describe('a deployment construct whose constructor failed, its error caught', () => {
  test.each([
    ['a stage setting out of range, after the deployment was made', { cacheTtl: 99999 }, "property 'cacheTtl' is 99999"],
    ['a canary out of range, after the CloudWatch role was made', { cloudWatchRole: true, canary: { percentTraffic: 500 } }, "property 'canary.percentTraffic' is 500"],
    ['a stage name AWS refuses', { stageName: 'my stage' }, "property 'stageName' is \"my stage\""],
  ])('%s: nothing of it is synthesized, and it is made again under the same id', (_case, props, message) => {
    const stack = newStack();
    const { api } = petsApi(stack);
    expect(() => new RestApiDeployment(stack, 'deploy', { restApi: api, ...props } as any)).toThrow(message);
    expect(stack.node.tryFindChild('deploy')).toBeUndefined();

    new RestApiDeployment(stack, 'deploy', { restApi: api, cloudWatchRole: true, loggingLevel: 'INFO' });

    expect(resourcesOf(stack, 'aws_api_gateway_stage')).toEqual([expect.stringMatching(/^deploy_Stage_/)]);
    expect(resourcesOf(stack, 'aws_api_gateway_deployment')).toEqual([expect.stringMatching(/^deploy_Deployment_/)]);
    expect(resourcesOf(stack, 'aws_api_gateway_account')).toHaveLength(1);
    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
  });

  test('the stage name it claimed is free for another construct of the API', () => {
    const stack = newStack();
    const { api } = petsHttpApi(stack);
    expect(() => new HttpApiDeployment(stack, 'bad', { httpApi: api, stageName: 'live', throttlingBurstLimit: -1, throttlingRateLimit: 5 }))
      .toThrow("property 'throttlingBurstLimit' is -1");
    new HttpApiDeployment(stack, 'good', { httpApi: api, stageName: 'live' });

    expect(resourcesOf(stack, 'aws_apigatewayv2_stage')).toEqual([expect.stringMatching(/^good_Stage_/)]);
    expect(HttpApiDeployment.warningsOf(stack)).toEqual([]);
  });

  test('a stage made on its own whose constructor failed: nothing of it is synthesized', () => {
    const stack = newStack();
    const { api } = petsHttpApi(stack);
    const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: api });
    expect(() => new HttpApiStage(stack, 'beta', { apiId: api.id, deploymentId: deployment.deploymentId, stageName: 'beta', throttlingBurstLimit: -1, throttlingRateLimit: 5 }))
      .toThrow("property 'throttlingBurstLimit' is -1");

    expect(resourcesOf(stack, 'aws_apigatewayv2_stage')).toEqual([expect.stringMatching(/^deploy_Stage_/)]);
  });
});

describe('a method that failed, its error caught, leaves nothing behind either', () => {
  test('addStage with an option out of range, then again with the same name: one stage of that name, no false "already creates"', () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    expect(() => deployment.addStage('beta', { cacheTtl: 99999 })).toThrow("property 'addStage(beta).cacheTtl' is 99999");
    deployment.addStage('beta', { stageDescription: 'second try' });

    const stages = JSON.parse(Testing.synth(stack, true)).resource.aws_api_gateway_stage;
    expect(Object.values(stages).map((stage: any) => stage.stage_name).sort()).toEqual(['beta', 'prod']);
  });

  test('addApiMapping with a key AWS refuses, then again: one mapping', () => {
    const stack = newStack();
    const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });
    expect(() => deployment.addApiMapping('api.example.com', { apiMappingKey: 'a//b' })).toThrow("property 'addApiMapping.apiMappingKey' is \"a//b\"");
    deployment.addApiMapping('api.example.com', { apiMappingKey: 'ab' });

    expect(Object.values(JSON.parse(Testing.synth(stack, true)).resource.aws_apigatewayv2_api_mapping).map((mapping: any) => mapping.api_mapping_key))
      .toEqual(['ab']);
  });
});

describe('a call that failed says nothing and asks nothing of synth', () => {
  test('addStage refused after its settings keys and checks were recorded: the retry synthesizes', () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    expect(() => deployment.addStage('beta', {
      methodOptions: { '/nothere/GET': { metricsEnabled: true } },
      accessLogDestination: AccessLogDestination.arn('arn:aws:logs:us-east-1:123456789012:log-group:x'),
      variables: { 'bad name': 'x' },
    })).toThrow("property 'addStage(beta).variables.bad name'");
    deployment.addStage('beta');

    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
  });

  test('a construct with cloudWatchRole: true refused after its role was made: the stages made before it do not wait for the role, and keep their warning', () => {
    const stack = newStack();
    new RestApiDeployment(stack, 'logging', { restApi: petsApi(stack, {}, 'a_').api, loggingLevel: 'INFO' });
    expect(() => new RestApiDeployment(stack, 'bad', { restApi: petsApi(stack, {}, 'b_').api, stageName: 'bad name', cloudWatchRole: true }))
      .toThrow("property 'stageName' is \"bad name\"");

    const json = JSON.parse(Testing.synth(stack, true));
    expect(json.resource.aws_api_gateway_account).toBeUndefined();
    expect(Object.values(json.resource.aws_api_gateway_stage).map((stage: any) => stage.depends_on)).toEqual([undefined]);
    expect(RestApiDeployment.warningsOf(stack)).toEqual([expect.stringContaining('The stage "prod" writes logs to CloudWatch')]);
  });

  test('arnForExecuteApi refused for its stage: no warning about the path or stage it named', () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    expect(() => deployment.arnForExecuteApi('GET', '/nothere', 'bad/stage')).toThrow("property 'arnForExecuteApi(stage)' is \"bad/stage\"");
    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
  });

  test('a constructor refused after warning about its API: the warning is not given (the construct is not made)', () => {
    const stack = newStack();
    const api = new Apigatewayv2Api(stack, 'api', { name: 'pets', protocolType: new TerraformVariable(stack, 'protocol', { type: 'string' }).stringValue });
    expect(() => new HttpApiDeployment(stack, 'deploy', { httpApi: api, stageName: 'bad name' })).toThrow("property 'stageName' is \"bad name\"");
    expect(HttpApiDeployment.warningsOf(stack)).toEqual([]);
    const metadata = stack.node.findAll().flatMap((construct) => construct.node.metadata);
    expect(metadata.filter((entry) => entry.type === AnnotationMetadataEntryType.WARN)).toEqual([]);
  });
});
