/**
 * An apply that fails partway (the emulator fails one call, moto_faults.py), and the next one
 * that converges: the stage serves the newest deployment, no deposed or orphan deployment is left
 * in the state or in the emulated account, and the plan after it has nothing to do.
 */
import { appliedPetsApp, emulatedPets, PETS_ADDRESSES, PetsStackVersion, planPetsVersion } from './pets-stack';
import { emulatorForThisFile, FaultableOperation } from '../emulator/emulator';
import { TerraformPlan } from '../support/terraform-plan';
import { TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

const emulator = emulatorForThisFile();

/** The deposed objects a plan deletes (left by a create_before_destroy replacement that failed). */
function deposed(plan: TerraformPlan): string[] {
  return (plan.json.resource_changes ?? []).filter((change: any) => change.deposed).map((change: any) => change.address);
}

/** The stage's deployment and every deployment of the API, as the emulated account has them. */
async function emulatedDeployments(workdir: TerraformWorkdir) {
  const { stage, deploymentIds } = await emulatedPets(workdir, emulator());
  return { served: stage.deploymentId, all: deploymentIds };
}

/** Plans `version` and applies it with one call of `operation` failing: the apply fails with the injected fault. */
function applyWithFault(workdir: TerraformWorkdir, version: PetsStackVersion, operation: FaultableOperation): void {
  planPetsVersion(workdir, version);
  emulator().failNext(operation);
  expect(workdir.applyFailing()).toMatch(new RegExp(`Injected fault: ${operation}`));
}

/** The apply after the failed one: it converges, and nothing is left over. */
async function expectConverges(workdir: TerraformWorkdir, version: PetsStackVersion): Promise<void> {
  planPetsVersion(workdir, version);
  workdir.apply();
  const newest = workdir.state()[PETS_ADDRESSES.deployment].id;
  expect(await emulatedDeployments(workdir)).toEqual({ served: newest, all: [newest] });
  expect(workdir.planExitCode()).toMatchObject({ code: 0 });
}

test('the stage update fails after the new deployment exists: the old deployment is kept (deposed) and the stage serves it; the next apply moves the stage and deletes it', async () => {
  const workdir = appliedPetsApp('failed-stage-update', emulator());
  const before = (await emulatedDeployments(workdir)).served;
  const changed: PetsStackVersion = { template: '{"statusCode": 201}' };

  applyWithFault(workdir, changed, 'update_stage');
  const between = await emulatedDeployments(workdir);
  expect(between.served).toBe(before);
  expect(between.all).toHaveLength(2);

  const next = planPetsVersion(workdir, changed);
  expect(deposed(next)).toEqual([PETS_ADDRESSES.deployment]);
  expect(next.actions(PETS_ADDRESSES.stage)).toEqual(['update']);
  await expectConverges(workdir, changed);
});

test('an integration create fails: no deployment is made before it exists; the next apply creates it, redeploys and moves the stage', async () => {
  const workdir = appliedPetsApp('failed-integration', emulator());
  const before = (await emulatedDeployments(workdir)).served;
  const withPost: PetsStackVersion = { backendHost: 'pets.example.com' };

  applyWithFault(workdir, withPost, 'put_integration');
  expect(await emulatedDeployments(workdir)).toEqual({ served: before, all: [before] });

  await expectConverges(workdir, withPost);
  expect(workdir.state()[PETS_ADDRESSES.deployment].id).not.toBe(before);
});

test('the deployment create fails: the stage keeps serving the old deployment; the next apply redeploys', async () => {
  const workdir = appliedPetsApp('failed-deployment', emulator());
  const before = (await emulatedDeployments(workdir)).served;
  const changed: PetsStackVersion = { template: '{"statusCode": 202}' };

  applyWithFault(workdir, changed, 'create_deployment');
  expect(await emulatedDeployments(workdir)).toEqual({ served: before, all: [before] });

  await expectConverges(workdir, changed);
});
