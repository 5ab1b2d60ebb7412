import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { HTTP_API_STAGE_PROPS } from './http-shapes';
import { AccessLogFormat } from '../common/access-log';
import { CommonStageOptions } from '../common/common-stage-options';
import { HttpRouteOptions } from '../common/route-settings';
import { stageUrlForPath, V2StageBase, V2StageKind } from '../common/v2-stage-base';
import { checkedScope, checkEntryPoints } from '../core/argument-checks';
import { stageErrorOwner } from '../core/deployment-marker';
import { StageMetric, StageMetricOptions } from '../metrics/stage-metric';
import { stageMetric } from '../metrics/stage-metrics';

/**
 * The options of an HTTP API stage: everything `aws_apigatewayv2_stage` offers an HTTP API. The
 * same for the main stage (the props of an `HttpApiDeployment`) and for `addStage`. The route
 * settings at the top level apply to every route; `routeOptions` override them per route. None
 * of them needs a redeploy.
 */
export interface HttpStageOptions extends CommonStageOptions, HttpRouteOptions {
  /**
   * Route settings for single routes, keyed by route key (`GET /pets`, `$default`). Each entry
   * overrides the stage's own route settings for that route: settings it does not name keep the
   * stage's values. The route must exist.
   * @default - none
   */
  readonly routeOptions?: { [routeKey: string]: HttpRouteOptions };
}

/** An HTTP API's stages: `$default` a stage name, HTTP route keys, access logs only (no account-wide CloudWatch role). */
const HTTP_STAGE: V2StageKind = {
  apiKind: 'HTTP',
  allowsDefaultStage: true,
  defaultAccessLogFormat: AccessLogFormat.jsonWithHttpApiFields(),
  routeKeys: {
    pattern: /^(\$default|(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY) \/\S*)$/,
    expected: "a route key: '$default', or an HTTP method (or ANY) and a path, such as 'GET /pets' or 'ANY /pets/{proxy+}'",
  },
  propsShape: HTTP_API_STAGE_PROPS,
  logsNeedCloudWatchRole: false,
};

/** Properties of an `HttpApiStage`. */
export interface HttpApiStageProps extends HttpStageOptions {
  /** The id of the HTTP API. */
  readonly apiId: string;

  /** The id of the deployment the stage serves. */
  readonly deploymentId: string;

  /** The name of the stage: `$default` (served at the API's root) or 1 to 128 letters, digits, `_` or `-`. */
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

/** A stage of an HTTP API: the `aws_apigatewayv2_stage`, and the access log group its options ask for. */
export class HttpApiStage extends V2StageBase {
  constructor(scope: Construct, id: string, props: HttpApiStageProps) {
    super(checkedScope('HttpApiStage', [scope, id, props]), id, props, HTTP_STAGE);
  }

  /**
   * The URL of a path on the stage.
   *
   * @param path the path, starting with `/`. Default: `/`
   */
  public urlForPath(path: string = '/'): string {
    return stageUrlForPath(stageErrorOwner(this), this.invokeUrl, path);
  }

  /**
   * The stage's server errors, `5xx`: requests answered with a 5xx status.
   *
   * `Sum` says how many, `Average` their share of the requests (0 to 1).
   *
   * @param options the statistic, the period, one route. Default: `Sum` over 5 minutes
   */
  public metricServerError(options: StageMetricOptions = {}): StageMetric {
    return stageMetric(this, '5xx', options ?? {}, 'metricServerError');
  }

  /**
   * The stage's requests, `Count`.
   *
   * @param options the statistic, the period, one route. Default: `Sum` over 5 minutes
   */
  public metricCount(options: StageMetricOptions = {}): StageMetric {
    return stageMetric(this, 'Count', options ?? {}, 'metricCount');
  }

  /**
   * The stage's `Latency`: milliseconds from receiving a request to answering it.
   *
   * @param options the statistic (a percentile such as `p99`), the period, one route. Default: `Average` over 5 minutes
   */
  public metricLatency(options: StageMetricOptions = {}): StageMetric {
    return stageMetric(this, 'Latency', options ?? {}, 'metricLatency');
  }

  /**
   * The stage's `DataProcessed`: bytes processed.
   *
   * @param options the statistic, the period, one route. Default: `Sum` over 5 minutes
   */
  public metricDataProcessed(options: StageMetricOptions = {}): StageMetric {
    return stageMetric(this, 'DataProcessed', options ?? {}, 'metricDataProcessed');
  }
}

checkEntryPoints(HttpApiStage);
