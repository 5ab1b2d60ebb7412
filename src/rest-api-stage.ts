import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';
import { TerraformProvider, Token } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { AccessLogFormat } from './access-log';
import { CacheClusterSize } from './cache-cluster-size';
import { stageErrorOwner } from './deployment-marker';
import { invalidProperty } from './errors';
import { addMethodSettings, methodPathOf, MethodSettingsOptions, MethodSettingsTarget } from './method-settings';
import { validateStageName, validateStageVariables } from './validation';

/** Where a stage sends its access logs. */
export interface AccessLogSettings {
  /** The ARN of the destination: a CloudWatch log group or a Kinesis Data Firehose stream. */
  readonly destinationArn: string;

  /**
   * The format of each line.
   * @default AccessLogFormat.jsonWithStandardFields()
   */
  readonly format?: AccessLogFormat;
}

/** A CloudWatch log group created for the stage's access logs. */
export interface AccessLoggingOptions {
  /**
   * How many days to keep the logs: one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180,
   * 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653.
   * @default - kept forever
   */
  readonly retentionInDays?: number;

  /**
   * The format of each line.
   * @default AccessLogFormat.jsonWithStandardFields()
   */
  readonly format?: AccessLogFormat;

  /**
   * The ARN of a KMS key to encrypt the log group with. The key policy must allow the
   * CloudWatch Logs service principal of the region to use it.
   * @default - encrypted with a key CloudWatch Logs manages
   */
  readonly kmsKeyId?: string;
}

/**
 * The settings of a stage: everything `aws_api_gateway_stage` and
 * `aws_api_gateway_method_settings` offer, except the description. None of them needs
 * a redeploy.
 */
export interface StageSettings {
  /**
   * Stage variables: names of letters, digits and `_`; values of letters, digits and
   * `-._~:/?#&=,`.
   * @default - no stage variables
   */
  readonly variables?: { [name: string]: string };

  /**
   * Send access logs to an existing destination. Give at most one of
   * `accessLogSettings` and `accessLogging`.
   * @default - no access logs
   */
  readonly accessLogSettings?: AccessLogSettings;

  /**
   * Create a CloudWatch log group named `API-Gateway-Access-Logs_<rest api id>/<stage name>`
   * and send access logs to it. Give at most one of `accessLogSettings` and `accessLogging`.
   * @default - no access logs
   */
  readonly accessLogging?: AccessLoggingOptions;

  /**
   * Whether X-Ray tracing is on.
   * @default false
   */
  readonly xrayTracingEnabled?: boolean;

  /**
   * Whether the stage has a cache cluster (billed by the hour).
   * @default false
   */
  readonly cacheClusterEnabled?: boolean;

  /**
   * The size of the cache cluster; only with `cacheClusterEnabled`.
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
   * Tags for the stage.
   * @default - none
   */
  readonly tags?: { [key: string]: string };

  /**
   * The ARN of a WAFv2 web ACL to associate with the stage
   * (`aws_wafv2_web_acl_association`).
   * @default - no web ACL
   */
  readonly webAclArn?: string;

  /**
   * Method settings for every method of the stage (method path `*` + `/` + `*`).
   * @default - API Gateway's defaults
   */
  readonly methodSettings?: MethodSettingsOptions;

  /**
   * Method settings for single methods, keyed by method path: `/pets/GET`,
   * `/pets/{id}/*` (the leading slash is optional and trimmed). Each entry overrides the
   * stage-wide `methodSettings` for that method: settings it does not name keep the
   * stage-wide values.
   * @default - none
   */
  readonly methodOptions?: { [path: string]: MethodSettingsOptions };
}

/** The settings of an additional stage. */
export interface StageOptions extends StageSettings {
  /**
   * The description of the stage.
   * @default - no description
   */
  readonly description?: string;
}

/** Properties of a {@link RestApiStage}. */
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
}

const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/**
 * A stage of a REST API: the `aws_api_gateway_stage`, and the method settings, access
 * log group and web ACL association its options ask for.
 */
export class RestApiStage extends Construct {
  /** The `aws_api_gateway_stage` resource. */
  public readonly stage: ApiGatewayStage;

  /** The name of the stage. */
  public readonly stageName: string;

  /** The log group created for the access logs, when `accessLogging` was given. */
  public readonly accessLogGroup?: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: RestApiStageProps) {
    super(scope, id);
    // Errors name the construct the user created, and the properties as the user wrote them:
    // a RestApiDeployment's main stage takes its props, addStage() its options.
    const owner = stageErrorOwner(this);
    const prefix = owner !== this && id !== 'Stage' ? `addStage(${props.stageName}).` : '';
    validateStageName(owner, `${prefix}stageName`, props.stageName);
    validateStageVariables(owner, `${prefix}variables`, props.variables);
    this.stageName = props.stageName;

    if (props.cacheClusterSize && !props.cacheClusterSize.isOffered) {
      throw invalidProperty(owner, `${prefix}cacheClusterSize`, props.cacheClusterSize.size,
        `one of ${CacheClusterSize.ALLOWED_SIZES.join(', ')} (GB)`);
    }
    if (props.cacheClusterSize && props.cacheClusterEnabled !== true) {
      throw invalidProperty(owner, `${prefix}cacheClusterSize`, props.cacheClusterSize.size,
        "no size unless 'cacheClusterEnabled' is true");
    }

    const accessLog = this.accessLogDestination(owner, prefix, props);
    this.accessLogGroup = accessLog?.group;

    this.stage = new ApiGatewayStage(this, 'Default', {
      restApiId: props.restApiId,
      deploymentId: props.deploymentId,
      stageName: props.stageName,
      description: props.description,
      variables: props.variables,
      xrayTracingEnabled: props.xrayTracingEnabled,
      cacheClusterEnabled: props.cacheClusterEnabled,
      cacheClusterSize: props.cacheClusterSize?.size,
      clientCertificateId: props.clientCertificateId,
      documentationVersion: props.documentationVersion,
      tags: props.tags,
      accessLogSettings: accessLog ? { destinationArn: accessLog.destinationArn, format: accessLog.format.toString() } : undefined,
      provider: props.provider,
    });

    this.addMethodSettings(owner, prefix, props);

    if (props.webAclArn !== undefined) {
      new Wafv2WebAclAssociation(this, 'WebAcl', {
        resourceArn: this.stage.arn,
        webAclArn: props.webAclArn,
        provider: props.provider,
      });
    }
  }

  /** The URL that invokes the stage. */
  public get invokeUrl(): string {
    return this.stage.invokeUrl;
  }

  /** The execution ARN of the stage. */
  public get executionArn(): string {
    return this.stage.executionArn;
  }

  /** The ARN of the stage resource. */
  public get stageArn(): string {
    return this.stage.arn;
  }

  /**
   * The URL of a path on the stage.
   *
   * @param path the path, starting with `/`. Default: `/`
   */
  public urlForPath(path: string = '/'): string {
    if (!Token.isUnresolved(path) && !path.startsWith('/')) {
      throw invalidProperty(stageErrorOwner(this), 'urlForPath(path)', path, 'a path that starts with "/"');
    }
    return `${this.invokeUrl}${path}`;
  }

  private accessLogDestination(owner: IConstruct, prefix: string, props: RestApiStageProps) {
    if (props.accessLogSettings && props.accessLogging) {
      throw invalidProperty(owner, `${prefix}accessLogging`, props.accessLogging,
        "no 'accessLogging' when 'accessLogSettings' is given: one sends logs to your destination, the other creates a log group");
    }
    const requested = props.accessLogSettings ?? props.accessLogging;
    if (!requested) {
      return undefined;
    }
    const property = `${prefix}${props.accessLogSettings ? 'accessLogSettings' : 'accessLogging'}`;
    const format = requested.format ?? AccessLogFormat.jsonWithStandardFields();
    if (!format.identifiesRequests) {
      throw invalidProperty(owner, `${property}.format`, format.toString(),
        'a format that logs $context.requestId or $context.extendedRequestId, so each line can be matched with a request');
    }
    if (props.accessLogSettings) {
      if (!props.accessLogSettings.destinationArn) {
        throw invalidProperty(owner, `${property}.destinationArn`, props.accessLogSettings.destinationArn,
          'the ARN of a CloudWatch log group or Firehose stream: a format needs a destination');
      }
      return { destinationArn: props.accessLogSettings.destinationArn, format, group: undefined };
    }
    const retention = props.accessLogging!.retentionInDays;
    if (retention !== undefined && !Token.isUnresolved(retention) && !LOG_RETENTION_DAYS.includes(retention)) {
      throw invalidProperty(owner, `${property}.retentionInDays`, retention, `one of ${LOG_RETENTION_DAYS.join(', ')}`);
    }
    const group = new CloudwatchLogGroup(this, 'AccessLogs', {
      name: `API-Gateway-Access-Logs_${props.restApiId}/${props.stageName}`,
      retentionInDays: retention,
      kmsKeyId: props.accessLogging!.kmsKeyId,
      provider: props.provider,
    });
    return { destinationArn: group.arn, format, group };
  }

  private addMethodSettings(owner: IConstruct, prefix: string, props: RestApiStageProps): void {
    // Each entry: the path, the property errors name, and the settings (an override keeps
    // the stage-wide settings it does not name).
    const entries: Array<[string, string, MethodSettingsOptions]> = [
      ...(props.methodSettings ? [['*/*', `${prefix}methodSettings`, props.methodSettings] as [string, string, MethodSettingsOptions]] : []),
      ...Object.entries(props.methodOptions ?? {}).map(([path, options]) =>
        [path, `${prefix}methodOptions.${path}`, { ...props.methodSettings, ...withoutUndefined(options) }] as [string, string, MethodSettingsOptions]),
    ];
    if (entries.length === 0) {
      return;
    }
    const target: MethodSettingsTarget = {
      owner,
      restApiId: props.restApiId,
      stageName: this.stage.stageName,
      cacheClusterEnabled: props.cacheClusterEnabled === true,
    };
    const container = new Construct(this, 'MethodSettings');
    const seen = new Map<string, string>();
    for (const [index, [path, property, options]] of entries.entries()) {
      const methodPath = methodPathOf(owner, property, path);
      if (seen.has(methodPath)) {
        throw invalidProperty(owner, property, path, `a method path given once (it is the same as "${seen.get(methodPath)}")`);
      }
      seen.set(methodPath, path);
      const id = methodPath === '*/*' ? 'AllMethods' : Token.isUnresolved(methodPath) ? `Path${index}` : methodPath.replace(/\//g, '_');
      addMethodSettings(container, id, target, property, methodPath, options);
    }
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
