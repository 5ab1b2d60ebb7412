/**
 * The emulator refuses what AWS refuses (moto_strict.py). Each
 * refusal is shown twice: through the SDK, and under Terraform with the hand-written pattern that
 * hits it on AWS, while the construct's output for the same change applies.
 */
import {
  CreateBasePathMappingCommand,
  CreateDeploymentCommand,
  CreateDomainNameCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  CreateUsagePlanCommand,
  DeleteBasePathMappingCommand,
  DeleteDeploymentCommand,
  DeleteRestApiCommand,
  DeleteStageCommand,
  DeleteUsagePlanCommand,
  GetResourcesCommand,
  GetStageCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateStageCommand,
  UpdateUsagePlanCommand,
} from '@aws-sdk/client-api-gateway';
import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { ApiGatewayUsagePlan } from '@cdktf/provider-aws/lib/api-gateway-usage-plan';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { RestApiDeployment } from '../../../src';
import { petsApi, PetsApi } from '../../support/api';
import { emulatorForThisFile } from '../emulator/emulator';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

const emulator = emulatorForThisFile();
const STILL_ACTIVE = /BadRequestException: Active stages pointing to this deployment must be moved or deleted/;

/** An app of one stack with the `/pets` API, deployed as `deploy` says; `template` is the integration's request template. */
function petsAppWith(template: string, deploy: (stack: TerraformStack, pets: PetsApi) => void): (outdir: string) => App {
  return (outdir) => {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'pets');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    const pets = petsApi(stack);
    pets.integration.requestTemplates = { 'application/json': template };
    deploy(stack, pets);
    return app;
  };
}

/** A REST API with `GET /` (MOCK), made through the SDK; its id. */
async function apiWithMethod(name: string): Promise<string> {
  const client = emulator().apiGateway();
  const restApiId = (await client.send(new CreateRestApiCommand({ name }))).id!;
  const rootId = (await client.send(new GetResourcesCommand({ restApiId }))).items![0].id!;
  await client.send(new PutMethodCommand({ restApiId, resourceId: rootId, httpMethod: 'GET', authorizationType: 'NONE' }));
  await client.send(new PutIntegrationCommand({ restApiId, resourceId: rootId, httpMethod: 'GET', type: 'MOCK' }));
  return restApiId;
}

test('DeleteDeployment of a deployment that a stage or its canary serves is refused with AWS\'s message', async () => {
  const client = emulator().apiGateway();
  const restApiId = await apiWithMethod('strict');
  const first = (await client.send(new CreateDeploymentCommand({ restApiId }))).id!;
  const second = (await client.send(new CreateDeploymentCommand({ restApiId }))).id!;
  await client.send(new CreateStageCommand({ restApiId, stageName: 'prod', deploymentId: first }));
  await client.send(new UpdateStageCommand({
    restApiId,
    stageName: 'prod',
    patchOperations: [{ op: 'replace', path: '/canarySettings/deploymentId', value: second }],
  }));

  const refused = { name: 'BadRequestException', message: 'Active stages pointing to this deployment must be moved or deleted' };
  await expect(client.send(new DeleteDeploymentCommand({ restApiId, deploymentId: first }))).rejects.toMatchObject(refused);
  await expect(client.send(new DeleteDeploymentCommand({ restApiId, deploymentId: second }))).rejects.toMatchObject(refused);

  // Moved away (the stage to the second deployment, the canary removed), the first one goes.
  await client.send(new UpdateStageCommand({
    restApiId,
    stageName: 'prod',
    patchOperations: [{ op: 'replace', path: '/deploymentId', value: second }, { op: 'remove', path: '/canarySettings' }],
  }));
  await client.send(new DeleteDeploymentCommand({ restApiId, deploymentId: first }));
  expect((await client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))).deploymentId).toBe(second);
});

describe('an integration change under a live stage', () => {
  test('the hand-written deployment without create_before_destroy is destroyed first: the apply fails as on AWS', () => {
    const handWritten = (template: string) => petsAppWith(template, (stack, { api, integration }) => {
      const deployment = new ApiGatewayDeployment(stack, 'deployment', { restApiId: api.id, triggers: { template }, dependsOn: [integration] });
      new ApiGatewayStage(stack, 'stage', { restApiId: api.id, deploymentId: deployment.id, stageName: 'prod' });
    });
    const workdir = new TerraformWorkdir('strict-hand-written', emulator());
    workdir.load(synthesizeStack(handWritten('{"statusCode": 200}'), 'pets')).init();
    workdir.plan();
    workdir.apply();

    const plan = workdir.load(synthesizeStack(handWritten('{"statusCode": 201}'), 'pets')).plan();
    expect(plan.actions('aws_api_gateway_deployment.deployment')).toEqual(['delete', 'create']);
    expect(workdir.applyFailing()).toMatch(STILL_ACTIVE);
  });

  test("the construct's deployment is created first and the stage moved before the old one goes: the apply succeeds", async () => {
    const withConstruct = (template: string) => petsAppWith(template, (stack, { api }) => {
      new RestApiDeployment(stack, 'deployment', { restApi: api });
    });
    const workdir = new TerraformWorkdir('strict-construct', emulator());
    workdir.load(synthesizeStack(withConstruct('{"statusCode": 200}'), 'pets')).init();
    workdir.plan();
    workdir.apply();

    const plan = workdir.load(synthesizeStack(withConstruct('{"statusCode": 201}'), 'pets')).plan();
    const deployment = plan.addressesOf('aws_api_gateway_deployment')[0];
    expect(plan.actions(deployment)).toEqual(['create', 'delete']);
    workdir.apply();
    const restApiId = workdir.state()['aws_api_gateway_rest_api.api'].id;
    const stage = await emulator().apiGateway().send(new GetStageCommand({ restApiId, stageName: 'prod' }));
    expect(stage.deploymentId).toBe(workdir.state()[deployment].id);
  });
});

test('a deployment created before its integration fails as on AWS ("No integration defined for method")', () => {
  const workdir = new TerraformWorkdir('strict-no-integration', emulator());
  workdir.load(synthesizeStack(petsAppWith('{"statusCode": 200}', (stack, { api, get, integration }) => {
    // The order Terraform may pick when nothing makes the deployment wait: here made certain.
    const deployment = new ApiGatewayDeployment(stack, 'deployment', { restApiId: api.id, dependsOn: [get] });
    integration.dependsOn = [`${deployment.terraformResourceType}.${deployment.friendlyUniqueId}`];
  }), 'pets')).init();
  workdir.plan();

  expect(workdir.applyFailing()).toMatch(/No integration defined for method/);
});

test("a stage or API a base path mapping points at, a usage plan's missing stage, a usage plan with stages: refused with AWS's messages", async () => {
  const client = emulator().apiGateway();
  const restApiId = await apiWithMethod('mapped');
  const deploymentId = (await client.send(new CreateDeploymentCommand({ restApiId }))).id!;
  await client.send(new CreateStageCommand({ restApiId, stageName: 'prod', deploymentId }));
  await client.send(new CreateDomainNameCommand({
    domainName: 'strict.example.com',
    regionalCertificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc',
    endpointConfiguration: { types: ['REGIONAL'] },
  }));
  await client.send(new CreateBasePathMappingCommand({ domainName: 'strict.example.com', basePath: 'v1', restApiId, stage: 'prod' }));

  await expect(client.send(new DeleteStageCommand({ restApiId, stageName: 'prod' }))).rejects.toMatchObject({
    name: 'BadRequestException',
    message: 'Deleting stage prod failed. Please remove all base path mappings related to the stage in your domains: strict.example.com.',
  });
  await expect(client.send(new DeleteRestApiCommand({ restApiId }))).rejects.toMatchObject({
    name: 'BadRequestException',
    message: `Deleting RestApi ${restApiId} failed. Please remove all base path mappings related to the RestApi in your domains: strict.example.com.`,
  });
  await expect(client.send(new CreateUsagePlanCommand({ name: 'gold', apiStages: [{ apiId: restApiId, stage: 'beta' }] }))).rejects.toMatchObject({
    name: 'BadRequestException',
    message: `Invalid API Stage {api: ${restApiId}, stage: beta} specified for usageplan gold`,
  });
  const usagePlanId = (await client.send(new CreateUsagePlanCommand({ name: 'gold', apiStages: [{ apiId: restApiId, stage: 'prod' }] }))).id!;
  await expect(client.send(new UpdateUsagePlanCommand({ usagePlanId, patchOperations: [{ op: 'add', path: '/apiStages', value: `${restApiId}:beta` }] })))
    .rejects.toMatchObject({ message: `Invalid API Stage {api: ${restApiId}, stage: beta} specified for usageplan gold` });
  await expect(client.send(new DeleteUsagePlanCommand({ usagePlanId }))).rejects.toMatchObject({
    name: 'BadRequestException',
    message: `Cannot delete Usage Plan ${usagePlanId} because there are API Stages associated with it, including ${restApiId}:prod`,
  });

  // In AWS's order (the plan's stages removed, the mapping deleted), each goes.
  await client.send(new UpdateUsagePlanCommand({ usagePlanId, patchOperations: [{ op: 'remove', path: '/apiStages', value: `${restApiId}:prod` }] }));
  await client.send(new DeleteUsagePlanCommand({ usagePlanId }));
  await client.send(new DeleteBasePathMappingCommand({ domainName: 'strict.example.com', basePath: 'v1' }));
  await client.send(new DeleteStageCommand({ restApiId, stageName: 'prod' }));
  await client.send(new DeleteRestApiCommand({ restApiId }));
});

test('a usage plan that names the stage by its literal name can be created before the stage: the apply fails as on AWS', () => {
  const workdir = new TerraformWorkdir('strict-usage-plan-literal', emulator());
  workdir.load(synthesizeStack(petsAppWith('{"statusCode": 200}', (stack, { api, integration }) => {
    const deployment = new ApiGatewayDeployment(stack, 'deployment', { restApiId: api.id, dependsOn: [integration] });
    const plan = new ApiGatewayUsagePlan(stack, 'usage_plan', { name: 'pets', apiStages: [{ apiId: api.id, stage: 'prod' }] });
    // Nothing makes the plan wait for the stage; the order Terraform may pick is made certain here.
    new ApiGatewayStage(stack, 'stage', { restApiId: api.id, deploymentId: deployment.id, stageName: 'prod', dependsOn: [plan] });
  }), 'pets')).init();
  workdir.plan();

  expect(workdir.applyFailing()).toMatch(/BadRequestException: Invalid API Stage \{api: \w+, stage: prod\} specified for usageplan pets/);
});

test('a mapped stage renamed the provider\'s default way (destroyed before its replacement exists): AWS refuses to delete it', async () => {
  // The custom domain is made outside (as a shared domain often is): the provider waits a minute after creating one.
  await emulator().apiGateway().send(new CreateDomainNameCommand({
    domainName: 'rename.example.com',
    regionalCertificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc',
    endpointConfiguration: { types: ['REGIONAL'] },
  }));
  const mapped = (stageName: string, destroyFirst: boolean) => petsAppWith('{"statusCode": 200}', (stack, { api }) => {
    const deployment = new RestApiDeployment(stack, 'deployment', { restApi: api, stageName });
    deployment.addBasePathMapping('rename.example.com');
    if (destroyFirst) {
      // The construct keeps create_before_destroy through the stage's own escape hatches; the stack's raw override is the last one.
      const stage = deployment.deploymentStage.stage;
      stack.addOverride(`resource.${stage.terraformResourceType}.${stage.friendlyUniqueId}.lifecycle.create_before_destroy`, false);
    }
  });
  const workdir = new TerraformWorkdir('strict-rename-destroy-first', emulator());
  workdir.load(synthesizeStack(mapped('prod', true), 'pets')).init();
  workdir.plan();
  workdir.apply();

  workdir.load(synthesizeStack(mapped('live', true), 'pets')).plan();
  expect(workdir.applyFailing()).toMatch(
    /BadRequestException: Deleting stage prod failed\. Please remove all base path mappings related to the stage in your domains: rename\.example\.com\./);

  // The construct's own order (the new stage first, the mapping moved, then the old stage deleted) applies.
  workdir.load(synthesizeStack(mapped('live', false), 'pets')).plan();
  workdir.apply();
  expect(workdir.planExitCode()).toMatchObject({ code: 0 });
});

test('an API mapped by a base path mapping made outside the configuration: terraform destroy fails on the API as on AWS', async () => {
  const workdir = new TerraformWorkdir('strict-mapped-outside', emulator());
  workdir.load(synthesizeStack(petsAppWith('{"statusCode": 200}', (stack, { api }) => {
    new RestApiDeployment(stack, 'deployment', { restApi: api });
  }), 'pets')).init();
  workdir.plan();
  workdir.apply();
  const restApiId = workdir.state()['aws_api_gateway_rest_api.api'].id;
  // Another team's configuration maps its domain to the whole API (no stage named).
  const client = emulator().apiGateway();
  await client.send(new CreateDomainNameCommand({
    domainName: 'outside.example.com',
    regionalCertificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc',
    endpointConfiguration: { types: ['REGIONAL'] },
  }));
  await client.send(new CreateBasePathMappingCommand({ domainName: 'outside.example.com', basePath: 'pets', restApiId }));

  expect(() => workdir.destroy()).toThrow(
    new RegExp(`BadRequestException: Deleting RestApi ${restApiId} failed\\. Please remove all base path mappings related to the RestApi in your domains: outside\\.example\\.com\\.`));

  await client.send(new DeleteBasePathMappingCommand({ domainName: 'outside.example.com', basePath: 'pets' }));
  workdir.destroy();
});
