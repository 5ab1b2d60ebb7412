import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { HttpApiDeployment, RestApiDeployment, StageMetric, WebSocketApiDeployment, WebSocketApiStage } from '../../src';
import { petsApi } from '../support/api';
import { onlyResource, resourcesOfType, synthesizeStack } from '../support/synth';
import { chatWebSocketApi, petsHttpApi } from '../support/v2-api';

function newStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'stack');
}

function restDeployment(stack: TerraformStack, props: Record<string, unknown> = {}): RestApiDeployment {
  return new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, ...props });
}

describe('addAlarm', () => {
  test('an aws_cloudwatch_metric_alarm of the stage\'s metric, named after its construct path, quiet minutes not breaching', () => {
    const stack = newStack();
    const deploy = restDeployment(stack);
    deploy.addAlarm('Errors', { metric: deploy.deploymentStage.metricServerError({ period: 60 }), threshold: 1, alarmActions: ['arn:aws:sns:eu-west-1:123456789012:ops'] });

    expect(onlyResource(synthesizeStack(stack), 'aws_cloudwatch_metric_alarm')).toEqual({
      alarm_name: 'stack-deploy-Stage-Errors',
      alarm_description: 'REST API stage "prod": 5XXError (Sum over 60 s) >= 1',
      namespace: 'AWS/ApiGateway',
      metric_name: '5XXError',
      dimensions: { ApiName: '${aws_api_gateway_rest_api.api.name}', Stage: 'prod' },
      period: 60,
      statistic: 'Sum',
      threshold: 1,
      comparison_operator: 'GreaterThanOrEqualToThreshold',
      evaluation_periods: 1,
      treat_missing_data: 'notBreaching',
      alarm_actions: ['arn:aws:sns:eu-west-1:123456789012:ops'],
    });
  });

  test('with the stage\'s provider and region', () => {
    const stack = newStack();
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    const europe = new AwsProvider(stack, 'europe', { region: 'eu-central-1', alias: 'europe' });
    const api = petsApi(stack, { provider: europe, region: 'eu-central-2' }).api;
    const deploy = new RestApiDeployment(stack, 'deploy', { restApi: api });
    deploy.addAlarm('Latency', { metric: deploy.deploymentStage.metricLatency({ statistic: 'p99' }), threshold: 2000 });

    expect(onlyResource(synthesizeStack(stack), 'aws_cloudwatch_metric_alarm')).toMatchObject({
      provider: 'aws.europe', region: 'eu-central-2', extended_statistic: 'p99',
    });
  });

  test('a metric written by hand with the stage\'s names and dimensions is taken', () => {
    const stack = newStack();
    const deploy = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, stageName: 'live' });
    const api = deploy.httpApiId;
    deploy.addAlarm('ByHand', {
      metric: { namespace: 'AWS/ApiGateway', metricName: '5xx', dimensions: { ApiId: api, Stage: 'live' }, period: 300, statistic: 'Sum' },
      threshold: 10,
    });

    expect(onlyResource(synthesizeStack(stack), 'aws_cloudwatch_metric_alarm').dimensions).toEqual({ ApiId: '${aws_apigatewayv2_api.http_api.id}', Stage: 'live' });
  });

  describe('an alarm that could never fire fails', () => {
    test('a REST stage\'s metric named by the API id, or by ApiId', () => {
      const stack = newStack();
      const deploy = restDeployment(stack);
      const metric = (dimensions: Record<string, string>): StageMetric => ({ namespace: 'AWS/ApiGateway', metricName: '5XXError', dimensions, period: 300, statistic: 'Sum' });

      expect(() => deploy.addAlarm('A', { metric: metric({ ApiName: deploy.restApiId, Stage: 'prod' }), threshold: 1 })).toThrow('RestApiDeployment at '
        + "'stack/deploy': property 'addAlarm(A).metric.dimensions.ApiName' is \"${aws_api_gateway_rest_api.api.id}\"; expected the REST API's name, not "
        + "its id: a REST API's metrics name the API by its name (HTTP and WebSocket APIs' by their id).");
      expect(() => deploy.addAlarm('B', { metric: metric({ ApiId: deploy.restApiId, Stage: 'prod' }), threshold: 1 })).toThrow('property '
        + "'addAlarm(B).metric.dimensions' is {\"ApiId\":\"${aws_api_gateway_rest_api.api.id}\",\"Stage\":\"prod\"}; expected the dimensions REST stages publish "
        + "their metrics with: ApiName and Stage, and for one method Method and Resource too (a REST API's metrics name the API by its name, not its id); "
        + 'CloudWatch takes any dimensions (their names are case-sensitive), and an alarm on a combination nobody publishes sits in INSUFFICIENT_DATA and never fires.');
      expect(() => deploy.addAlarm('C', { metric: metric({ ApiName: 'cats', Stage: 'prod' }), threshold: 1 })).toThrow('property '
        + "'addAlarm(C).metric.dimensions.ApiName' is \"cats\"; expected the name of the stage's REST API, 'pets'.");
    });

    test('an HTTP stage\'s metric with a Route dimension, another API\'s id, another stage', () => {
      const stack = newStack();
      const deploy = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, stageName: 'live' });
      const other = petsHttpApi(stack, {}, 'other_');
      const metric = (dimensions: Record<string, string>): StageMetric => ({ namespace: 'AWS/ApiGateway', metricName: '5xx', dimensions, period: 300, statistic: 'Sum' });

      expect(() => deploy.addAlarm('A', { metric: metric({ ApiId: deploy.httpApiId, Stage: 'live', Route: 'GET /pets' }), threshold: 1 }))
        .toThrow("expected the dimensions HTTP stages publish their metrics with: ApiId and Stage, and for one route Method and Resource too (HTTP APIs' "
          + 'metrics name the API by its id, not its name, and a route by its method and path, not by a Route dimension)');
      expect(() => deploy.addAlarm('B', { metric: metric({ ApiId: other.api.id, Stage: 'live' }), threshold: 1 })).toThrow('property '
        + "'addAlarm(B).metric.dimensions.ApiId' is \"${aws_apigatewayv2_api.other_http_api.id}\"; expected the id of the stage's HTTP API, "
        + '"${aws_apigatewayv2_api.http_api.id}".');
      expect(() => deploy.addAlarm('C', { metric: metric({ ApiId: deploy.httpApiId, Stage: 'beta' }), threshold: 1 })).toThrow('property '
        + "'addAlarm(C).metric.dimensions.Stage' is \"beta\"; expected the stage's name, 'live': the alarm is the stage's, and watches its metrics "
        + "(another stage's alarm is that stage's addAlarm).");
    });

    test('another namespace, a metric of another kind, both statistics or a percentile as statistic', () => {
      const stack = newStack();
      const deploy = new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api });
      const good = deploy.deploymentStage.metricIntegrationError();

      expect(() => deploy.addAlarm('A', { metric: { ...good, namespace: 'AWS/ApiGatewayV2' }, threshold: 1 })).toThrow('property '
        + "'addAlarm(A).metric.namespace' is \"AWS/ApiGatewayV2\"; expected 'AWS/ApiGateway', where API Gateway publishes its metrics.");
      expect(() => deploy.addAlarm('B', { metric: { ...good, metricName: '5xx' }, threshold: 1 })).toThrow("property 'addAlarm(B).metric.metricName' is "
        + "\"5xx\"; expected a metric WebSocket stages publish: one of 'ConnectCount', 'MessageCount', 'IntegrationError', 'ClientError', 'ExecutionError', "
        + "'IntegrationLatency' ('5xx' is what HTTP APIs publish: an alarm on it for a WebSocket stage never fires).");
      expect(() => deploy.addAlarm('C', { metric: { ...good, extendedStatistic: 'p99' }, threshold: 1 })).toThrow("property 'addAlarm(C).metric.statistic' "
        + 'is "Sum"; expected exactly one of statistic and extendedStatistic (extendedStatistic is "p99"): Terraform takes one of them.');
      expect(() => deploy.addAlarm('D', { metric: { ...deploy.deploymentStage.metricIntegrationLatency(), statistic: 'p99' }, threshold: 1 })).toThrow(
        "property 'addAlarm(D).metric.statistic' is \"p99\"; expected one of SampleCount, Average, Sum, Minimum, Maximum (a percentile such as 'p99' is an extendedStatistic).");
    });

    test('an Average of errors compared with a percentage, a count below 0, a rate above 100%', () => {
      const stack = newStack();
      const deploy = restDeployment(stack);
      const stage = deploy.deploymentStage;

      expect(() => deploy.addAlarm('A', { metric: stage.metricServerError({ statistic: 'Average' }), threshold: 5 })).toThrow("property 'addAlarm(A).threshold' "
        + 'is 5; expected a threshold the statistic can reach with GreaterThanOrEqualToThreshold: it is the Average of \'5XXError\', whose data points are 0 '
        + 'or 1 each (a share of requests, not a percentage: 0.05 for 5%), at most 1, so the alarm would never fire.');
      expect(() => deploy.addAlarm('B', { metric: stage.metricCount(), threshold: 0, comparisonOperator: 'LessThanThreshold' })).toThrow('property '
        + "'addAlarm(B).threshold' is 0; expected a threshold the statistic can reach with LessThanThreshold: API Gateway's metrics are never below 0, so "
        + 'the alarm would never fire.');
      expect(() => deploy.addErrorRateAlarm('C', { thresholdPercent: 150 })).toThrow("property 'addErrorRateAlarm(C).thresholdPercent' is 150; expected a "
        + 'threshold the statistic can reach with GreaterThanOrEqualToThreshold: it is a share of requests in percent, at most 100, so the alarm would never fire.');
      // At the ceiling itself, >= can still hold.
      expect(() => deploy.addAlarm('D', { metric: stage.metricServerError({ statistic: 'Average' }), threshold: 1 })).not.toThrow();
    });

    test('more breaching periods than it looks at, and settings CloudWatch does not have', () => {
      const stack = newStack();
      const deploy = restDeployment(stack);
      const metric = deploy.deploymentStage.metricServerError();

      expect(() => deploy.addAlarm('A', { metric, threshold: 1, evaluationPeriods: 2, datapointsToAlarm: 3 })).toThrow('property '
        + "'addAlarm(A).datapointsToAlarm' is 3; expected at most evaluationPeriods (2): the alarm cannot see more breaching periods than it looks at, so it would never fire.");
      expect(() => deploy.addAlarm('B', { metric, threshold: 1, comparisonOperator: 'GreaterThan' })).toThrow("property 'addAlarm(B).comparisonOperator' is "
        + '"GreaterThan"; expected one of GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold');
      expect(() => deploy.addAlarm('C', { metric, threshold: 1, treatMissingData: 'notbreaching' })).toThrow("property 'addAlarm(C).treatMissingData' is "
        + '"notbreaching"; expected one of notBreaching, breaching, ignore, missing.');
      expect(() => deploy.addAlarm('D', { metric, threshold: 1, alarmActions: ['ops-topic'] })).toThrow("property 'addAlarm(D).alarmActions[0]' is "
        + '"ops-topic"; expected the ARN of what to notify (an SNS topic, an Auto Scaling policy, ...).');
      expect(() => deploy.addAlarm('E', { metric, threshold: 1, evaluationPeriods: 0 })).toThrow("property 'addAlarm(E).evaluationPeriods' is 0; expected a whole number of at least 1.");
    });

    test('an id the stage has, an alarm without a metric', () => {
      const stack = newStack();
      const deploy = restDeployment(stack);
      deploy.addAlarm('Errors', { metric: deploy.deploymentStage.metricServerError(), threshold: 1 });

      expect(() => deploy.addAlarm('Errors', { metric: deploy.deploymentStage.metricServerError(), threshold: 2 })).toThrow('RestApiDeployment at '
        + "'stack/deploy': property 'addAlarm(id)' is \"Errors\"; expected an id no other alarm or construct of the stage has.");
      expect(() => deploy.addAlarm('X', { threshold: 2 } as any)).toThrow("RestApiDeployment at 'stack/deploy': property "
        + "'addAlarm(options).metric' is undefined; expected a value: StageAlarmOptions requires 'metric'.");
      // The failed calls left nothing behind.
      expect(Object.keys(resourcesOfType(synthesizeStack(stack), 'aws_cloudwatch_metric_alarm'))).toHaveLength(1);
    });

    test('a threshold known only at deploy time is taken', () => {
      const stack = newStack();
      const deploy = restDeployment(stack);
      const threshold = new TerraformVariable(stack, 'threshold', { type: 'number' });

      deploy.addAlarm('Errors', { metric: deploy.deploymentStage.metricServerError({ statistic: 'Average' }), threshold: threshold.numberValue });

      expect(onlyResource(synthesizeStack(stack), 'aws_cloudwatch_metric_alarm').threshold).toBe('${var.threshold}');
    });
  });
});

describe('addErrorRateAlarm', () => {
  test('metric math over the errors\' and the requests\' sums, 0 without requests', () => {
    const stack = newStack();
    const deploy = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });
    deploy.addErrorRateAlarm('ClientErrors', { thresholdPercent: 20, clientErrors: true, period: 60, evaluationPeriods: 3 });

    const alarm = onlyResource(synthesizeStack(stack), 'aws_cloudwatch_metric_alarm');
    const dimensions = { ApiId: '${aws_apigatewayv2_api.http_api.id}', Stage: '$default' };
    expect(alarm).toMatchObject({ threshold: 20, comparison_operator: 'GreaterThanOrEqualToThreshold', evaluation_periods: 3 });
    expect(alarm.metric_query).toEqual([
      { id: 'errors', metric: { namespace: 'AWS/ApiGateway', metric_name: '4xx', dimensions, period: 60, stat: 'Sum' }, return_data: false },
      { id: 'requests', metric: { namespace: 'AWS/ApiGateway', metric_name: 'Count', dimensions, period: 60, stat: 'Sum' }, return_data: false },
      { id: 'rate', expression: 'IF(requests > 0, 100 * errors / requests, 0)', label: 'client error rate (%)', return_data: true },
    ]);
    expect(alarm.metric_name).toBeUndefined();
  });

  test('a WebSocket stage has no request count to divide by', () => {
    const stack = newStack();
    const deploy = new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api });

    expect(() => deploy.addErrorRateAlarm('Rate', { thresholdPercent: 5 })).toThrow("property 'addErrorRateAlarm(Rate)' is {\"thresholdPercent\":5}; "
      + 'expected no error rate alarm on a WebSocket stage: it publishes no request count to divide by');
  });
});

describe('addDefaultAlarms', () => {
  test('REST and HTTP: the server error rate (5% in 3 of 5 minutes) and the p99 latency (3 s for 15 minutes), each threshold changeable', () => {
    const stack = newStack();
    const rest = restDeployment(stack);
    const http = new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api });
    rest.addDefaultAlarms({ alarmActions: ['arn:aws:sns:eu-west-1:123456789012:ops'], okActions: ['arn:aws:sns:eu-west-1:123456789012:ops'] });
    http.addDefaultAlarms({ serverErrorRatePercent: 1, latencyP99Milliseconds: 800 });

    const alarms = resourcesOfType(synthesizeStack(stack), 'aws_cloudwatch_metric_alarm');
    expect(Object.values(alarms).map((alarm: any) => [alarm.alarm_name, alarm.threshold, alarm.evaluation_periods, alarm.datapoints_to_alarm ?? null,
      alarm.extended_statistic ?? alarm.metric_query?.[0].metric.metric_name])).toEqual([
      ['stack-deploy-Stage-LatencyP99', 3000, 3, null, 'p99'],
      ['stack-deploy-Stage-ServerErrorRate', 5, 5, 3, '5XXError'],
      ['stack-http-Stage-LatencyP99', 800, 3, null, 'p99'],
      ['stack-http-Stage-ServerErrorRate', 1, 5, 3, '5xx'],
    ]);
    expect(Object.values(alarms)[1]).toMatchObject({
      alarm_actions: ['arn:aws:sns:eu-west-1:123456789012:ops'], ok_actions: ['arn:aws:sns:eu-west-1:123456789012:ops'],
    });
  });

  test('WebSocket: integration errors in five minutes; a threshold that cannot be reached fails naming its option', () => {
    const stack = newStack();
    const deploy = new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api });
    deploy.addDefaultAlarms({ integrationErrors: 10 });

    expect(onlyResource(synthesizeStack(stack), 'aws_cloudwatch_metric_alarm')).toMatchObject({
      metric_name: 'IntegrationError', statistic: 'Sum', period: 300, threshold: 10, dimensions: { ApiId: '${aws_apigatewayv2_api.ws_api.id}', Stage: 'prod' },
    });
    const other = newStack();
    const rest = restDeployment(other);
    expect(() => rest.addDefaultAlarms({ serverErrorRatePercent: 101 })).toThrow("property 'addDefaultAlarms.serverErrorRatePercent' is 101; expected a "
      + 'threshold the statistic can reach with GreaterThanOrEqualToThreshold: it is a share of requests in percent, at most 100, so the alarm would never fire.');
  });

  test('an added stage\'s alarms name it in errors, and are made in it', () => {
    const stack = newStack();
    const deploy = new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api });
    const beta: WebSocketApiStage = deploy.addStage('beta');
    beta.addAlarm('Connects', { metric: beta.metricConnectCount(), threshold: 1, comparisonOperator: 'LessThanThreshold', treatMissingData: 'breaching' });

    expect(() => beta.addAlarm('Bad', { metric: deploy.deploymentStage.metricConnectCount(), threshold: 1 })).toThrow('WebSocketApiDeployment at '
      + "'stack/deploy': property 'addStage(beta).addAlarm(Bad).metric.dimensions.Stage' is \"prod\"; expected the stage's name, 'beta'");
    expect(onlyResource(synthesizeStack(stack), 'aws_cloudwatch_metric_alarm')).toMatchObject({
      alarm_name: 'stack-deploy-Stage_beta-Connects', dimensions: { Stage: 'beta' }, comparison_operator: 'LessThanThreshold',
    });
  });
});
