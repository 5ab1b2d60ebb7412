import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { TerraformStack, Testing } from 'cdktf';
import { HttpApiDeployment, RestApiDeployment } from '../../src';
import { petsApi } from '../support/api';
import { warningsOf } from '../support/synth';
import { petsHttpApi } from '../support/v2-api';

/** Alarms written by hand in an app with the library's stages: those naming an API of the app with another kind's names fail. */
function newStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'stack');
}

const ALARM = { alarmName: 'errors', comparisonOperator: 'GreaterThanOrEqualToThreshold', threshold: 1, evaluationPeriods: 1, period: 300, statistic: 'Sum', namespace: 'AWS/ApiGateway' };

test("a REST API named by its id (the HTTP APIs' way) fails, naming the alarm", () => {
  const stack = newStack();
  const { api } = petsApi(stack);
  new RestApiDeployment(stack, 'rest', { restApi: api });
  new CloudwatchMetricAlarm(stack, 'errors', { ...ALARM, metricName: '5XXError', dimensions: { ApiId: api.id, Stage: 'prod' } });

  expect(() => warningsOf(stack)).toThrow("CloudwatchMetricAlarm at 'stack/errors': property 'dimensions.ApiId' is \"${aws_api_gateway_rest_api.api.id}\"; "
    + "expected the REST API's name as ApiName: a REST API's metrics name the API by its name (ApiName), not its id, and CloudWatch takes an alarm on "
    + "dimensions nobody publishes, which sits in INSUFFICIENT_DATA and never fires (the stage's metric...() methods give the right ones).");
});

test("an HTTP API's metric under a REST API's name, in a metric query too, fails; the right names are taken", () => {
  const stack = newStack();
  const { api } = petsHttpApi(stack);
  new HttpApiDeployment(stack, 'http', { httpApi: api });
  new CloudwatchMetricAlarm(stack, 'right', { ...ALARM, metricName: '5xx', dimensions: { ApiId: api.id, Stage: '$default' } });
  expect(() => HttpApiDeployment.warningsOf(stack)).not.toThrow();

  new CloudwatchMetricAlarm(stack, 'rate', {
    ...ALARM,
    statistic: undefined,
    namespace: undefined,
    period: undefined,
    metricQuery: [
      { id: 'errors', metric: { namespace: 'AWS/ApiGateway', metricName: '5XXError', dimensions: { ApiId: api.id, Stage: '$default' }, period: 60, stat: 'Sum' } },
      { id: 'rate', expression: 'errors', returnData: true },
    ],
  });
  expect(() => HttpApiDeployment.warningsOf(stack)).toThrow("CloudwatchMetricAlarm at 'stack/rate': property 'metricQuery[0].metric.metricName' is "
    + "\"5XXError\"; expected a metric HTTP stages publish: one of '4xx', '5xx', 'Count', 'Latency', 'IntegrationLatency', 'DataProcessed' ('5XXError' is "
    + 'what REST APIs publish): an alarm on a metric nobody publishes never fires.');
});

test('alarms of other namespaces, or naming no API of the app, are not judged', () => {
  const stack = newStack();
  const { api } = petsHttpApi(stack);
  new HttpApiDeployment(stack, 'http', { httpApi: api });
  new CloudwatchMetricAlarm(stack, 'lambda', { ...ALARM, namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: { FunctionName: 'pets' } });
  new CloudwatchMetricAlarm(stack, 'elsewhere', { ...ALARM, metricName: '5XXError', dimensions: { ApiName: 'legacy', Stage: 'prod' } });

  expect(() => HttpApiDeployment.warningsOf(stack)).not.toThrow();
});
