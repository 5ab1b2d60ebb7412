/**
 * After the world moves: what the next `terraform apply` does when the stage or the deployment
 * was changed outside Terraform (the README's "Rolling back"). Each case starts from the applied
 * pets app, changes the emulated API Gateway through the SDK as a console user would, and
 * checks that one apply converges and a second plan has nothing to do.
 */
import { CreateDeploymentCommand, DeleteDeploymentCommand, DeleteStageCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway';
import { appliedPetsApp, emulatedPets, PETS_ADDRESSES, PETS_STACK, petsApp, PetsStackVersion, planPetsVersion } from './pets-stack';
import { emulatorForThisFile } from '../emulator/emulator';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

const emulator = emulatorForThisFile();
const SETTINGS: PetsStackVersion = { deployment: { variables: { colour: 'blue' }, tracingEnabled: true } };

/** The pets app with a stage that has settings, applied in a fresh folder. */
function appliedWithSettings(name: string): TerraformWorkdir {
  return appliedPetsApp(name, emulator(), SETTINGS);
}

/** What the emulated API Gateway has: the stage, the ids of the deployments; and the deployment Terraform manages. */
function emulated(workdir: TerraformWorkdir) {
  return emulatedPets(workdir, emulator());
}

/** A deployment made outside Terraform, and the stage moved onto it: a rollback from the console. */
async function moveStageToNewDeployment(restApiId: string): Promise<string> {
  const client = emulator().apiGateway();
  const outside = (await client.send(new CreateDeploymentCommand({ restApiId, description: 'made in the console' }))).id!;
  await client.send(new UpdateStageCommand({ restApiId, stageName: 'prod', patchOperations: [{ op: 'replace', path: '/deploymentId', value: outside }] }));
  return outside;
}

test('the stage moved to another deployment outside Terraform: the plan moves it back, no deployment is replaced', async () => {
  const workdir = appliedWithSettings('drift-stage-moved');
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
  const workdir = appliedWithSettings('drift-deployment-deleted');
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
  const workdir = appliedWithSettings('drift-stage-deleted');
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
  const workdir = appliedWithSettings('drift-pinned');
  const { restApiId } = await emulated(workdir);
  const outside = await moveStageToNewDeployment(restApiId);
  const pinned = (template?: string): PetsStackVersion => ({ ...SETTINGS, template, pinStage: true });

  workdir.load(synthesizeStack(petsApp(pinned()), PETS_STACK));
  expect(workdir.planExitCode()).toMatchObject({ code: 0 });

  const plan = planPetsVersion(workdir, pinned('{"statusCode": 201}'));
  expect(plan.actions(PETS_ADDRESSES.deployment)).toEqual(['create', 'delete']);
  expect(plan.actions(PETS_ADDRESSES.stage)).toEqual(['no-op']);
  workdir.apply();
  expect((await emulated(workdir)).stage.deploymentId).toBe(outside);

  // Unpinned, the next apply moves the stage back to the construct's deployment.
  planPetsVersion(workdir, { ...SETTINGS, template: '{"statusCode": 201}' });
  workdir.apply();
  const after = await emulated(workdir);
  expect(after.stage.deploymentId).toBe(after.managed);
  await emulator().apiGateway().send(new DeleteDeploymentCommand({ restApiId, deploymentId: outside }));
});
