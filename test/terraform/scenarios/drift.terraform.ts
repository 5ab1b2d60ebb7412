/**
 * After the world moves: what the next `terraform apply` does when the stage or the deployment
 * was changed outside Terraform (the README's "Rolling back"). Each case starts from the applied
 * pets app, changes the emulated API Gateway through the SDK as a console user would, and
 * checks that one apply converges and a second plan has nothing to do.
 */
import {
  CreateDeploymentCommand,
  DeleteDeploymentCommand,
  DeleteStageCommand,
  GetDeploymentsCommand,
  GetStageCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import { PETS_ADDRESSES, PETS_STACK, petsApp, PetsStackVersion } from './pets-stack';
import { emulatorForThisFile } from '../emulator/emulator';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

const emulator = emulatorForThisFile();
const SETTINGS: PetsStackVersion = { deployment: { variables: { colour: 'blue' }, tracingEnabled: true } };

/** The pets app with a stage that has settings, applied in a fresh folder. */
function appliedPetsApp(name: string, version: PetsStackVersion = SETTINGS): TerraformWorkdir {
  const workdir = new TerraformWorkdir(name, emulator());
  workdir.load(synthesizeStack(petsApp(version), PETS_STACK)).init();
  workdir.plan();
  workdir.apply();
  return workdir;
}

/** What the emulated API Gateway has: the stage, the ids of the deployments; and the deployment Terraform manages. */
async function emulated(workdir: TerraformWorkdir) {
  const state = workdir.state();
  const restApiId = state['aws_api_gateway_rest_api.api'].id;
  const client = emulator().apiGateway();
  const stage = await client.send(new GetStageCommand({ restApiId, stageName: 'prod' }));
  const deployments = (await client.send(new GetDeploymentsCommand({ restApiId }))).items ?? [];
  return { restApiId, stage, deploymentIds: deployments.map((item) => item.id!), managed: state[PETS_ADDRESSES.deployment]?.id as string };
}

/** A deployment made outside Terraform, and the stage moved onto it: a rollback from the console. */
async function moveStageToNewDeployment(restApiId: string): Promise<string> {
  const client = emulator().apiGateway();
  const outside = (await client.send(new CreateDeploymentCommand({ restApiId, description: 'made in the console' }))).id!;
  await client.send(new UpdateStageCommand({ restApiId, stageName: 'prod', patchOperations: [{ op: 'replace', path: '/deploymentId', value: outside }] }));
  return outside;
}

test('the stage moved to another deployment outside Terraform: the plan moves it back, no deployment is replaced', async () => {
  const workdir = appliedPetsApp('drift-stage-moved');
  const { restApiId, managed } = await emulated(workdir);
  const outside = await moveStageToNewDeployment(restApiId);

  const plan = workdir.plan();
  expect(plan.changedResources()).toEqual({ [PETS_ADDRESSES.stage]: ['update'] });
  workdir.apply();

  const after = await emulated(workdir);
  expect(after.managed).toBe(managed);
  expect(after.stage.deploymentId).toBe(managed);
  // Terraform never knew the console's deployment: it stays, served by no stage, until deleted by hand.
  expect(after.deploymentIds.sort()).toEqual([managed, outside].sort());
  await emulator().apiGateway().send(new DeleteDeploymentCommand({ restApiId, deploymentId: outside }));
  expect(workdir.planExitCode()).toMatchObject({ code: 0 });
});

test('the deployment deleted outside Terraform (the stage moved off it first, as AWS requires): recreated, and the stage follows, in one apply', async () => {
  const workdir = appliedPetsApp('drift-deployment-deleted');
  const { restApiId, managed } = await emulated(workdir);
  const outside = await moveStageToNewDeployment(restApiId);
  await emulator().apiGateway().send(new DeleteDeploymentCommand({ restApiId, deploymentId: managed }));

  const plan = workdir.plan();
  expect(plan.changedResources()).toEqual({ [PETS_ADDRESSES.deployment]: ['create'], [PETS_ADDRESSES.stage]: ['update'] });
  workdir.apply();

  const after = await emulated(workdir);
  expect(after.managed).not.toBe(managed);
  expect(after.stage.deploymentId).toBe(after.managed);
  await emulator().apiGateway().send(new DeleteDeploymentCommand({ restApiId, deploymentId: outside }));
  expect(workdir.planExitCode()).toMatchObject({ code: 0 });
});

test('the stage deleted outside Terraform: recreated with its settings, on the same deployment, in one apply', async () => {
  const workdir = appliedPetsApp('drift-stage-deleted');
  const { restApiId, managed } = await emulated(workdir);
  await emulator().apiGateway().send(new DeleteStageCommand({ restApiId, stageName: 'prod' }));

  const plan = workdir.plan();
  expect(plan.changedResources()).toEqual({ [PETS_ADDRESSES.stage]: ['create'] });
  workdir.apply();

  const after = await emulated(workdir);
  expect(after.stage).toMatchObject({ deploymentId: managed, variables: { colour: 'blue' }, tracingEnabled: true });
  expect(workdir.planExitCode()).toMatchObject({ code: 0 });
});

test("pinned on purpose (the README's ignore_changes override): Terraform leaves the stage on the console's deployment, and redeploys without moving it", async () => {
  const workdir = appliedPetsApp('drift-pinned');
  const { restApiId } = await emulated(workdir);
  const outside = await moveStageToNewDeployment(restApiId);
  const pinned = (template?: string): PetsStackVersion => ({ ...SETTINGS, template, pinStage: true });

  workdir.load(synthesizeStack(petsApp(pinned()), PETS_STACK));
  expect(workdir.planExitCode()).toMatchObject({ code: 0 });

  const plan = workdir.load(synthesizeStack(petsApp(pinned('{"statusCode": 201}')), PETS_STACK)).plan();
  expect(plan.actions(PETS_ADDRESSES.deployment)).toEqual(['create', 'delete']);
  expect(plan.actions(PETS_ADDRESSES.stage)).toEqual(['no-op']);
  workdir.apply();
  expect((await emulated(workdir)).stage.deploymentId).toBe(outside);

  // Unpinned, the next apply moves the stage back to the construct's deployment.
  workdir.load(synthesizeStack(petsApp({ ...SETTINGS, template: '{"statusCode": 201}' }), PETS_STACK)).plan();
  workdir.apply();
  const after = await emulated(workdir);
  expect(after.stage.deploymentId).toBe(after.managed);
  await emulator().apiGateway().send(new DeleteDeploymentCommand({ restApiId, deploymentId: outside }));
});
