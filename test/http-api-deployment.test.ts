import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { TerraformHclModule, TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AccessLogDestination, AccessLogFormat, HttpApiDeployment, HttpApiDeploymentProps } from '../src';
import { onlyResource, resourcesOfType, synthesize, synthesizeStack } from './support/synth';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

function deployWith(props: Partial<HttpApiDeploymentProps> = {}) {
  return synthesize((stack) => {
    new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, ...props });
  });
}

describe('HttpApiDeployment', () => {
  test('an explicit deployment, created before the old one is destroyed, served by the $default stage', () => {
    const json = deployWith({ description: 'v1' });

    const deployment = onlyResource(json, 'aws_apigatewayv2_deployment');
    expect(deployment).toMatchObject({
      api_id: '${aws_apigatewayv2_api.http_api.id}',
      description: 'v1',
      lifecycle: { create_before_destroy: true },
    });
    expect(onlyResource(json, 'aws_apigatewayv2_stage')).toEqual({
      api_id: '${aws_apigatewayv2_api.http_api.id}',
      name: '$default',
      deployment_id: '${aws_apigatewayv2_deployment.deploy_Deployment_49668023.id}',
      lifecycle: { create_before_destroy: true },
    });
  });

  test('stage options: description, variables, tags, route settings for every route and per route, access logs', () => {
    const json = deployWith({
      stageName: 'prod',
      stageDescription: 'production',
      variables: { backend: 'blue' },
      tags: { team: 'pets' },
      throttlingBurstLimit: 100,
      throttlingRateLimit: 50,
      detailedMetricsEnabled: true,
      routeOptions: { 'GET /pets': { throttlingRateLimit: 5 } },
      accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays: 30 }),
    });

    const stage = onlyResource(json, 'aws_apigatewayv2_stage');
    expect(stage).toMatchObject({
      name: 'prod',
      description: 'production',
      stage_variables: { backend: 'blue' },
      tags: { team: 'pets' },
      default_route_settings: { throttling_burst_limit: 100, throttling_rate_limit: 50, detailed_metrics_enabled: true },
      route_settings: [{ route_key: 'GET /pets', throttling_burst_limit: 100, throttling_rate_limit: 5, detailed_metrics_enabled: true }],
    });
    expect(stage.auto_deploy).toBeUndefined();
    expect(JSON.parse(stage.access_log_settings.format)).toEqual({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      requestTime: '$context.requestTime',
      httpMethod: '$context.httpMethod',
      routeKey: '$context.routeKey',
      status: '$context.status',
      protocol: '$context.protocol',
      responseLength: '$context.responseLength',
    });
    expect(onlyResource(json, 'aws_cloudwatch_log_group')).toEqual({
      name: 'API-Gateway-Access-Logs_${aws_apigatewayv2_api.http_api.id}/prod',
      retention_in_days: 30,
    });
  });

  test("the $default stage's log group is named without the $", () => {
    expect(onlyResource(deployWith({ accessLogDestination: AccessLogDestination.newLogGroup() }), 'aws_cloudwatch_log_group').name)
      .toBe('API-Gateway-Access-Logs_${aws_apigatewayv2_api.http_api.id}/default');
  });

  test("a stage name known at deploy time, which may be $default: the log group's name drops the $ there too", () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const stageName = new TerraformVariable(stack, 'stage', { type: 'string' }).stringValue;
    new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, stageName, accessLogDestination: AccessLogDestination.newLogGroup() });

    expect(onlyResource(synthesizeStack(stack), 'aws_cloudwatch_log_group').name)
      .toBe('API-Gateway-Access-Logs_${aws_apigatewayv2_api.http_api.id}/${replace(var.stage, "$default", "default")}');
  });

  test('addStage: another stage on the same deployment; URLs, ARNs for Lambda permissions', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });
    const beta = deployment.addStage('beta', { throttlingBurstLimit: 2, throttlingRateLimit: 1 });
    new TerraformOutput(stack, 'url', { value: deployment.urlForPath('/pets') });
    new TerraformOutput(stack, 'beta_url', { value: beta.urlForPath('/pets') });
    new TerraformOutput(stack, 'arn', { value: deployment.arnForExecuteApi('GET', '/pets') });
    const json = synthesizeStack(stack);

    expect(Object.values<any>(resourcesOfType(json, 'aws_apigatewayv2_stage')).map((stage) => [stage.name, stage.deployment_id])).toEqual([
      ['$default', '${aws_apigatewayv2_deployment.deploy_Deployment_49668023.id}'],
      ['beta', '${aws_apigatewayv2_deployment.deploy_Deployment_49668023.id}'],
    ]);
    expect(json.output.url.value).toBe('${trimsuffix(aws_apigatewayv2_stage.deploy_Stage_4076BD38.invoke_url, "/")}/pets');
    expect(json.output.beta_url.value).toMatch(/^\$\{trimsuffix\(aws_apigatewayv2_stage\.deploy_Stage_beta_[0-9A-F]{8}\.invoke_url, "\/"\)\}\/pets$/);
    expect(json.output.arn.value).toBe('${aws_apigatewayv2_api.http_api.execution_arn}/$default/GET/pets');
    expect(beta.stageName).toBe('beta');
  });

  test('importExistingStage imports API-ID/STAGE-NAME', () => {
    expect(deployWith({ stageName: 'prod', importExistingStage: true }).import).toEqual([
      { id: '${aws_apigatewayv2_api.http_api.id}/prod', to: 'aws_apigatewayv2_stage.deploy_Stage_4076BD38' },
    ]);
  });

  test("importExistingStage of an API with its own region imports API-ID/STAGE-NAME@REGION (provider v6's import id)", () => {
    const json = synthesize((stack) => {
      const api = petsHttpApi(stack).api;
      api.region = 'us-east-1';
      new HttpApiDeployment(stack, 'deploy', { httpApi: api, stageName: 'prod', importExistingStage: true });
    });
    expect(json.import).toEqual([{ id: '${aws_apigatewayv2_api.http_api.id}/prod@us-east-1', to: 'aws_apigatewayv2_stage.deploy_Stage_4076BD38' }]);
  });

  test('an API given by id: no discovery, the given resources and triggers', () => {
    const json = synthesize((stack) => {
      const pets = petsHttpApi(stack);
      new HttpApiDeployment(stack, 'deploy', { httpApiId: 'abc123', resources: [pets.route], triggers: { release: '1' } });
    });

    expect(Object.keys(onlyResource(json, 'aws_apigatewayv2_deployment').triggers)).toEqual([
      // the API, referenced by the given resources, gets an entry Terraform evaluates (its id)
      'aws_apigatewayv2_api.http_api', 'aws_apigatewayv2_integration.pets_integration', 'aws_apigatewayv2_route.pets_route', 'release', 'resource_ids',
    ]);
  });
});

describe('HttpApiDeployment warnings', () => {
  test('an API without routes or body cannot be deployed', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const { api } = petsHttpApi(stack);
    stack.node.tryRemoveChild('pets_route');
    new HttpApiDeployment(stack, 'deploy', { httpApi: api });

    expect(HttpApiDeployment.warningsOf(stack)).toEqual([
      'The HTTP API aws_apigatewayv2_api.http_api has no routes and no OpenAPI body: AWS refuses to deploy it ("Unable to deploy API because no routes exist in this API"). ' +
      'Add an aws_apigatewayv2_route with its integration, or a body.',
    ]);
  });

  test('a module given the API id is a blind spot, until acknowledged', () => {
    const warningsWith = (acknowledge: boolean) => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      const { api } = petsHttpApi(stack);
      const routes = new TerraformHclModule(stack, 'routes', { source: 'registry.example.com/org/routes/aws', variables: { api_id: api.id } });
      new HttpApiDeployment(stack, 'deploy', { httpApi: api, acknowledgedBlindSpots: acknowledge ? [routes] : [] });
      return HttpApiDeployment.warningsOf(stack);
    };

    expect(warningsWith(false)).toEqual([
      "The module module.routes ('stack/routes') gets the id of the HTTP API aws_apigatewayv2_api.http_api as an input (directly, or through local values or data sources): " +
      'the resources it creates are invisible to discovery, so changing them does not redeploy the API. ' +
      "Give the deployment a trigger entry that changes with them ('triggers', e.g. a hash of the module's inputs), then list it in 'acknowledgedBlindSpots'.",
    ]);
    expect(warningsWith(true)).toEqual([]);
  });
});

describe('bad input', () => {
  const expectError = (build: (stack: TerraformStack) => void, message: string) =>
    expect(() => build(new TerraformStack(Testing.app(), 'stack'))).toThrow(message);

  test('both or neither of httpApi and httpApiId', () => {
    expectError((stack) => new HttpApiDeployment(stack, 'deploy', {}),
      "HttpApiDeployment at 'stack/deploy': property 'httpApi' is undefined; expected exactly one of 'httpApi' and 'httpApiId' (given: neither).");
    expectError((stack) => new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, httpApiId: 'x' }),
      "HttpApiDeployment at 'stack/deploy': property 'httpApi' is \"stack/http_api\"; expected exactly one of 'httpApi' and 'httpApiId' (given: both).");
  });

  test('a quick-created API (target): AWS makes its own $default stage, deployed automatically', () => {
    expectError((stack) => new HttpApiDeployment(stack, 'deploy', {
      httpApi: new Apigatewayv2Api(stack, 'quick', { name: 'quick', protocolType: 'HTTP', target: 'https://example.com' }),
    }), "HttpApiDeployment at 'stack/deploy': property 'httpApi' is \"stack/quick\"; expected an Apigatewayv2Api without quick create ('stack/quick' has a target): "
      + 'AWS makes a quick-created API its own $default stage, deployed automatically');
  });

  test('quick create set after the construct (target, or an override of it) fails when the app is validated', () => {
    for (const set of [(api: Apigatewayv2Api) => { api.target = 'https://example.com'; }, (api: Apigatewayv2Api) => api.addOverride('target', 'https://example.com')]) {
      const stack = new TerraformStack(Testing.app(), 'stack');
      const { api } = petsHttpApi(stack);
      new HttpApiDeployment(stack, 'deploy', { httpApi: api });
      set(api);
      expect(() => Testing.synth(stack, true)).toThrow("expected an Apigatewayv2Api without quick create ('stack/http_api' has a target)");
    }
  });

  test('the protocol type changed after the construct (setter, or an override of it) fails when the app is validated', () => {
    for (const set of [(api: Apigatewayv2Api) => { api.protocolType = 'WEBSOCKET'; }, (api: Apigatewayv2Api) => api.addOverride('protocol_type', 'WEBSOCKET')]) {
      const stack = new TerraformStack(Testing.app(), 'stack');
      const { api } = petsHttpApi(stack);
      new HttpApiDeployment(stack, 'deploy', { httpApi: api });
      set(api);
      expect(() => Testing.synth(stack, true)).toThrow(
        "HttpApiDeployment at 'stack/deploy': property 'httpApi' is \"stack/http_api\"; expected an Apigatewayv2Api with protocol type HTTP (it has WEBSOCKET;");
    }
  });

  test('a WebSocket API', () => {
    expectError((stack) => new HttpApiDeployment(stack, 'deploy', { httpApi: chatWebSocketApi(stack).api }),
      "HttpApiDeployment at 'stack/deploy': property 'httpApi' is \"stack/ws_api\"; expected an Apigatewayv2Api with protocol type HTTP " +
      '(it has WEBSOCKET; a WebSocket API is deployed by WebSocketApiDeployment).');
  });

  test.each<[Partial<HttpApiDeploymentProps>, string]>([
    [{ stageName: 'my stage' }, "property 'stageName' is \"my stage\"; expected 1 to 128 characters, each a letter, a digit, '_' or '-', or '$default'."],
    [{ throttlingBurstLimit: 1.5 }, "property 'throttlingBurstLimit' is 1.5; expected a whole number from 0 to 2147483647."],
    [{ throttlingRateLimit: -1 }, "property 'throttlingRateLimit' is -1; expected a number 0 or more."],
    [{ routeOptions: { 'GET /pets': { throttlingRateLimit: -1 } } }, "property 'routeOptions.GET /pets.throttlingRateLimit' is -1; expected a number 0 or more."],
    [{ routeOptions: { ' ': {} } }, "property 'routeOptions' is \" \"; expected a route key: '$default', or an HTTP method (or ANY) and a path, such as 'GET /pets'"],
    [{ accessLogDestination: AccessLogDestination.arn('arn:aws:logs:eu-west-1:123456789012:log-group:api'), accessLogFormat: AccessLogFormat.custom('$context.status') }, "property 'accessLogFormat' is \"$context.status\""],
    [{ variables: { 'a-b': 'c' } }, "property 'variables.a-b' is \"c\"; expected a variable name of letters, digits and '_' only."],
  ])('%j', (props, message) => {
    expectError((stack) => new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, ...props }), `HttpApiDeployment at 'stack/deploy': ${message}`);
  });

  test('a stage name used twice for the API', () => {
    expectError((stack) => new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addStage('$default'),
      "HttpApiDeployment at 'stack/deploy': property 'addStage($default)' is \"$default\"; expected a stage name not yet used for this HTTP API: 'stack/deploy' already creates the stage \"$default\".");
  });

  test('a path without a leading slash', () => {
    expectError((stack) => new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).urlForPath('pets'),
      "HttpApiDeployment at 'stack/deploy': property 'urlForPath(path)' is \"pets\"; expected a path that starts with \"/\".");
    expectError((stack) => new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).arnForExecuteApi('GET', 'pets'),
      "HttpApiDeployment at 'stack/deploy': property 'arnForExecuteApi(path)' is \"pets\"; expected a path that starts with \"/\", e.g. \"/*\" or \"/pets/{id}\".");
  });
});
