import type { ApiGatewayBasePathMapping } from '@cdktf/provider-aws/lib/api-gateway-base-path-mapping';
import type { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings';
import type { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import type { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';
import { TerraformProvider, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { CacheClusterSize } from './cache-cluster-size';
import { currentStageOptions, DeprecatedStageOptions } from './deprecated-stage-options';
import { addMethodSettings, MethodDeploymentOptions, methodDeploymentOptionsOf, methodKeyOf, MethodSettingsTarget, providerMethodPath } from './method-settings';
import { checkBesideWrittenByHand, MadeSettings } from './method-settings-twice';
import { REST_API_STAGE_PROPS } from './rest-shapes';
import { checkAssociationsWrittenByHand, validateWebAclArn } from './web-acl';
import { AccessLogFormat } from '../common/access-log';
import { accessLogSettingsCheck, accessLogSettingsOf } from '../common/access-log-settings';
import { checkIdKinds } from '../common/api-id-kind';
import { checkPlacementWithApiId } from '../common/api-placement';
import { checkLogDestinationRegion } from '../common/arn-region';
import { checkClientCertificateId, clientCertificateCheck } from '../common/client-certificate';
import { CommonStageOptions } from '../common/common-stage-options';
import { recordUrlTarget, validateUrlPath } from '../common/execute-api';
import { MethodLoggingLevel } from '../common/logging-level';
import { checkServedDeployment } from '../common/served-deployment';
import { StageBase } from '../common/stage-base';
import { prepareStageLogging, REST_STAGE_RESOURCE_TYPES } from '../common/stage-logging';
import { checkStageReferences } from '../common/stage-references';
import { apiIdentity, claimStage } from '../common/stage-registry';
import { validateProvider, validateRegion, validateStageName, validateStageVariables, validateTags } from '../common/validation';
import { abandon, closeCall, openCall } from '../core/abandoned';
import { AppIndex } from '../core/app-index';
import { checkedScope, checkEntryPoints } from '../core/argument-checks';
import { stageErrorOwner, stagePropertyPrefix, stageResourceProperty } from '../core/deployment-marker';
import { invalidProperty } from '../core/errors';
import { asArgumentCheck, newOwnedResource, ownedStage } from '../core/owned-resources';
import { ProviderResources } from '../core/provider-resources';
import { checkStruct } from '../core/struct-check';
import { refuseTemplateText } from '../core/template-text';
import type { MappingTarget } from '../domains/api-mapping';
import { addBasePathMapping, BasePathMappingOptions } from '../domains/base-path-mapping';
import { restDetailedMetrics } from '../metrics/detailed-metrics';
import { checkHandWrittenAlarms } from '../metrics/hand-written-alarms';
import { initMetricSource } from '../metrics/metric-source';
import { StageMetric, StageMetricOptions } from '../metrics/stage-metric';
import { stageMetric } from '../metrics/stage-metrics';
import { REST_API_FAMILY } from '../triggers/rest-api-family';
import { checkServedByApi } from '../triggers/served-by-api';
import { checkBesideHandWritten } from '../triggers/standalone-stage-checks';

/**
 * The options of a stage: everything `aws_api_gateway_stage` and
 * `aws_api_gateway_method_settings` offer. The same for the main stage (the props of a
 * `RestApiDeployment`) and for `addStage`. The method settings at the top level apply to
 * every method (method path `*` + `/` + `*`); `methodOptions` override them per method. None
 * of them needs a redeploy.
 */
export interface StageOptions extends CommonStageOptions, MethodDeploymentOptions, DeprecatedStageOptions {
  /**
   * Whether X-Ray tracing is on.
   * @default false
   */
  readonly tracingEnabled?: boolean;

  /**
   * Whether the stage has a cache cluster (billed by the hour).
   * @default false
   */
  readonly cacheClusterEnabled?: boolean;

  /**
   * The size of the cache cluster, with `cacheClusterEnabled` only.
   * @default - API Gateway's default (0.5 GB) when the cache cluster is enabled
   */
  readonly cacheClusterSize?: CacheClusterSize;

  /**
   * The id of the client certificate API Gateway presents to HTTP backends.
   * @default - none
   */
  readonly clientCertificateId?: string;

  /**
   * The documentation version the stage shows.
   * @default - none
   */
  readonly documentationVersion?: string;

  /**
   * The ARN of a WAFv2 web ACL to associate with the stage
   * (`aws_wafv2_web_acl_association`).
   * @default - no web ACL
   */
  readonly webAclArn?: string;

  /**
   * Method settings for single methods, keyed by method path: `/pets/GET`,
   * `/pets/{id}/*`, `/GET` for the root resource (the leading slash is optional). Each entry
   * overrides the stage's own method settings for that method: settings it does not name keep
   * the stage's values. The library writes the `method_path` API Gateway reads (`~1pets~1{id}/GET`
   * for a resource of several levels).
   * @default - none
   */
  readonly methodOptions?: { [path: string]: MethodDeploymentOptions };
}

/**
 * The settings of a stage.
 * @deprecated use `StageOptions` (the same, with the stage description); removed in 0.3.0
 */
export interface StageSettings extends StageOptions {}

/** Properties of a `RestApiStage`. */
export interface RestApiStageProps extends StageOptions {
  /** The id of the REST API. */
  readonly restApiId: string;

  /** The id of the deployment the stage serves. */
  readonly deploymentId: string;

  /** The name of the stage: 1 to 128 letters, digits, `_` or `-`. */
  readonly stageName: string;

  /**
   * The provider (alias) for the stage and what comes with it.
   * @default - the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;

  /**
   * The AWS region of the stage and what comes with it (provider v6's per-resource `region`).
   * @default - the provider's region
   */
  readonly region?: string;
}

/**
 * A stage of a REST API: the `aws_api_gateway_stage`, and the method settings, access
 * log group and web ACL association its options ask for.
 */
export class RestApiStage extends StageBase {
  /** The `aws_api_gateway_stage` resource. */
  public readonly stage: ApiGatewayStage;

  /**
   * The `aws_api_gateway_method_settings` resources its options make: the stage's own settings (for
   * every method) first, then one per `methodOptions` entry, in their order (for `moveFromId` when
   * adopting hand-written ones).
   * @default - none, without method settings in its options
   */
  public readonly methodSettings: ApiGatewayMethodSettings[] = [];

  /**
   * The `aws_wafv2_web_acl_association` its `webAclArn` makes (for `moveFromId` when adopting a hand-written one).
   * @default - none, without `webAclArn`
   */
  public readonly webAclAssociation?: Wafv2WebAclAssociation;

  /** What its custom domain mappings name: the API, the stage through its resource, its provider and region. */
  private readonly mappingTarget: MappingTarget;

  constructor(scope: Construct, id: string, props: RestApiStageProps) {
    super(checkedScope('RestApiStage', [scope, id, props]), id);
    // A constructor that fails leaves nothing behind, and says nothing (core/abandoned.ts).
    const call = openCall();
    try {
      // Errors name the construct the user created, and the properties as the user wrote them:
      // a RestApiDeployment's main stage takes its props, addStage() its options.
      const owner = stageErrorOwner(this);
      const prefix = stagePropertyPrefix(this, props.stageName);
      checkStruct(owner, prefix, props, REST_API_STAGE_PROPS);
      validateStageName(owner, `${prefix}stageName`, props.stageName);
      validateRegion(owner, 'region', props.region);
      if (owner === this) {
        validateProvider(owner, 'provider', props.provider);
      }
      const options = currentStageOptions(owner, prefix, props);
      refuseTemplateText(owner, `${prefix}stageDescription`, options.stageDescription);
      refuseTemplateText(owner, `${prefix}documentationVersion`, options.documentationVersion);
      validateStageVariables(owner, `${prefix}variables`, options.variables);
      validateTags(owner, `${prefix}tags`, options.tags);

      if (options.cacheClusterSize && !options.cacheClusterSize.isOffered) {
        throw invalidProperty(owner, `${prefix}cacheClusterSize`, options.cacheClusterSize.size,
          `one of ${CacheClusterSize.ALLOWED_SIZES.join(', ')} (GB)`);
      }
      if (options.cacheClusterSize && options.cacheClusterEnabled !== true && !Token.isUnresolved(options.cacheClusterEnabled)) {
        throw invalidProperty(owner, `${prefix}cacheClusterSize`, options.cacheClusterSize.size,
          "no size unless 'cacheClusterEnabled' is true");
      }

      const accessLog = accessLogSettingsOf(this, owner, prefix, options, `API-Gateway-Access-Logs_${props.restApiId}/${props.stageName}`,
        AccessLogFormat.jsonWithStandardFields(), props.provider, props.region);

      this.stage = newOwnedResource(ProviderResources.ApiGatewayStage, this, 'Default', {
        restApiId: props.restApiId,
        deploymentId: props.deploymentId,
        stageName: props.stageName,
        description: options.stageDescription,
        variables: options.variables,
        xrayTracingEnabled: options.tracingEnabled,
        cacheClusterEnabled: options.cacheClusterEnabled,
        cacheClusterSize: options.cacheClusterSize?.size,
        clientCertificateId: options.clientCertificateId,
        documentationVersion: options.documentationVersion,
        tags: options.tags,
        accessLogSettings: accessLog ? { destinationArn: accessLog.destinationArn, format: accessLog.format } : undefined,
        provider: props.provider,
        region: props.region,
        lifecycle: { createBeforeDestroy: true },
      }, ownedStage(owner, stageResourceProperty(this, props.stageName), { api: 'restApiId', deployment: 'deploymentId', name: 'stageName', canary: 'canarySettings' }, {
        description: refuseTemplateText,
        documentationVersion: refuseTemplateText,
        variables: asArgumentCheck(validateStageVariables),
        tags: asArgumentCheck(validateTags),
        accessLogSettings: accessLogSettingsCheck(),
        clientCertificateId: clientCertificateCheck,
      }));
      checkLogDestinationRegion(owner, prefix, options.accessLogDestination, this.stage);
      checkClientCertificateId(owner, `${prefix}clientCertificateId`, options.clientCertificateId, this.stage);
      checkStageReferences(owner, stageResourceProperty(this, props.stageName), this.stage, 'rest_api_id');
      if (owner === this) {
        AppIndex.cover(owner);
        checkIdKinds(owner, {
          apiProperty: 'restApiId',
          apiId: props.restApiId,
          apiType: 'aws_api_gateway_rest_api',
          apiKind: 'REST API',
          deploymentProperty: 'deploymentId',
          deploymentId: props.deploymentId,
        });
        checkPlacementWithApiId(owner, 'restApiId', props.restApiId, 'aws_api_gateway_rest_api', this.stage);
        checkServedByApi(owner, REST_API_FAMILY, props.restApiId, Object.keys(options.methodOptions ?? {})
          .map((path) => ({ property: `${prefix}methodOptions.${path}`, key: path.replace(/^\//, '') })));
        checkBesideHandWritten(owner, REST_API_FAMILY, props.restApiId, this.stage);
        checkServedDeployment(owner, props.deploymentId, props.stageName);
        // A stage made on its own claims its name for the API as a deployment construct's stages do.
        claimStage(owner, apiIdentity(owner, undefined, props.restApiId, 'aws_api_gateway_rest_api'), props.stageName, 'stageName', 'REST API');
      }
      const stage = this.stage;
      this.mappingTarget = {
        apiId: props.restApiId,
        // Read when a mapping is made: each reference token captures a whole stack trace.
        get stageNameReference() {
          return stage.stageName;
        },
        provider: props.provider,
        region: props.region,
        apiKind: 'REST',
      };
      this._initStage({
        resource: this.stage,
        stageName: props.stageName,
        accessLogGroup: accessLog?.group,
        logsToCloudWatch: logsToCloudWatch(options),
        mappingTarget: this.mappingTarget,
      });
      initMetricSource(this, {
        kind: 'REST',
        apiId: props.restApiId,
        stageName: props.stageName,
        stageResource: this.stage,
        provider: props.provider,
        region: props.region,
        detailedMetrics: restDetailedMetrics(options.metricsEnabled,
          Object.entries(options.methodOptions ?? {}).map(([path, method]) => [path, method?.metricsEnabled] as const)),
        notPublished: (metricName) => (metricName.startsWith('Cache') && options.cacheClusterEnabled !== true && !Token.isUnresolved(options.cacheClusterEnabled)
          ? 'the stage has no cache cluster (cacheClusterEnabled), and only a stage with one publishes its cache hits and misses' : undefined),
      });
      checkHandWrittenAlarms(owner, this);

      this.addMethodSettings(owner, prefix, props, options);
      if (owner === this) {
        // Made on its own, a stage that logs waits for the account's CloudWatch role of its stack, as a deployment's do.
        prepareStageLogging(this, this, undefined, false, REST_STAGE_RESOURCE_TYPES);
      }

      if (options.webAclArn !== undefined) {
        const association = newOwnedResource(ProviderResources.Wafv2WebAclAssociation, this, 'WebAcl', {
          resourceArn: this.stage.arn,
          webAclArn: options.webAclArn,
          provider: props.provider,
          region: props.region,
        }, {
          owner,
          property: `${prefix}webAclArn`,
          fixed: {
            resourceArn: 'it is the stage the web ACL protects',
            webAclArn: "it is the construct's webAclArn (give another there)",
            region: "it is the API's region, where the stage is",
          },
        });
        validateWebAclArn(owner, `${prefix}webAclArn`, options.webAclArn, association);
        checkAssociationsWrittenByHand(owner, this.stage, `${prefix}webAclArn`, stageResourceProperty(this, props.stageName).replace(/stage$/, 'webAclAssociation'));
        this.webAclAssociation = association;
      }
    } catch (error) {
      throw abandon(this, error, call);
    }
    closeCall(call);
  }

  /**
   * Maps a custom domain (or a base path of it) to this stage: an `aws_api_gateway_base_path_mapping`
   * that names the stage through the stage resource, so it is created after the stage and moved
   * before a renamed stage's old self is deleted.
   *
   * @param domainName the custom domain name (`aws_api_gateway_domain_name.domainName`)
   * @param options the base path, and the domain's id for a private custom domain. Default: the whole domain
   */
  public addBasePathMapping(domainName: string, options: BasePathMappingOptions = {}): ApiGatewayBasePathMapping {
    const owner = stageErrorOwner(this);
    const mapping = addBasePathMapping(owner, owner, `${stagePropertyPrefix(this, this.stageName)}addBasePathMapping`, this.mappingTarget,
      domainName, options ?? {});
    this._recordDomainUrl(mapping.domainName, options?.basePath);
    return mapping;
  }

  /**
   * The stage's server errors, `5XXError`: requests answered with a 5XX status.
   *
   * `Sum` says how many, `Average` their share of the requests (0 to 1).
   *
   * @param options the statistic, the period, one method, the canary. Default: `Sum` over 5 minutes
   */
  public metricServerError(options: StageMetricOptions = {}): StageMetric {
    return stageMetric(this, '5XXError', options ?? {}, 'metricServerError');
  }

  /**
   * The stage's requests, `Count`.
   *
   * @param options the statistic, the period, one method, the canary. Default: `Sum` over 5 minutes
   */
  public metricCount(options: StageMetricOptions = {}): StageMetric {
    return stageMetric(this, 'Count', options ?? {}, 'metricCount');
  }

  /**
   * The stage's `Latency`: milliseconds from receiving a request to answering it.
   *
   * @param options the statistic (a percentile such as `p99`), the period, one method, the canary. Default: `Average` over 5 minutes
   */
  public metricLatency(options: StageMetricOptions = {}): StageMetric {
    return stageMetric(this, 'Latency', options ?? {}, 'metricLatency');
  }

  /**
   * The stage's `CacheHitCount`: requests served from the stage cache.
   *
   * @param options the statistic, the period, one method, the canary. Default: `Sum` over 5 minutes
   */
  public metricCacheHitCount(options: StageMetricOptions = {}): StageMetric {
    return stageMetric(this, 'CacheHitCount', options ?? {}, 'metricCacheHitCount');
  }

  /**
   * The stage's `CacheMissCount`: requests served from the backend while the stage cache is on.
   *
   * @param options the statistic, the period, one method, the canary. Default: `Sum` over 5 minutes
   */
  public metricCacheMissCount(options: StageMetricOptions = {}): StageMetric {
    return stageMetric(this, 'CacheMissCount', options ?? {}, 'metricCacheMissCount');
  }

  /**
   * The URL of a path on the stage.
   *
   * @param path the path, starting with `/`. Default: `/`
   */
  public urlForPath(path: string = '/'): string {
    validateUrlPath(stageErrorOwner(this), path);
    recordUrlTarget(stageErrorOwner(this), path);
    return `${this.invokeUrl}${path}`;
  }

  private addMethodSettings(owner: IConstruct, prefix: string, props: RestApiStageProps, options: StageOptions): void {
    // Each entry: the path, the property errors name, and the settings (an override keeps
    // the stage-wide settings it does not name).
    const stageWide = methodDeploymentOptionsOf(options);
    const entries: Array<[string, string, MethodDeploymentOptions]> = [
      ...(stageWide ? [['*/*', prefix.replace(/\.$/, ''), stageWide] as [string, string, MethodDeploymentOptions]] : []),
      ...Object.entries(options.methodOptions ?? {}).map(([path, methodOptions]) =>
        [path, `${prefix}methodOptions.${path}`, { ...stageWide, ...withoutUndefined(methodOptions) }] as [string, string, MethodDeploymentOptions]),
    ];
    const settingsProperty = stageResourceProperty(this, props.stageName).replace(/stage$/, 'methodSettings');
    if (entries.length === 0) {
      // Method settings written by hand for the stage are judged all the same (the method they name).
      checkBesideWrittenByHand(owner, this.stage, new Map(), settingsProperty);
      return;
    }
    const target: MethodSettingsTarget = {
      owner,
      restApiId: props.restApiId,
      stageName: this.stage.stageName,
      // Known only at deploy time, the cache cluster may be there.
      cacheClusterEnabled: options.cacheClusterEnabled === true || Token.isUnresolved(options.cacheClusterEnabled),
      provider: props.provider,
      region: props.region,
    };
    const container = new Construct(this, 'MethodSettings');
    const seen = new Map<string, string>();
    const made = new Map<string, MadeSettings>();
    for (const [index, [path, property, settings]] of entries.entries()) {
      const key = methodKeyOf(owner, property, path);
      if (seen.has(key)) {
        throw invalidProperty(owner, property, path, `a method path given once (it is the same as "${seen.get(key)}")`);
      }
      seen.set(key, path);
      const id = key === '*/*' ? 'AllMethods' : Token.isUnresolved(key) ? `Path${index}` : key.replace(/\//g, '_');
      this.methodSettings.push(addMethodSettings(container, id, target, property, providerMethodPath(key), settings));
      made.set(providerMethodPath(key), { property, path, index: this.methodSettings.length - 1 });
    }
    checkBesideWrittenByHand(owner, this.stage, made, settingsProperty);
  }
}

checkEntryPoints(RestApiStage);

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Whether a stage with these options makes API Gateway write to CloudWatch Logs, which it
 * does only once the account's CloudWatch role is set: access logs to a log group (not to a
 * Firehose stream), or execution logs (`loggingLevel` ERROR or INFO, `dataTraceEnabled`).
 *
 * @param options the stage's options, deprecated names already replaced
 */
function logsToCloudWatch(options: StageOptions): boolean {
  const accessLogs = options.accessLogDestination?.isCloudWatchLogs === true;
  const methods: MethodDeploymentOptions[] = [options, ...Object.values(options.methodOptions ?? {})];
  // A setting known only at deploy time may turn logging on.
  const executionLogs = methods.some((method) => method.dataTraceEnabled === true || Token.isUnresolved(method.dataTraceEnabled)
    || method.loggingLevel === MethodLoggingLevel.ERROR || method.loggingLevel === MethodLoggingLevel.INFO
    || Token.isUnresolved(method.loggingLevel));
  return accessLogs || executionLogs;
}
