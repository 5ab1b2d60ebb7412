/**
 * A deployment construct (or a stage made on its own) deploys one API: an API resource with `count`
 * or `for_each` has no one id (`${aws_apigatewayv2_api.api.id}` on it is refused by terraform
 * validate; with for_each, a plan fails), so it fails at synth, at the call or, set later, when the
 * app is validated, naming the reference to one instance to give instead.
 */
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Fn, TerraformIterator, TerraformResource, TerraformStack, Testing, Token } from 'cdktf';
import { HttpApiDeployment, HttpApiStage, RestApiDeployment, RestApiStage, WebSocketApiStage } from '../src';
import { API_PROPERTY, apiOfKind, CONSTRUCT, deployKind, ID_PROPERTY, Kind, KINDS } from './support/kinds';
import { petsHttpApi } from './support/v2-api';

function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
  return stack;
}

const API: Record<Kind, [string, string]> = {
  REST: ['api', 'aws_api_gateway_rest_api'], HTTP: ['http_api', 'aws_apigatewayv2_api'], WebSocket: ['ws_api', 'aws_apigatewayv2_api'],
};

const apiOf = (kind: Kind, stack: TerraformStack, meta: { count?: number; forEach?: TerraformIterator } = {}) => apiOfKind(kind, stack, meta);
const deploy = (kind: Kind, stack: TerraformStack, api: TerraformResource) => {
  deployKind(kind, stack, api);
};

/** The error for the API of a kind, with `meta` (`count`, `for_each`). */
function countedMessage(kind: Kind, meta: 'count' | 'for_each'): string {
  const [name, type] = API[kind];
  const instance = meta === 'count' ? "['0', 'id']" : "['\"<key>\"', 'id']";
  return `${CONSTRUCT[kind]} at 'stack/deploy': property '${API_PROPERTY[kind]}' is "stack/${name}"; expected an API resource without count or `
    + `for_each ('stack/${name}' has ${meta}): a deployment construct or stage deploys one API, and the resource's id names none of its instances `
    + `(terraform validate refuses '${type}.${name}.id' on a resource with ${meta}); give it one instance's id, ${ID_PROPERTY[kind]}: `
    + `Token.asString(Fn.lookupNested(api, ${instance})), with one construct per instance.`;
}

describe('an API resource with count or for_each given to a deployment construct', () => {
  test.each(KINDS)('%s: with count, fails at the call', (kind) => {
    const stack = newStack();
    const api = apiOf(kind, stack, { count: 2 });

    expect(() => deploy(kind, stack, api)).toThrow(countedMessage(kind, 'count'));
  });

  test.each(KINDS)('%s: with for_each, fails at the call', (kind) => {
    const stack = newStack();
    const api = apiOf(kind, stack, { forEach: TerraformIterator.fromList(['blue', 'green']) });

    expect(() => deploy(kind, stack, api)).toThrow(countedMessage(kind, 'for_each'));
  });

  test.each(KINDS)('%s: count set on the API after the construct was made fails at synth', (kind) => {
    const stack = newStack();
    const api = apiOf(kind, stack);
    deploy(kind, stack, api);
    api.count = 1;

    expect(() => Testing.synth(stack, true)).toThrow(countedMessage(kind, 'count'));
  });

  test("for_each added by the API's override after the construct was made fails at synth", () => {
    const stack = newStack();
    const api = apiOf('HTTP', stack);
    deploy('HTTP', stack, api);
    api.addOverride('for_each', '${toset(["blue", "green"])}');

    expect(() => Testing.synth(stack, true)).toThrow(countedMessage('HTTP', 'for_each'));
  });

  test("one instance's id, as the message says, synthesizes a deployment of that instance", () => {
    const stack = newStack();
    const api = petsHttpApi(stack, { count: 2 }).api;
    new HttpApiDeployment(stack, 'deploy', { httpApiId: Token.asString(Fn.lookupNested(api, ['0', 'id'])), triggers: { release: '1' } });

    const json = JSON.parse(Testing.synth(stack, true));
    expect(Object.values<any>(json.resource.aws_apigatewayv2_stage)[0].api_id).toBe('${aws_apigatewayv2_api.http_api["0"].id}');
  });
});

describe("a stage made on its own, or a deployment construct, given a counted API's id", () => {
  test.each<[string, (stack: TerraformStack, api: TerraformResource) => unknown, string]>([
    ['RestApiStage', (stack, api) => new RestApiStage(stack, 'stage', { restApiId: (api as ApiGatewayRestApi).id, deploymentId: 'd', stageName: 'live' }),
      "RestApiStage at 'stack/stage': property 'restApiId' is \"${aws_api_gateway_rest_api.api.id}\"; expected an API resource without count or for_each "
      + "('stack/api' has count): a deployment construct or stage deploys one API, and the resource's id names none of its instances (terraform "
      + "validate refuses 'aws_api_gateway_rest_api.api.id' on a resource with count); give it one instance's id, restApiId: "
      + "Token.asString(Fn.lookupNested(api, ['0', 'id'])), with one construct per instance."],
    ['HttpApiStage', (stack, api) => new HttpApiStage(stack, 'stage', { apiId: (api as Apigatewayv2Api).id, deploymentId: 'd', stageName: 'live' }),
      "HttpApiStage at 'stack/stage': property 'apiId' is \"${aws_apigatewayv2_api.http_api.id}\"; expected an API resource without count or for_each"],
    ['WebSocketApiStage', (stack, api) => new WebSocketApiStage(stack, 'stage', { apiId: (api as Apigatewayv2Api).id, deploymentId: 'd', stageName: 'live' }),
      "WebSocketApiStage at 'stack/stage': property 'apiId' is \"${aws_apigatewayv2_api.ws_api.id}\"; expected an API resource without count or for_each"],
    ['HttpApiDeployment given httpApiId', (stack, api) => new HttpApiDeployment(stack, 'deploy', { httpApiId: (api as Apigatewayv2Api).id, triggers: { release: '1' } }),
      "HttpApiDeployment at 'stack/deploy': property 'httpApiId' is \"${aws_apigatewayv2_api.http_api.id}\"; expected an API resource without count or "
      + "for_each ('stack/http_api' has count)"],
  ])('%s fails at synth', (name, build, message) => {
    const stack = newStack();
    const kind: Kind = name.startsWith('Rest') ? 'REST' : name.startsWith('WebSocket') ? 'WebSocket' : 'HTTP';
    build(stack, apiOf(kind, stack, { count: 2 }));

    expect(() => Testing.synth(stack, true)).toThrow(message);
  });
});

describe("one instance's id of a counted API, with discovery", () => {
  /** The deployment's triggers for an HTTP API with count, deployed by its first instance's id, with `cors` as its CORS origin. */
  function triggersWith(origin: string): Record<string, string> {
    const stack = newStack();
    const api = new Apigatewayv2Api(stack, 'api', { name: 'pets', protocolType: 'HTTP', count: 1, corsConfiguration: { allowOrigins: [origin] } });
    const apiId = Token.asString(Fn.lookupNested(api, ['0', 'id']));
    new Apigatewayv2Route(stack, 'route', { apiId, routeKey: 'GET /pets' });
    new HttpApiDeployment(stack, 'deploy', { httpApiId: apiId, autoDiscover: true });
    return Object.values<any>(JSON.parse(Testing.synth(stack, true)).resource.aws_apigatewayv2_deployment)[0].triggers;
  }

  test("hashes the API's deployed arguments as it hashes an API given as the construct", () => {
    const before = triggersWith('https://a.example.com');
    const after = triggersWith('https://b.example.com');

    expect(Object.keys(after)).toEqual(['aws_apigatewayv2_api.api', 'aws_apigatewayv2_route.route', 'resource_ids']);
    expect(after['aws_apigatewayv2_api.api']).not.toEqual(before['aws_apigatewayv2_api.api']);
  });
});

test('an instance of a for_each API deployed as the error says, beside resources that name the instances through their own iterator: one warning naming them', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const tenants = TerraformIterator.fromList(['a', 'b']);
  const apis = new ApiGatewayRestApi(stack, 'apis', { forEach: tenants, name: 'pets' });
  const apiId = Token.asString(Fn.lookupNested(apis, [tenants.key, 'id']));
  new ApiGatewayResource(stack, 'pets', { forEach: tenants, restApiId: apiId, parentId: Token.asString(Fn.lookupNested(apis, [tenants.key, 'root_resource_id'])), pathPart: 'pets' });
  new RestApiDeployment(stack, 'a', { restApiId: Token.asString(Fn.lookupNested(apis, ['"a"', 'id'])), autoDiscover: true });

  expect(RestApiDeployment.warningsOf(stack)).toContainEqual('The resources aws_api_gateway_resource.pets name the instances of aws_api_gateway_rest_api.apis '
    + 'through their own iterator (their rest_api_id is "${aws_api_gateway_rest_api.apis[each.key].id}"): discovery cannot tell that one of them is '
    + 'aws_api_gateway_rest_api.apis["a"].id, so they are not part of this deployment\'s triggers. Make the resources of each instance with the '
    + "instance's id (as this construct is given), or give them in 'resources'; otherwise list them in 'acknowledgedBlindSpots'.");
});

test("the instance given as Fn.lookupNested(apis, ['a', 'id']) renders it (apis.a.id), and resources over the API resource itself (each.value.id): warned too", () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const apis = new ApiGatewayRestApi(stack, 'apis', { forEach: TerraformIterator.fromList(['a', 'b']), name: 'pets' });
  const each = TerraformIterator.fromResources(apis);
  new ApiGatewayResource(stack, 'pets', { forEach: each, restApiId: each.getString('id'), parentId: each.getString('root_resource_id'), pathPart: 'pets' });
  new RestApiDeployment(stack, 'a', { restApiId: Token.asString(Fn.lookupNested(apis, ['a', 'id'])), autoDiscover: true });

  expect(RestApiDeployment.warningsOf(stack)).toContainEqual(expect.stringContaining('The resources aws_api_gateway_resource.pets name the instances of '
    + 'aws_api_gateway_rest_api.apis through their own iterator (their rest_api_id is "${each.value.id}"): discovery cannot tell that one of them is '
    + 'aws_api_gateway_rest_api.apis.a.id'));
});
