/**
 * The canary release (DESIGN.md section 3) run by Terraform against the emulator: turning it
 * on, changing the API under it, and promoting it in one apply.
 */
import { GetDeploymentsCommand, GetStageCommand } from '@aws-sdk/client-api-gateway';
import { petsApp, PETS_ADDRESSES, PETS_STACK, PetsStackVersion, planPetsVersion } from './pets-stack';
import { emulatorForThisFile } from '../emulator/emulator';
import { expectReadmePlanExcerpt } from '../support/readme-plans';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

const { deployment: MAIN, canaryDeployment: CANARY, stage: STAGE } = PETS_ADDRESSES;

const emulator = emulatorForThisFile();
let workdir: TerraformWorkdir;

beforeAll(() => {
  workdir = new TerraformWorkdir('canary', emulator());
});

function planVersion(version: PetsStackVersion) {
  return planPetsVersion(workdir, version);
}

async function emulatedStage() {
  const state = workdir.state();
  const stage = await emulator().apiGateway().send(new GetStageCommand({ restApiId: state[STAGE].rest_api_id, stageName: 'prod' }));
  const deployments = await emulator().apiGateway().send(new GetDeploymentsCommand({ restApiId: state[STAGE].rest_api_id }));
  return { state, stage, deploymentIds: (deployments.items ?? []).map((item) => item.id).sort() };
}

test('a canary goes on, takes the API changes alone, and is promoted in one apply', async () => {
  // GIVEN the API deployed without a canary
  workdir.load(synthesizeStack(petsApp({ deployment: { stageName: 'prod' } }), PETS_STACK)).init();
  workdir.plan();
  workdir.apply();
  const before = await emulatedStage();
  const firstMainId = before.state[MAIN].id;
  expect(before.stage.deploymentId).toBe(firstMainId);

  // WHEN the canary is turned on
  const on = planVersion({ deployment: { stageName: 'prod', canary: { percentTraffic: 10 } } });

  // THEN the canary deployment is created, the main one is untouched, the stage is updated in place
  expect(on.changedResources()).toEqual({ [CANARY]: ['create'], [STAGE]: ['update'] });
  expectReadmePlanExcerpt('canary-on', on.text);
  workdir.apply();
  const canaryOn = await emulatedStage();
  expect(canaryOn.stage.deploymentId).toBe(firstMainId);
  expect(canaryOn.stage.canarySettings).toMatchObject({ deploymentId: canaryOn.state[CANARY].id, percentTraffic: 10 });
  expect(workdir.planExitCode().code).toBe(0);

  // WHEN the API changes while the canary is on
  const change = planVersion({ template: '{"statusCode": 201}', deployment: { stageName: 'prod', canary: { percentTraffic: 10 } } });

  // THEN only the canary deployment is replaced (created first); the main one keeps serving
  expect(change.changedResources()).toEqual({
    [CANARY]: ['create', 'delete'],
    [STAGE]: ['update'],
    'aws_api_gateway_integration.pets_get_integration': ['update'],
  });
  expect(change.changedTriggerKeys(CANARY)).toEqual(['aws_api_gateway_integration.pets_get_integration']);
  expectReadmePlanExcerpt('canary-change', change.text);
  workdir.apply();
  const changed = await emulatedStage();
  expect(changed.state[CANARY].id).not.toBe(canaryOn.state[CANARY].id);
  expect(changed.stage.deploymentId).toBe(firstMainId);
  expect(changed.stage.canarySettings?.deploymentId).toBe(changed.state[CANARY].id);
  expect(changed.deploymentIds).toEqual([firstMainId, changed.state[CANARY].id].sort());

  // WHEN the canary is promoted (removed)
  const promote = planVersion({ template: '{"statusCode": 201}', deployment: { stageName: 'prod' } });

  // THEN in one apply: the main deployment is replaced, the canary destroyed, the stage moved and its canary cleared
  expect(promote.changedResources()).toEqual({ [MAIN]: ['create', 'delete'], [CANARY]: ['delete'], [STAGE]: ['update'] });
  expectReadmePlanExcerpt('canary-promote', promote.text);
  workdir.apply();
  const promoted = await emulatedStage();
  const newMainId = promoted.state[MAIN].id;
  expect(newMainId).not.toBe(firstMainId);
  expect(promoted.stage.deploymentId).toBe(newMainId);
  expect(promoted.stage.canarySettings).toBeUndefined();
  expect(promoted.deploymentIds).toEqual([newMainId]);
  expect(workdir.planExitCode().code).toBe(0);

  workdir.destroy();
});
