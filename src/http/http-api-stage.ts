import type { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { HTTP_API_STAGE_PROPS } from './http-shapes';
import { AccessLogFormat } from '../common/access-log';
import { createV2Stage, stageUrlForPath } from '../common/api-gateway-v2-stage';
import { CommonStageOptions } from '../common/common-stage-options';
import { HttpRouteOptions } from '../common/route-settings';
import { StageBase } from '../common/stage-base';
import { abandon, closeCall, openCall } from '../core/abandoned';
import { checkedScope, checkEntryPoints } from '../core/argument-checks';
import { stageErrorOwner, stagePropertyPrefix } from '../core/deployment-marker';
import { checkStruct } from '../core/struct-check';
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

/** An HTTP API's route keys: `$default`, or an HTTP method (or `ANY`) and a path. */
const HTTP_ROUTE_KEYS = {
  pattern: /^(\$default|(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY) \/\S*)$/,
  expected: "a route key: '$default', or an HTTP method (or ANY) and a path, such as 'GET /pets' or 'ANY /pets/{proxy+}'",
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
export class HttpApiStage extends StageBase {
  /** The `aws_apigatewayv2_stage` resource. */
  public readonly stage: Apigatewayv2Stage;

  constructor(scope: Construct, id: string, props: HttpApiStageProps) {
    super(checkedScope('HttpApiStage', [scope, id, props]), id);
    // A constructor that fails leaves nothing behind, and says nothing (core/abandoned.ts).
    const call = openCall();
    try {
      const owner = stageErrorOwner(this);
      const prefix = stagePropertyPrefix(this, props.stageName);
      checkStruct(owner, prefix, props, HTTP_API_STAGE_PROPS);
      this.stage = createV2Stage(this, owner, prefix, props, {
        apiKind: 'HTTP',
        allowsDefaultStage: true,
        defaultAccessLogFormat: AccessLogFormat.jsonWithHttpApiFields(),
        routeKeys: HTTP_ROUTE_KEYS,
      });
    } catch (error) {
      throw abandon(this, error, call);
    }
    closeCall(call);
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
