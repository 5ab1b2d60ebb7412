import { AccessLogDestination, AccessLogFormat } from './access-log';
import { CacheClusterSize } from './cache-cluster-size';
import { MethodLoggingLevel, UnauthorizedCacheControlHeaderStrategy } from './method-settings';
import { PropertyShape, StructShape } from './struct-check';

/**
 * The shape of every props struct the constructs take, as their TypeScript types say
 * (`test/struct-shapes.test.ts` compares each with the jsii assembly, so none can drift).
 */

const LOGGING_LEVEL: PropertyShape = { oneOf: Object.values(MethodLoggingLevel) };
const DESTINATION: PropertyShape = {
  instanceOf: AccessLogDestination,
  hint: 'an AccessLogDestination: AccessLogDestination.newLogGroup() or AccessLogDestination.arn(...)',
};
const FORMAT: PropertyShape = { instanceOf: AccessLogFormat, hint: 'an AccessLogFormat, e.g. AccessLogFormat.jsonWithStandardFields() or AccessLogFormat.custom(...)' };

const HTTP_ROUTE = {
  throttlingBurstLimit: 'number',
  throttlingRateLimit: 'number',
  detailedMetricsEnabled: 'boolean',
} as const;

/** What HTTP API stages lack, and why. */
const NOT_FOR_HTTP_APIS: Record<string, string> = {
  loggingLevel: 'HTTP APIs write no execution logs, only access logs: accessLogDestination',
  dataTraceEnabled: 'HTTP APIs write no execution logs, only access logs: accessLogDestination',
  clientCertificateId: 'HTTP APIs have no client certificates for integrations',
};

/** What v2 stages lack, and why. */
const NOT_FOR_V2_STAGES: Record<string, string> = {
  canary: 'HTTP and WebSocket API stages have no canary settings, a REST API feature: roll out with a second stage (addStage)',
  methodOptions: "HTTP and WebSocket APIs have routes, not methods: 'routeOptions', keyed by route key",
  metricsEnabled: "the v2 name is 'detailedMetricsEnabled'",
  tracingEnabled: 'HTTP and WebSocket APIs have no X-Ray tracing',
  cacheClusterEnabled: 'HTTP and WebSocket APIs have no stage cache',
  webAclArn: 'AWS WAF protects REST API stages only',
  restApi: "an HTTP API is given as 'httpApi', a WebSocket API as 'webSocketApi'; a REST API is deployed by RestApiDeployment",
};

/** Route settings of an HTTP API stage (`HttpRouteOptions`). */
export const HTTP_ROUTE_OPTIONS: StructShape = { name: 'HttpRouteOptions', properties: HTTP_ROUTE, elsewhere: NOT_FOR_HTTP_APIS };

/** Route settings of a WebSocket API stage (`WebSocketRouteOptions`). */
export const WEBSOCKET_ROUTE_OPTIONS: StructShape = {
  name: 'WebSocketRouteOptions',
  properties: { ...HTTP_ROUTE, loggingLevel: LOGGING_LEVEL, dataTraceEnabled: 'boolean' },
};

const COMMON_STAGE = {
  stageDescription: 'string',
  variables: 'string-map',
  accessLogDestination: DESTINATION,
  accessLogFormat: FORMAT,
  tags: 'string-map',
} as const;

/** `HttpStageOptions`: the main stage's props and `addStage`'s options. */
export const HTTP_STAGE_OPTIONS: StructShape = {
  name: 'HttpStageOptions',
  properties: { ...COMMON_STAGE, ...HTTP_ROUTE, routeOptions: { mapOf: HTTP_ROUTE_OPTIONS } },
  elsewhere: { ...NOT_FOR_V2_STAGES, ...NOT_FOR_HTTP_APIS, cloudWatchRole: 'HTTP APIs need no account-wide CloudWatch role: they write access logs only' },
};

/** `WebSocketStageOptions`. */
export const WEBSOCKET_STAGE_OPTIONS: StructShape = {
  name: 'WebSocketStageOptions',
  properties: { ...COMMON_STAGE, ...WEBSOCKET_ROUTE_OPTIONS.properties, clientCertificateId: 'string', routeOptions: { mapOf: WEBSOCKET_ROUTE_OPTIONS } },
  elsewhere: NOT_FOR_V2_STAGES,
};

const METHOD_DEPLOYMENT = {
  metricsEnabled: 'boolean',
  loggingLevel: LOGGING_LEVEL,
  dataTraceEnabled: 'boolean',
  throttlingBurstLimit: 'number',
  throttlingRateLimit: 'number',
  cachingEnabled: 'boolean',
  cacheTtl: 'number',
  cacheDataEncrypted: 'boolean',
  requireAuthorizationForCacheControl: 'boolean',
  unauthorizedCacheControlHeaderStrategy: { oneOf: Object.values(UnauthorizedCacheControlHeaderStrategy) },
} as const;

/** `MethodDeploymentOptions`: a REST API stage's method settings, and each entry of `methodOptions`. */
export const METHOD_DEPLOYMENT_OPTIONS: StructShape = {
  name: 'MethodDeploymentOptions',
  properties: METHOD_DEPLOYMENT,
  elsewhere: { detailedMetricsEnabled: "the REST API name is 'metricsEnabled'" },
};

const ACCESS_LOG_GROUP = { retentionInDays: 'number', kmsKeyId: 'string' } as const;

/** `StageOptions`: a REST API stage's options (the main stage's props and `addStage`'s), deprecated names included. */
export const STAGE_OPTIONS: StructShape = {
  name: 'StageOptions',
  properties: {
    ...COMMON_STAGE,
    ...METHOD_DEPLOYMENT,
    tracingEnabled: 'boolean',
    cacheClusterEnabled: 'boolean',
    cacheClusterSize: { instanceOf: CacheClusterSize, hint: 'a CacheClusterSize, e.g. CacheClusterSize.GB_0_5 or CacheClusterSize.of("6.1")' },
    clientCertificateId: 'string',
    documentationVersion: 'string',
    webAclArn: 'string',
    methodOptions: { mapOf: METHOD_DEPLOYMENT_OPTIONS },
    xrayTracingEnabled: 'boolean',
    accessLogSettings: { struct: { name: 'AccessLogSettings', properties: { destinationArn: 'string', format: FORMAT } } },
    accessLogging: { struct: { name: 'AccessLoggingOptions', properties: { ...ACCESS_LOG_GROUP, format: FORMAT } } },
    methodSettings: { struct: METHOD_DEPLOYMENT_OPTIONS },
  },
  elsewhere: {
    detailedMetricsEnabled: "the REST API name is 'metricsEnabled'",
    routeOptions: "REST APIs have methods, not routes: 'methodOptions', keyed by method path ('/pets/GET')",
    httpApi: 'an HTTP API is deployed by HttpApiDeployment',
    webSocketApi: 'a WebSocket API is deployed by WebSocketApiDeployment',
  },
};

const DEPLOYMENT = {
  description: 'string',
  triggers: 'string-map',
  resources: { list: 'resource' },
  autoDiscover: 'boolean',
  importExistingStage: 'boolean',
  acknowledgedBlindSpots: { list: 'construct' },
} as const;

/** `RestApiDeploymentProps`. */
export const REST_API_DEPLOYMENT_PROPS: StructShape = {
  name: 'RestApiDeploymentProps',
  properties: {
    ...STAGE_OPTIONS.properties,
    ...DEPLOYMENT,
    restApi: 'resource',
    restApiId: 'string',
    stageName: 'string',
    cloudWatchRole: 'boolean',
    canary: { struct: { name: 'CanaryOptions', properties: { percentTraffic: 'number', stageVariableOverrides: 'string-map', useStageCache: 'boolean' } } },
  },
  elsewhere: STAGE_OPTIONS.elsewhere,
};

/** `HttpApiDeploymentProps`. */
export const HTTP_API_DEPLOYMENT_PROPS: StructShape = {
  name: 'HttpApiDeploymentProps',
  properties: { ...HTTP_STAGE_OPTIONS.properties, ...DEPLOYMENT, httpApi: 'resource', httpApiId: 'string', stageName: 'string' },
  elsewhere: { ...HTTP_STAGE_OPTIONS.elsewhere, webSocketApi: 'a WebSocket API is deployed by WebSocketApiDeployment' },
};

/** `WebSocketApiDeploymentProps`. */
export const WEBSOCKET_API_DEPLOYMENT_PROPS: StructShape = {
  name: 'WebSocketApiDeploymentProps',
  properties: {
    ...WEBSOCKET_STAGE_OPTIONS.properties, ...DEPLOYMENT, webSocketApi: 'resource', webSocketApiId: 'string', stageName: 'string', cloudWatchRole: 'boolean',
  },
  elsewhere: { ...NOT_FOR_V2_STAGES, httpApi: 'an HTTP API is deployed by HttpApiDeployment' },
};

/** `AccessLogGroupOptions`: `AccessLogDestination.newLogGroup()`'s options. */
export const ACCESS_LOG_GROUP_OPTIONS: StructShape = { name: 'AccessLogGroupOptions', properties: ACCESS_LOG_GROUP };

/** `BasePathMappingOptions`. */
export const BASE_PATH_MAPPING_OPTIONS: StructShape = { name: 'BasePathMappingOptions', properties: { basePath: 'string', domainNameId: 'string' } };

const STAGE_OF = (apiIdProperty: string) => ({ [apiIdProperty]: 'string', deploymentId: 'string', stageName: 'string', provider: 'provider' } as const);

/** `RestApiStageProps`. */
export const REST_API_STAGE_PROPS: StructShape = {
  name: 'RestApiStageProps', properties: { ...STAGE_OPTIONS.properties, ...STAGE_OF('restApiId') }, elsewhere: STAGE_OPTIONS.elsewhere,
};

/** `HttpApiStageProps`. */
export const HTTP_API_STAGE_PROPS: StructShape = {
  name: 'HttpApiStageProps', properties: { ...HTTP_STAGE_OPTIONS.properties, ...STAGE_OF('apiId') }, elsewhere: HTTP_STAGE_OPTIONS.elsewhere,
};

/** `WebSocketApiStageProps`. */
export const WEBSOCKET_API_STAGE_PROPS: StructShape = {
  name: 'WebSocketApiStageProps', properties: { ...WEBSOCKET_STAGE_OPTIONS.properties, ...STAGE_OF('apiId') }, elsewhere: WEBSOCKET_STAGE_OPTIONS.elsewhere,
};
