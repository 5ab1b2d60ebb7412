/**
 * Stage settings never redeploy, and nothing the library creates (stage, method settings,
 * access log group) shows a perpetual diff: run by Terraform against the emulator.
 */
import { GetStageCommand } from '@aws-sdk/client-api-gateway';
import { petsApp, PETS_ADDRESSES, PETS_STACK } from './pets-stack';
import { AccessLogDestination, MethodLoggingLevel } from '../../../src';
import { emulatorForThisFile } from '../emulator/emulator';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

const { deployment: DEPLOYMENT, stage: STAGE } = PETS_ADDRESSES;

const emulator = emulatorForThisFile();
let workdir: TerraformWorkdir;

beforeAll(() => {
  workdir = new TerraformWorkdir('stage-settings', emulator());
});

test('stage variables, method settings, X-Ray tracing and tags change without a redeploy; no perpetual diff', async () => {
  // GIVEN a stage with access logging (a log group), method settings, variables and tags
  const first = petsApp({
    deployment: {
      stageName: 'prod',
      accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays: 30 }),
      metricsEnabled: true,
      throttlingBurstLimit: 100,
      throttlingRateLimit: 50,
      // A method of a resource of two levels: its method_path is written with ~1 (unescaped, the settings never reach it).
      methodOptions: { '/pets/GET': { throttlingBurstLimit: 10 }, '/pets/{id}/GET': { throttlingBurstLimit: 5 } },
      variables: { backend: 'blue' },
      tags: { team: 'pets' },
    },
    petById: true,
  });
  workdir.load(synthesizeStack(first, PETS_STACK)).init();
  workdir.plan();
  workdir.apply();

  // THEN a second plan has nothing to do
  const again = workdir.planExitCode();
  expect({ code: again.code, output: again.code === 0 ? '' : again.output }).toEqual({ code: 0, output: '' });

  // WHEN every stage setting changes
  const second = petsApp({
    deployment: {
      stageName: 'prod',
      accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays: 30 }),
      metricsEnabled: false,
      loggingLevel: MethodLoggingLevel.OFF,
      throttlingBurstLimit: 200,
      throttlingRateLimit: 50,
      methodOptions: { '/pets/GET': { throttlingBurstLimit: 20 }, '/pets/{id}/GET': { throttlingBurstLimit: 6 } },
      variables: { backend: 'green' },
      tracingEnabled: true,
      tags: { team: 'pets', cost_center: '42' },
    },
    petById: true,
  });
  const plan = workdir.load(synthesizeStack(second, PETS_STACK)).plan();

  // THEN no deployment is touched; the stage and its method settings are updated in place
  expect(plan.actions(DEPLOYMENT)).toEqual(['no-op']);
  for (const actions of Object.values(plan.changedResources())) {
    expect(actions).toEqual(['update']);
  }
  expect(Object.keys(plan.changedResources())).toEqual(expect.arrayContaining([STAGE]));
  workdir.apply();
  const state = workdir.state();
  const stage = await emulator().apiGateway().send(new GetStageCommand({ restApiId: state[STAGE].rest_api_id, stageName: 'prod' }));
  expect(stage).toMatchObject({ deploymentId: state[DEPLOYMENT].id, variables: { backend: 'green' }, tracingEnabled: true });
  expect(stage.methodSettings?.['~1pets~1{id}/GET']).toMatchObject({ throttlingBurstLimit: 6 });
  expect(workdir.planExitCode().code).toBe(0);

  workdir.destroy();
});
