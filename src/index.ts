export * from './rest-api-deployment';
export * from './rest-api-stage';
export * from './access-log';
export * from './cache-cluster-size';
export { MethodLoggingLevel, MethodSettingsOptions, UnauthorizedCacheControlHeaderStrategy } from './method-settings';
