import { AccessLogDestination, AccessLogFormat } from './access-log';
import { MethodLoggingLevel } from './logging-level';
import { PropertyShape, StructShape } from '../core/struct-check';

/**
 * The shapes of what the props structs of every kind share, as their TypeScript types say; each
 * kind's folder has the shapes of its own structs (`test/struct-shapes.test.ts` compares every
 * shape with the jsii assembly, so none can drift).
 */

/** `loggingLevel`. */
export const LOGGING_LEVEL: PropertyShape = { oneOf: Object.values(MethodLoggingLevel) };

const DESTINATION: PropertyShape = {
  instanceOf: AccessLogDestination,
  hint: 'an AccessLogDestination: AccessLogDestination.newLogGroup() or AccessLogDestination.arn(...)',
};
const FORMAT: PropertyShape = { instanceOf: AccessLogFormat, hint: 'an AccessLogFormat, e.g. AccessLogFormat.jsonWithStandardFields() or AccessLogFormat.custom(...)' };

/** `CommonStageOptions`. */
export const COMMON_STAGE = {
  stageDescription: 'string',
  variables: 'string-map',
  accessLogDestination: DESTINATION,
  accessLogFormat: FORMAT,
  tags: 'string-map-or-token',
} as const;

/** `DeploymentOptions`: every deployment construct's props have them (`deploymentPropsShape`), its main stage none. */
export const DEPLOYMENT = {
  description: 'string',
  triggers: 'string-map',
  resources: { list: 'resource' },
  autoDiscover: 'boolean',
  importExistingStage: 'boolean',
  acknowledgedBlindSpots: { list: 'construct' },
} as const;

/**
 * A deployment construct's props (`RestApiDeploymentProps`): its kind's stage options (`stageOptions`,
 * the main stage's), `DeploymentOptions` and its own (`own`: the API, the stage's name, ...). The one
 * table its props are checked against and split by: the main stage takes the stage options' keys
 * (`mainStageOptions`), so a new `DeploymentOptions` key is added to `DEPLOYMENT` only.
 *
 * @param elsewhere the reasons for properties it lacks. Default: the stage options'
 */
export function deploymentPropsShape(
  name: string, stageOptions: StructShape, own: Readonly<Record<string, PropertyShape>>, elsewhere?: Readonly<Record<string, string>>,
): StructShape {
  return { name, properties: { ...stageOptions.properties, ...DEPLOYMENT, ...own }, elsewhere: elsewhere ?? stageOptions.elsewhere };
}

/** The props of a deployment construct that configure its main stage: those of its kind's stage options (`stageOptions`). */
export function mainStageOptions<T>(props: object, stageOptions: StructShape): T {
  return Object.fromEntries(Object.entries(props).filter(([key]) => Object.prototype.hasOwnProperty.call(stageOptions.properties, key))) as T;
}

/** `AccessLogGroupOptions`' properties. */
export const ACCESS_LOG_GROUP = { retentionInDays: 'number', kmsKeyId: 'string' } as const;

/** `AccessLogGroupOptions`: `AccessLogDestination.newLogGroup()`'s options. */
export const ACCESS_LOG_GROUP_OPTIONS: StructShape = { name: 'AccessLogGroupOptions', properties: ACCESS_LOG_GROUP };

/** The deprecated `AccessLogSettings` and `AccessLoggingOptions` (REST stages before 0.2.0). */
export const DEPRECATED_ACCESS_LOGS = {
  accessLogSettings: { struct: { name: 'AccessLogSettings', properties: { destinationArn: 'string', format: FORMAT } } },
  accessLogging: { struct: { name: 'AccessLoggingOptions', properties: { ...ACCESS_LOG_GROUP, format: FORMAT } } },
} as const;

/** Route settings every HTTP and WebSocket stage has (`HttpRouteOptions`). */
export const V2_ROUTE = {
  throttlingBurstLimit: 'number',
  throttlingRateLimit: 'number',
  detailedMetricsEnabled: 'boolean',
} as const;

/** What HTTP and WebSocket stages lack, and why. */
export const NOT_FOR_V2_STAGES: Record<string, string> = {
  canary: 'HTTP and WebSocket API stages have no canary settings, a REST API feature: roll out with a second stage (addStage)',
  methodOptions: "HTTP and WebSocket APIs have routes, not methods: 'routeOptions', keyed by route key",
  metricsEnabled: "the v2 name is 'detailedMetricsEnabled'",
  tracingEnabled: 'HTTP and WebSocket APIs have no X-Ray tracing',
  cacheClusterEnabled: 'HTTP and WebSocket APIs have no stage cache',
  webAclArn: 'AWS WAF protects REST API stages only',
  restApi: "an HTTP API is given as 'httpApi', a WebSocket API as 'webSocketApi'; a REST API is deployed by RestApiDeployment",
};

/** The properties of a stage construct's props besides its options: the API's id (under `apiIdProperty`), the deployment, the name, the provider, the region. */
export function stageOf(apiIdProperty: string) {
  return { [apiIdProperty]: 'string', deploymentId: 'string', stageName: 'string', provider: 'provider', region: 'string' } as const;
}

/**
 * `addStage`'s options (`shape`, the kind's stage options) with the reason for each property of the
 * stage construct's props they lack: the deployment construct gives those, so a key the user writes
 * there would be overwritten without a word.
 *
 * @param apiProperties the kind's properties that give the API: the deployment construct's (`restApi`,
 * `restApiId`) and the stage construct's (`restApiId`, `apiId`)
 */
export function addStageOptions(shape: StructShape, apiProperties: readonly string[]): StructShape {
  const given = "the stage addStage makes takes the deployment construct's API, deployment, region and provider: it serves that deployment, "
    + "where the API is (the API's provider and region)";
  return {
    ...shape,
    elsewhere: {
      ...shape.elsewhere,
      ...Object.fromEntries(apiProperties.map((property) => [property, given])),
      deploymentId: given,
      region: given,
      provider: given,
      stageName: "addStage's first argument names the stage: addStage('<name>', options)",
      importExistingStage: "'importExistingStage' adopts the main stage; adopt a stage addStage makes on the stage it returns: "
        + "stage.stage.importFrom('<api id>/<name>') for one made outside Terraform, or stage.stage.moveFromId('<address>') for one in the state",
      // HTTP APIs' say why they have none.
      cloudWatchRole: shape.elsewhere?.cloudWatchRole
        ?? "'cloudWatchRole' is a prop of the deployment construct, for all its stages: the account's role is one per account and region",
    },
  };
}

/** `ApiGatewayCloudWatchRoleProps`. */
export const CLOUD_WATCH_ROLE_PROPS: StructShape = { name: 'ApiGatewayCloudWatchRoleProps', properties: { provider: 'provider', region: 'string' } };
