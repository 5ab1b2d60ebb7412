/**
 * The README's app driven by the real CLI of one flavour against the emulator: install as the
 * README says, the README's jest project, `synth`, `deploy`, `diff` (no change, then after the
 * integration's template changes), `deploy` again, `destroy`. The two flavours' files
 * (`cli-cdktf.terraform.ts`, `cli-cdktn.terraform.ts`) each run it with an emulator of their own.
 */
import * as fs from 'fs';
import * as path from 'path';
import { GetDeploymentsCommand, GetRestApisCommand, GetStageCommand } from '@aws-sdk/client-api-gateway';
import { readmeBlock } from '../../support/readme';
import { Flavour } from '../../support/readme-app';
import type { Emulator } from '../emulator/emulator';
import { run } from '../support/commands';
import { UserApp } from '../support/user-app';

const DEPLOYMENT = 'aws_api_gateway_deployment.deployment_Deployment_E18B84BC';
const INTEGRATION_KEY = 'aws_api_gateway_integration.pets_get_integration';

/** The README app's API as the emulator has it: the prod stage's deployment and every deployment. */
async function emulatedApi(emulator: Emulator): Promise<{ stageDeploymentId?: string; deploymentIds: string[] } | undefined> {
  const client = emulator.apiGateway();
  const api = (await client.send(new GetRestApisCommand({}))).items?.find((item) => item.name === 'pets');
  if (!api) {
    return undefined;
  }
  const stage = await client.send(new GetStageCommand({ restApiId: api.id, stageName: 'prod' }));
  const deployments = await client.send(new GetDeploymentsCommand({ restApiId: api.id }));
  return { stageDeploymentId: stage.deploymentId, deploymentIds: (deployments.items ?? []).map((item) => item.id!) };
}

export function cliScenario(flavour: Flavour, emulator: () => Emulator): void {
  let app: UserApp;
  let firstDeploymentId: string | undefined;

  test(`the README's install commands and files make a ${flavour} app whose jest project passes`, () => {
    app = new UserApp(flavour, emulator());
    app.install();
    app.writeAppFiles();

    const entries = run('tar', ['tzf', app.tarball()], { what: 'listing the npm tarball' }).split('\n').filter((entry) => entry !== '');
    // The tarball holds the library and nothing of the checkout (once it held the 22,000 files of .venv).
    expect([...new Set(entries.map((entry) => entry.split('/')[1]))].sort()).toEqual(
      ['.jsii', 'API.md', 'CHANGELOG.md', 'LICENSE', 'README.md', 'lib', 'node_modules', 'package.json']);
    expect(app.installedLibrary().version).toBe(JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')).version);

    app.addJestProject();
    const tests = app.jest(false);
    expect({ status: tests.status, output: tests.status === 0 ? '' : tests.output }).toEqual({ status: 0, output: '' });
    expect(tests.output).toMatch(/Tests:\s+4 passed, 4 total/);
    expect(tests.output).toMatch(/1 snapshot written/);
  });

  test('synth writes the stack; deploy creates the API, and the stage serves the deployment', async () => {
    app.cli('synth');
    expect(fs.existsSync(path.join(app.dir, 'cdktf.out', 'stacks', 'pets', 'cdk.tf.json'))).toBe(true);

    app.cli('deploy');
    const api = await emulatedApi(emulator());
    expect(api?.deploymentIds).toHaveLength(1);
    expect(api?.stageDeploymentId).toBe(api?.deploymentIds[0]);
    firstDeploymentId = api?.stageDeploymentId;
  });

  test('diff with nothing changed: "No changes"', () => {
    expect(app.cli('diff')).toContain('No changes. Your infrastructure matches the configuration.');
  });

  test("the integration's template changes: the snapshot test fails on the trigger line, diff names the deployment and the key", () => {
    app.changeIntegrationTemplate();

    const tests = app.jest(true);
    expect(tests.status).toBe(1);
    for (const line of readmeBlock('readme-output', 'snapshot-diff').split('\n')) {
      expect(tests.output).toContain(line);
    }

    const diff = app.cli('diff');
    expect(diff).toContain(`# ${DEPLOYMENT} (deployment/Deployment) must be replaced`);
    expect(diff).toMatch(new RegExp(`~ "${INTEGRATION_KEY.replace(/\./g, '\\.')} \\(pets_get_integration\\)" += "[0-9a-f]{32}" -> "[0-9a-f]{32}"`));
    expect(diff).toMatch(/Plan: 1 to add, 2 to change, 1 to destroy\./);
  });

  test('deploy again: the stage serves the new deployment, and the old one is gone', async () => {
    app.cli('deploy');

    const api = await emulatedApi(emulator());
    expect(api?.deploymentIds).toHaveLength(1);
    expect(api?.stageDeploymentId).toBe(api?.deploymentIds[0]);
    expect(api?.stageDeploymentId).not.toBe(firstDeploymentId);
    expect(app.cli('diff')).toContain('No changes.');
  });

  test('destroy leaves no API behind', async () => {
    app.cli('destroy');

    expect(await emulatedApi(emulator())).toBeUndefined();
  });
}
