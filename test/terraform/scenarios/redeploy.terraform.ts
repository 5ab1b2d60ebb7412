/**
 * The redeploy promises, run by Terraform against the emulator on `examples/resources`: what
 * replaces the deployment (and which trigger key says why), what does not, and that the stage
 * then serves the new deployment.
 */
import { GetDeploymentsCommand, GetRestApisCommand, GetStageCommand } from '@aws-sdk/client-api-gateway';
import { RESOURCES_STACK, resourcesExample, ResourcesEdits } from './resources-example-versions';
import { emulatorForThisFile } from '../emulator/emulator';
import { expectReadmePlanExcerpt } from '../support/readme-plans';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

const DEPLOYMENT = 'aws_api_gateway_deployment.deployment_Deployment_E18B84BC';
const STAGE = 'aws_api_gateway_stage.deployment_Stage_B284FC1F';

const emulator = emulatorForThisFile();
let workdir: TerraformWorkdir;

beforeAll(() => {
  workdir = new TerraformWorkdir('redeploy', emulator());
  workdir.load(synthesizeStack(resourcesExample(), RESOURCES_STACK)).init();
});

function planEdits(edits: ResourcesEdits) {
  return workdir.load(synthesizeStack(resourcesExample(edits), RESOURCES_STACK)).plan();
}

/** The stage as the emulated API Gateway has it, and the deployments that exist. */
async function emulated() {
  const state = workdir.state();
  const restApiId = state[STAGE].rest_api_id;
  const stage = await emulator().apiGateway().send(new GetStageCommand({ restApiId, stageName: 'example' }));
  const deployments = await emulator().apiGateway().send(new GetDeploymentsCommand({ restApiId }));
  return { deploymentId: state[DEPLOYMENT].id, stage, deploymentIds: (deployments.items ?? []).map((item) => item.id) };
}

/**
 * Applies the planned replacement and checks, in Terraform's log, that the new deployment was
 * created before the stage moved and the old one was destroyed after; and, in the emulated
 * API Gateway, that the stage serves the new deployment and the old one is gone.
 */
async function expectStageMovesOnApply(): Promise<void> {
  const before = await emulated();
  const log = workdir.apply();
  const created = log.indexOf(`${DEPLOYMENT}: Creation complete`);
  const moved = log.indexOf(`${STAGE}: Modifications complete`);
  const destroyed = log.search(new RegExp(`${DEPLOYMENT.replace(/\./g, '\\.')} \\(deposed object \\w+\\): Destroying`));
  if (!(created >= 0 && moved > created && destroyed > moved)) {
    throw new Error(`expected the new deployment created, then the stage modified, then the deposed deployment destroyed (deposed = the old one); the apply log:\n${log}`);
  }
  const after = await emulated();
  expect(after.deploymentId).not.toBe(before.deploymentId);
  expect(after.stage.deploymentId).toBe(after.deploymentId);
  expect(after.deploymentIds).toEqual([after.deploymentId]);
}

describe('examples/resources under Terraform', () => {
  test('the example as shipped deploys, and a second plan has nothing to do', async () => {
    const plan = workdir.plan();

    expect(plan.actions(DEPLOYMENT)).toEqual(['create']);
    workdir.apply();
    const { deploymentId, stage } = await emulated();
    expect(stage.deploymentId).toBe(deploymentId);
    expect(workdir.planExitCode()).toMatchObject({ code: 0 });
  });

  test("an integration's request template changes: replaced before destroyed, keyed by that integration, stage updated in place", async () => {
    const plan = planEdits({ exampleTemplate: '{"statusCode": 201}' });

    expect(plan.changedResources()).toEqual({
      'aws_api_gateway_integration.example_get_integration': ['update'],
      [DEPLOYMENT]: ['create', 'delete'],
      [STAGE]: ['update'],
    });
    expect(plan.changedTriggerKeys(DEPLOYMENT)).toEqual(['aws_api_gateway_integration.example_get_integration']);
    expectReadmePlanExcerpt('integration-template-change', plan.text);
    await expectStageMovesOnApply();
    expect(workdir.planExitCode()).toMatchObject({ code: 0 });
  });

  test('a method with its integration is added: replaced, the stage moves', async () => {
    const plan = planEdits({ exampleTemplate: '{"statusCode": 201}', statusMethod: true });

    expect(plan.actions(DEPLOYMENT)).toEqual(['create', 'delete']);
    expect(plan.changedTriggerKeys(DEPLOYMENT)).toEqual([
      'aws_api_gateway_integration.status_get_integration',
      'aws_api_gateway_method.status_get',
      'aws_api_gateway_resource.status_resource',
      'resource_ids',
    ]);
    expectReadmePlanExcerpt('method-added', plan.text);
    await expectStageMovesOnApply();
  });

  test("the Lambda function behind the proxy integration is replaced: redeployed through the function's own entry", async () => {
    const plan = planEdits({ exampleTemplate: '{"statusCode": 201}', statusMethod: true, functionName: 'hello-v2' });

    expect(plan.actions('aws_lambda_function.hello')).toEqual(['create', 'delete']);
    expect(plan.actions(DEPLOYMENT)).toEqual(['create', 'delete']);
    expect(plan.changedTriggerKeys(DEPLOYMENT)).toEqual(['aws_lambda_function.hello']);
    expectReadmePlanExcerpt('lambda-replaced', plan.text);
    await expectStageMovesOnApply();
  });

  test('tags on the API and the function change: no action on the deployment', () => {
    const plan = planEdits({ exampleTemplate: '{"statusCode": 201}', statusMethod: true, functionName: 'hello-v2', tags: { team: 'pets' } });

    expect(plan.actions(DEPLOYMENT)).toEqual(['no-op']);
    expect(plan.actions(STAGE)).toEqual(['no-op']);
    expect(Object.keys(plan.changedResources()).sort()).toEqual(['aws_api_gateway_rest_api.example', 'aws_lambda_function.hello']);
    workdir.apply();
    expect(workdir.planExitCode()).toMatchObject({ code: 0 });
  });

  test('destroy leaves no API Gateway object behind', async () => {
    workdir.destroy();

    const apis = await emulator().apiGateway().send(new GetRestApisCommand({}));
    expect(apis.items ?? []).toEqual([]);
    expect(Object.keys(workdir.state())).toEqual([]);
  });
});
