import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { DataAwsApigatewayv2Api } from '@cdktf/provider-aws/lib/data-aws-apigatewayv2-api';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { HttpApiDeployment, RestApiDeployment, StageMetric, WebSocketApiDeployment } from '../../src';
import { petsApi } from '../support/api';
import { resourcesOfType, synthesizeStack, warningsOf } from '../support/synth';
import { chatWebSocketApi, petsHttpApi } from '../support/v2-api';

/**
 * Alarms that could never fire, as a reviewer wrote them: each is refused at synth, naming what the
 * user wrote; and the valid programs beside them are taken.
 */
function newStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'stack');
}

const restMetric = (dimensions: Record<string, string>, metricName = '5XXError'): StageMetric =>
  ({ namespace: 'AWS/ApiGateway', metricName, dimensions, period: 60, statistic: 'Sum' });

describe('the API a metric names', () => {
  test("another REST API's name, its ARN, or a wrong restApiName fail; the API's own name is taken", () => {
    const stack = newStack();
    const pets = petsApi(stack);
    const cats = petsApi(stack, { name: 'cats' }, 'cats_');
    const deployment = new RestApiDeployment(stack, 'petsDeployment', { restApi: pets.api });
    const other = new RestApiDeployment(stack, 'catsDeployment', { restApi: cats.api });

    expect(() => deployment.addAlarm('A', { metric: other.deploymentStage.metricServerError(), threshold: 1 })).toThrow('property '
      + "'addAlarm(A).metric.dimensions.ApiName' is \"${aws_api_gateway_rest_api.cats_api.name}\"; expected the name of the stage's REST API, "
      + '"${aws_api_gateway_rest_api.api.name}": this is another API\'s.');
    expect(() => deployment.addAlarm('B', { metric: restMetric({ ApiName: pets.api.arn, Stage: 'prod' }), threshold: 1 })).toThrow('property '
      + "'addAlarm(B).metric.dimensions.ApiName' is \"${aws_api_gateway_rest_api.api.arn}\"; expected the REST API's name (its name attribute), not its arn");
    expect(() => deployment.addErrorRateAlarm('C', { thresholdPercent: 5, restApiName: 'petz' })).toThrow("property 'addErrorRateAlarm(C).restApiName' is "
      + "\"petz\"; expected the name of the stage's REST API, 'pets'.");
    expect(() => deployment.addDashboard({ restApiName: pets.api.id })).toThrow("property 'addDashboard.restApiName' is \"${aws_api_gateway_rest_api.api.id}\"; "
      + "expected the REST API's name, not its id");
    expect(() => deployment.addDefaultAlarms({ restApiName: 'petz' })).toThrow("property 'addDefaultAlarms.restApiName' is \"petz\"");

    deployment.addAlarm('Own', { metric: restMetric({ ApiName: pets.api.name, Stage: 'prod' }), threshold: 1 });
    deployment.addAlarm('Literal', { metric: restMetric({ ApiName: 'pets', Stage: 'prod' }), threshold: 1 });
    expect(Object.keys(resourcesOfType(synthesizeStack(stack), 'aws_cloudwatch_metric_alarm'))).toHaveLength(2);
  });

  test("an HTTP API's name or ARN as ApiId, its literal name, or another stage's name fail", () => {
    const stack = newStack();
    const { api } = petsHttpApi(stack);
    const deployment = new HttpApiDeployment(stack, 'http', { httpApi: api, stageName: 'live' });
    const beta = deployment.addStage('beta');
    const metric = (dimensions: Record<string, string>) => restMetric(dimensions, '5xx');

    expect(() => deployment.addAlarm('A', { metric: metric({ ApiId: api.name, Stage: 'live' }), threshold: 1 })).toThrow('property '
      + "'addAlarm(A).metric.dimensions.ApiId' is \"${aws_apigatewayv2_api.http_api.name}\"; expected the HTTP API's id, not its name");
    expect(() => deployment.addAlarm('B', { metric: metric({ ApiId: api.arn, Stage: 'live' }), threshold: 1 })).toThrow("expected the HTTP API's id, not its arn");
    expect(() => deployment.addAlarm('C', { metric: metric({ ApiId: 'pets', Stage: 'live' }), threshold: 1 })).toThrow('property '
      + "'addAlarm(C).metric.dimensions.ApiId' is \"pets\"; expected the HTTP API's id, not its name");
    expect(() => deployment.addAlarm('D', { metric: metric({ ApiId: api.id, Stage: beta.stage.name }), threshold: 1 })).toThrow('property '
      + "'addAlarm(D).metric.dimensions.Stage' is \"${aws_apigatewayv2_stage.http_Stage_beta_C1FD7E9E.name}\"; expected the stage's name, \"live\" (this is "
      + "another stage's name): the alarm is the stage's, and watches its metrics.");

    deployment.addAlarm('Own', { metric: metric({ ApiId: api.id, Stage: deployment.deploymentStage.stage.name }), threshold: 1 });
    expect(Object.keys(resourcesOfType(synthesizeStack(stack), 'aws_cloudwatch_metric_alarm'))).toHaveLength(1);
  });
});

describe('one method or route written by hand', () => {
  test('a Resource without its leading "/", a Method with the path in it, a lower-case method fail naming what was written', () => {
    const stack = newStack();
    const { api } = petsApi(stack);
    const deployment = new RestApiDeployment(stack, 'rest', { restApi: api, metricsEnabled: true });
    const metric = (method: Record<string, string>) => restMetric({ ApiName: api.name, Stage: 'prod', ...method });

    expect(() => deployment.addAlarm('A', { metric: metric({ Method: 'GET', Resource: 'pets' }), threshold: 1 })).toThrow('property '
      + "'addAlarm(A).metric.dimensions.Resource' is \"pets\"; expected a resource path as API Gateway publishes it: \"/\" for the root resource, else "
      + '"/pets" or "/pets/{id}" (beginning with "/", without a trailing one).');
    expect(() => deployment.addAlarm('B', { metric: metric({ Method: 'pets/GET', Resource: '/' }), threshold: 1 })).toThrow('property '
      + "'addAlarm(B).metric.dimensions.Method' is \"pets/GET\"; expected an HTTP method in capitals");
    expect(() => deployment.addAlarm('C', { metric: metric({ Method: 'get', Resource: '/pets' }), threshold: 1 })).toThrow("'addAlarm(C).metric.dimensions.Method' is \"get\"");
    expect(() => deployment.addAlarm('D', { metric: metric({ Method: 'GET', Resource: '' }), threshold: 1 })).toThrow("'addAlarm(D).metric.dimensions.Resource' is \"\"");

    deployment.addAlarm('Ok', { metric: metric({ Method: 'GET', Resource: '/pets' }), threshold: 1 });
    expect(() => warningsOf(stack)).not.toThrow();
  });

  test('method settings written by hand that turn metrics off, or set another method, do not quiet the error', () => {
    const stack = newStack();
    const { api } = petsApi(stack);
    const deployment = new RestApiDeployment(stack, 'rest', { restApi: api });
    const stageName = deployment.deploymentStage.stage.stageName;
    new ApiGatewayMethodSettings(stack, 'off', { restApiId: api.id, stageName, methodPath: 'pets/GET', settings: { metricsEnabled: false } });
    new ApiGatewayMethodSettings(stack, 'throttled', { restApiId: api.id, stageName, methodPath: '*/*', settings: { throttlingRateLimit: 10 } });
    deployment.addAlarm('A', { metric: deployment.deploymentStage.metricServerError({ method: '/pets/GET' }), threshold: 1 });

    expect(() => warningsOf(stack)).toThrow("property 'metricServerError.method' is \"/pets/GET\"; expected a method with detailed metrics on");
  });

  test('method settings written by hand for the resource\'s methods turn them on', () => {
    const stack = newStack();
    const { api } = petsApi(stack);
    const deployment = new RestApiDeployment(stack, 'rest', { restApi: api });
    new ApiGatewayMethodSettings(stack, 'on', {
      restApiId: api.id, stageName: deployment.deploymentStage.stage.stageName, methodPath: 'pets/*', settings: { metricsEnabled: true },
    });
    deployment.addAlarm('A', { metric: deployment.deploymentStage.metricServerError({ method: '/pets/GET' }), threshold: 1 });

    expect(() => warningsOf(stack)).not.toThrow();
  });
});

describe('conditions that can never hold, or always do', () => {
  test('too little traffic while quiet periods count as healthy fails; with treatMissingData breaching it is taken', () => {
    const stack = newStack();
    const rest = new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack).api });
    const ws = new WebSocketApiDeployment(stack, 'ws', { webSocketApi: chatWebSocketApi(stack).api });

    expect(() => rest.addAlarm('A', { metric: rest.deploymentStage.metricCount(), threshold: 1, comparisonOperator: 'LessThanThreshold' })).toThrow('property '
      + "'addAlarm(A).threshold' is 1; expected a threshold a period with data can reach, or treatMissingData: 'breaching': the Sum of 'Count' is at least "
      + "1 in a period with traffic, and a period without has no data point, which treatMissingData 'notBreaching' never takes for a breach, so the alarm would never fire.");
    expect(() => ws.addAlarm('B', { metric: ws.deploymentStage.metricConnectCount(), threshold: 0, comparisonOperator: 'LessThanOrEqualToThreshold', treatMissingData: 'ignore' }))
      .toThrow("treatMissingData 'ignore' never takes for a breach");

    rest.addAlarm('Quiet', { metric: rest.deploymentStage.metricCount(), threshold: 1, comparisonOperator: 'LessThanThreshold', treatMissingData: 'breaching' });
    rest.addAlarm('Few', { metric: rest.deploymentStage.metricCount(), threshold: 100, comparisonOperator: 'LessThanThreshold' });
    expect(Object.keys(resourcesOfType(synthesizeStack(stack), 'aws_cloudwatch_metric_alarm'))).toHaveLength(2);
  });

  test('a threshold of 0 or less compared "at or above" is always in alarm', () => {
    const stack = newStack();
    const rest = new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack).api });
    const ws = new WebSocketApiDeployment(stack, 'ws', { webSocketApi: chatWebSocketApi(stack).api });

    expect(() => rest.addErrorRateAlarm('A', { thresholdPercent: 0 })).toThrow("property 'addErrorRateAlarm(A).thresholdPercent' is 0; expected a threshold "
      + "above 0 with GreaterThanOrEqualToThreshold: API Gateway's metrics are never below 0, so the alarm would be in ALARM whenever there is data (and for a "
      + 'rate, always): it says nothing.');
    expect(() => ws.addDefaultAlarms({ integrationErrors: -1 })).toThrow("property 'addDefaultAlarms.integrationErrors' is -1; expected a threshold above 0");
  });

  test('a statistic known only at deploy time, a range CloudWatch refuses; extended statistics beyond percentiles are taken', () => {
    const stack = newStack();
    const rest = new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack).api });
    const stage = rest.deploymentStage;
    const statistic = new TerraformVariable(stack, 'statistic', { type: 'string' });

    expect(() => stage.metricServerError({ statistic: statistic.stringValue })).toThrow("property 'metricServerError.statistic' is \"${var.statistic}\"; "
      + 'expected a statistic written out: whether it is a statistic (Sum) or an extended one (p99) decides which argument of the alarm holds it.');
    expect(() => rest.addAlarm('A', { metric: stage.metricServerError({ period: 60 }), threshold: 1, evaluationPeriods: 1441 })).toThrow('property '
      + "'addAlarm(A).evaluationPeriods' is 1441; expected at most 1440 periods of 60 s: CloudWatch evaluates at most one day (periods under an hour) of "
      + 'data, and refuses a longer alarm.');
    expect(() => rest.addAlarm('B', { metric: stage.metricServerError({ period: 86400 }), threshold: 1, evaluationPeriods: 8 })).toThrow('at most 7 periods of 86400 s');

    for (const extended of ['IQM', 'TM(10%:90%)', 'PR(:500)', 'tm90', 'p99.99']) {
      expect(stage.metricLatency({ statistic: extended }).extendedStatistic).toBe(extended);
    }
    expect(() => stage.metricCount({ statistic: 'IQM' })).toThrow("property 'metricCount.statistic' is \"IQM\"; expected one of SampleCount");
  });
});

describe('the default alarms', () => {
  test('twice on one stage, or with an option of another kind, fails saying so', () => {
    const stack = newStack();
    const http = new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api });
    const ws = new WebSocketApiDeployment(stack, 'ws', { webSocketApi: chatWebSocketApi(stack).api });
    http.addDefaultAlarms();

    expect(() => http.addDefaultAlarms({ serverErrorRatePercent: 2 })).toThrow("HttpApiDeployment at 'stack/http': property 'addDefaultAlarms' is "
      + '{"serverErrorRatePercent":2}; expected one call per stage: the stage has its default alarms already (ServerErrorRate, LatencyP99); change their '
      + 'thresholds in the options of that call, or add other alarms with addAlarm.');
    expect(() => ws.addDefaultAlarms({ latencyP99Milliseconds: 500 })).toThrow("WebSocketApiDeployment at 'stack/ws': property "
      + "'addDefaultAlarms.latencyP99Milliseconds' is 500; expected no latencyP99Milliseconds on a WebSocket stage: its default alarms are on integration "
      + 'errors (integrationErrors).');
    expect(() => http.addStage('beta').addDefaultAlarms({ integrationErrors: 5 })).toThrow("property 'addStage(beta).addDefaultAlarms.integrationErrors' is 5; "
      + 'expected no integrationErrors on a HTTP stage');
  });
});

describe('the second review: what may be right is taken, what cannot is refused', () => {
  test('method settings written by hand with the stage\'s literal name, or the construct\'s own changed by an override, turn metrics on', () => {
    const stack = newStack();
    const { api } = petsApi(stack);
    const literal = new RestApiDeployment(stack, 'literal', { restApi: api, stageName: 'live' });
    new ApiGatewayMethodSettings(stack, 'by_name', {
      restApiId: api.id, stageName: 'live', methodPath: '*/*', settings: { metricsEnabled: true }, dependsOn: [literal.deploymentStage.stage],
    });
    literal.deploymentStage.metricServerError({ method: '/pets/GET' });
    const overridden = new RestApiDeployment(stack, 'overridden', { restApi: api, stageName: 'beta', methodOptions: { '/pets/GET': { throttlingRateLimit: 5 } } });
    overridden.deploymentStage.methodSettings[0].addOverride('settings.metrics_enabled', true);
    overridden.deploymentStage.metricServerError({ method: '/pets/GET' });

    expect(() => warningsOf(stack)).not.toThrow();
  });

  test('a nested method path written with plain slashes never applies, so it does not turn metrics on', () => {
    const stack = newStack();
    const { api, pets } = petsApi(stack);
    const item = new ApiGatewayResource(stack, 'item', { restApiId: api.id, parentId: pets.id, pathPart: '{id}' });
    new ApiGatewayMethod(stack, 'item_get', { restApiId: api.id, resourceId: item.id, httpMethod: 'GET', authorization: 'NONE' });
    const deployment = new RestApiDeployment(stack, 'rest', { restApi: api });
    const settings = new ApiGatewayMethodSettings(stack, 'plain', {
      restApiId: api.id, stageName: deployment.deploymentStage.stage.stageName, methodPath: 'pets/{id}/GET', settings: { metricsEnabled: true },
    });
    deployment.deploymentStage.metricServerError({ method: '/pets/{id}/GET' });
    expect(() => warningsOf(stack)).toThrow("property 'metricServerError.method' is \"/pets/{id}/GET\"; expected a method with detailed metrics on");

    settings.methodPath = '~1pets~1{id}/GET';
    expect(() => warningsOf(stack)).not.toThrow();
  });

  test("an HTTP stage resource's id is its name; a REST API renamed by an override is known by its new name", () => {
    const stack = newStack();
    const http = new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api, stageName: 'prod' });
    http.addAlarm('ById', { metric: restMetric({ ApiId: http.httpApiId, Stage: http.deploymentStage.stage.id }, '5xx'), threshold: 1 });

    const { api } = petsApi(stack);
    api.addOverride('name', 'renamed');
    const rest = new RestApiDeployment(stack, 'rest', { restApi: api });
    expect(() => rest.deploymentStage.metricServerError({ restApiName: 'pets' })).toThrow("property 'metricServerError.restApiName' is \"pets\"; expected the "
      + "name of the stage's REST API, 'renamed'.");
    rest.deploymentStage.metricServerError({ restApiName: 'renamed' });
  });

  test('a library alarm changed by an override is judged as one written by hand; an HTTP API read by a data source is never named by ApiName', () => {
    const stack = newStack();
    const { api } = petsApi(stack);
    const deployment = new RestApiDeployment(stack, 'rest', { restApi: api });
    const alarm = deployment.addAlarm('Errors', { metric: deployment.deploymentStage.metricServerError(), threshold: 1 });
    alarm.addOverride('dimensions', { ApiId: api.id, Stage: 'prod' });

    expect(() => warningsOf(stack)).toThrow("CloudwatchMetricAlarm at 'stack/rest/Stage/Errors': property 'dimensions.ApiId' is "
      + "\"${aws_api_gateway_rest_api.api.id}\"; expected the REST API's name as ApiName");

    const other = newStack();
    new HttpApiDeployment(other, 'http', { httpApi: petsHttpApi(other).api });
    const looked = new DataAwsApigatewayv2Api(other, 'looked', { apiId: 'abc123' });
    new CloudwatchMetricAlarm(other, 'bad', {
      alarmName: 'bad',
      namespace: 'AWS/ApiGateway',
      metricName: '5xx',
      dimensions: { ApiName: looked.name, Stage: 'prod' },
      statistic: 'Sum',
      period: 300,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(() => HttpApiDeployment.warningsOf(other)).toThrow("CloudwatchMetricAlarm at 'stack/bad': property 'dimensions.ApiName' is "
      + "\"${data.aws_apigatewayv2_api.looked.name}\"; expected the HTTP or WebSocket API's id as ApiId");
  });

  test('the Maximum of Count is 1: the message says to count with Sum', () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack).api });

    expect(() => deployment.addAlarm('A', { metric: deployment.deploymentStage.metricCount({ statistic: 'Maximum' }), threshold: 100 })).toThrow(
      "it is the Maximum of 'Count', whose data points are 1 each (Sum gives the number of requests), at most 1, so the alarm would never fire.");
  });
});
