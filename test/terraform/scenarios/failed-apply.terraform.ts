/**
 * An apply that fails partway (the emulator fails one call, moto_faults.py), and the next one
 * that converges: the stage serves the newest deployment, no deposed or orphan deployment is left
 * in the state or in the emulated account, and the plan after it has nothing to do.
 */
import { GetDeploymentsCommand, GetStageCommand } from '@aws-sdk/client-api-gateway';
import { PETS_ADDRESSES, PETS_STACK, petsApp, PetsStackVersion } from './pets-stack';
import { emulatorForThisFile } from '../emulator/emulator';
import { TerraformPlan } from '../support/terraform-plan';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

const emulator = emulatorForThisFile();

function appliedPetsApp(name: string): TerraformWorkdir {
  const workdir = new TerraformWorkdir(name, emulator());
  workdir.load(synthesizeStack(petsApp(), PETS_STACK)).init();
  workdir.plan();
  workdir.apply();
  return workdir;
}

function planVersion(workdir: TerraformWorkdir, version: PetsStackVersion): TerraformPlan {
  return workdir.load(synthesizeStack(petsApp(version), PETS_STACK)).plan();
}

/** The deposed objects a plan deletes (left by a create_before_destroy replacement that failed). */
function deposed(plan: TerraformPlan): string[] {
  return (plan.json.resource_changes ?? []).filter((change: any) => change.deposed).map((change: any) => change.address);
}

/** The stage's deployment and every deployment of the API, as the emulated account has them. */
async function emulatedDeployments(workdir: TerraformWorkdir) {
  const restApiId = workdir.state()['aws_api_gateway_rest_api.api'].id;
  const client = emulator().apiGateway();
  const stage = await client.send(new GetStageCommand({ restApiId, stageName: 'prod' }));
  const all = (await client.send(new GetDeploymentsCommand({ restApiId }))).items ?? [];
  return { served: stage.deploymentId, all: all.map((deployment) => deployment.id) };
}

/** The apply after the failed one: it converges, and nothing is left over. */
async function expectConverges(workdir: TerraformWorkdir, version: PetsStackVersion): Promise<void> {
  planVersion(workdir, version);
  workdir.apply();
  const newest = workdir.state()[PETS_ADDRESSES.deployment].id;
  expect(await emulatedDeployments(workdir)).toEqual({ served: newest, all: [newest] });
  expect(workdir.planExitCode()).toMatchObject({ code: 0 });
}

test('the stage update fails after the new deployment exists: the old deployment is kept (deposed) and the stage serves it; the next apply moves the stage and deletes it', async () => {
  const workdir = appliedPetsApp('failed-stage-update');
  const before = (await emulatedDeployments(workdir)).served;
  const changed: PetsStackVersion = { template: '{"statusCode": 201}' };

  planVersion(workdir, changed);
  emulator().failNext('update_stage');
  expect(workdir.applyFailing()).toMatch(/Injected fault: update_stage/);
  const between = await emulatedDeployments(workdir);
  expect(between.served).toBe(before);
  expect(between.all).toHaveLength(2);

  const next = planVersion(workdir, changed);
  expect(deposed(next)).toEqual([PETS_ADDRESSES.deployment]);
  expect(next.actions(PETS_ADDRESSES.stage)).toEqual(['update']);
  await expectConverges(workdir, changed);
});

test('an integration create fails: no deployment is made before it exists; the next apply creates it, redeploys and moves the stage', async () => {
  const workdir = appliedPetsApp('failed-integration');
  const before = (await emulatedDeployments(workdir)).served;
  const withPost: PetsStackVersion = { backendHost: 'pets.example.com' };

  planVersion(workdir, withPost);
  emulator().failNext('put_integration');
  expect(workdir.applyFailing()).toMatch(/Injected fault: put_integration/);
  expect(await emulatedDeployments(workdir)).toEqual({ served: before, all: [before] });

  await expectConverges(workdir, withPost);
  expect(workdir.state()[PETS_ADDRESSES.deployment].id).not.toBe(before);
});

test('the deployment create fails: the stage keeps serving the old deployment; the next apply redeploys', async () => {
  const workdir = appliedPetsApp('failed-deployment');
  const before = (await emulatedDeployments(workdir)).served;
  const changed: PetsStackVersion = { template: '{"statusCode": 202}' };

  planVersion(workdir, changed);
  emulator().failNext('create_deployment');
  expect(workdir.applyFailing()).toMatch(/Injected fault: create_deployment/);
  expect(await emulatedDeployments(workdir)).toEqual({ served: before, all: [before] });

  await expectConverges(workdir, changed);
});
