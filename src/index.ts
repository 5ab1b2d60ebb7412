export * from './rest-api-deployment';
export * from './rest-api-stage';
export * from './cloudwatch-role';
export * from './access-log';
export * from './cache-cluster-size';
export type { AccessLogSettings, AccessLoggingOptions, DeprecatedStageOptions } from './deprecated-stage-options';
export { MethodLoggingLevel, UnauthorizedCacheControlHeaderStrategy } from './method-settings';
export type { MethodDeploymentOptions, MethodSettingsOptions } from './method-settings';
