import { addStageOptions, COMMON_STAGE, deploymentPropsShape, NOT_FOR_V2_STAGES, stageOf, V2_ROUTE } from '../common/struct-shapes';
import { StructShape } from '../core/struct-check';

/** The shapes of the HTTP API constructs' props structs (`common/struct-shapes.ts`). */

/** What HTTP API stages lack, and why. */
const NOT_FOR_HTTP_APIS: Record<string, string> = {
  loggingLevel: 'HTTP APIs write no execution logs, only access logs: accessLogDestination',
  dataTraceEnabled: 'HTTP APIs write no execution logs, only access logs: accessLogDestination',
  clientCertificateId: 'HTTP APIs have no client certificates for integrations',
};

/** Route settings of an HTTP API stage (`HttpRouteOptions`). */
export const HTTP_ROUTE_OPTIONS: StructShape = { name: 'HttpRouteOptions', properties: V2_ROUTE, elsewhere: NOT_FOR_HTTP_APIS };

/** `HttpStageOptions`: the main stage's props and `addStage`'s options. */
export const HTTP_STAGE_OPTIONS: StructShape = {
  name: 'HttpStageOptions',
  properties: { ...COMMON_STAGE, ...V2_ROUTE, routeOptions: { mapOf: HTTP_ROUTE_OPTIONS } },
  elsewhere: { ...NOT_FOR_V2_STAGES, ...NOT_FOR_HTTP_APIS, cloudWatchRole: 'HTTP APIs need no account-wide CloudWatch role: they write access logs only' },
};

/** `HttpApiDeploymentProps`. */
export const HTTP_API_DEPLOYMENT_PROPS: StructShape = deploymentPropsShape('HttpApiDeploymentProps', HTTP_STAGE_OPTIONS,
  { httpApi: 'resource', httpApiId: 'string', stageName: 'string' },
  { ...HTTP_STAGE_OPTIONS.elsewhere, webSocketApi: 'a WebSocket API is deployed by WebSocketApiDeployment' });

/** `HttpApiStageProps`. */
export const HTTP_API_STAGE_PROPS: StructShape = {
  name: 'HttpApiStageProps', properties: { ...HTTP_STAGE_OPTIONS.properties, ...stageOf('apiId') }, elsewhere: HTTP_STAGE_OPTIONS.elsewhere,
};

/** `HttpStageOptions` as `addStage` takes them: the stage construct's own props refused, saying why. */
export const ADD_HTTP_STAGE_OPTIONS: StructShape = addStageOptions(HTTP_STAGE_OPTIONS, ['httpApi', 'httpApiId', 'apiId']);
