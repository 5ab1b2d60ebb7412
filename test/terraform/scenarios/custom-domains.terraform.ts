/**
 * Custom domains under Terraform and the strict emulator (custom-domains-stack.ts): one domain
 * serving a REST API at `orders/v1` and an HTTP API at `orders/v2` and at the root, a WebSocket API
 * on a domain of its own; through a redeploy of each, a second stage, a stage rename (which AWS
 * refuses when the mapped stage is destroyed first, as the provider does by default), a key change,
 * the root moved to another stage (in place), a stage mapped by a mapping written by hand renamed, and destroy. The mappings are read back from the emulator after each apply, and a second plan has
 * nothing left to do. A WebSocket stage mapped beside them fails at synth.
 */
import { GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { GetApiMappingsCommand, GetApisCommand, GetDomainNamesCommand, GetStagesCommand } from '@aws-sdk/client-apigatewayv2';
import { DOMAIN_ADDRESSES, domainsApp, DOMAINS_STACK, DomainsStackVersion } from './custom-domains-stack';
import { emulatorForThisFile } from '../emulator/emulator';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

const emulator = emulatorForThisFile();
const { restDeployment: REST_DEPLOYMENT, httpDeployment: HTTP_DEPLOYMENT, webSocketDeployment: WS_DEPLOYMENT } = DOMAIN_ADDRESSES;
const HTTP_STAGE = DOMAIN_ADDRESSES.httpStage;
const HAND_STAGE = 'aws_apigatewayv2_stage.hand_stage';

let workdir: TerraformWorkdir;
/** Each version adds to the last, as a user's app grows. */
let version: DomainsStackVersion = {};

function planWith(change: DomainsStackVersion) {
  version = { ...version, ...change };
  return workdir.load(synthesizeStack(domainsApp(version), DOMAINS_STACK)).plan();
}

/** The API names by id, REST and v2 alike. */
async function apiNames(): Promise<Record<string, string>> {
  const rest = await emulator().apiGateway().send(new GetRestApisCommand({}));
  const v2 = await emulator().apiGatewayV2().send(new GetApisCommand({}));
  return Object.fromEntries([
    ...(rest.items ?? []).map((api) => [api.id!, api.name!]),
    ...(v2.Items ?? []).map((api) => [api.ApiId!, api.Name!]),
  ]);
}

/** A domain's mappings as the emulator has them: key -> "<API name> <stage>". */
async function mappingsOf(domainName: string): Promise<Record<string, string>> {
  const names = await apiNames();
  const mappings = await emulator().apiGatewayV2().send(new GetApiMappingsCommand({ DomainName: domainName }));
  return Object.fromEntries((mappings.Items ?? []).map((mapping) => [mapping.ApiMappingKey ?? '', `${names[mapping.ApiId!]} ${mapping.Stage}`]));
}

async function httpStageNames(): Promise<string[]> {
  const apiId = workdir.state()['aws_apigatewayv2_api.orders_v2'].id;
  const stages = await emulator().apiGatewayV2().send(new GetStagesCommand({ ApiId: apiId }));
  return (stages.Items ?? []).map((stage) => stage.StageName!).sort();
}

function expectNothingLeftToDo(): void {
  const second = workdir.planExitCode();
  expect({ code: second.code, output: second.code === 0 ? '' : second.output }).toEqual({ code: 0, output: '' });
}

describe('custom domains under Terraform', () => {
  beforeAll(() => {
    workdir = new TerraformWorkdir('custom-domains', emulator());
  });

  test('one domain serves the REST API at orders/v1 and the HTTP API at orders/v2 and the root; the WebSocket API has its own', async () => {
    workdir.load(synthesizeStack(domainsApp(version), DOMAINS_STACK)).init();
    workdir.plan();
    workdir.apply();

    expect(await mappingsOf('orders.example.com')).toEqual({ 'orders/v1': 'orders-v1 v1', 'orders/v2': 'orders-v2 live', '': 'orders-v2 live' });
    expect(await mappingsOf('chat.example.com')).toEqual({ '': 'chat prod' });
    expectNothingLeftToDo();
  });

  test('a redeploy of each API replaces its deployment and leaves every mapping alone', async () => {
    const plan = planWith({ restTemplate: '{"statusCode": 201}', httpTimeoutMilliseconds: 10000, webSocketTemplate: '{"statusCode": 201}' });

    for (const deployment of [REST_DEPLOYMENT, HTTP_DEPLOYMENT, WS_DEPLOYMENT]) {
      expect(plan.actions(deployment)).toEqual(['create', 'delete']);
    }
    expect(Object.keys(plan.changedResources()).filter((address) => address.startsWith('aws_apigatewayv2_api_mapping.'))).toEqual([]);
    workdir.apply();

    expect(await mappingsOf('orders.example.com')).toEqual({ 'orders/v1': 'orders-v1 v1', 'orders/v2': 'orders-v2 live', '': 'orders-v2 live' });
    expect(await mappingsOf('chat.example.com')).toEqual({ '': 'chat prod' });
    expectNothingLeftToDo();
  });

  test('a second HTTP stage gets a key of its own beside the others', async () => {
    const plan = planWith({ betaStage: true });

    expect(Object.values(plan.changedResources())).toEqual([['create'], ['create']]);
    workdir.apply();

    expect(await mappingsOf('orders.example.com')).toEqual({
      'orders/v1': 'orders-v1 v1', 'orders/v2': 'orders-v2 live', '': 'orders-v2 live', 'orders/beta': 'orders-v2 beta',
    });
    expect(await httpStageNames()).toEqual(['beta', 'live']);
    expectNothingLeftToDo();
  });

  test("a mapped HTTP stage renamed the provider's default way (destroyed before its replacement exists): AWS refuses to delete it", () => {
    workdir.load(synthesizeStack(domainsApp({ ...version, httpStageName: 'current', httpStageDestroyedFirst: true }), DOMAINS_STACK)).plan();

    expect(workdir.applyFailing()).toMatch(
      /BadRequestException: Deleting stage live failed\. Please remove all base path mappings related to the stage in your domains: orders\.example\.com/);
  });

  test('a renamed HTTP stage exists before its mappings move to it, and is deleted after', async () => {
    const plan = planWith({ httpStageName: 'current' });

    expect(plan.changedResources()).toEqual({
      [HTTP_STAGE]: ['create', 'delete'],
      [DOMAIN_ADDRESSES.httpRootMapping]: ['update'],
      [DOMAIN_ADDRESSES.httpV2Mapping]: ['update'],
    });
    const log = workdir.apply();

    const created = log.indexOf(`${HTTP_STAGE}: Creation complete`);
    const moved = Math.max(...[DOMAIN_ADDRESSES.httpRootMapping, DOMAIN_ADDRESSES.httpV2Mapping].map((mapping) => log.indexOf(`${mapping}: Modifications complete`)));
    const deleted = log.search(new RegExp(`${HTTP_STAGE.replace(/\./g, '\\.')} \\(deposed object \\w+\\): Destroying`));
    if (!(created >= 0 && moved > created && deleted > moved)) {
      throw new Error(`expected the new stage created, then both mappings moved, then the old stage deleted; the apply log:\n${log}`);
    }
    expect(await mappingsOf('orders.example.com')).toEqual({
      'orders/v1': 'orders-v1 v1', 'orders/v2': 'orders-v2 current', '': 'orders-v2 current', 'orders/beta': 'orders-v2 beta',
    });
    expect(await httpStageNames()).toEqual(['beta', 'current']);
    expectNothingLeftToDo();
  });

  test('a changed key maps the stage at the new key and frees the old one', async () => {
    const plan = planWith({ httpKey: 'orders/v3' });

    expect(plan.actions(DOMAIN_ADDRESSES.httpV2Mapping)).toEqual(['delete']);
    expect(Object.values(plan.changedResources()).sort()).toEqual([['create'], ['delete']]);
    workdir.apply();

    expect(await mappingsOf('orders.example.com')).toEqual({
      'orders/v1': 'orders-v1 v1', 'orders/v3': 'orders-v2 current', '': 'orders-v2 current', 'orders/beta': 'orders-v2 beta',
    });
    expectNothingLeftToDo();
  });

  test('the root moved to the beta stage is one mapping updated in place', async () => {
    const plan = planWith({ rootOnBeta: true });

    expect(plan.changedResources()).toEqual({ [DOMAIN_ADDRESSES.httpRootMapping]: ['update'] });
    workdir.apply();

    expect(await mappingsOf('orders.example.com')).toEqual({
      'orders/v1': 'orders-v1 v1', 'orders/v3': 'orders-v2 current', '': 'orders-v2 beta', 'orders/beta': 'orders-v2 beta',
    });
    expectNothingLeftToDo();
  });

  test('a stage mapped by a mapping written by hand is renamed too: every HTTP stage is created before the old one is deleted', async () => {
    planWith({ handMappedStage: 'hand' });
    workdir.apply();
    expect((await mappingsOf('orders.example.com'))['orders/hand']).toBe('orders-v2 hand');

    const plan = planWith({ handMappedStage: 'handled' });

    expect(plan.changedResources()).toEqual({ [HAND_STAGE]: ['create', 'delete'], 'aws_apigatewayv2_api_mapping.hand_mapping': ['update'] });
    const log = workdir.apply();

    const created = log.indexOf(`${HAND_STAGE}: Creation complete`);
    const moved = log.indexOf('aws_apigatewayv2_api_mapping.hand_mapping: Modifications complete');
    const deleted = log.search(new RegExp(`${HAND_STAGE.replace(/\./g, '\\.')} \\(deposed object \\w+\\): Destroying`));
    if (!(created >= 0 && moved > created && deleted > moved)) {
      throw new Error(`expected the new stage created, then the mapping moved, then the old stage deleted; the apply log:\n${log}`);
    }

    expect((await mappingsOf('orders.example.com'))['orders/hand']).toBe('orders-v2 handled');
    expect(await httpStageNames()).toEqual(['beta', 'current', 'handled']);
    expectNothingLeftToDo();
  });

  test('a WebSocket stage mapped on the domain of the REST and HTTP APIs fails at synth, before Terraform sees it', () => {
    expect(() => synthesizeStack(domainsApp({ ...version, webSocketOnOrdersDomain: true }), DOMAINS_STACK))
      .toThrow(/^WebSocketApiDeployment at 'domains\/ws': .*'domains\/rest' \(addApiMapping\) maps a REST API on the domain "orders\.example\.com", and AWS does not serve WebSocket APIs and REST or HTTP APIs on one domain name/);
  });

  test('destroy leaves no domain, mapping or API behind', async () => {
    workdir.destroy();

    expect((await emulator().apiGatewayV2().send(new GetDomainNamesCommand({}))).Items ?? []).toEqual([]);
    expect(await apiNames()).toEqual({});
    expect(Object.keys(workdir.state())).toEqual([]);
  });
});
