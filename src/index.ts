export * from './rest-api-deployment';
