import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { App, Lazy, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { RestApiDeployment } from '../src';
import { petsApi } from './support/api';
import { synthesizeStack, triggersOf } from './support/synth';

/** Synthesizes the pets API with a deployment through a full `app.synth()`; returns the stack's output file. */
function synthesizedFile(options: { hclOutput: boolean }): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'render-hook-'));
  const app = new App({ outdir, skipValidation: true, hclOutput: options.hclOutput });
  const stack = new TerraformStack(app, 'stack');
  new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, triggers: { release: '1' } });
  app.synth();
  const dir = path.join(outdir, 'stacks', 'stack');
  const text = fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((file) => file.startsWith('cdk.tf'))!), 'utf8');
  fs.rmSync(outdir, { recursive: true, force: true });
  return text;
}

describe('the triggers are computed from the blocks cdktf renders', () => {
  test('Testing.synth, a full app synth and HCL output give the same entries', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, triggers: { release: '1' } });
    const expected = triggersOf(synthesizeStack(stack));
    const json = synthesizedFile({ hclOutput: false });
    const hcl = synthesizedFile({ hclOutput: true });

    expect(Object.keys(expected)).toHaveLength(6);
    for (const [key, value] of Object.entries(expected)) {
      expect(json).toContain(`"${key}": ${JSON.stringify(value)}`);
      expect(hcl).toContain(value);
    }
    expect(json).not.toContain('__triggers_pending__');
    expect(hcl).not.toContain('__triggers_pending__');
  });

  test('two deployments in one stack each get their own triggers', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const pets = petsApi(stack);
    const orders = petsApi(stack, { name: 'orders' }, 'orders_');
    new RestApiDeployment(stack, 'pets_deploy', { restApi: pets.api });
    new RestApiDeployment(stack, 'orders_deploy', { restApi: orders.api, stageName: 'orders' });
    const deployments = synthesizeStack(stack).resource.aws_api_gateway_deployment;

    const keysOf = (name: string) => Object.keys(Object.entries<any>(deployments).find(([id]) => id.startsWith(`${name}deploy`))![1].triggers);
    expect(keysOf('pets_')).toContain('aws_api_gateway_method.pets_get');
    expect(keysOf('pets_')).not.toContain('aws_api_gateway_method.orders_pets_get');
    expect(keysOf('orders_')).toContain('aws_api_gateway_method.orders_pets_get');
  });
});

/** Runs a full `app.synth()` of one stack; returns its JSON and the warnings cdktf wrote to the manifest. */
function synthesizedWithWarnings(build: (stack: TerraformStack) => void): { json: any; warnings: string[] } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'render-hook-'));
  try {
    const app = new App({ outdir, skipValidation: true });
    build(new TerraformStack(app, 'stack'));
    app.synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    return {
      json: JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'stack', 'cdk.tf.json'), 'utf8')),
      warnings: manifest.stacks.stack.annotations.filter((annotation: any) => String(annotation.level).endsWith('warn')).map((annotation: any) => annotation.message),
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** A method whose class renders one more argument, through `super.toTerraform()`. */
class MethodRequiringApiKey extends ApiGatewayMethod {
  public toTerraform(): any {
    const fragment = super.toTerraform() as any;
    fragment.resource.aws_api_gateway_method[this.friendlyUniqueId].api_key_required = true;
    return fragment;
  }
}

describe('the prepare pass hands over the blocks it resolves', () => {
  test('a resource class whose toTerraform calls super.toTerraform() is read as it renders', () => {
    const build = (stack: TerraformStack) => {
      const { api, pets } = petsApi(stack, {}, 'other_');
      const method = new MethodRequiringApiKey(stack, 'pets_post', { restApiId: api.id, resourceId: pets.id, httpMethod: 'POST', authorization: 'NONE' });
      new ApiGatewayIntegration(stack, 'pets_post_integration', { restApiId: api.id, resourceId: pets.id, httpMethod: method.httpMethod, type: 'MOCK' });
      new RestApiDeployment(stack, 'deploy', { restApi: api });
    };
    const { json, warnings } = synthesizedWithWarnings(build);
    const testingStack = new TerraformStack(Testing.app(), 'stack');
    build(testingStack);

    expect(json.resource.aws_api_gateway_method.pets_post.api_key_required).toBe(true);
    expect(triggersOf(json)).toEqual(triggersOf(synthesizeStack(testingStack)));
    expect(warnings).toEqual([]);
  });

  test('an element whose toTerraform cannot be wrapped is resolved as the pass would: it is still discovered and checked', () => {
    const { json, warnings } = synthesizedWithWarnings((stack) => {
      const { api, get } = petsApi(stack);
      Object.defineProperty(get, 'toTerraform', { value: ApiGatewayMethod.prototype.toTerraform, configurable: false, writable: false });
      new RestApiDeployment(stack, 'deploy', { restApi: api });
    });

    expect(Object.keys(triggersOf(json))).toContain('aws_api_gateway_method.pets_get');
    expect(warnings).toEqual([]);
  });

  test('every wrapped toTerraform is restored after the pass, also when it fails', () => {
    const original = TerraformResource.prototype.toTerraform;
    synthesizedWithWarnings((stack) => new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }));
    expect(TerraformResource.prototype.toTerraform).toBe(original);

    expect(() => synthesizedWithWarnings((stack) => {
      const { api } = petsApi(stack);
      new ApiGatewayResource(stack, 'broken', { restApiId: api.id, parentId: api.rootResourceId, pathPart: Lazy.stringValue({ produce: () => { throw new Error('no path part'); } }) });
      new RestApiDeployment(stack, 'deploy', { restApi: api });
    })).toThrow(/no path part/);
    expect(TerraformResource.prototype.toTerraform).toBe(original);
    expect(Object.getOwnPropertyNames(ApiGatewayMethod.prototype)).not.toContain('toTerraform');
  });
});
