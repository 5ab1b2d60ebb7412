export * from './rest-api-deployment';
export * from './rest-api-stage';
export * from './cloudwatch-role';
export * from './access-log';
export * from './cache-cluster-size';
export { MethodLoggingLevel, UnauthorizedCacheControlHeaderStrategy } from './method-settings';
export type { MethodSettingsOptions } from './method-settings';
