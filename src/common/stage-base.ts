import type { Apigatewayv2ApiMapping } from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping';
import type { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import type { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import { undoIfFailed } from '../core/abandoned';
import { checkEntryPoints } from '../core/argument-checks';
import { markStage, stageErrorOwner, stagePropertyPrefix } from '../core/deployment-marker';
import { invalidProperty, notOneOfTheLibrarys } from '../core/errors';
import { addApiMapping, ApiMappingOptions, MappingTarget } from '../domains/api-mapping';
import { DefaultAlarmsOptions, ErrorRateAlarmOptions, StageAlarmOptions } from '../metrics/alarm-options';
import { addDefaultAlarms } from '../metrics/default-alarms';
import { metricSourceOf } from '../metrics/metric-source';
import { addErrorRateAlarm, addStageAlarm, clientErrorName } from '../metrics/stage-alarms';
import { StageMetric, StageMetricOptions } from '../metrics/stage-metric';
import { stageMetric } from '../metrics/stage-metrics';

/** What a stage construct hands its base once it has made its resources. */
export interface StageParts {
  /** The stage resource (`aws_api_gateway_stage`, `aws_apigatewayv2_stage`): their attributes have the same names. */
  readonly resource: { readonly invokeUrl: string; readonly executionArn: string; readonly arn: string };
  readonly stageName: string;
  readonly accessLogGroup?: CloudwatchLogGroup;
  /** Whether API Gateway writes the stage's logs to CloudWatch Logs (which needs the account's CloudWatch role). */
  readonly logsToCloudWatch: boolean;
  /** What an API mapping names: the API, the stage through its resource, the provider, the kind. */
  readonly mappingTarget: MappingTarget;
}

/** The classes that are a `StageBase`, for the error of one that is none of them. */
const STAGE_CLASSES = 'RestApiStage, HttpApiStage or WebSocketApiStage (or a deployment construct, which makes its stages)';

/**
 * What every stage construct is (`RestApiStage`, `HttpApiStage`, `WebSocketApiStage`): a stage of
 * an API with its name, URLs and ARNs, and the access log group it may create. Each kind adds its
 * own stage resource (`stage`) and what only it has (base path mappings, a callback URL).
 */
export abstract class StageBase extends Construct {
  /** What `_initStage` kept. */
  private parts?: StageParts;
  /** The URLs of the stage on the custom domains mapped to it, in the order they were mapped. */
  private readonly domainUrls: string[] = [];

  /**
   * @param scope the construct to create it in
   * @param id its construct id
   */
  constructor(scope: Construct, id: string) {
    super(scope, id);
    if (new.target === StageBase) {
      throw new Error(notOneOfTheLibrarys(this, 'StageBase', STAGE_CLASSES));
    }
  }

  /** The name of the stage. */
  public get stageName(): string {
    return this.made.stageName;
  }

  /**
   * The URL that invokes the stage: `https://<api id>.execute-api.<region>.amazonaws.com/<stage>`
   * (`wss://...` for a WebSocket API).
   */
  public get invokeUrl(): string {
    return this.made.resource.invokeUrl;
  }

  /** The execution ARN of the stage: `arn:aws:execute-api:<region>:<account>:<api id>/<stage>`. */
  public get executionArn(): string {
    return this.made.resource.executionArn;
  }

  /** The ARN of the stage resource. */
  public get stageArn(): string {
    return this.made.resource.arn;
  }

  /** The log group created for the access logs, with `AccessLogDestination.newLogGroup()`. */
  public get accessLogGroup(): CloudwatchLogGroup | undefined {
    return this.made.accessLogGroup;
  }

  /**
   * Maps a custom domain name, or a path of it, to this stage: an `aws_apigatewayv2_api_mapping`
   * (for REST APIs too: keys of several levels, such as `orders/v1`, exist only there) that names
   * the stage through the stage resource, so it is created after the stage and moved to a renamed
   * stage before the old one is deleted. Checked across the app at synth: two mappings with one
   * key on one domain, a WebSocket API and a REST or HTTP API on one domain, a key AWS refuses.
   *
   * @param domainName the custom domain name: the domain resource's `domainName`
   * (`aws_apigatewayv2_domain_name`, `aws_api_gateway_domain_name`), or the name as a string for
   * a domain managed elsewhere
   * @param options the mapping key. Default: none, the stage serves the paths no other key of the domain begins
   */
  public addApiMapping(domainName: string, options: ApiMappingOptions = {}): Apigatewayv2ApiMapping {
    const parts = this.made;
    const owner = stageErrorOwner(this);
    const mapping = addApiMapping(owner, owner, `${stagePropertyPrefix(this, parts.stageName)}addApiMapping`,
      parts.mappingTarget, domainName, options ?? {});
    this._recordDomainUrl(mapping.domainName, options?.apiMappingKey);
    return mapping;
  }

  /**
   * The URL of the stage on the custom domain mapped to it (`addApiMapping`, a REST stage's
   * `addBasePathMapping`): `https://<domain>/<key>` (`wss://` for a WebSocket API), which waits for the
   * mapping. Read it after the mapping is added (before, it is undefined). Mapped twice, it fails: build
   * each URL from its mapping's `domainName` and key.
   * @default - undefined while no custom domain is mapped to the stage
   */
  public get domainUrl(): string | undefined {
    const urls = this.domainUrls;
    if (urls.length > 1) {
      throw invalidProperty(stageErrorOwner(this), `${stagePropertyPrefix(this, this.stageName)}domainUrl`, urls,
        "a stage mapped to one custom domain path: this one has several, so say which (each mapping's domainName and key: 'https://<domainName>/<key>')");
    }
    return urls[0];
  }

  /**
   * A CloudWatch metric the stage publishes, by the name its kind publishes it under.
   *
   * REST `4XXError`, `5XXError`, `Count`, `Latency`, `IntegrationLatency`, `CacheHitCount`,
   * `CacheMissCount`; HTTP `4xx`, `5xx`, `Count`, `Latency`, `IntegrationLatency`, `DataProcessed`;
   * WebSocket `ConnectCount`, `MessageCount`, `IntegrationError`, `ClientError`, `ExecutionError`,
   * `IntegrationLatency` (AWS's pages "Amazon API Gateway dimensions and metrics", "Monitor CloudWatch
   * metrics for HTTP APIs", "Monitor WebSocket API execution with CloudWatch metrics"). A name another
   * kind publishes, a method or route without detailed metrics or that the API does not serve, and a
   * percentile of a count fail at synth: an alarm on them would never fire.
   *
   * @param metricName the metric's name
   * @param options the statistic, the period, one method or route, the canary. Default: the stage's metric, `Sum` or `Average` over 5 minutes
   */
  public metric(metricName: string, options: StageMetricOptions = {}): StageMetric {
    return stageMetric(this, metricName, options ?? {}, `metric(${metricName})`);
  }

  /**
   * The stage's client errors: `4XXError` (REST), `4xx` (HTTP), `ClientError` (WebSocket).
   *
   * REST and HTTP stages count requests answered with a 4XX status (`Sum` says how many, `Average`
   * their share of the requests, 0 to 1); WebSocket stages the requests API Gateway answered with a 4XX
   * status before calling the integration.
   *
   * @param options the statistic, the period, one method or route, the canary. Default: `Sum` over 5 minutes
   */
  public metricClientError(options: StageMetricOptions = {}): StageMetric {
    return stageMetric(this, clientErrorName(metricSourceOf(this)?.kind ?? 'REST'), options ?? {}, 'metricClientError');
  }

  /**
   * The stage's `IntegrationLatency`: milliseconds from relaying a request to the backend to its answer.
   *
   * @param options the statistic (a percentile such as `p99`), the period, one method or route, the canary. Default: `Average` over 5 minutes
   */
  public metricIntegrationLatency(options: StageMetricOptions = {}): StageMetric {
    return stageMetric(this, 'IntegrationLatency', options ?? {}, 'metricIntegrationLatency');
  }

  /**
   * Adds an `aws_cloudwatch_metric_alarm` on one of the stage's metrics, with the stage's provider and
   * region. Fails at synth where it could never fire: a metric, dimension or statistic the stage does not
   * publish, a method or route without detailed metrics, a threshold its statistic cannot reach (an
   * Average of errors is a share, at most 1; no metric is below 0).
   *
   * @param id the alarm's construct id, in the stage. Its default name is the stack's name and the alarm's
   * construct path joined with '-' (`<stack>-<deployment>-Stage-<id>` for a main stage, `...-Stage_<name>-<id>` for an added one)
   * @param options the metric, the threshold and how it is compared, the actions
   */
  public addAlarm(id: string, options: StageAlarmOptions): CloudwatchMetricAlarm {
    return addStageAlarm(this, id, options);
  }

  /**
   * Adds an `aws_cloudwatch_metric_alarm` on the share of the stage's requests that failed, in percent
   * (metric math: `100 * errors / requests`): REST and HTTP stages.
   *
   * @param id the alarm's construct id, in the stage
   * @param options the threshold in percent, server or client errors, the actions
   */
  public addErrorRateAlarm(id: string, options: ErrorRateAlarmOptions): CloudwatchMetricAlarm {
    return addErrorRateAlarm(this, id, options);
  }

  /**
   * Adds the stage's default alarms, each threshold changeable in the options.
   *
   * REST and HTTP stages get the server error rate (5% in 3 of 5 minutes; construct id `ServerErrorRate`)
   * and the p99 latency (3 s for 15 minutes; `LatencyP99`), WebSocket stages the integration errors (5 in
   * 5 minutes; `IntegrationErrors`); named as `addAlarm` names alarms. They watch the stage's own
   * requests: a REST canary's are not in them (add an alarm on a `canary: true` metric).
   *
   * @param options the actions and thresholds. Default: the defaults, no actions
   */
  public addDefaultAlarms(options: DefaultAlarmsOptions = {}): CloudwatchMetricAlarm[] {
    return addDefaultAlarms(this, options ?? {});
  }

  /**
   * Whether API Gateway writes the stage's logs to CloudWatch Logs (for `prepareStageLogging`).
   * @internal
   */
  public get _logsToCloudWatch(): boolean {
    return this.made.logsToCloudWatch;
  }

  /**
   * The last step of a stage construct's constructor: keeps the resources it made for the base's members, and marks it as the library's.
   * @internal
   */
  protected _initStage(parts: StageParts): void {
    this.parts = parts;
    markStage(this);
  }

  /**
   * Records the URL of the stage on a custom domain it was mapped to (`domainUrl`).
   * @internal
   */
  protected _recordDomainUrl(domainName: string, key: string | undefined): void {
    const scheme = this.made.mappingTarget.apiKind === 'WebSocket' ? 'wss' : 'https';
    const urls = this.domainUrls;
    const url = `${scheme}://${domainName}/${key ?? ''}`;
    urls.push(url);
    undoIfFailed(() => urls.splice(urls.indexOf(url), 1));
  }

  /** What `_initStage` kept; a class that extends this one but is none of the library's has nothing. */
  private get made(): StageParts {
    if (this.parts === undefined) {
      throw new Error(notOneOfTheLibrarys(this, 'StageBase', STAGE_CLASSES));
    }
    return this.parts;
  }
}

checkEntryPoints(StageBase);
