/**
 * An API split across stacks, under Terraform: the API's stack is applied first, then the
 * deploy stack, which reads the API's resources' references through cdktf's cross-stack
 * outputs. Changes in the API's stack replace the deployment in the other stack (and the plan
 * names the entry), a tag change does not.
 */
import * as path from 'path';
import { GetStageCommand } from '@aws-sdk/client-api-gateway';
import { API_STACK, DEPLOY_STACK, SPLIT_ADDRESSES, splitStacksApp, SplitStacksVersion } from './split-stacks-app';
import { emulatorForThisFile } from '../emulator/emulator';
import { expectReadmePlanExcerpt } from '../support/readme-plans';
import { TerraformPlan } from '../support/terraform-plan';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

const emulator = emulatorForThisFile();
let apiWorkdir: TerraformWorkdir;
let deployWorkdir: TerraformWorkdir;

beforeAll(() => {
  apiWorkdir = new TerraformWorkdir('split-stacks-api', emulator());
  deployWorkdir = new TerraformWorkdir('split-stacks-deploy', emulator());
});

/** Synthesizes `version`, applies the API's stack, and plans the deploy stack. */
function applyApiThenPlanDeploy(version: SplitStacksVersion): TerraformPlan {
  const app = splitStacksApp(path.join(apiWorkdir.dir, 'terraform.tfstate'), version);
  apiWorkdir.load(synthesizeStack(app, API_STACK));
  apiWorkdir.plan();
  apiWorkdir.apply();
  return deployWorkdir.load(synthesizeStack(app, DEPLOY_STACK)).plan();
}

/** Applies the deploy stack's plan; returns the stage's deployment and the deployment in the state. */
async function applyDeploy(): Promise<{ stageDeploymentId?: string; deploymentId: string }> {
  deployWorkdir.apply();
  const state = deployWorkdir.state();
  const stage = await emulator().apiGateway().send(new GetStageCommand({
    restApiId: state[SPLIT_ADDRESSES.stage].rest_api_id,
    stageName: 'prod',
  }));
  return { stageDeploymentId: stage.deploymentId, deploymentId: state[SPLIT_ADDRESSES.deployment].id };
}

describe('an API split across stacks under Terraform', () => {
  test('the deploy stack validates, plans and deploys after the API stack; a second plan has nothing to do', async () => {
    const app = splitStacksApp(path.join(apiWorkdir.dir, 'terraform.tfstate'));
    apiWorkdir.load(synthesizeStack(app, API_STACK)).init();
    deployWorkdir.load(synthesizeStack(app, DEPLOY_STACK)).init();
    expect(deployWorkdir.validate()).toMatch(/The configuration is valid/);

    const plan = applyApiThenPlanDeploy({});

    expect(plan.actions(SPLIT_ADDRESSES.deployment)).toEqual(['create']);
    const { stageDeploymentId, deploymentId } = await applyDeploy();
    expect(stageDeploymentId).toBe(deploymentId);
    expect(deployWorkdir.planExitCode()).toMatchObject({ code: 0 });
  });

  test("an integration change in the API's stack replaces the deployment, keyed by that integration", async () => {
    const before = deployWorkdir.state()[SPLIT_ADDRESSES.deployment].id;
    const plan = applyApiThenPlanDeploy({ template: '{"statusCode": 201}' });

    expect(plan.actions(SPLIT_ADDRESSES.deployment)).toEqual(['create', 'delete']);
    expect(plan.changedTriggerKeys(SPLIT_ADDRESSES.deployment)).toEqual(['api/aws_api_gateway_integration.pets_get_integration']);
    const { stageDeploymentId, deploymentId } = await applyDeploy();
    expect(deploymentId).not.toBe(before);
    expect(stageDeploymentId).toBe(deploymentId);
  });

  test("a method added in the API's stack replaces the deployment; the plan names the new resources", async () => {
    const plan = applyApiThenPlanDeploy({ template: '{"statusCode": 201}', petMethod: true });

    expect(plan.actions(SPLIT_ADDRESSES.deployment)).toEqual(['create', 'delete']);
    expect(plan.triggersUnknown(SPLIT_ADDRESSES.deployment)).toBe(false);
    expect(plan.changedTriggerKeys(SPLIT_ADDRESSES.deployment)).toEqual([
      'api/aws_api_gateway_integration.pet_get_integration',
      'api/aws_api_gateway_method.pet_get',
      'api/aws_api_gateway_resource.pet',
    ]);
    await applyDeploy();
  });

  test("the Lambda function is replaced in the API's stack: the deploy stack's plan names it", async () => {
    const plan = applyApiThenPlanDeploy({ template: '{"statusCode": 201}', petMethod: true, functionName: 'pets-v2' });

    expect(plan.actions(SPLIT_ADDRESSES.deployment)).toEqual(['create', 'delete']);
    expect(plan.changedTriggerKeys(SPLIT_ADDRESSES.deployment)).toEqual(['api/aws_lambda_function.pets_fn']);
    expectReadmePlanExcerpt('split-stacks-lambda-replaced', plan.text);
    const { stageDeploymentId, deploymentId } = await applyDeploy();
    expect(stageDeploymentId).toBe(deploymentId);
  });

  test("tags in the API's stack change: nothing to do in the deploy stack", () => {
    const plan = applyApiThenPlanDeploy({ template: '{"statusCode": 201}', petMethod: true, functionName: 'pets-v2', tags: { team: 'pets' } });

    expect(plan.changedResources()).toEqual({});
  });

  test('both stacks destroy, the deploy stack first', () => {
    deployWorkdir.destroy();
    apiWorkdir.destroy();

    expect(Object.keys(deployWorkdir.state())).toEqual([]);
    expect(Object.keys(apiWorkdir.state())).toEqual([]);
  });
});
