import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  AccessLogDestination, ApiGatewayCloudWatchRole, HttpApiDeployment, HttpApiStage, MethodLoggingLevel, RestApiDeployment, RestApiStage,
  WebSocketApiDeployment, WebSocketApiStage,
} from '../src';
import { petsApi } from './support/api';
import { resourcesOfType, synthesize, synthesizeStack, TerraformJson } from './support/synth';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

/**
 * Provider v6's per-resource `region`: an API given one has every regional resource its deployment
 * construct creates in the same region; the global ones (IAM, the partition) have none.
 */

const WEB_ACL = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/0123';
const LOGS = { accessLogDestination: AccessLogDestination.newLogGroup(), loggingLevel: MethodLoggingLevel.INFO };
/** A WebSocket stage's logs: with execution logs, both throttling limits. */
const WEBSOCKET_LOGS = { ...LOGS, throttlingBurstLimit: 100, throttlingRateLimit: 50 };

/** Every resource of these types, with its type, failing when a type has none. */
function resourcesOf(json: TerraformJson, types: string[]): Array<[string, any]> {
  return types.flatMap((type) => {
    const resources = Object.values<any>(resourcesOfType(json, type));
    if (resources.length === 0) {
      throw new Error(`no ${type}`);
    }
    return resources.map((resource): [string, any] => [type, resource]);
  });
}

/** The regions of every resource of these types, by type (`undefined` for none). */
function regionsOf(json: TerraformJson, types: string[]): Array<[string, unknown]> {
  return resourcesOf(json, types).map(([type, resource]) => [type, resource.region]);
}

const REST_TYPES = ['aws_api_gateway_deployment', 'aws_api_gateway_stage', 'aws_api_gateway_method_settings', 'aws_cloudwatch_log_group',
  'aws_wafv2_web_acl_association', 'aws_api_gateway_account'];
const HTTP_TYPES = ['aws_apigatewayv2_deployment', 'aws_apigatewayv2_stage', 'aws_cloudwatch_log_group'];
const WEBSOCKET_TYPES = ['aws_apigatewayv2_deployment', 'aws_apigatewayv2_stage', 'aws_cloudwatch_log_group', 'aws_api_gateway_account'];
const GLOBAL_TYPES = ['aws_iam_role', 'aws_iam_role_policy_attachment'];

/** A REST API in `region`, deployed with everything regional the construct makes: two stages, a canary, the account setting. */
function restProgram(region: (stack: TerraformStack) => string | undefined) {
  return (stack: TerraformStack) => {
    const deployment = new RestApiDeployment(stack, 'deploy', {
      restApi: petsApi(stack, { region: region(stack) }).api, cloudWatchRole: true, webAclArn: WEB_ACL, canary: { percentTraffic: 5 }, ...LOGS,
    });
    deployment.addStage('beta', { ...LOGS, webAclArn: WEB_ACL, methodOptions: { '/pets/GET': { metricsEnabled: true } } });
  };
}

function httpProgram(region: (stack: TerraformStack) => string | undefined) {
  return (stack: TerraformStack) => {
    const deployment = new HttpApiDeployment(stack, 'deploy', {
      httpApi: petsHttpApi(stack, { region: region(stack) }).api, accessLogDestination: AccessLogDestination.newLogGroup(),
    });
    deployment.addStage('beta', { accessLogDestination: AccessLogDestination.newLogGroup() });
  };
}

function webSocketProgram(region: (stack: TerraformStack) => string | undefined) {
  return (stack: TerraformStack) => {
    const deployment = new WebSocketApiDeployment(stack, 'deploy', {
      webSocketApi: chatWebSocketApi(stack, { region: region(stack) }).api, cloudWatchRole: true, ...WEBSOCKET_LOGS,
    });
    deployment.addStage('beta', WEBSOCKET_LOGS);
  };
}

const variableRegion = (stack: TerraformStack) => new TerraformVariable(stack, 'region', { type: 'string' }).stringValue;

describe.each([
  ['RestApiDeployment', restProgram, REST_TYPES],
  ['HttpApiDeployment', httpProgram, HTTP_TYPES],
  ['WebSocketApiDeployment', webSocketProgram, WEBSOCKET_TYPES],
])('%s of an API with its own region', (_name, program, types) => {
  test('puts the deployment, every stage and what comes with them in the same region', () => {
    const json = synthesize(program(() => 'us-east-1'));

    expect(regionsOf(json, types)).toEqual(resourcesOf(json, types).map(([type]) => [type, 'us-east-1']));
  });

  test('carries a token region as the same expression', () => {
    const json = synthesize(program(variableRegion));

    expect(regionsOf(json, types)).toEqual(resourcesOf(json, types).map(([type]) => [type, '${var.region}']));
  });

  test('sets no region without one', () => {
    const json = synthesize(program(() => undefined));

    expect(resourcesOf(json, types).filter(([, resource]) => 'region' in resource)).toEqual([]);
  });
});

test.each([
  ['RestApiDeployment', restProgram],
  ['WebSocketApiDeployment', webSocketProgram],
])('%s: the CloudWatch role and the partition stay global', (_name, program) => {
  const json = synthesize(program(() => 'us-east-1'));

  expect(resourcesOf(json, GLOBAL_TYPES).filter(([, resource]) => 'region' in resource)).toEqual([]);
  expect(Object.values<any>(json.data.aws_partition).filter((partition) => 'region' in partition)).toEqual([]);
});

test('the REST stages put their base path and API mappings in their region', () => {
  const json = synthesize((stack) => {
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack, { region: 'us-east-1' }).api });
    deployment.addBasePathMapping('api.example.com', { basePath: 'pets' });
    deployment.addStage('beta').addApiMapping('api.example.com', { apiMappingKey: 'beta/pets' });
  });

  expect(regionsOf(json, ['aws_api_gateway_base_path_mapping', 'aws_apigatewayv2_api_mapping']))
    .toEqual([['aws_api_gateway_base_path_mapping', 'us-east-1'], ['aws_apigatewayv2_api_mapping', 'us-east-1']]);
});

describe('a stage construct given a region', () => {
  test('RestApiStage puts the stage, its method settings, log group and web ACL association there', () => {
    const json = synthesize((stack) => {
      new RestApiStage(stack, 'stage', { restApiId: 'abc123', deploymentId: 'd1', stageName: 'prod', region: 'us-east-1', webAclArn: WEB_ACL, ...LOGS });
    });
    const types = ['aws_api_gateway_stage', 'aws_api_gateway_method_settings', 'aws_cloudwatch_log_group', 'aws_wafv2_web_acl_association'];

    expect(regionsOf(json, types)).toEqual(types.map((type) => [type, 'us-east-1']));
  });

  test.each([
    ['HttpApiStage', (stack: TerraformStack) => new HttpApiStage(stack, 'stage', {
      apiId: 'abc123', deploymentId: 'd1', stageName: '$default', region: 'us-east-1', accessLogDestination: AccessLogDestination.newLogGroup(),
    })],
    ['WebSocketApiStage', (stack: TerraformStack) => new WebSocketApiStage(stack, 'stage', {
      apiId: 'abc123', deploymentId: 'd1', stageName: 'prod', region: 'us-east-1', ...WEBSOCKET_LOGS,
    })],
  ])('%s puts the stage and its log group there', (_name, build) => {
    const json = synthesize((stack) => {
      build(stack);
    });
    const types = ['aws_apigatewayv2_stage', 'aws_cloudwatch_log_group'];

    expect(regionsOf(json, types)).toEqual(types.map((type) => [type, 'us-east-1']));
  });

  test('an untyped caller may give it too', () => {
    const json = synthesize((stack) => {
      new RestApiStage(stack, 'stage', JSON.parse('{"restApiId": "abc123", "deploymentId": "d1", "stageName": "prod", "region": "us-east-1"}'));
    });

    expect(regionsOf(json, ['aws_api_gateway_stage'])).toEqual([['aws_api_gateway_stage', 'us-east-1']]);
  });
});

describe("the account's CloudWatch role per resource region", () => {
  /** A stack whose default AWS provider is in `region`. */
  function stackIn(region: string): TerraformStack {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region });
    return stack;
  }

  test('two in one stack with different regions are two settings', () => {
    const stack = stackIn('eu-west-2');
    const virginia = new ApiGatewayCloudWatchRole(stack, 'virginia', { region: 'us-east-1' });
    new ApiGatewayCloudWatchRole(stack, 'ireland', { region: 'eu-west-1' });
    new ApiGatewayCloudWatchRole(stack, 'london');

    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(Object.values<any>(resourcesOfType(synthesizeStack(stack), 'aws_api_gateway_account')).map((account) => account.region).sort())
      .toEqual(['eu-west-1', 'us-east-1', undefined]);
    expect(virginia.account.regionInput).toBe('us-east-1');
  });

  test('two in one stack with the same region: the second is refused', () => {
    const stack = stackIn('eu-west-2');
    new ApiGatewayCloudWatchRole(stack, 'first', { region: 'us-east-1' });

    expect(() => new ApiGatewayCloudWatchRole(stack, 'second', { region: 'us-east-1' }))
      .toThrow("ApiGatewayCloudWatchRole at 'stack/second': property 'region' is \"us-east-1\"; expected one owner per account and region of the " +
        "account's CloudWatch role: 'stack/first/Account' already sets it (aws_api_gateway_account) with the AWS provider 'stack/aws' and a region of its own, \"us-east-1\", "
        + "and this one with the AWS provider 'stack/aws' and a region of its own, \"us-east-1\";");
  });

  test("a resource region that is the provider's region is the same setting", () => {
    const stack = stackIn('us-east-1');
    new ApiGatewayCloudWatchRole(stack, 'first');

    expect(() => new ApiGatewayCloudWatchRole(stack, 'second', { region: 'us-east-1' })).toThrow("'stack/first/Account' already sets it");
  });

  test('deployments of APIs in different regions may each set it', () => {
    const stack = stackIn('eu-west-2');
    new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack, { region: 'us-east-1' }).api, cloudWatchRole: true });
    new WebSocketApiDeployment(stack, 'websocket', { webSocketApi: chatWebSocketApi(stack).api, cloudWatchRole: true });

    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
  });

  test('a token region may be the same: a warning, not an error', () => {
    const stack = stackIn('eu-west-2');
    new ApiGatewayCloudWatchRole(stack, 'logs');
    new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack, { region: variableRegion(stack) }).api, cloudWatchRole: true });

    // Each of the two says so (the role made on its own too, as synth prints it).
    expect(RestApiDeployment.warningsOf(stack)).toEqual([
      expect.stringContaining("The account's CloudWatch role set here ('stack/logs/Account') may be the same account setting that 'stack/rest/CloudWatchRole/Account' sets"),
      expect.stringContaining("The account's CloudWatch role set here ('stack/rest/CloudWatchRole/Account') may be the same account setting that 'stack/logs/Account' sets"),
    ]);
    expect(RestApiDeployment.warningsOf(stack)[1]).toContain("Let one construct own it (set 'cloudWatchRole: false' on the others), or, if they "
      + "deploy to different regions, say so with literal regions (the APIs' 'region', or their providers').");
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test("one variable as the provider's region and as an API's own region is one region: an error, not a warning", () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const region = variableRegion(stack);
    new AwsProvider(stack, 'aws', { region });
    new ApiGatewayCloudWatchRole(stack, 'logs');

    expect(() => new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack, { region }).api, cloudWatchRole: true }))
      .toThrow("already sets it (aws_api_gateway_account) with the AWS provider 'stack/aws' (region \"${var.region}\"), and this one with the "
        + "AWS provider 'stack/aws' and a region of its own, \"${var.region}\"");
  });
});

describe('where the API is, checked again at synth', () => {
  test("a region or provider given to the API after the construct was made fails, rather than leaving the stage in the provider's region", () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    const api = petsApi(stack).api;
    new RestApiDeployment(stack, 'deploy', { restApi: api });
    api.region = 'us-east-1';

    expect(() => Testing.synth(stack, true)).toThrow("RestApiDeployment at 'stack/deploy': property 'restApi.region' is \"us-east-1\"; expected "
      + "the region 'stack/api' had when the construct was made (none: the provider's), where the construct made the deployment and its stages; "
      + "set the API's region before making the construct.");

    const later = new TerraformStack(Testing.app(), 'later');
    const east = new AwsProvider(later, 'east', { region: 'us-east-1', alias: 'east' });
    const httpApi = petsHttpApi(later).api;
    new HttpApiDeployment(later, 'deploy', { httpApi });
    httpApi.provider = east;
    expect(() => Testing.synth(later, true)).toThrow("property 'httpApi.provider' is \"later/east\"; expected the provider 'later/http_api' had when "
      + "the construct was made (the stack's default AWS provider)");
  });

  test("an API of another stack with a provider alias: the alias must exist in the construct's stack", () => {
    const app = Testing.app();
    const apiStack = new TerraformStack(app, 'apis');
    const east = new AwsProvider(apiStack, 'east', { region: 'us-east-1', alias: 'east' });
    const api = petsApi(apiStack, { provider: east }).api;
    const deployStack = new TerraformStack(app, 'deploys');
    new AwsProvider(deployStack, 'aws', { region: 'eu-west-2' });
    new RestApiDeployment(deployStack, 'deploy', { restApi: api });

    expect(() => Testing.synth(deployStack, true)).toThrow("RestApiDeployment at 'deploys/deploy': property 'restApi' is \"apis/api\"; expected "
      + "an API whose AWS provider alias exists in this construct's stack: 'apis/api' uses 'apis/east' (alias 'east'), and the deployment and "
      + "stages made here name that alias in 'deploys', which has no AwsProvider with it; add one there (alias: 'east', the same settings), or "
      + "make the construct in the API's stack.");
    new AwsProvider(deployStack, 'east', { region: 'us-east-1', alias: 'east' });
    expect(() => Testing.synth(deployStack, true)).not.toThrow();
  });
});

describe('a stage made on its own for an API with a region of its own', () => {
  const withProvider = (stack: TerraformStack) => new AwsProvider(stack, 'aws', { region: 'eu-west-1' });

  test.each<[string, (stack: TerraformStack) => unknown, string]>([
    ['HttpApiStage', (stack) => new HttpApiStage(stack, 'stage', { apiId: petsHttpApi(stack, { region: 'us-east-1' }).api.id, deploymentId: 'd', stageName: 'live' }),
      "HttpApiStage at 'stack/stage': property 'region' is undefined; expected the placement of the API its apiId names: 'stack/http_api' is made with "
      + "the AWS provider 'stack/aws' and a region of its own, \"us-east-1\", and this one with the AWS provider 'stack/aws' (region \"eu-west-1\"), where AWS "
      + 'finds no such API (NotFoundException); give it region: "us-east-1".'],
    ['WebSocketApiStage', (stack) => new WebSocketApiStage(stack, 'stage', { apiId: chatWebSocketApi(stack, { region: 'us-east-1' }).api.id, deploymentId: 'd', stageName: 'live' }),
      "WebSocketApiStage at 'stack/stage': property 'region' is undefined; expected the placement of the API its apiId names"],
    ['RestApiStage', (stack) => new RestApiStage(stack, 'stage', { restApiId: petsApi(stack, { region: 'us-east-1' }).api.id, deploymentId: 'd', stageName: 'live' }),
      "RestApiStage at 'stack/stage': property 'region' is undefined; expected the placement of the API its restApiId names"],
  ])('%s fails at synth, naming the region to give', (_name, build, message) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    withProvider(stack);
    build(stack);

    expect(() => Testing.synth(stack, true)).toThrow(message);
  });

  test('given the same region, or for an API in the provider\'s region, it synthesizes', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    withProvider(stack);
    new HttpApiStage(stack, 'same', { apiId: petsHttpApi(stack, { region: 'us-east-1' }).api.id, deploymentId: 'd', stageName: 'live', region: 'us-east-1' });
    new HttpApiStage(stack, 'default', { apiId: petsHttpApi(stack, {}, 'other_').api.id, deploymentId: 'd', stageName: 'live' });

    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});

test('a deployment given the id of an API of the app in another region fails at synth, naming the region', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  new HttpApiDeployment(stack, 'deploy', { httpApiId: petsHttpApi(stack, { region: 'us-east-1' }).api.id, triggers: { release: '1' } });

  expect(() => Testing.synth(stack, true)).toThrow("HttpApiDeployment at 'stack/deploy': property 'region' is undefined; expected the placement of the API its httpApiId names");
});

test('a stage made on its own with a region the API does not have: the error names the region given, and says to leave it out', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
  new RestApiStage(stack, 'stage', { restApiId: petsApi(stack).api.id, deploymentId: 'd', stageName: 'live', region: 'us-east-1' });

  expect(() => Testing.synth(stack, true)).toThrow("RestApiStage at 'stack/stage': property 'region' is \"us-east-1\"; expected the placement of the API its "
    + "restApiId names: 'stack/api' is made with the AWS provider 'stack/aws' (region \"eu-west-2\"), and this one with the AWS provider 'stack/aws' "
    + "and a region of its own, \"us-east-1\", where AWS finds no such API (NotFoundException); leave its 'region' out (the API is made in its provider's region).");
});

test("the API's resources made in another region than the API (its own region, their provider's) get a warning naming them", () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
  const api = new Apigatewayv2Api(stack, 'api', { name: 'pets', protocolType: 'HTTP', region: 'ap-south-1' });
  const integration = new Apigatewayv2Integration(stack, 'pets', { apiId: api.id, integrationType: 'HTTP_PROXY', integrationMethod: 'GET', integrationUri: 'https://pets.example.com' });
  new Apigatewayv2Route(stack, 'route', { apiId: api.id, routeKey: 'GET /pets', target: `integrations/${integration.id}` });
  new HttpApiDeployment(stack, 'deploy', { httpApi: api });

  expect(HttpApiDeployment.warningsOf(stack)).toEqual(["aws_apigatewayv2_integration.pets ('stack/pets') and 1 more of the API's resources are made with the "
    + "AWS provider 'stack/aws' (region \"eu-west-2\"), and the API aws_apigatewayv2_api.api with the AWS provider 'stack/aws' and a region of its own, "
    + "\"ap-south-1\": AWS finds no such API there (NotFoundException). Make them with the API's provider and region."]);
});

test("the misplaced-resources warning: once for the API's deployments, for an API given by id too, never for resources of other kinds", () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
  const east = new AwsProvider(stack, 'east', { region: 'us-east-1', alias: 'east' });
  const api = new Apigatewayv2Api(stack, 'api', { name: 'pets', protocolType: 'HTTP' });
  const integration = new Apigatewayv2Integration(stack, 'pets', { apiId: api.id, integrationType: 'HTTP_PROXY', integrationMethod: 'GET', integrationUri: 'https://pets.example.com' });
  const route = new Apigatewayv2Route(stack, 'route', { provider: east, apiId: api.id, routeKey: 'GET /pets', target: `integrations/${integration.id}` });
  const backend = new LambdaFunction(stack, 'fn', { provider: east, functionName: 'f', role: 'arn:aws:iam::123456789012:role/r', filename: 'f.zip', handler: 'index.handler', runtime: 'nodejs20.x' });
  new HttpApiDeployment(stack, 'prod', { httpApi: api, resources: [backend] });
  new HttpApiDeployment(stack, 'staging', { httpApi: api, stageName: 'staging' });
  const expected = "aws_apigatewayv2_route.route ('stack/route') is made with the AWS provider 'stack/east' (region \"us-east-1\"), and the API "
    + "aws_apigatewayv2_api.api with the AWS provider 'stack/aws' (region \"eu-west-2\"): AWS finds no such API there (NotFoundException). "
    + "Make them with the API's provider and region.";
  expect(HttpApiDeployment.warningsOf(stack).filter((warning) => warning.includes('NotFoundException'))).toEqual([expected]);

  const byId = new TerraformStack(Testing.app(), 'by_id');
  new AwsProvider(byId, 'aws', { region: 'eu-west-2' });
  const other = new AwsProvider(byId, 'east', { region: 'us-east-1', alias: 'east' });
  const idApi = new Apigatewayv2Api(byId, 'api', { name: 'pets', protocolType: 'HTTP' });
  new Apigatewayv2Route(byId, 'route', { provider: other, apiId: idApi.id, routeKey: 'GET /pets' });
  new HttpApiDeployment(byId, 'prod', { httpApiId: idApi.id, autoDiscover: true });
  expect(HttpApiDeployment.warningsOf(byId)).toContainEqual(expect.stringContaining("aws_apigatewayv2_route.route ('by_id/route') is made with the AWS provider 'by_id/east'"));
  void route;
});
