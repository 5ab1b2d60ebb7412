import { addStageOptions, COMMON_STAGE, deploymentPropsShape, LOGGING_LEVEL, NOT_FOR_V2_STAGES, stageOf, V2_ROUTE } from '../common/struct-shapes';
import { StructShape } from '../core/struct-check';

/** The shapes of the WebSocket API constructs' props structs (`common/struct-shapes.ts`). */

/** Route settings of a WebSocket API stage (`WebSocketRouteOptions`). */
export const WEBSOCKET_ROUTE_OPTIONS: StructShape = {
  name: 'WebSocketRouteOptions',
  properties: { ...V2_ROUTE, loggingLevel: LOGGING_LEVEL, dataTraceEnabled: 'boolean' },
};

/** `WebSocketStageOptions`. */
export const WEBSOCKET_STAGE_OPTIONS: StructShape = {
  name: 'WebSocketStageOptions',
  properties: { ...COMMON_STAGE, ...WEBSOCKET_ROUTE_OPTIONS.properties, clientCertificateId: 'string', routeOptions: { mapOf: WEBSOCKET_ROUTE_OPTIONS } },
  elsewhere: NOT_FOR_V2_STAGES,
};

/** `WebSocketApiDeploymentProps`. */
export const WEBSOCKET_API_DEPLOYMENT_PROPS: StructShape = deploymentPropsShape('WebSocketApiDeploymentProps', WEBSOCKET_STAGE_OPTIONS,
  { webSocketApi: 'resource', webSocketApiId: 'string', stageName: 'string', cloudWatchRole: 'boolean' },
  { ...WEBSOCKET_STAGE_OPTIONS.elsewhere, httpApi: 'an HTTP API is deployed by HttpApiDeployment' });

/** `WebSocketApiStageProps`. */
export const WEBSOCKET_API_STAGE_PROPS: StructShape = {
  name: 'WebSocketApiStageProps', properties: { ...WEBSOCKET_STAGE_OPTIONS.properties, ...stageOf('apiId') }, elsewhere: WEBSOCKET_STAGE_OPTIONS.elsewhere,
};

/** `WebSocketStageOptions` as `addStage` takes them: the stage construct's own props refused, saying why. */
export const ADD_WEBSOCKET_STAGE_OPTIONS: StructShape = addStageOptions(WEBSOCKET_STAGE_OPTIONS, ['webSocketApi', 'webSocketApiId', 'apiId']);
