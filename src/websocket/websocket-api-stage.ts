import { Fn, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { WEBSOCKET_API_STAGE_PROPS } from './websocket-shapes';
import { AccessLogFormat } from '../common/access-log';
import { CommonStageOptions } from '../common/common-stage-options';
import { WebSocketRouteOptions } from '../common/route-settings';
import { V2StageBase, V2StageKind } from '../common/v2-stage-base';
import { checkedScope, checkEntryPoints } from '../core/argument-checks';
import { StageMetric, StageMetricOptions } from '../metrics/stage-metric';
import { stageMetric } from '../metrics/stage-metrics';

/**
 * The options of a WebSocket API stage: everything `aws_apigatewayv2_stage` offers a WebSocket
 * API. The same for the main stage (the props of a `WebSocketApiDeployment`) and for `addStage`.
 * The route settings at the top level apply to every route; `routeOptions` override them per
 * route. None of them needs a redeploy.
 */
export interface WebSocketStageOptions extends CommonStageOptions, WebSocketRouteOptions {
  /**
   * Route settings for single routes, keyed by route key (`$connect`, `$default`, `sendmessage`).
   * Each entry overrides the stage's own route settings for that route: settings it does not name
   * keep the stage's values. The route must exist.
   * @default - none
   */
  readonly routeOptions?: { [routeKey: string]: WebSocketRouteOptions };

  /**
   * The id of the client certificate API Gateway presents to HTTP backends.
   * @default - none
   */
  readonly clientCertificateId?: string;
}

/** Properties of a `WebSocketApiStage`. */
export interface WebSocketApiStageProps extends WebSocketStageOptions {
  /** The id of the WebSocket API. */
  readonly apiId: string;

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

/** A WebSocket API's stages: any route key, execution logs (which need the account's CloudWatch role). */
const WEBSOCKET_STAGE: V2StageKind = {
  apiKind: 'WebSocket',
  allowsDefaultStage: false,
  defaultAccessLogFormat: AccessLogFormat.jsonWithWebSocketFields(),
  propsShape: WEBSOCKET_API_STAGE_PROPS,
  logsNeedCloudWatchRole: true,
};

/** A stage of a WebSocket API: the `aws_apigatewayv2_stage`, and the access log group its options ask for. */
export class WebSocketApiStage extends V2StageBase {
  constructor(scope: Construct, id: string, props: WebSocketApiStageProps) {
    super(checkedScope('WebSocketApiStage', [scope, id, props]), id, props, WEBSOCKET_STAGE);
  }

  /**
   * The URL a backend posts to for connected clients (`POST <callbackUrl>/@connections/{connectionId}`),
   * e.g. `https://abc123.execute-api.eu-west-2.amazonaws.com/prod`.
   */
  public get callbackUrl(): string {
    return Fn.replace(this.invokeUrl, 'wss://', 'https://');
  }

  /**
   * The ARN of the stage's `@connections` API, for the IAM policy of a backend that manages its clients.
   *
   * A backend that sends to, reads or disconnects clients needs `execute-api:ManageConnections` on it
   * (AWS CDK's `grantManagementApiAccess`). It is the stage's execution ARN, then any method (POST
   * sends, GET reads, DELETE disconnects) and `/@connections/*`.
   */
  public get connectionsArn(): string {
    return `${this.executionArn}/*/@connections/*`;
  }

  /**
   * The stage's `ConnectCount`: messages sent to the `$connect` route integration.
   * AWS's "Monitor WebSocket API execution with CloudWatch metrics".
   *
   * @param options the statistic, the period. Default: `Sum` over 5 minutes
   */
  public metricConnectCount(options: StageMetricOptions = {}): StageMetric {
    return stageMetric(this, 'ConnectCount', options ?? {}, 'metricConnectCount');
  }

  /**
   * The stage's `MessageCount`: messages sent to the API, from or to clients.
   *
   * @param options the statistic, the period. Default: `Sum` over 5 minutes
   */
  public metricMessageCount(options: StageMetricOptions = {}): StageMetric {
    return stageMetric(this, 'MessageCount', options ?? {}, 'metricMessageCount');
  }

  /**
   * The stage's `IntegrationError`: requests the integration answered with a 4XX/5XX status.
   *
   * @param options the statistic, the period. Default: `Sum` over 5 minutes
   */
  public metricIntegrationError(options: StageMetricOptions = {}): StageMetric {
    return stageMetric(this, 'IntegrationError', options ?? {}, 'metricIntegrationError');
  }

  /**
   * The stage's `ExecutionError`: errors that occurred when calling the integration.
   *
   * @param options the statistic, the period. Default: `Sum` over 5 minutes
   */
  public metricExecutionError(options: StageMetricOptions = {}): StageMetric {
    return stageMetric(this, 'ExecutionError', options ?? {}, 'metricExecutionError');
  }
}

checkEntryPoints(WebSocketApiStage);
