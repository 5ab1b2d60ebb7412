// What every kind shares: the deployment and stage bases, their options, access logs, the CloudWatch role.
export { ApiDeploymentBase } from './common/api-deployment-base';
export { StageBase } from './common/stage-base';
export * from './common/deployment-options';
export * from './common/common-stage-options';
export * from './common/access-log';
export * from './common/cloudwatch-role';
export { MethodLoggingLevel } from './common/logging-level';
export type { ApiMappingOptions } from './domains/api-mapping';
export type { HttpRouteOptions, WebSocketRouteOptions } from './common/route-settings';
export type { StageMetric, StageMetricOptions } from './metrics/stage-metric';
export type { StageAlarmBaseOptions, StageAlarmOptions, ErrorRateAlarmOptions, DefaultAlarmsOptions } from './metrics/alarm-options';
export type { StageDashboardOptions } from './metrics/stage-dashboard';

// REST APIs.
export * from './rest/rest-api-deployment';
export * from './rest/rest-api-stage';
export * from './rest/cache-cluster-size';
export type { CanaryOptions } from './rest/canary';
export type { BasePathMappingOptions } from './domains/base-path-mapping';
export type { AccessLogSettings, AccessLoggingOptions, DeprecatedStageOptions } from './rest/deprecated-stage-options';
export { UnauthorizedCacheControlHeaderStrategy } from './rest/method-settings';
export type { MethodDeploymentOptions, MethodSettingsOptions } from './rest/method-settings';

// HTTP APIs.
export * from './http/http-api-deployment';
export * from './http/http-api-stage';

// WebSocket APIs.
export * from './websocket/websocket-api-deployment';
export * from './websocket/websocket-api-stage';
