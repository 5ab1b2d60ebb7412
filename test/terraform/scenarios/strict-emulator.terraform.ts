/**
 * The emulator refuses what AWS refuses (moto_server.py, "Strict where moto is lenient"). Each
 * refusal is shown twice: through the SDK, and under Terraform with the hand-written pattern that
 * hits it on AWS, while the construct's output for the same change applies.
 */
import {
  CreateDeploymentCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  DeleteDeploymentCommand,
  GetResourcesCommand,
  GetStageCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
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

test('DeleteDeployment of a deployment that a stage or its canary serves is refused with AWS\'s message', async () => {
  const client = emulator().apiGateway();
  const restApiId = (await client.send(new CreateRestApiCommand({ name: 'strict' }))).id!;
  const rootId = (await client.send(new GetResourcesCommand({ restApiId }))).items![0].id!;
  await client.send(new PutMethodCommand({ restApiId, resourceId: rootId, httpMethod: 'GET', authorizationType: 'NONE' }));
  await client.send(new PutIntegrationCommand({ restApiId, resourceId: rootId, httpMethod: 'GET', type: 'MOCK' }));
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
