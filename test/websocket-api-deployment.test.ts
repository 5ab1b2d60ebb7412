import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { AccessLogDestination, MethodLoggingLevel, WebSocketApiDeployment, WebSocketApiDeploymentProps } from '../src';
import { onlyResource, resourcesOfType, synthesize, synthesizeApp, synthesizeStack } from './support/synth';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

function deployWith(props: Partial<WebSocketApiDeploymentProps> = {}) {
  return synthesize((stack) => {
    new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api, ...props });
  });
}

const ROLE_WARNING = (stage: string) => expect.stringContaining(`The stage "${stage}" writes logs to CloudWatch`);

describe('WebSocketApiDeployment', () => {
  test('a deployment, created before the old one is destroyed, served by the prod stage without auto-deploy', () => {
    const json = deployWith();

    expect(onlyResource(json, 'aws_apigatewayv2_deployment')).toMatchObject({
      api_id: '${aws_apigatewayv2_api.ws_api.id}',
      lifecycle: { create_before_destroy: true },
    });
    expect(onlyResource(json, 'aws_apigatewayv2_stage')).toEqual({
      api_id: '${aws_apigatewayv2_api.ws_api.id}',
      name: 'prod',
      deployment_id: '${aws_apigatewayv2_deployment.deploy_Deployment_49668023.id}',
      lifecycle: { create_before_destroy: true },
    });
  });

  test('default route settings (throttling, logging level, data trace, detailed metrics), per-route settings, certificate, access logs', () => {
    const stage = onlyResource(deployWith({
      cloudWatchRole: false,
      throttlingBurstLimit: 10,
      throttlingRateLimit: 20,
      loggingLevel: MethodLoggingLevel.ERROR,
      dataTraceEnabled: false,
      detailedMetricsEnabled: true,
      routeOptions: { $connect: { loggingLevel: MethodLoggingLevel.INFO } },
      clientCertificateId: 'cert',
      accessLogDestination: AccessLogDestination.arn('arn:aws:logs:eu-west-2:123456789012:log-group:chat'),
    }), 'aws_apigatewayv2_stage');

    expect(stage).toMatchObject({
      client_certificate_id: 'cert',
      default_route_settings: { throttling_burst_limit: 10, throttling_rate_limit: 20, logging_level: 'ERROR', data_trace_enabled: false, detailed_metrics_enabled: true },
      route_settings: [{
        route_key: '$connect', throttling_burst_limit: 10, throttling_rate_limit: 20, logging_level: 'INFO', data_trace_enabled: false, detailed_metrics_enabled: true,
      }],
      access_log_settings: { destination_arn: 'arn:aws:logs:eu-west-2:123456789012:log-group:chat' },
    });
    expect(JSON.parse(stage.access_log_settings.format)).toEqual({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      requestTime: '$context.requestTime',
      eventType: '$context.eventType',
      routeKey: '$context.routeKey',
      status: '$context.status',
      connectionId: '$context.connectionId',
    });
  });

  test('URLs: wss for clients, https for callbacks; ARNs for Lambda permissions per route', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const deployment = new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api });
    new TerraformOutput(stack, 'invoke', { value: deployment.invokeUrl });
    new TerraformOutput(stack, 'callback', { value: deployment.callbackUrl });
    new TerraformOutput(stack, 'connect_arn', { value: deployment.arnForExecuteApi('$connect') });
    const outputs = synthesizeStack(stack).output;

    expect(outputs.invoke.value).toBe('${aws_apigatewayv2_stage.deploy_Stage_4076BD38.invoke_url}');
    expect(outputs.callback.value).toBe('${replace(aws_apigatewayv2_stage.deploy_Stage_4076BD38.invoke_url, "wss://", "https://")}');
    expect(outputs.connect_arn.value).toBe('${aws_apigatewayv2_api.ws_api.execution_arn}/prod/$connect');
  });

  test('addStage; importExistingStage', () => {
    const json = synthesize((stack) => {
      new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api, importExistingStage: true }).addStage('beta', { variables: { a: 'b' } });
    });

    expect(Object.values<any>(resourcesOfType(json, 'aws_apigatewayv2_stage')).map((stage) => stage.name)).toEqual(['prod', 'beta']);
    expect(json.import).toEqual([{ id: '${aws_apigatewayv2_api.ws_api.id}/prod', to: 'aws_apigatewayv2_stage.deploy_Stage_4076BD38' }]);
  });

  test('an API without routes cannot be deployed: a warning quotes what AWS answers', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const { api } = chatWebSocketApi(stack);
    stack.node.tryRemoveChild('connect_route');
    stack.node.tryRemoveChild('default_route');
    new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: api });

    expect(WebSocketApiDeployment.warningsOf(stack)).toEqual([
      'The WebSocket API aws_apigatewayv2_api.ws_api has no routes and no OpenAPI body: AWS refuses to deploy it ("At least one route is required before deploying the Api"). ' +
      'Add an aws_apigatewayv2_route with its integration, or a body.',
    ]);
  });
});

describe("the account's CloudWatch role", () => {
  test('cloudWatchRole: true creates it; the deployment and every stage wait for it', () => {
    const json = synthesize((stack) => {
      new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api, cloudWatchRole: true, loggingLevel: MethodLoggingLevel.INFO, throttlingBurstLimit: 5000, throttlingRateLimit: 10000 })
        .addStage('beta', { dataTraceEnabled: true, throttlingBurstLimit: 5000, throttlingRateLimit: 10000 });
    });

    const account = Object.keys(resourcesOfType(json, 'aws_api_gateway_account'))[0];
    expect(onlyResource(json, 'aws_apigatewayv2_deployment').depends_on).toEqual([`aws_api_gateway_account.${account}`]);
    for (const stage of Object.values<any>(resourcesOfType(json, 'aws_apigatewayv2_stage'))) {
      expect(stage.depends_on).toEqual([`aws_api_gateway_account.${account}`]);
    }
  });

  test('left out, a stage that logs to CloudWatch gets a warning; false silences it', () => {
    const warningsWith = (props: Partial<WebSocketApiDeploymentProps>) => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api, throttlingBurstLimit: 5000, throttlingRateLimit: 10000, ...props });
      return WebSocketApiDeployment.warningsOf(stack);
    };

    expect(warningsWith({ loggingLevel: MethodLoggingLevel.ERROR })).toEqual([ROLE_WARNING('prod')]);
    expect(warningsWith({ accessLogDestination: AccessLogDestination.newLogGroup() })).toEqual([ROLE_WARNING('prod')]);
    expect(warningsWith({ routeOptions: { $default: { dataTraceEnabled: true } } })).toEqual([ROLE_WARNING('prod')]);
    expect(warningsWith({ loggingLevel: MethodLoggingLevel.OFF, detailedMetricsEnabled: true })).toEqual([]);
    expect(warningsWith({ loggingLevel: MethodLoggingLevel.ERROR, cloudWatchRole: false })).toEqual([]);
  });
});

describe('across stacks', () => {
  test("the API's resources in its own stack, keyed with the stack's name; their references through cdktf's cross-stack outputs", () => {
    const json = synthesizeApp((app) => {
      const chat = chatWebSocketApi(new TerraformStack(app, 'api'));
      new WebSocketApiDeployment(new TerraformStack(app, 'deploy'), 'deployment', { webSocketApi: chat.api });
    }).deploy;

    const triggers = onlyResource(json, 'aws_apigatewayv2_deployment').triggers;
    expect(Object.keys(triggers)).toEqual([
      'api/aws_apigatewayv2_api.ws_api',
      'api/aws_apigatewayv2_integration.chat_integration',
      'api/aws_apigatewayv2_route.connect_route',
      'api/aws_apigatewayv2_route.default_route',
    ]);
    expect(JSON.stringify(json.resource.aws_apigatewayv2_stage)).toContain('data.terraform_remote_state.cross-stack-reference-input-api');
  });
});

describe('bad input', () => {
  const expectError = (props: Partial<WebSocketApiDeploymentProps>, message: string) =>
    expect(() => synthesize((stack) => {
      new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api, ...props });
    })).toThrow(`WebSocketApiDeployment at 'stack/deploy': ${message}`);

  test('an HTTP API', () => {
    expect(() => synthesize((stack) => {
      new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: petsHttpApi(stack).api });
    })).toThrow("WebSocketApiDeployment at 'stack/deploy': property 'webSocketApi' is \"stack/http_api\"; expected an Apigatewayv2Api with protocol type WEBSOCKET " +
      '(it has HTTP; an HTTP API is deployed by HttpApiDeployment).');
  });

  test.each<[Partial<WebSocketApiDeploymentProps>, string]>([
    [{ stageName: '$default' }, "property 'stageName' is \"$default\"; expected 1 to 128 characters, each a letter, a digit, '_' or '-'."],
    [{ loggingLevel: 'DEBUG' as MethodLoggingLevel }, "property 'loggingLevel' is \"DEBUG\"; expected one of OFF, ERROR, INFO."],
    [{ routeOptions: { $connect: { loggingLevel: 'DEBUG' as MethodLoggingLevel } } }, "property 'routeOptions.$connect.loggingLevel' is \"DEBUG\"; expected one of OFF, ERROR, INFO."],
    [{ webSocketApiId: 'abc' }, "property 'webSocketApi' is \"stack/ws_api\"; expected exactly one of 'webSocketApi' and 'webSocketApiId' (given: both)."],
    [{ triggers: { resource_ids: 'x' } }, "property 'triggers.resource_ids' is \"x\"; expected a key other than \"resource_ids\""],
  ])('%j', (props, message) => expectError(props, message));

  test("autoDiscover with an API given by id finds the routes of the construct's stack that name that id", () => {
    const json = synthesize((stack) => {
      new WebSocketApiDeployment(stack, 'deploy', { webSocketApiId: chatWebSocketApi(stack).api.id, autoDiscover: true });
    });

    expect(Object.keys(onlyResource(json, 'aws_apigatewayv2_deployment').triggers).filter((key) => key.startsWith('aws_apigatewayv2_route.'))).not.toEqual([]);
  });

  test('a trigger key an automatic entry uses', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api, triggers: { 'aws_apigatewayv2_route.connect_route': 'x' } });

    expect(() => WebSocketApiDeployment.warningsOf(stack)).toThrow(
      "WebSocketApiDeployment at 'stack/deploy': property 'triggers.aws_apigatewayv2_route.connect_route' is \"x\"; " +
      'expected a key that none of the automatic trigger entries use (there is an automatic entry "aws_apigatewayv2_route.connect_route"); choose another key.');
  });
});
