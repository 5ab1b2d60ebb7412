import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { RestApiDeployment } from '../../src';

/** A synthesized stack as Terraform JSON. */
export type TerraformJson = Record<string, any>;

/** Builds a fresh stack with `build` and returns its synthesized Terraform JSON (no metadata). */
export function synthesize(build: (stack: TerraformStack) => void): TerraformJson {
  const stack = new TerraformStack(Testing.app(), 'stack');
  build(stack);
  return JSON.parse(Testing.synth(stack));
}

/** The synthesized JSON of an existing stack. */
export function synthesizeStack(stack: TerraformStack): TerraformJson {
  return JSON.parse(Testing.synth(stack));
}

/** All resources of one type, by name. */
export function resourcesOfType(json: TerraformJson, type: string): Record<string, any> {
  return json.resource?.[type] ?? {};
}

/** The only resource of a type; fails when there is not exactly one. */
export function onlyResource(json: TerraformJson, type: string): any {
  const all = Object.values(resourcesOfType(json, type));
  if (all.length !== 1) {
    throw new Error(`expected exactly one ${type}, found ${all.length}`);
  }
  return all[0];
}

/** The triggers of the only deployment in the stack. */
export function triggersOf(json: TerraformJson): Record<string, string> {
  return onlyResource(json, 'aws_api_gateway_deployment').triggers ?? {};
}

/** Which trigger keys differ between two syntheses (added, removed or changed), sorted. */
export function changedTriggerKeys(before: TerraformJson, after: TerraformJson): string[] {
  const a = triggersOf(before);
  const b = triggersOf(after);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => a[key] !== b[key]).sort();
}

/**
 * Synthesizes the same program twice, once with `change` off and once with it on, and
 * returns both outputs: the shape of every "change one thing" test.
 */
export function beforeAndAfter(program: (stack: TerraformStack, changed: boolean) => void): [TerraformJson, TerraformJson] {
  return [synthesize((stack) => program(stack, false)), synthesize((stack) => program(stack, true))];
}

/**
 * The warnings of a RestApiDeployment (or of every one in a scope), as `cdktf synth` prints them:
 * those found while checking (cdktf's prepare pass, which `Testing.synth` does not run) included.
 */
export function warningsOf(construct: Construct): string[] {
  return RestApiDeployment.warningsOf(construct);
}

/** A new App writing to `outdir`, for tests that run a full `app.synth()`. */
export function appAt(outdir: string): App {
  return new App({ outdir, skipValidation: false });
}

/** Runs a full `app.synth()` (cross-stack references exist only then) and returns every stack's JSON. */
export function synthesizeApp(build: (app: App) => void): Record<string, TerraformJson> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cross-stack-'));
  const app = new App({ outdir, skipValidation: true }); // no provider blocks: these stacks are only read, never planned
  build(app);
  app.synth();
  const stacks: Record<string, TerraformJson> = {};
  for (const stack of fs.readdirSync(path.join(outdir, 'stacks'))) {
    stacks[stack] = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
  }
  fs.rmSync(outdir, { recursive: true, force: true });
  return stacks;
}
