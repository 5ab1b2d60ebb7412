import type { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { Fn, TerraformProvider, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { AccessLogFormat } from './access-log';
import { accessLogSettingsCheck, accessLogSettingsOf, refuseFirehoseDestination } from './access-log-settings';
import { checkIdKinds } from './api-id-kind';
import { checkPlacementWithApiId } from './api-placement';
import { checkLogDestinationRegion } from './arn-region';
import { checkClientCertificateId, clientCertificateCheck } from './client-certificate';
import { CommonStageOptions } from './common-stage-options';
import { recordUrlTarget, validateUrlPath } from './execute-api';
import { perRouteSettings, requireBothLimits, routeSettingsOf, WebSocketRouteOptions } from './route-settings';
import { checkServedDeployment } from './served-deployment';
import { initStage, StageBase } from './stage-base';
import { checkStageReferences } from './stage-references';
import { apiIdentity, claimLogGroupName, claimStage } from './stage-registry';
import { validateProvider, validateRegion, validateStageName, validateStageVariables, validateTags, validateV2Description } from './validation';
import { AppIndex } from '../core/app-index';
import { stageResourceProperty } from '../core/deployment-marker';
import { invalidProperty } from '../core/errors';
import { asArgumentCheck, newOwnedResource, ownedStage } from '../core/owned-resources';
import { ProviderResources } from '../core/provider-resources';
import { routeDetailedMetrics } from '../metrics/detailed-metrics';
import { checkHandWrittenAlarms } from '../metrics/hand-written-alarms';
import { initMetricSource } from '../metrics/metric-source';
import { HTTP_API_FAMILY, WEBSOCKET_API_FAMILY } from '../triggers/api-gateway-v2-family';
import { checkServedByApi } from '../triggers/served-by-api';
import { checkBesideHandWritten } from '../triggers/standalone-stage-checks';

/** What makes one `aws_apigatewayv2_stage`: the options of either kind, and where it belongs. */
export interface V2StageDefinition extends CommonStageOptions, WebSocketRouteOptions {
  readonly apiId: string;
  readonly deploymentId: string;
  readonly stageName: string;
  readonly provider?: TerraformProvider;
  readonly region?: string;
  readonly clientCertificateId?: string;
  readonly routeOptions?: { [routeKey: string]: WebSocketRouteOptions };
}

/** The kind of API the stage serves. */
export interface V2StageKind {
  /** The kind, as errors and the domain checks name it. */
  readonly apiKind: 'HTTP' | 'WebSocket';
  /** Whether `$default` is a stage name (HTTP APIs). */
  readonly allowsDefaultStage: boolean;
  /** The access log format when the options give none. */
  readonly defaultAccessLogFormat: AccessLogFormat;
  /** The route keys the kind has, and how they are written (for errors); any non-empty key when undefined. */
  readonly routeKeys?: { readonly pattern: RegExp; readonly expected: string };
}

/**
 * Creates the `aws_apigatewayv2_stage` (in the stage construct `scope`, as `Default`, without
 * `auto_deploy`) and the access log group its options ask for, and hands them to the stage's base.
 * Errors name `owner` and the options behind `prefix`.
 */
export function createV2Stage(
  scope: StageBase,
  owner: IConstruct,
  prefix: string,
  definition: V2StageDefinition,
  kind: V2StageKind,
): Apigatewayv2Stage {
  validateStageName(owner, `${prefix}stageName`, definition.stageName, kind.allowsDefaultStage);
  validateRegion(owner, 'region', definition.region);
  if (owner === scope) {
    validateProvider(owner, 'provider', definition.provider);
  }
  validateStageVariables(owner, `${prefix}variables`, definition.variables);
  validateTags(owner, `${prefix}tags`, definition.tags);
  // A log group name cannot hold `$`: the `$default` stage's logs go to `.../default` (a name known at deploy time too).
  const logStageName = definition.stageName === '$default' ? 'default'
    : kind.allowsDefaultStage && Token.isUnresolved(definition.stageName) ? Fn.replace(definition.stageName, '$default', 'default')
      : definition.stageName;
  const logGroupName = `API-Gateway-Access-Logs_${definition.apiId}/${logStageName}`;
  refuseFirehoseDestination(owner, `${prefix}accessLogDestination`, definition.accessLogDestination?.destinationArn, `${kind.apiKind} API`);
  const accessLog = accessLogSettingsOf(scope, owner, prefix, definition, logGroupName, kind.defaultAccessLogFormat,
    definition.provider, definition.region);
  if (accessLog?.group !== undefined && !Token.isUnresolved(definition.stageName)) {
    claimLogGroupName(owner, scope.node.path, apiIdentity(owner, undefined, definition.apiId, 'aws_apigatewayv2_api'), logGroupName, `${prefix}accessLogDestination`);
  }
  const stageWide = routeSettingsOf(owner, prefix.replace(/\.$/, ''), definition);
  requireBothLimits(owner, prefix, stageWide, 'every route of the stage');
  for (const routeKey of Object.keys(definition.routeOptions ?? {})) {
    if (kind.routeKeys && !Token.isUnresolved(routeKey) && !kind.routeKeys.pattern.test(routeKey)) {
      throw invalidProperty(owner, `${prefix}routeOptions`, routeKey, kind.routeKeys.expected);
    }
  }
  const routes = perRouteSettings(owner, prefix, stageWide, definition.routeOptions);
  validateV2Description(owner, `${prefix}stageDescription`, definition.stageDescription);
  const stage = newOwnedResource(ProviderResources.Apigatewayv2Stage, scope, 'Default', {
    apiId: definition.apiId,
    name: definition.stageName,
    deploymentId: definition.deploymentId,
    description: definition.stageDescription,
    stageVariables: definition.variables,
    clientCertificateId: definition.clientCertificateId,
    accessLogSettings: accessLog ? { destinationArn: accessLog.destinationArn, format: accessLog.format } : undefined,
    defaultRouteSettings: stageWide,
    routeSettings: routes.length > 0 ? routes : undefined,
    tags: definition.tags,
    provider: definition.provider,
    region: definition.region,
    // As REST stages: a renamed stage is created before a mapping (the library's or one written by
    // hand) moves to it, and the old one deleted after (AWS refuses to delete a mapped stage).
    lifecycle: { createBeforeDestroy: true },
  }, ownedStage(owner, stageResourceProperty(scope, definition.stageName), { api: 'apiId', deployment: 'deploymentId', name: 'name', autoDeploy: 'autoDeploy' }, {
    description: asArgumentCheck(validateV2Description),
    stageVariables: asArgumentCheck(validateStageVariables),
    tags: asArgumentCheck(validateTags),
    accessLogSettings: accessLogSettingsCheck(`${kind.apiKind} API`),
    clientCertificateId: kind.apiKind === 'HTTP' ? refuseHttpClientCertificate : clientCertificateCheck,
  }));
  checkLogDestinationRegion(owner, prefix, definition.accessLogDestination, stage);
  checkClientCertificateId(owner, `${prefix}clientCertificateId`, definition.clientCertificateId, stage);
  checkStageReferences(owner, stageResourceProperty(scope, definition.stageName), stage, 'api_id');
  if (owner === scope) {
    AppIndex.cover(owner);
    checkIdKinds(owner, {
      apiProperty: 'apiId',
      apiId: definition.apiId,
      apiType: 'aws_apigatewayv2_api',
      apiKind: `${kind.apiKind} API`,
      protocol: kind.apiKind === 'HTTP' ? 'HTTP' : 'WEBSOCKET',
      deploymentProperty: 'deploymentId',
      deploymentId: definition.deploymentId,
    });
    checkPlacementWithApiId(owner, 'apiId', definition.apiId, 'aws_apigatewayv2_api', stage);
    const family = kind.apiKind === 'HTTP' ? HTTP_API_FAMILY : WEBSOCKET_API_FAMILY;
    checkServedByApi(owner, family, definition.apiId, Object.keys(definition.routeOptions ?? {}).map((key) => ({ property: `${prefix}routeOptions.${key}`, key })));
    checkBesideHandWritten(owner, family, definition.apiId, stage);
    checkServedDeployment(owner, definition.deploymentId, definition.stageName);
    // A stage made on its own claims its name for the API as a deployment construct's stages do.
    claimStage(owner, apiIdentity(owner, undefined, definition.apiId, 'aws_apigatewayv2_api'), definition.stageName, 'stageName', `${kind.apiKind} API`);
  }
  const executionLogs = [definition, ...Object.values(definition.routeOptions ?? {})]
    .some((options) => options.dataTraceEnabled === true || Token.isUnresolved(options.dataTraceEnabled)
      || options.loggingLevel === 'ERROR' || options.loggingLevel === 'INFO' || Token.isUnresolved(options.loggingLevel));
  initStage(scope, {
    resource: stage,
    stageName: definition.stageName,
    accessLogGroup: accessLog?.group,
    logsToCloudWatch: executionLogs || definition.accessLogDestination?.isCloudWatchLogs === true,
    mappingTarget: {
      apiId: definition.apiId,
      // Read when a mapping is made: each reference token captures a whole stack trace.
      get stageNameReference() {
        return stage.name;
      },
      provider: definition.provider,
      region: definition.region,
      apiKind: kind.apiKind,
    },
  });
  initMetricSource(scope, {
    kind: kind.apiKind,
    apiId: definition.apiId,
    stageName: definition.stageName,
    stageResource: stage,
    provider: definition.provider,
    region: definition.region,
    detailedMetrics: routeDetailedMetrics(definition.detailedMetricsEnabled, definition.routeOptions),
  });
  checkHandWrittenAlarms(owner, scope);
  return stage;
}

/** The URL of a path on a stage: its invoke URL (without the trailing `/` of a `$default` stage) and the path. */
export function stageUrlForPath(owner: IConstruct, invokeUrl: string, path: string): string {
  validateUrlPath(owner, path);
  recordUrlTarget(owner, path);
  return `${Fn.trimsuffix(invokeUrl, '/')}${path}`;
}

/** Fails on a client certificate set on an HTTP API's stage resource: the provider takes one only for WebSocket APIs. */
function refuseHttpClientCertificate(owner: IConstruct, property: string, value: unknown): void {
  if (value !== undefined && value !== null) {
    throw invalidProperty(owner, property, value, 'no client certificate: HTTP APIs have no client certificates for integrations (the provider: '
      + '"supported only for WebSocket APIs")');
  }
}
