import type { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { Fn, TerraformProvider, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
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
import { StageBase } from './stage-base';
import { prepareStageLogging } from './stage-logging';
import { checkStageReferences } from './stage-references';
import { apiIdentity, claimLogGroupName, claimStage } from './stage-registry';
import { validateProvider, validateRegion, validateStageName, validateStageVariables, validateTags, validateV2Description } from './validation';
import { abandon, closeCall, openCall } from '../core/abandoned';
import { AppIndex } from '../core/app-index';
import { stageErrorOwner, stagePropertyPrefix, stageResourceProperty } from '../core/deployment-marker';
import { invalidProperty } from '../core/errors';
import { asArgumentCheck, newOwnedResource, ownedStage } from '../core/owned-resources';
import { ProviderResources } from '../core/provider-resources';
import { checkStruct, StructShape } from '../core/struct-check';
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
  /** The shape of the stage construct's props (`HttpApiStageProps`), checked first. */
  readonly propsShape: StructShape;
  /**
   * Whether a stage that logs to CloudWatch needs the account's CloudWatch role (WebSocket APIs, which
   * write execution logs): made on its own, it waits for the one of its stack.
   */
  readonly logsNeedCloudWatchRole: boolean;
}

/**
 * What the stage constructs of HTTP and WebSocket APIs are (`HttpApiStage`, `WebSocketApiStage`): an
 * `aws_apigatewayv2_stage` (`Default` in the construct, without `auto_deploy`) and the access log group
 * its options ask for. Not exported by the library: as `@internal`, jsii leaves it out of the assembly
 * and copies its public members (`stage`) into the two classes, whose base there is `StageBase`.
 *
 * @internal
 */
export abstract class V2StageBase extends StageBase {
  /** The `aws_apigatewayv2_stage` resource. */
  public readonly stage: Apigatewayv2Stage;

  /**
   * @param scope the construct to create it in (checked by the kind's constructor)
   * @param id its construct id
   * @param props the stage's props, checked against the kind's shape first
   * @param kind the kind of API the stage serves
   */
  protected constructor(scope: Construct, id: string, props: V2StageDefinition, kind: V2StageKind) {
    super(scope, id);
    // A constructor that fails leaves nothing behind, and says nothing (core/abandoned.ts).
    const call = openCall();
    try {
      // Errors name the construct the user created, and the properties as the user wrote them:
      // a deployment construct's main stage takes its props, addStage() its options.
      const owner = stageErrorOwner(this);
      const prefix = stagePropertyPrefix(this, props.stageName);
      checkStruct(owner, prefix, props, kind.propsShape);
      this.stage = this.createStage(owner, prefix, props, kind);
      if (kind.logsNeedCloudWatchRole && owner === this) {
        // Made on its own, a stage that logs waits for the account's CloudWatch role of its stack, as a deployment's do.
        prepareStageLogging(this, this, undefined, false, ['aws_apigatewayv2_stage']);
      }
    } catch (error) {
      throw abandon(this, error, call);
    }
    closeCall(call);
  }

  /**
   * Creates the stage resource and the access log group its options ask for, and hands them to the
   * base. Errors name `owner` and the options behind `prefix`.
   */
  private createStage(owner: IConstruct, prefix: string, definition: V2StageDefinition, kind: V2StageKind): Apigatewayv2Stage {
    validateStageName(owner, `${prefix}stageName`, definition.stageName, kind.allowsDefaultStage);
    validateRegion(owner, 'region', definition.region);
    if (owner === this) {
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
    const accessLog = accessLogSettingsOf(this, owner, prefix, definition, logGroupName, kind.defaultAccessLogFormat,
      definition.provider, definition.region);
    if (accessLog?.group !== undefined && !Token.isUnresolved(definition.stageName)) {
      claimLogGroupName(owner, this.node.path, apiIdentity(owner, undefined, definition.apiId, 'aws_apigatewayv2_api'), logGroupName, `${prefix}accessLogDestination`);
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
    const stage = newOwnedResource(ProviderResources.Apigatewayv2Stage, this, 'Default', {
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
    }, ownedStage(owner, stageResourceProperty(this, definition.stageName), { api: 'apiId', deployment: 'deploymentId', name: 'name', autoDeploy: 'autoDeploy' }, {
      description: asArgumentCheck(validateV2Description),
      stageVariables: asArgumentCheck(validateStageVariables),
      tags: asArgumentCheck(validateTags),
      accessLogSettings: accessLogSettingsCheck(`${kind.apiKind} API`),
      clientCertificateId: kind.apiKind === 'HTTP' ? refuseHttpClientCertificate : clientCertificateCheck,
    }));
    checkLogDestinationRegion(owner, prefix, definition.accessLogDestination, stage);
    checkClientCertificateId(owner, `${prefix}clientCertificateId`, definition.clientCertificateId, stage);
    checkStageReferences(owner, stageResourceProperty(this, definition.stageName), stage, 'api_id');
    if (owner === this) {
      this.checkMadeOnItsOwn(owner, prefix, definition, kind, stage);
    }
    const executionLogs = [definition, ...Object.values(definition.routeOptions ?? {})]
      .some((options) => options.dataTraceEnabled === true || Token.isUnresolved(options.dataTraceEnabled)
        || options.loggingLevel === 'ERROR' || options.loggingLevel === 'INFO' || Token.isUnresolved(options.loggingLevel));
    this._initStage({
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
    initMetricSource(this, {
      kind: kind.apiKind,
      apiId: definition.apiId,
      stageName: definition.stageName,
      stageResource: stage,
      provider: definition.provider,
      region: definition.region,
      detailedMetrics: routeDetailedMetrics(definition.detailedMetricsEnabled, definition.routeOptions),
    });
    checkHandWrittenAlarms(owner, this);
    return stage;
  }

  /**
   * The checks of a stage made on its own, which a deployment construct makes for the stages it
   * makes: the kinds of its API's and deployment's ids, its placement, the routes its options name,
   * stages written by hand, the deployment it serves; and its name claimed for the API.
   */
  private checkMadeOnItsOwn(owner: IConstruct, prefix: string, definition: V2StageDefinition, kind: V2StageKind, stage: Apigatewayv2Stage): void {
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
