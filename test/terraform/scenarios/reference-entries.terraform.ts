/**
 * One trigger entry per referenced object, under Terraform: a variable behind an integration's
 * URI gets an entry of its own, and when its value changes the plan names that entry (the value
 * is known at plan time), while the integration's own entry stays. A request template read with
 * `Fn.file` redeploys when the file's content changes, the plan naming the integration's `.files` entry.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { petsApp, PETS_ADDRESSES, PETS_STACK } from './pets-stack';
import { emulatorForThisFile } from '../emulator/emulator';
import { expectReadmePlanExcerpt } from '../support/readme-plans';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

const emulator = emulatorForThisFile();
let workdir: TerraformWorkdir;

beforeAll(() => {
  workdir = new TerraformWorkdir('reference-entries', emulator());
});

test("a variable's new value replaces the deployment, and the plan names the variable's entry", () => {
  workdir.load(synthesizeStack(petsApp({ backendHost: 'blue.example.com' }), PETS_STACK)).init();
  workdir.plan();
  workdir.apply();

  const plan = workdir.load(synthesizeStack(petsApp({ backendHost: 'green.example.com' }), PETS_STACK)).plan();

  expect(plan.actions(PETS_ADDRESSES.deployment)).toEqual(['create', 'delete']);
  expect(plan.triggersUnknown(PETS_ADDRESSES.deployment)).toBe(false);
  expect(plan.changedTriggerKeys(PETS_ADDRESSES.deployment)).toEqual(['var.backend_host']);
  expectReadmePlanExcerpt('variable-changed', plan.text);
  workdir.apply();
  expect(workdir.planExitCode()).toMatchObject({ code: 0 });
});

// Continues from the applied app of the test before (one API created and destroyed for both).
test("a new content of a file read with Fn.file replaces the deployment, and the plan names the reading resource's entry", () => {
  const templateFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'file-reads-')), 'pets.vtl');
  fs.writeFileSync(templateFile, '{"statusCode": 200}');
  const version = { backendHost: 'green.example.com', templateFile };
  workdir.load(synthesizeStack(petsApp(version), PETS_STACK)).plan();
  workdir.apply();
  expect(workdir.planExitCode()).toMatchObject({ code: 0 });

  fs.writeFileSync(templateFile, '{"statusCode": 200, "source": "file"}');
  const plan = workdir.plan();

  expect(plan.actions(PETS_ADDRESSES.deployment)).toEqual(['create', 'delete']);
  expect(plan.triggersUnknown(PETS_ADDRESSES.deployment)).toBe(false);
  expect(plan.changedTriggerKeys(PETS_ADDRESSES.deployment)).toEqual(['aws_api_gateway_integration.pets_get_integration.files']);
  workdir.apply();
  expect(workdir.planExitCode()).toMatchObject({ code: 0 });
  workdir.destroy();
});
