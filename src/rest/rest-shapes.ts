import { CacheClusterSize } from './cache-cluster-size';
import { UnauthorizedCacheControlHeaderStrategy } from './method-settings';
import { addStageOptions, COMMON_STAGE, deploymentPropsShape, DEPRECATED_ACCESS_LOGS, LOGGING_LEVEL, stageOf } from '../common/struct-shapes';
import { StructShape } from '../core/struct-check';

/** The shapes of the REST API constructs' props structs (`common/struct-shapes.ts`). */

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
    ...DEPRECATED_ACCESS_LOGS,
    methodSettings: { struct: METHOD_DEPLOYMENT_OPTIONS },
  },
  elsewhere: {
    detailedMetricsEnabled: "the REST API name is 'metricsEnabled'",
    routeOptions: "REST APIs have methods, not routes: 'methodOptions', keyed by method path ('/pets/GET')",
    httpApi: 'an HTTP API is deployed by HttpApiDeployment',
    webSocketApi: 'a WebSocket API is deployed by WebSocketApiDeployment',
  },
};

/** `RestApiDeploymentProps`. */
export const REST_API_DEPLOYMENT_PROPS: StructShape = deploymentPropsShape('RestApiDeploymentProps', STAGE_OPTIONS, {
  restApi: 'resource',
  restApiId: 'string',
  stageName: 'string',
  cloudWatchRole: 'boolean',
  canary: { struct: { name: 'CanaryOptions', properties: { percentTraffic: 'number', stageVariableOverrides: 'string-map', useStageCache: 'boolean' } } },
});

/** `RestApiStageProps`. */
export const REST_API_STAGE_PROPS: StructShape = {
  name: 'RestApiStageProps', properties: { ...STAGE_OPTIONS.properties, ...stageOf('restApiId') }, elsewhere: STAGE_OPTIONS.elsewhere,
};

/** `StageOptions` as `addStage` takes them: the stage construct's own props refused, saying why. */
export const ADD_STAGE_OPTIONS: StructShape = addStageOptions(STAGE_OPTIONS, ['restApi', 'restApiId']);
