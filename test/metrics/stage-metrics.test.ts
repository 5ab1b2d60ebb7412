import { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings';
import { DefaultTokenResolver, StringConcat, TerraformStack, TerraformVariable, Testing, Tokenization } from 'cdktf';
import { HttpApiDeployment, HttpApiStage, RestApiDeployment, WebSocketApiDeployment } from '../../src';
import { petsApi } from '../support/api';
import { warningsOf } from '../support/synth';
import { chatWebSocketApi, petsHttpApi } from '../support/v2-api';

function newStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'stack');
}

const LIMITS = { throttlingBurstLimit: 100, throttlingRateLimit: 50 };

/** A metric's dimensions as Terraform gets them: references written as their expressions. */
function dimensionsOf(stack: TerraformStack, metric: { readonly dimensions: { [name: string]: string } }): Record<string, string> {
  return Tokenization.resolve(metric.dimensions, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
}

describe('a REST stage publishes its metrics by API name and stage', () => {
  test('the named metrics: names, the ApiName and Stage dimensions, Sum for counts and Average for latencies over 5 minutes', () => {
    const stack = newStack();
    const deploy = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, cacheClusterEnabled: true });
    const stage = deploy.deploymentStage;
    const dimensions = { ApiName: '${aws_api_gateway_rest_api.api.name}', Stage: 'prod' };

    const metrics = [stage.metricClientError(), stage.metricServerError(), stage.metricCount(), stage.metricLatency(),
      stage.metricIntegrationLatency(), stage.metricCacheHitCount(), stage.metricCacheMissCount()];

    expect(metrics.map((metric) => [metric.metricName, metric.statistic])).toEqual([
      ['4XXError', 'Sum'], ['5XXError', 'Sum'], ['Count', 'Sum'], ['Latency', 'Average'], ['IntegrationLatency', 'Average'],
      ['CacheHitCount', 'Sum'], ['CacheMissCount', 'Sum'],
    ]);
    for (const metric of metrics) {
      expect(metric.namespace).toBe('AWS/ApiGateway');
      expect(metric.period).toBe(300);
      expect(dimensionsOf(stack, metric)).toEqual(dimensions);
    }
  });

  test('a percentile is an extended statistic; the deployment construct gives its main stage\'s metrics by name', () => {
    const stack = newStack();
    const deploy = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, stageName: 'live' });

    const metric = deploy.metric('Latency', { statistic: 'p99.9', period: 60 });

    expect(metric).toMatchObject({ metricName: 'Latency', extendedStatistic: 'p99.9', period: 60 });
    expect(metric.statistic).toBeUndefined();
    expect(dimensionsOf(stack, metric).Stage).toBe('live');
  });

  test('one method: its resource path and HTTP method, where detailed metrics are on for it', () => {
    const stack = newStack();
    const deploy = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, methodOptions: { '/pets/GET': { metricsEnabled: true } } });

    const metric = deploy.deploymentStage.metricServerError({ method: '/pets/GET' });

    expect(dimensionsOf(stack, metric)).toEqual({ ApiName: '${aws_api_gateway_rest_api.api.name}', Stage: 'prod', Method: 'GET', Resource: '/pets' });
    expect(warningsOf(stack)).toEqual([]);
  });

  test('detailed metrics on for the whole stage cover every method; the root resource is "/"', () => {
    const stack = newStack();
    const api = petsApi(stack);
    const deploy = new RestApiDeployment(stack, 'deploy', { restApi: api.api, metricsEnabled: true });

    expect(dimensionsOf(stack, deploy.deploymentStage.metricLatency({ method: '/pets/GET' }))).toMatchObject({ Method: 'GET', Resource: '/pets' });
  });

  test('a method without detailed metrics fails when the app is validated, saying how to turn them on', () => {
    const stack = newStack();
    const deploy = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    deploy.deploymentStage.metricServerError({ method: '/pets/GET' });

    expect(() => warningsOf(stack)).toThrow("RestApiDeployment at 'stack/deploy': property 'metricServerError.method' is \"/pets/GET\"; expected a method with "
      + 'detailed metrics on: API Gateway publishes per-method metrics only where they are (they are off for this one), so an alarm on it never fires; '
      + 'set metricsEnabled: true in the stage\'s options (all methods) or in its methodOptions entry "/pets/GET" (billed per metric), or check the method is the API\'s.');
  });

  test('a method whose detailed metrics are turned off by its own settings fails, though the stage has them on', () => {
    const stack = newStack();
    const deploy = new RestApiDeployment(stack, 'deploy', {
      restApi: petsApi(stack).api, metricsEnabled: true, methodOptions: { '/pets/GET': { metricsEnabled: false } },
    });
    deploy.deploymentStage.metricServerError({ method: '/pets/GET' });

    expect(() => warningsOf(stack)).toThrow(/property 'metricServerError.method' is "\/pets\/GET"; expected a method with detailed metrics on/);
  });

  test('method settings written by hand for the stage may turn them on: not judged', () => {
    const stack = newStack();
    const api = petsApi(stack);
    const deploy = new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    new ApiGatewayMethodSettings(stack, 'metrics', {
      restApiId: api.api.id, stageName: deploy.deploymentStage.stage.stageName, methodPath: 'pets/GET', settings: { metricsEnabled: true },
    });
    deploy.deploymentStage.metricServerError({ method: '/pets/GET' });

    expect(() => warningsOf(stack)).not.toThrow();
  });

  test('a method the API does not serve fails when the app is validated', () => {
    const stack = newStack();
    const deploy = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, metricsEnabled: true });
    deploy.deploymentStage.metricServerError({ method: '/pets/POST' });

    expect(() => warningsOf(stack)).toThrow("RestApiDeployment at 'stack/deploy': property 'metricServerError.method' is \"/pets/POST\"; expected a method "
      + 'path that aws_api_gateway_rest_api.api serves (one of "/pets/GET"): nothing publishes the metrics of a route or method that does not exist, so an '
      + 'alarm on them never fires. Fix the route or method, or add it to the API.');
  });

  test('a method path with "*", a lower-case method or no method fails at once', () => {
    const stack = newStack();
    const deploy = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, metricsEnabled: true });
    const expected = 'one method, by its method path: "/pets/GET", "/pets/{id}/DELETE", "/GET" for the root resource (API Gateway publishes a method\'s '
      + 'metrics under its resource path and HTTP method, in capitals; no "*", and no ANY method: what it publishes for one is documented nowhere).';

    for (const method of ['/pets/*', '/pets/get', '/pets', '*/*', '/pets/ANY', '/pets//GET']) {
      expect(() => deploy.deploymentStage.metricLatency({ method })).toThrow(
        `RestApiDeployment at 'stack/deploy': property 'metricLatency.method' is ${JSON.stringify(method)}; expected ${expected}`);
    }
  });

  test('the canary\'s metrics while there is one, with a warning to check the dimension AWS does not document', () => {
    const stack = newStack();
    const deploy = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, canary: { percentTraffic: 10 } });

    const metric = deploy.deploymentStage.metricServerError({ canary: true });

    expect(dimensionsOf(stack, metric).Stage).toBe('prod/Canary');
    expect(warningsOf(stack)).toEqual([expect.stringContaining("The canary's metrics are named with the Stage dimension 'prod/Canary', the suffix AWS "
      + "documents for the canary's log groups")]);
  });

  test('the canary\'s metrics without a canary fail', () => {
    const stack = newStack();
    const deploy = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });

    expect(() => deploy.deploymentStage.metricServerError({ canary: true })).toThrow("RestApiDeployment at 'stack/deploy': property "
      + "'metricServerError.canary' is true; expected the canary's metrics only while the deployment construct runs a canary on the stage (its `canary` "
      + 'prop): without one nothing publishes them, and an alarm on them never fires.');
  });

  test('cache metrics without a cache cluster fail', () => {
    const stack = newStack();
    const deploy = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });

    expect(() => deploy.deploymentStage.metricCacheHitCount()).toThrow("RestApiDeployment at 'stack/deploy': property 'metricCacheHitCount' is "
      + '"CacheHitCount"; expected a metric the stage publishes: the stage has no cache cluster (cacheClusterEnabled), and only a stage with one '
      + 'publishes its cache hits and misses, so an alarm on it would never fire.');
  });

  test('the API\'s name is followed from its id; an id that leads to no API resource needs restApiName', () => {
    const stack = newStack();
    const api = petsApi(stack).api;
    const byId = new RestApiDeployment(stack, 'byId', { restApiId: api.id, stageName: 'one' });
    expect(dimensionsOf(stack, byId.deploymentStage.metricCount()).ApiName).toBe('${aws_api_gateway_rest_api.api.name}');

    const variable = new TerraformVariable(stack, 'api_id', { type: 'string' });
    const byVariable = new RestApiDeployment(stack, 'byVariable', { restApiId: variable.stringValue, stageName: 'two' });
    expect(() => byVariable.deploymentStage.metricCount()).toThrow("RestApiDeployment at 'stack/byVariable': property 'metricCount.restApiName' is "
      + "undefined; expected the REST API's name: a REST API's metrics name the API by its name (the ApiName dimension), and the construct's restApiId "
      + '"${var.api_id}" does not lead to an aws_api_gateway_rest_api of the app; give the construct the API resource (restApi), or the name as restApiName.');
    expect(dimensionsOf(stack, byVariable.deploymentStage.metricCount({ restApiName: 'pets' })).ApiName).toBe('pets');
  });
});

describe('an HTTP stage publishes its metrics by API id and stage', () => {
  test('the named metrics: 4xx, 5xx, Count, Latency, IntegrationLatency, DataProcessed with ApiId and Stage', () => {
    const stack = newStack();
    const stage = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).deploymentStage;

    const metrics = [stage.metricClientError(), stage.metricServerError(), stage.metricCount(), stage.metricLatency(),
      stage.metricIntegrationLatency(), stage.metricDataProcessed()];

    expect(metrics.map((metric) => metric.metricName)).toEqual(['4xx', '5xx', 'Count', 'Latency', 'IntegrationLatency', 'DataProcessed']);
    expect(dimensionsOf(stack, metrics[0])).toEqual({ ApiId: '${aws_apigatewayv2_api.http_api.id}', Stage: '$default' });
  });

  test('one route: its method and path as the Method and Resource dimensions, where detailed metrics are on for it', () => {
    const stack = newStack();
    const deploy = new HttpApiDeployment(stack, 'deploy', {
      httpApi: petsHttpApi(stack).api, ...LIMITS, routeOptions: { 'GET /pets': { detailedMetricsEnabled: true } },
    });

    const metric = deploy.deploymentStage.metricLatency({ route: 'GET /pets', statistic: 'p99' });

    expect(dimensionsOf(stack, metric)).toEqual({ ApiId: '${aws_apigatewayv2_api.http_api.id}', Stage: '$default', Method: 'GET', Resource: '/pets' });
    expect(HttpApiDeployment.warningsOf(stack)).toEqual([]);
  });

  test('a route without detailed metrics fails at once', () => {
    const stack = newStack();
    const deploy = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });

    expect(() => deploy.deploymentStage.metricServerError({ route: 'GET /pets' })).toThrow("HttpApiDeployment at 'stack/deploy': property "
      + "'metricServerError.route' is \"GET /pets\"; expected a route with detailed metrics on: API Gateway publishes per-route metrics only where they "
      + "are (they are off for this one), so an alarm on it never fires; set detailedMetricsEnabled: true (with both throttling limits) in the stage's "
      + 'options (all routes) or in its routeOptions entry "GET /pets" (billed per metric), or check the route is the API\'s.');
  });

  test('a route the API does not serve fails when the app is validated', () => {
    const stack = newStack();
    const deploy = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, detailedMetricsEnabled: true, ...LIMITS });
    deploy.deploymentStage.metricServerError({ route: 'POST /pets' });

    expect(() => HttpApiDeployment.warningsOf(stack)).toThrow(/property 'metricServerError.route' is "POST \/pets"; expected a route key that aws_apigatewayv2_api.http_api serves/);
  });

  test('a stage made on its own checks its routes too', () => {
    const stack = newStack();
    const api = petsHttpApi(stack);
    const stage = new HttpApiStage(stack, 'stage', { apiId: api.api.id, deploymentId: 'abc123', stageName: 'beta', detailedMetricsEnabled: true, ...LIMITS });
    stage.metricCount({ route: 'GET /cats' });

    expect(() => HttpApiDeployment.warningsOf(stack)).toThrow(/HttpApiStage at 'stack\/stage': property 'metricCount.route' is "GET \/cats"; expected a route key/);
  });

  test('$default and ANY routes fail: what AWS publishes for them is documented nowhere', () => {
    const stack = newStack();
    const deploy = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, detailedMetricsEnabled: true, ...LIMITS });

    for (const route of ['$default', 'ANY /pets']) {
      expect(() => deploy.deploymentStage.metricCount({ route })).toThrow(`property 'metricCount.route' is ${JSON.stringify(route)}; expected a route key `
        + "with an HTTP method and a path, such as 'GET /pets': API Gateway publishes an HTTP route's metrics under its method and path (Method, Resource); "
        + "what it publishes for '$default' and ANY routes is documented nowhere, so those are not offered (alarm on the stage's metrics).");
    }
  });
});

describe('a WebSocket stage publishes its metrics by API id and stage', () => {
  test('the named metrics: ConnectCount, MessageCount, IntegrationError, ClientError, ExecutionError, IntegrationLatency', () => {
    const stack = newStack();
    const stage = new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api }).deploymentStage;

    const metrics = [stage.metricConnectCount(), stage.metricMessageCount(), stage.metricIntegrationError(), stage.metricClientError(),
      stage.metricExecutionError(), stage.metricIntegrationLatency()];

    expect(metrics.map((metric) => metric.metricName)).toEqual(['ConnectCount', 'MessageCount', 'IntegrationError', 'ClientError', 'ExecutionError', 'IntegrationLatency']);
    expect(dimensionsOf(stack, metrics[0])).toEqual({ ApiId: '${aws_apigatewayv2_api.ws_api.id}', Stage: 'prod' });
  });

  test('per-route metrics are refused: AWS documents their dimensions without their values', () => {
    const stack = newStack();
    const deploy = new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api, detailedMetricsEnabled: true, ...LIMITS });

    expect(() => deploy.deploymentStage.metricMessageCount({ route: '$connect' })).toThrow("WebSocketApiDeployment at 'stack/deploy': property "
      + "'metricMessageCount.route' is \"$connect\"; expected no route: AWS documents WebSocket per-route metrics under the dimensions ApiId, Method, "
      + 'Resource and Stage without saying what Method and Resource hold for a route');
  });
});

describe('a metric of another kind, or one nobody publishes, fails', () => {
  test('a name another kind publishes names that kind and this kind\'s name', () => {
    const stack = newStack();
    const rest = new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack).api });
    const http = new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api });

    expect(() => rest.metric('5xx')).toThrow("RestApiDeployment at 'stack/rest': property 'metric(5xx)' is \"5xx\"; expected a metric REST stages "
      + "publish: one of '4XXError', '5XXError', 'Count', 'Latency', 'IntegrationLatency', 'CacheHitCount', 'CacheMissCount' ('5xx' is what HTTP APIs "
      + 'publish: an alarm on it for a REST stage never fires).');
    expect(() => http.metric('5XXError')).toThrow("property 'metric(5XXError)' is \"5XXError\"; expected a metric HTTP stages publish: one of '4xx', "
      + "'5xx', 'Count', 'Latency', 'IntegrationLatency', 'DataProcessed' ('5XXError' is what REST APIs publish: an alarm on it for a HTTP stage never fires).");
    expect(() => http.metric('ConnectCount')).toThrow("('ConnectCount' is what WebSocket APIs publish");
  });

  test('a name in the wrong case, or unknown', () => {
    const stack = newStack();
    const http = new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api });

    expect(() => http.metric('latency')).toThrow("(metric names are case-sensitive: 'Latency').");
    expect(() => http.metric('Errors')).toThrow('(CloudWatch takes any name, and an alarm on one nobody publishes never fires).');
  });

  test('a percentile of a count, a statistic CloudWatch does not have, a period shorter than a minute', () => {
    const stack = newStack();
    const stage = new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack).api }).deploymentStage;

    expect(() => stage.metricServerError({ statistic: 'p99' })).toThrow("property 'metricServerError.statistic' is \"p99\"; expected one of SampleCount, "
      + "Average, Sum, Minimum, Maximum for '5XXError', a count (server-side errors (5XX responses)): each request counts once, so a percentile (or another "
      + 'extended statistic) of it is 0 or 1 and an alarm on it says nothing; use Sum (how many) or Average (the share of requests).');
    expect(() => stage.metricLatency({ statistic: 'average' })).toThrow("property 'metricLatency.statistic' is \"average\"; expected one of SampleCount, "
      + "Average, Sum, Minimum, Maximum, or an extended statistic such as 'p99' or 'p99.9' (also tm90, TM(10%:90%), IQM, PR(:300)) (statistics are case-sensitive: 'Average').");
    expect(() => stage.metricLatency({ statistic: 'p101' })).toThrow("property 'metricLatency.statistic' is \"p101\"");
    expect(() => stage.metricCount({ period: 30 })).toThrow("property 'metricCount.period' is 30; expected a period in seconds that is a multiple of 60, "
      + 'such as 60 or 300: API Gateway publishes one data point a minute, so a shorter period has no data most of the time.');
  });

  test('options of another kind: a route of a REST stage, a method of an HTTP stage, restApiName of an HTTP stage', () => {
    const stack = newStack();
    const rest = new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack).api });
    const http = new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api });

    expect(() => rest.metric('Count', { route: 'GET /pets' })).toThrow("property 'metric(Count).route' is \"GET /pets\"; expected no route: REST stages "
      + 'publish per-method metrics, by method path (\'method\', such as "/pets/GET").');
    expect(() => http.metric('Count', { method: '/pets/GET' })).toThrow("property 'metric(Count).method' is \"/pets/GET\"; expected no method: HTTP stages "
      + "publish per-route metrics, by route key ('route').");
    expect(() => http.metric('Count', { restApiName: 'pets' })).toThrow("property 'metric(Count).restApiName' is \"pets\"; expected no restApiName");
  });

  test('options as an untyped caller may pass them: an unknown property, a number as a string', () => {
    const stack = newStack();
    const stage = new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack).api }).deploymentStage;

    expect(() => stage.metricCount({ stat: 'Sum' } as any)).toThrow("property 'metricCount.stat' is \"Sum\"");
    expect(() => stage.metricCount({ period: '60' } as any)).toThrow("property 'metricCount.period' is \"60\"; expected a number");
  });
});
