import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AwsProvider, AwsProviderConfig } from '@cdktf/provider-aws/lib/provider';
import { AnnotationMetadataEntryType, App, TerraformResource, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  AccessLogDestination, HttpApiDeployment, HttpApiStage, RestApiDeployment, RestApiStage, WebSocketApiDeployment, WebSocketApiStage,
} from '../src';
import { petsApi } from './support/api';
import { API_PROPERTY, apiOfKind, CONSTRUCT, deployKind, Kind, KINDS } from './support/kinds';
import { resourcesOfType, synthesizeStack } from './support/synth';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

/**
 * A deployment construct makes the deployment and its stages with its API's provider (alias) and
 * own region, in its own stack: in another stack than the API, that is the provider of that stack
 * with the same alias (or its default one), whose settings may put them in another account or region
 * than the API, where AWS finds no such API (NotFoundException at apply). Checked at synth.
 */

const STAGE_TYPE: Record<Kind, string> = { REST: 'aws_api_gateway_stage', HTTP: 'aws_apigatewayv2_stage', WebSocket: 'aws_apigatewayv2_stage' };
const API_ID: Record<Kind, string> = { REST: 'api', HTTP: 'http_api', WebSocket: 'ws_api' };

/** The API of a kind, made in `stack` with `overrides` (its provider, its own region). */
const apiOf = (kind: Kind, stack: TerraformStack, overrides: { provider?: AwsProvider; region?: string } = {}) => apiOfKind(kind, stack, overrides);

/** A deployment construct of the kind for `api`, in `stack`. */
const deploy = (kind: Kind, stack: TerraformStack, api: TerraformResource) => deployKind(kind, stack, api, { cloudWatchRole: false });

const warningsOf = (kind: Kind, scope: TerraformStack) =>
  (kind === 'REST' ? RestApiDeployment : kind === 'HTTP' ? HttpApiDeployment : WebSocketApiDeployment).warningsOf(scope);

/** Two stacks of one app: `apis` with its default AwsProvider, `deploys` with its own. */
function twoStacks(apisProvider: AwsProviderConfig, deploysProvider: AwsProviderConfig) {
  const app = Testing.app();
  const apis = new TerraformStack(app, 'apis');
  new AwsProvider(apis, 'aws', apisProvider);
  const deploys = new TerraformStack(app, 'deploys');
  new AwsProvider(deploys, 'aws', deploysProvider);
  return { app, apis, deploys };
}

/** The error for a deployment construct whose stack's provider (`here`) has another region than the API's (`api`): [provider path, region]. */
function apartMessage(kind: Kind, [apiProvider, apiRegion]: [string, string], [hereProvider, hereRegion]: [string, string]): string {
  return `${CONSTRUCT[kind]} at 'deploys/deploy': property '${API_PROPERTY[kind]}' is `
    + `"apis/${API_ID[kind]}"; expected an API in the account and region where this construct makes the deployment and its stages: `
    + `'apis/${API_ID[kind]}' is made with the AWS provider '${apiProvider}' (region "${apiRegion}"), and they with the AWS provider '${hereProvider}' `
    + `(region "${hereRegion}"), which differ in region ("${apiRegion}" for the API, "${hereRegion}" here): AWS finds no such API there (NotFoundException); `
    + `give 'apis/${API_ID[kind]}' region: "${apiRegion}" (the construct gives the API's own region to the deployment and stages too), or give the AWS provider `
    + `'${hereProvider}' region: "${apiRegion}", or make the construct in the API's stack.`;
}

describe("a deployment construct in another stack than its API, with that stack's default provider", () => {
  test.each(KINDS)('%s: another region fails at synth, naming the region to give', (kind) => {
    const { apis, deploys } = twoStacks({ region: 'eu-west-2' }, { region: 'us-east-1' });
    deploy(kind, deploys, apiOf(kind, apis));

    expect(() => Testing.synth(deploys, true)).toThrow(apartMessage(kind, ['apis/aws', 'eu-west-2'], ['deploys/aws', 'us-east-1']));
  });

  test.each(KINDS)('%s: warningsOf throws it too', (kind) => {
    const { apis, deploys } = twoStacks({ region: 'eu-west-2' }, { region: 'us-east-1' });
    deploy(kind, deploys, apiOf(kind, apis));

    expect(() => warningsOf(kind, deploys)).toThrow('which differ in region ("eu-west-2" for the API, "us-east-1" here)');
  });

  test('a whole app fails at synth', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'placement-'));
    try {
      const app = new App({ outdir });
      const apis = new TerraformStack(app, 'apis');
      new AwsProvider(apis, 'aws', { region: 'eu-west-2' });
      const api = petsApi(apis).api;
      const deploys = new TerraformStack(app, 'deploys');
      new AwsProvider(deploys, 'aws', { region: 'us-east-1' });
      new RestApiDeployment(deploys, 'deploy', { restApi: api });

      expect(() => app.synth()).toThrow("RestApiDeployment at 'deploys/deploy': property 'restApi' is \"apis/api\"; expected an API in the account "
        + 'and region where this construct makes the deployment and its stages');
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test.each(KINDS)("%s: the API's only allowed account forbidden here is another account for certain", (kind) => {
    const { apis, deploys } = twoStacks({ region: 'eu-west-2', allowedAccountIds: ['111111111111'] }, { region: 'eu-west-2', forbiddenAccountIds: ['111111111111'] });
    deploy(kind, deploys, apiOf(kind, apis));

    expect(() => Testing.synth(deploys, true)).toThrow('AWS finds no such API there (NotFoundException)');
  });

  test.each(KINDS)('%s: another account for certain (allowed account ids without one in common) fails too, naming the settings', (kind) => {
    const { apis, deploys } = twoStacks({ region: 'eu-west-2', allowedAccountIds: ['111111111111'] }, { region: 'eu-west-2', allowedAccountIds: ['222222222222'] });
    deploy(kind, deploys, apiOf(kind, apis));

    expect(() => Testing.synth(deploys, true)).toThrow('which differ in allowedAccountIds (["111111111111"] for the API, ["222222222222"] here): AWS finds no such API there '
      + "(NotFoundException); give the AWS provider 'deploys/aws' the settings of the AWS provider 'apis/aws' ('allowedAccountIds'), or make the construct in the API's stack.");
  });

  test.each(KINDS)('%s: two profiles (or access keys, credential files) may be one account: a warning, not an error', (kind) => {
    const { apis, deploys } = twoStacks({ region: 'eu-west-2', profile: 'shared' }, { region: 'eu-west-2', profile: 'staging' });
    deploy(kind, deploys, apiOf(kind, apis));

    expect(() => Testing.synth(deploys, true)).not.toThrow();
    expect(warningsOf(kind, deploys)).toEqual([expect.stringContaining('whether they are one account and region is known only at deploy time (profile ("shared" for the API, "staging" here))')]);
    // A profile is no argument of the API's: the advice names the providers only.
    expect(warningsOf(kind, deploys)[0]).toContain("Say that they are with literal settings, the same for both ('profile': of both AwsProviders)");
  });

  test.each(KINDS)('%s: the same settings in both stacks synthesize, without a warning', (kind) => {
    const { apis, deploys } = twoStacks({ region: 'eu-west-2' }, { region: 'eu-west-2' });
    deploy(kind, deploys, apiOf(kind, apis));

    expect(() => Testing.synth(deploys, true)).not.toThrow();
    expect(warningsOf(kind, deploys)).toEqual([]);
  });

  test.each(KINDS)("%s: the API's own region is honoured: the deployment and stages are made there", (kind) => {
    const { apis, deploys } = twoStacks({ region: 'eu-west-2' }, { region: 'ap-south-1' });
    deploy(kind, deploys, apiOf(kind, apis, { region: 'us-east-1' }));

    expect(() => Testing.synth(deploys, true)).not.toThrow();
    expect(warningsOf(kind, deploys)).toEqual([]);
    const stage = Object.values<any>(resourcesOfType(synthesizeStack(deploys), STAGE_TYPE[kind]))[0];
    expect(stage.region).toBe('us-east-1');
  });

  test.each(KINDS)('%s: a region from a variable cannot be told apart: a warning, not an error', (kind) => {
    const app = Testing.app();
    const apis = new TerraformStack(app, 'apis');
    new AwsProvider(apis, 'aws', { region: new TerraformVariable(apis, 'region', { type: 'string' }).stringValue });
    const deploys = new TerraformStack(app, 'deploys');
    new AwsProvider(deploys, 'aws', { region: 'us-east-1' });
    deploy(kind, deploys, apiOf(kind, apis));

    expect(() => Testing.synth(deploys, true)).not.toThrow();
    expect(warningsOf(kind, deploys)).toEqual([`'deploys/deploy' makes the deployment and stages of 'apis/${API_ID[kind]}' with the AWS provider `
      + "'deploys/aws' (region \"us-east-1\"), and the API is made with the AWS provider 'apis/aws' (region \"${var.region}\"): whether they are "
      + 'one account and region is known only at deploy time (region ("${var.region}" for the API, "us-east-1" here)). If they are not, AWS '
      + "finds no such API there (NotFoundException). Say that they are with literal settings, the same for both ('region': the API's own "
      + "'region', or the AwsProviders'), or make the construct in the API's stack."]);
  });

  test('one variable of the same name in both stacks is two values: a warning', () => {
    const app = Testing.app();
    const [apis, deploys] = ['apis', 'deploys'].map((name) => {
      const stack = new TerraformStack(app, name);
      new AwsProvider(stack, 'aws', { region: new TerraformVariable(stack, 'region', { type: 'string' }).stringValue });
      return stack;
    });
    deploy('HTTP', deploys, apiOf('HTTP', apis));

    expect(() => Testing.synth(deploys, true)).not.toThrow();
    expect(warningsOf('HTTP', deploys)).toEqual([expect.stringContaining('is known only at deploy time')]);
  });

  test('a deployment in the API\'s own stack is where the API is, whatever its provider', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    const east = new AwsProvider(stack, 'east', { region: 'us-east-1', alias: 'east' });
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack, { provider: east }).api, cloudWatchRole: false });

    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
  });
});

describe('a deployment construct in another stack than its API, with a provider alias', () => {
  /** `apis` and `deploys`, each with a default provider and one of alias `x`; the API uses `x`. */
  function aliased(kind: Kind, deploysAlias: AwsProviderConfig) {
    const app = Testing.app();
    const apis = new TerraformStack(app, 'apis');
    new AwsProvider(apis, 'aws', { region: 'eu-west-2' });
    const x = new AwsProvider(apis, 'x', { region: 'eu-west-1', alias: 'x' });
    const deploys = new TerraformStack(app, 'deploys');
    new AwsProvider(deploys, 'aws', { region: 'eu-west-1' });
    new AwsProvider(deploys, 'x', { ...deploysAlias, alias: 'x' });
    const deployment = deploy(kind, deploys, apiOf(kind, apis, { provider: x }));
    return { deploys, deployment };
  }

  test.each(KINDS)("%s: the alias of another region in the construct's stack fails at synth, naming the provider", (kind) => {
    const { deploys } = aliased(kind, { region: 'ap-south-1' });

    expect(synthesizeStack(deploys).resource[STAGE_TYPE[kind]]).toBeDefined();
    expect(() => Testing.synth(deploys, true)).toThrow(apartMessage(kind, ['apis/x', 'eu-west-1'], ['deploys/x', 'ap-south-1']));
  });

  test.each(KINDS)('%s: the alias with the same settings synthesizes, and the resources name it', (kind) => {
    const { deploys } = aliased(kind, { region: 'eu-west-1' });

    expect(() => Testing.synth(deploys, true)).not.toThrow();
    expect(warningsOf(kind, deploys)).toEqual([]);
    const stage = Object.values<any>(resourcesOfType(synthesizeStack(deploys), STAGE_TYPE[kind]))[0];
    expect(stage.provider).toBe('aws.x');
  });

  test("the alias missing from the construct's stack is the error it was", () => {
    const app = Testing.app();
    const apis = new TerraformStack(app, 'apis');
    const x = new AwsProvider(apis, 'x', { region: 'eu-west-1', alias: 'x' });
    const deploys = new TerraformStack(app, 'deploys');
    new AwsProvider(deploys, 'aws', { region: 'eu-west-1' });
    new HttpApiDeployment(deploys, 'deploy', { httpApi: petsHttpApi(apis, { provider: x }).api });

    expect(() => Testing.synth(deploys, true)).toThrow("which has no AwsProvider with it; add one there (alias: 'x', the same settings)");
  });

  test('an added stage and its log group are made with the same provider, and checked with the construct', () => {
    const { deploys, deployment } = aliased('HTTP', { region: 'ap-south-1' });
    (deployment as HttpApiDeployment).addStage('beta', { accessLogDestination: AccessLogDestination.newLogGroup() });

    expect(() => Testing.synth(deploys, true)).toThrow("HttpApiDeployment at 'deploys/deploy': property 'httpApi' is \"apis/http_api\"");
  });
});

describe('a stage made on its own, or a deployment given the id, of an API of another stack', () => {
  test.each<[string, (stack: TerraformStack, apis: TerraformStack) => unknown, string]>([
    ['RestApiStage', (stack, apis) => new RestApiStage(stack, 'stage', { restApiId: petsApi(apis).api.id, deploymentId: 'd', stageName: 'live' }),
      "RestApiStage at 'deploys/stage': property 'restApiId' is \"${aws_api_gateway_rest_api.api.id}\"; expected the id of an API in this "
      + "construct's account and region: it names 'apis/api' (of the stack 'apis'), made with the AWS provider 'apis/aws' (region \"eu-west-2\"), "
      + "and this one is made with the AWS provider 'deploys/aws' (region \"us-east-1\"), which differ in region (\"eu-west-2\" for the API, "
      + "\"us-east-1\" here): AWS finds no such API there (NotFoundException); give it region: \"eu-west-2\", or give the AWS provider 'deploys/aws' "
      + 'region: "eu-west-2".'],
    ['HttpApiStage', (stack, apis) => new HttpApiStage(stack, 'stage', { apiId: petsHttpApi(apis).api.id, deploymentId: 'd', stageName: 'live' }),
      "HttpApiStage at 'deploys/stage': property 'apiId' is \"${aws_apigatewayv2_api.http_api.id}\"; expected the id of an API in this construct's "
      + "account and region: it names 'apis/http_api'"],
    ['WebSocketApiStage', (stack, apis) => new WebSocketApiStage(stack, 'stage', { apiId: chatWebSocketApi(apis).api.id, deploymentId: 'd', stageName: 'live' }),
      "WebSocketApiStage at 'deploys/stage': property 'apiId' is \"${aws_apigatewayv2_api.ws_api.id}\"; expected the id of an API in this "
      + "construct's account and region: it names 'apis/ws_api'"],
    ['HttpApiDeployment given httpApiId', (stack, apis) => new HttpApiDeployment(stack, 'deploy', { httpApiId: petsHttpApi(apis).api.id, triggers: { release: '1' } }),
      "HttpApiDeployment at 'deploys/deploy': property 'httpApiId' is \"${aws_apigatewayv2_api.http_api.id}\"; expected the id of an API in this "
      + "construct's account and region: it names 'apis/http_api' (of the stack 'apis'), made with the AWS provider 'apis/aws' (region "
      + "\"eu-west-2\"), and this one is made with the AWS provider 'deploys/aws' (region \"us-east-1\"), which differ in region (\"eu-west-2\" for "
      + "the API, \"us-east-1\" here): AWS finds no such API there (NotFoundException); give the AWS provider 'deploys/aws' region: \"eu-west-2\"."],
  ])('%s in another region fails at synth', (_name, build, message) => {
    const { apis, deploys } = twoStacks({ region: 'eu-west-2' }, { region: 'us-east-1' });
    build(deploys, apis);

    // The id is shown as its stack reads it: the API's reference (cdktf) or the remote state's output (cdktn prepares it first).
    const [head, tail] = message.split(/ is "\$\{[^}]*\}"; /);
    const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(() => Testing.synth(deploys, true)).toThrow(new RegExp(`${escaped(head)} is "\\$\\{.*?; ${escaped(tail)}`));
  });

  test("given the API's region, a stage made on its own synthesizes", () => {
    const { apis, deploys } = twoStacks({ region: 'eu-west-2' }, { region: 'us-east-1' });
    new HttpApiStage(deploys, 'stage', { apiId: petsHttpApi(apis).api.id, deploymentId: 'd', stageName: 'live', region: 'eu-west-2' });

    expect(() => Testing.synth(deploys, true)).not.toThrow();
  });

  test('a stage made on its own for an API whose region is a variable gets a warning (cdktf prints it at synth)', () => {
    const app = Testing.app();
    const apis = new TerraformStack(app, 'apis');
    new AwsProvider(apis, 'aws', { region: new TerraformVariable(apis, 'region', { type: 'string' }).stringValue });
    const deploys = new TerraformStack(app, 'deploys');
    new AwsProvider(deploys, 'aws', { region: 'us-east-1' });
    const stage = new WebSocketApiStage(deploys, 'stage', { apiId: chatWebSocketApi(apis).api.id, deploymentId: 'd', stageName: 'live' });

    expect(() => Testing.synth(deploys, true)).not.toThrow();
    expect(stage.node.metadata.filter((entry) => entry.type === AnnotationMetadataEntryType.WARN).map((entry) => entry.data)).toEqual([
      "'deploys/stage' is made with the AWS provider 'deploys/aws' (region \"us-east-1\"), and the API its apiId names, 'apis/ws_api', with the AWS "
      + "provider 'apis/aws' (region \"${var.region}\"): whether they are one account and region is known only at deploy time (region "
      + '("${var.region}" for the API, "us-east-1" here)). If they are not, AWS finds no such API there (NotFoundException). Say that they are '
      + "with literal settings, the same for both ('region': the API's own 'region', or the AwsProviders'), or make the construct in the API's stack.",
    ]);
  });

  test('with the same settings in both stacks, it synthesizes', () => {
    const { apis, deploys } = twoStacks({ region: 'eu-west-2' }, { region: 'eu-west-2' });
    new RestApiStage(deploys, 'stage', { restApiId: petsApi(apis).api.id, deploymentId: 'd', stageName: 'live' });

    expect(() => Testing.synth(deploys, true)).not.toThrow();
  });
});
