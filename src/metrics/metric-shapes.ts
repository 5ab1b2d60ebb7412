import { StructShape } from '../core/struct-check';

/**
 * The shapes of the metric and alarm structs, as their TypeScript types say (`test/struct-shapes.test.ts`
 * compares each with the jsii assembly).
 */

/** `StageMetricOptions`. */
export const STAGE_METRIC_OPTIONS: StructShape = {
  name: 'StageMetricOptions',
  properties: { statistic: 'string', period: 'number', method: 'string', route: 'string', canary: 'boolean', restApiName: 'string' },
};

/** `StageMetric`. */
export const STAGE_METRIC: StructShape = {
  name: 'StageMetric',
  properties: { namespace: 'string', metricName: 'string', dimensions: 'string-map', period: 'number', statistic: 'string', extendedStatistic: 'string' },
};

/** Alarm actions: ARNs written in the program, or a list token (a variable of SNS topic ARNs). */
const ACTIONS = { list: 'string', tokenTaken: true } as const;

const ALARM_BASE = {
  evaluationPeriods: 'number',
  datapointsToAlarm: 'number',
  treatMissingData: 'string',
  alarmName: 'string',
  alarmDescription: 'string',
  alarmActions: ACTIONS,
  okActions: ACTIONS,
  insufficientDataActions: ACTIONS,
} as const;

/** `StageAlarmOptions`. */
export const STAGE_ALARM_OPTIONS: StructShape = {
  name: 'StageAlarmOptions',
  properties: { ...ALARM_BASE, metric: { struct: STAGE_METRIC }, threshold: 'number', comparisonOperator: 'string' },
};

/** `ErrorRateAlarmOptions`. */
export const ERROR_RATE_ALARM_OPTIONS: StructShape = {
  name: 'ErrorRateAlarmOptions',
  properties: { ...ALARM_BASE, thresholdPercent: 'number', clientErrors: 'boolean', period: 'number', restApiName: 'string' },
};

/** `DefaultAlarmsOptions`. */
export const DEFAULT_ALARMS_OPTIONS: StructShape = {
  name: 'DefaultAlarmsOptions',
  properties: {
    alarmActions: ACTIONS,
    okActions: ACTIONS,
    serverErrorRatePercent: 'number',
    latencyP99Milliseconds: 'number',
    integrationErrors: 'number',
    restApiName: 'string',
  },
};

/** `StageDashboardOptions`. */
export const STAGE_DASHBOARD_OPTIONS: StructShape = {
  name: 'StageDashboardOptions',
  properties: { dashboardName: 'string', period: 'number', restApiName: 'string' },
};
