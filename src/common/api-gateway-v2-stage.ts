import type { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { Fn, TerraformProvider, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { AccessLogFormat } from './access-log';
import { accessLogSettingsOf } from './access-log-settings';
import { CommonStageOptions } from './common-stage-options';
import { perRouteSettings, requireBothLimits, routeSettingsOf, WebSocketRouteOptions } from './route-settings';
import { initStage, StageBase } from './stage-base';
import { validateStageName, validateStageVariables } from './validation';
import { invalidProperty } from '../core/errors';
import { ProviderResources } from '../core/provider-resources';

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
  validateStageVariables(owner, `${prefix}variables`, definition.variables);
  // A log group name cannot hold `$`: the `$default` stage's logs go to `.../default`.
  const logGroupName = `API-Gateway-Access-Logs_${definition.apiId}/${definition.stageName === '$default' ? 'default' : definition.stageName}`;
  const accessLog = accessLogSettingsOf(scope, owner, prefix, definition, logGroupName, kind.defaultAccessLogFormat,
    definition.provider, definition.region);
  const stageWide = routeSettingsOf(owner, prefix.replace(/\.$/, ''), definition);
  requireBothLimits(owner, prefix, stageWide, 'every route of the stage');
  for (const routeKey of Object.keys(definition.routeOptions ?? {})) {
    if (kind.routeKeys && !Token.isUnresolved(routeKey) && !kind.routeKeys.pattern.test(routeKey)) {
      throw invalidProperty(owner, `${prefix}routeOptions`, routeKey, kind.routeKeys.expected);
    }
  }
  const routes = perRouteSettings(owner, prefix, stageWide, definition.routeOptions);
  const stage = new ProviderResources.Apigatewayv2Stage(scope, 'Default', {
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
  });
  const executionLogs = [definition, ...Object.values(definition.routeOptions ?? {})]
    .some((options) => options.dataTraceEnabled === true || options.loggingLevel === 'ERROR' || options.loggingLevel === 'INFO');
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
    // AWS refuses to delete a stage an API mapping points at: a renamed mapped stage is created,
    // the mapping moved to it, and the old one deleted, in that order (as REST stages always are).
    onMapped: () => {
      stage.lifecycle = { ...stage.lifecycle, createBeforeDestroy: true };
    },
  });
  return stage;
}

/** The URL of a path on a stage: its invoke URL (without the trailing `/` of a `$default` stage) and the path. */
export function stageUrlForPath(owner: IConstruct, invokeUrl: string, path: string): string {
  if (!Token.isUnresolved(path) && !path.startsWith('/')) {
    throw invalidProperty(owner, 'urlForPath(path)', path, 'a path that starts with "/"');
  }
  return `${Fn.trimsuffix(invokeUrl, '/')}${path}`;
}
