import type { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { IConstruct } from 'constructs';
import { DefaultAlarmsOptions } from './alarm-options';
import { DEFAULT_ALARMS_OPTIONS } from './metric-shapes';
import { addErrorRateAlarm, addStageAlarm } from './stage-alarms';
import { metricContextOf, stageMetric } from './stage-metrics';
import { invalidProperty } from '../core/errors';
import { checkStruct } from '../core/struct-check';

/** The defaults of `addDefaultAlarms`, as its options' doc comments state them. */
export const DEFAULT_THRESHOLDS = { serverErrorRatePercent: 5, latencyP99Milliseconds: 3000, integrationErrors: 5 } as const;

/**
 * A stage's default alarms (`DefaultAlarmsOptions`): REST and HTTP stages the server error rate and
 * the p99 latency, WebSocket stages the integration errors. Their construct ids: `ServerErrorRate`,
 * `LatencyP99`, `IntegrationErrors`.
 */
export function addDefaultAlarms(stage: IConstruct, options: DefaultAlarmsOptions | undefined): CloudwatchMetricAlarm[] {
  const context = metricContextOf(stage);
  const call = 'addDefaultAlarms';
  checkStruct(context.owner, `${context.prefix}${call}.`, options, DEFAULT_ALARMS_OPTIONS);
  const given = options ?? {};
  const { owner, source, prefix } = context;
  const ids = source.kind === 'WebSocket' ? ['IntegrationErrors'] : ['ServerErrorRate', 'LatencyP99'];
  const made = ids.find((id) => stage.node.tryFindChild(id) !== undefined);
  if (made !== undefined) {
    throw invalidProperty(owner, `${prefix}${call}`, options, `one call per stage: the stage has its default alarms already (${ids.join(', ')}); change `
      + 'their thresholds in the options of that call, or add other alarms with addAlarm');
  }
  const otherKinds = source.kind === 'WebSocket' ? ['serverErrorRatePercent', 'latencyP99Milliseconds', 'restApiName']
    : source.kind === 'HTTP' ? ['integrationErrors', 'restApiName'] : ['integrationErrors'];
  const misplaced = otherKinds.find((option) => (given as Record<string, unknown>)[option] !== undefined);
  if (misplaced !== undefined) {
    throw invalidProperty(owner, `${prefix}${call}.${misplaced}`, (given as Record<string, unknown>)[misplaced], `no ${misplaced} on a ${source.kind} stage: `
      + `its default alarms are ${source.kind === 'WebSocket' ? 'on integration errors (integrationErrors)'
        : 'the server error rate (serverErrorRatePercent) and the p99 latency (latencyP99Milliseconds)'}${misplaced === 'restApiName' ? ', and its metrics name the API by its id' : ''}`);
  }
  const actions = { alarmActions: given.alarmActions, okActions: given.okActions };
  if (source.kind === 'WebSocket') {
    return [addStageAlarm(stage, 'IntegrationErrors', {
      ...actions,
      metric: stageMetric(stage, 'IntegrationError', { statistic: 'Sum', period: 300 }, call),
      threshold: given.integrationErrors ?? DEFAULT_THRESHOLDS.integrationErrors,
    }, call, `${call}.integrationErrors`)];
  }
  return [
    addErrorRateAlarm(stage, 'ServerErrorRate', {
      ...actions,
      thresholdPercent: given.serverErrorRatePercent ?? DEFAULT_THRESHOLDS.serverErrorRatePercent,
      period: 60,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      restApiName: given.restApiName,
    }, call, `${call}.serverErrorRatePercent`),
    addStageAlarm(stage, 'LatencyP99', {
      ...actions,
      metric: stageMetric(stage, 'Latency', { statistic: 'p99', period: 300, restApiName: given.restApiName }, call),
      threshold: given.latencyP99Milliseconds ?? DEFAULT_THRESHOLDS.latencyP99Milliseconds,
      evaluationPeriods: 3,
    }, call, `${call}.latencyP99Milliseconds`),
  ];
}
