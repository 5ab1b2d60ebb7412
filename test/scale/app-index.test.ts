import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { RestApiDeployment } from '../../src';
import { petsApi } from '../support/api';
import { synthesizeStack, triggersOf, TerraformJson } from '../support/synth';

/**
 * The app's index lives for one pass (`App.synth()`, one stack's `Testing.synth`): what a synth
 * reads of the app is never kept for the next one, and checks that wait for every stack to be
 * prepared still run before anything is written.
 */

/** An app writing to a fresh folder; `stacks()` reads what its last synth wrote. */
function freshApp(): { app: App; stacks(): Record<string, TerraformJson>; manifest(): any } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-index-'));
  const app = new App({ outdir, skipValidation: true });
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(outdir, file), 'utf8'));
  return {
    app,
    stacks: () => Object.fromEntries(fs.readdirSync(path.join(outdir, 'stacks')).map((stack) => [stack, read(`stacks/${stack}/cdk.tf.json`)])),
    manifest: () => read('manifest.json'),
  };
}

describe('nothing is kept from one synth to the next', () => {
  test('a method added after app.synth() is in the triggers of the next app.synth()', () => {
    // GIVEN
    const { app, stacks } = freshApp();
    const stack = new TerraformStack(app, 'pets');
    const { api, pets } = petsApi(stack);
    new RestApiDeployment(stack, 'deploy', { restApi: api });
    app.synth();
    const before = Object.keys(triggersOf(stacks().pets));

    // WHEN
    new ApiGatewayMethod(stack, 'pets_post', { restApiId: api.id, resourceId: pets.id, httpMethod: 'POST', authorization: 'NONE' });
    app.synth();

    // THEN
    expect(Object.keys(triggersOf(stacks().pets)).filter((key) => !before.includes(key))).toEqual(['aws_api_gateway_method.pets_post']);
  });

  test('a method added after Testing.synth() is in the triggers of the next Testing.synth()', () => {
    // GIVEN
    const stack = new TerraformStack(Testing.app(), 'pets');
    const { api, pets } = petsApi(stack);
    new RestApiDeployment(stack, 'deploy', { restApi: api });
    const before = Object.keys(triggersOf(synthesizeStack(stack)));

    // WHEN
    new ApiGatewayMethod(stack, 'pets_post', { restApiId: api.id, resourceId: pets.id, httpMethod: 'POST', authorization: 'NONE' });

    // THEN
    expect(Object.keys(triggersOf(synthesizeStack(stack))).filter((key) => !before.includes(key))).toEqual(['aws_api_gateway_method.pets_post']);
  });
});

describe('checks that wait for every stack to be prepared', () => {
  test("a deployment's warning made once every stack is prepared lands in its stack's annotations", () => {
    // GIVEN: a deployment that redeploys for nothing, in the first of two stacks
    const { app, manifest } = freshApp();
    const first = new TerraformStack(app, 'first');
    new RestApiDeployment(first, 'deploy', { restApiId: 'abc123' });
    new RestApiDeployment(new TerraformStack(app, 'second'), 'deploy', { restApi: petsApi(new TerraformStack(app, 'third')).api });

    // WHEN
    app.synth();

    // THEN
    const annotations = manifest().stacks.first.annotations.map((annotation: { message: string }) => annotation.message);
    expect(annotations).toEqual([expect.stringContaining('This deployment has no redeploy triggers')]);
  });

  test("an error of a later stack's own prepare is the one reported, not a check's", () => {
    // GIVEN: a deployment whose check would fail (a user entry under an automatic key), and a stack that fails to prepare
    const { app } = freshApp();
    const first = new TerraformStack(app, 'first');
    const { api } = petsApi(first);
    new RestApiDeployment(first, 'deploy', { restApi: api, triggers: { 'aws_api_gateway_rest_api.api': 'mine' } });
    const broken = new TerraformStack(app, 'broken');
    broken.prepareStack = () => {
      throw new Error('the broken stack failed to prepare');
    };

    // THEN
    expect(() => app.synth()).toThrow('the broken stack failed to prepare');
  });

  test('the same check fails the synth before any stack is written when every stack prepares', () => {
    // GIVEN
    const { app } = freshApp();
    const first = new TerraformStack(app, 'first');
    const { api } = petsApi(first);
    new RestApiDeployment(first, 'deploy', { restApi: api, triggers: { 'aws_api_gateway_rest_api.api': 'mine' } });
    new TerraformVariable(new TerraformStack(app, 'second'), 'unused', {});

    // THEN
    expect(() => app.synth()).toThrow("property 'triggers.aws_api_gateway_rest_api.api'");
    const written = fs.existsSync(path.join(app.outdir, 'stacks')) ? fs.readdirSync(path.join(app.outdir, 'stacks'), { recursive: true }) : [];
    expect(written.filter((file) => String(file).endsWith('cdk.tf.json'))).toEqual([]);
  });
});

test('two apps in one process each keep their own index', () => {
  // GIVEN
  const one = freshApp();
  const two = freshApp();
  const api = (app: App) => {
    const stack = new TerraformStack(app, 'pets');
    new RestApiDeployment(stack, 'deploy', { restApi: new ApiGatewayRestApi(stack, 'api', { name: 'pets', body: JSON.stringify({ openapi: '3.0.1', paths: {} }) }) });
  };
  api(one.app);
  api(two.app);

  // WHEN
  one.app.synth();
  two.app.synth();

  // THEN
  expect(triggersOf(one.stacks().pets)).toEqual(triggersOf(two.stacks().pets));
});
