import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Apigatewayv2DomainName } from '@cdktf/provider-aws/lib/apigatewayv2-domain-name';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, Aspects, IAspect, TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { HttpApiDeployment, RestApiDeployment } from '../../src';
import { petsApi } from '../support/api';
import { synthesizeStack, triggersOf, TerraformJson } from '../support/synth';
import { petsHttpApi } from '../support/v2-api';

/**
 * The app's index lives for one pass (`App.synth()`, one stack's `Testing.synth`): what a synth
 * reads of the app is never kept for the next one, and checks that wait for every stack to be
 * prepared still run before anything is written.
 */

/** An app writing to a fresh folder; `stacks()` reads what its last synth wrote. */
function freshApp(validate = false): { app: App; stacks(): Record<string, TerraformJson>; manifest(): any } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-index-'));
  const app = new App({ outdir, skipValidation: !validate });
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

describe('the tree changes within a synth', () => {
  const regional = { certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' };
  /** An Aspect that runs `make` once, when it visits `stack`. */
  const onceAt = (stack: TerraformStack, make: () => void): IAspect => {
    let done = false;
    return { visit: (node: IConstruct) => { if (node === stack && !done) { done = true; make(); } } };
  };
  const withProvider = (app: App, id: string) => {
    const stack = new TerraformStack(app, id);
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    return stack;
  };

  test('a check that runs early (another stack reads triggersInput while it is prepared) still sees the stacks prepared after it', () => {
    // GIVEN: x, prepared first, outputs the triggers; the route the stage's settings name is in c, prepared after x
    const { app } = freshApp();
    const [x, b, c, a] = ['x', 'b', 'c', 'a'].map((id) => withProvider(app, id));
    const { api, integration } = petsHttpApi(a);
    new Apigatewayv2Route(c, 'more', { apiId: api.id, routeKey: 'GET /more', target: `integrations/${integration.id}` });
    const deployment = new HttpApiDeployment(b, 'deploy', { httpApi: api, routeOptions: { 'GET /more': { throttlingBurstLimit: 5, throttlingRateLimit: 10 } } });
    new TerraformOutput(x, 'triggers', { value: deployment.deployment.triggersInput });

    // THEN
    expect(() => app.synth()).not.toThrow();
  });

  test('domains an Aspect makes are seen by the mappings it makes next', () => {
    // GIVEN: an Aspect that makes two domain resources, maps an API to each by its attribute, then a third API to the second by its literal name
    const { app } = freshApp(true);
    const stack = withProvider(app, 's');
    const [a, b, c] = ['a', 'b', 'c'].map((prefix) => new HttpApiDeployment(stack, `${prefix}deploy`, { httpApi: petsHttpApi(stack, {}, prefix).api }));
    Aspects.of(stack).add(onceAt(stack, () => {
      a.addApiMapping(new Apigatewayv2DomainName(stack, 'one', { domainName: 'one.example.com', domainNameConfiguration: regional }).domainName, { apiMappingKey: 'k' });
      b.addApiMapping(new Apigatewayv2DomainName(stack, 'two', { domainName: 'two.example.com', domainNameConfiguration: regional }).domainName, { apiMappingKey: 'k' });
      c.addApiMapping('two.example.com', { apiMappingKey: 'k' });
    }));

    // THEN
    expect(() => app.synth()).toThrow("'s/bdeploy' (addApiMapping) already maps the key \"k\" of it (AWS answers ConflictException)");
  });

  test('a mapping an Aspect makes while its stack is synthesized is compared with the mappings checked before', () => {
    // GIVEN: a mapping made by an Aspect added by an Aspect (cdktf runs it when it synthesizes s2, after s1 was
    // validated), on a domain s1 maps the same key of, in another region
    const { app } = freshApp(true);
    const s1 = withProvider(app, 's1');
    const s2 = new TerraformStack(app, 's2');
    new AwsProvider(s2, 'aws', { region: 'us-east-1' });
    new HttpApiDeployment(s1, 'deploy', { httpApi: petsHttpApi(s1).api }).addApiMapping('api.example.com', { apiMappingKey: 'v1' });
    const late = new HttpApiDeployment(s2, 'deploy', { httpApi: petsHttpApi(s2).api });
    Aspects.of(s2).add(onceAt(s2, () => Aspects.of(s2).add(onceAt(s2, () => late.addApiMapping('api.example.com', { apiMappingKey: 'v1' })))));

    // THEN: two regions, two domains
    expect(() => app.synth()).not.toThrow();
  });
});
