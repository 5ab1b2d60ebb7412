/**
 * What redeploys an HTTP or WebSocket API, and what does not: each discovered type, the API's own
 * deployable settings and OpenAPI body, referenced objects, and everything that never reaches
 * the deployed API.
 */
import { Apigatewayv2ApiConfig } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { HttpApiDeployment, WebSocketApiDeployment } from '../src';
import { synthesize, TerraformJson } from './support/synth';
import { chatWebSocketApi, EVERY_V2_DISCOVERED_TYPE, petsHttpApi } from './support/v2-api';

const ONLY_V2_DEPLOYMENT = 'aws_apigatewayv2_deployment';

/** The triggers of the only v2 deployment. */
function v2Triggers(json: TerraformJson): Record<string, string> {
  const deployments = Object.values<any>(json.resource[ONLY_V2_DEPLOYMENT]);
  expect(deployments).toHaveLength(1);
  return deployments[0].triggers;
}

function changedKeys(program: (stack: TerraformStack, changed: boolean) => void): string[] {
  const [before, after] = [false, true].map((changed) => v2Triggers(synthesize((stack) => program(stack, changed))));
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => before[key] !== after[key]).sort();
}

function webSocketWith(api: Partial<Apigatewayv2ApiConfig>) {
  return (stack: TerraformStack) => {
    new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack, api).api });
  };
}

function httpWith(api: Partial<Apigatewayv2ApiConfig>) {
  return (stack: TerraformStack) => {
    new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack, api).api });
  };
}

describe('the triggers of a WebSocket API', () => {
  test('one digest per discovered resource and for the API, keyed by address, and resource_ids', () => {
    expect(Object.keys(v2Triggers(synthesize(webSocketWith({}))))).toEqual([
      'aws_apigatewayv2_api.ws_api',
      'aws_apigatewayv2_integration.chat_integration',
      'aws_apigatewayv2_route.connect_route',
      'aws_apigatewayv2_route.default_route',
      'resource_ids',
    ]);
    expect(v2Triggers(synthesize(webSocketWith({}))).resource_ids).toBe(
      '${sha1(jsonencode([aws_apigatewayv2_integration.chat_integration.id, aws_apigatewayv2_route.connect_route.id, aws_apigatewayv2_route.default_route.id]))}');
  });

  test.each(Object.keys(EVERY_V2_DISCOVERED_TYPE))('a changed %s redeploys, keyed by its address', (type) => {
    expect(changedKeys((stack, changed) => {
      const chat = chatWebSocketApi(stack);
      EVERY_V2_DISCOVERED_TYPE[type](new Construct(stack, type), chat, changed);
      new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chat.api });
    })).toEqual([expect.stringMatching(new RegExp(`^${type}\\.${type}_subject_[0-9A-F]{8}$`))]);
  });

  test.each<[string, Partial<Apigatewayv2ApiConfig>]>([
    ['route selection expression', { routeSelectionExpression: '$request.body.type' }],
    ['API key selection expression', { apiKeySelectionExpression: '$context.authorizer.usageIdentifierKey' }],
    ['default endpoint off', { disableExecuteApiEndpoint: true }],
  ])("the API's %s redeploys, keyed by the API", (_name, change) => {
    expect(changedKeys((stack, changed) => webSocketWith(changed ? change : {})(stack))).toEqual(['aws_apigatewayv2_api.ws_api']);
  });

  test('a route added redeploys: its key, and resource_ids', () => {
    expect(changedKeys((stack, changed) => {
      const chat = chatWebSocketApi(stack);
      if (changed) {
        EVERY_V2_DISCOVERED_TYPE.aws_apigatewayv2_route(stack, chat, false);
      }
      new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chat.api });
    })).toEqual(['aws_apigatewayv2_route.subject', 'resource_ids']);
  });

  test('a Lambda function behind an integration gets an entry Terraform evaluates', () => {
    const triggers = v2Triggers(synthesize((stack) => {
      const chat = chatWebSocketApi(stack);
      const fn = new LambdaFunction(stack, 'fn', { functionName: 'chat', role: 'arn:aws:iam::123456789012:role/r', handler: 'index.handler', runtime: 'nodejs20.x', filename: 'x.zip' });
      chat.integration.integrationType = 'AWS_PROXY';
      chat.integration.integrationUri = fn.invokeArn;
      new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chat.api });
    }));

    expect(triggers['aws_lambda_function.fn']).toBe('${sha1(jsonencode([aws_lambda_function.fn.invoke_arn]))}');
  });
});

describe('the triggers of an HTTP API', () => {
  test('a CORS configuration redeploys; its lists compare as sets, whatever the case', () => {
    const cors = (allowMethods: string[]) => ({ corsConfiguration: { allowOrigins: ['https://example.com'], allowMethods } });
    const triggersWith = (allowMethods: string[]) => v2Triggers(synthesize(httpWith(cors(allowMethods))))['aws_apigatewayv2_api.http_api'];

    expect(triggersWith(['GET', 'POST'])).toBe(triggersWith(['post', 'GET', 'GET']));
    expect(triggersWith(['GET', 'POST'])).not.toBe(triggersWith(['GET']));
    expect(changedKeys((stack, changed) => httpWith(changed ? cors(['GET']) : {})(stack))).toEqual(['aws_apigatewayv2_api.http_api']);
  });

  test('an OpenAPI body gets its own entry: key order and JSON versus YAML never count', () => {
    const document = { openapi: '3.0.1', info: { title: 'pets', version: '1' }, paths: { '/pets': { get: { 'x-amazon-apigateway-integration': { type: 'HTTP_PROXY', httpMethod: 'GET', uri: 'https://example.com', payloadFormatVersion: '1.0' } } } } };
    const bodyEntry = (body: string) => v2Triggers(synthesize(httpWith({ body })))['aws_apigatewayv2_api.http_api.body'];
    const yaml = 'paths:\n  /pets:\n    get:\n      x-amazon-apigateway-integration: {type: HTTP_PROXY, httpMethod: GET, uri: "https://example.com", payloadFormatVersion: "1.0"}\n' +
      'info: {version: "1", title: pets}\nopenapi: 3.0.1\n';

    expect(bodyEntry(JSON.stringify(document))).toMatch(/^[0-9a-f]{32}$/);
    expect(bodyEntry(yaml)).toBe(bodyEntry(JSON.stringify(document)));
    expect(bodyEntry(JSON.stringify({ ...document, info: { title: 'pets', version: '2' } }))).not.toBe(bodyEntry(JSON.stringify(document)));
  });

  test('a body that is not an OpenAPI document fails at synth, naming httpApi.body', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack, { body: '{"paths": {}}' }).api });

    expect(() => HttpApiDeployment.warningsOf(stack)).toThrow(
      "HttpApiDeployment at 'stack/deploy': property 'httpApi.body (of 'stack/http_api')' is \"{\\\"paths\\\": {}}\"; expected an OpenAPI document with an \"openapi\" (3.x) or \"swagger\" (2.0) field at its top level.");
  });
});

describe('never a redeploy', () => {
  test.each<[string, Partial<Apigatewayv2ApiConfig>]>([
    ['name', { name: 'pets-v2' }],
    ['description', { description: 'the pets API' }],
    ['version', { version: '2.0' }],
    ['tags', { tags: { team: 'pets' } }],
    ['fail_on_warnings (it only steers how the provider imports a body)', { failOnWarnings: true }],
    ["ip_address_type (\"you don't need to redeploy your API\", AWS)", { ipAddressType: 'dualstack' }],
  ])("for the API's %s", (_name, change) => {
    expect(changedKeys((stack, changed) => httpWith(changed ? change : {})(stack))).toEqual([]);
  });

  test('for stage options and stages', () => {
    expect(changedKeys((stack, changed) => {
      const deployment = new WebSocketApiDeployment(stack, 'deploy', {
        webSocketApi: chatWebSocketApi(stack).api,
        cloudWatchRole: false,
        ...(changed ? { throttlingBurstLimit: 20, throttlingRateLimit: 10, detailedMetricsEnabled: true, variables: { a: 'b' }, tags: { t: 'v' }, stageDescription: 'x' } : {}),
      });
      if (changed) {
        deployment.addStage('beta');
      }
    })).toEqual([]);
  });

  test('for another API in the stack', () => {
    expect(changedKeys((stack, changed) => {
      if (changed) {
        petsHttpApi(stack, {}, 'other_');
      }
      new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api });
    })).toEqual([]);
  });

  test('for the order in which the constructs were created (resources created after the construct count too)', () => {
    const routeFirst = synthesize((stack) => {
      const chat = chatWebSocketApi(stack);
      EVERY_V2_DISCOVERED_TYPE.aws_apigatewayv2_route(stack, chat, false);
      new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chat.api });
    });
    const deploymentFirst = synthesize((stack) => {
      const chat = chatWebSocketApi(stack);
      new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chat.api });
      EVERY_V2_DISCOVERED_TYPE.aws_apigatewayv2_route(stack, chat, false);
    });

    expect(JSON.stringify(deploymentFirst)).toBe(JSON.stringify(routeFirst));
  });
});
