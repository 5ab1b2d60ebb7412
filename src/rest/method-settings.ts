import type { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings';
import { TerraformProvider, Token, Tokenization } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { MethodLoggingLevel } from '../common/logging-level';
import { snakeCase } from '../core/case';
import { invalidProperty } from '../core/errors';
import { newOwnedResource } from '../core/owned-resources';
import { ProviderResources } from '../core/provider-resources';
import { refuseOtherKind } from '../core/scalar-tokens';


/** What API Gateway does with a `Cache-Control: max-age=0` header from an unauthorized caller. */
export enum UnauthorizedCacheControlHeaderStrategy {
  /** Refuse the request with 403. */
  FAIL_WITH_403 = 'FAIL_WITH_403',
  /** Ignore the header and answer with a warning header. */
  SUCCEED_WITH_RESPONSE_HEADER = 'SUCCEED_WITH_RESPONSE_HEADER',
  /** Ignore the header silently. */
  SUCCEED_WITHOUT_RESPONSE_HEADER = 'SUCCEED_WITHOUT_RESPONSE_HEADER',
}

/**
 * Settings for the methods of a stage: logging, metrics, throttling and caching (AWS CDK's
 * name for them). Applied by `aws_api_gateway_method_settings`; they never need a redeploy.
 */
export interface MethodDeploymentOptions {
  /**
   * Whether to send CloudWatch metrics per method.
   * @default - API Gateway's default (false)
   */
  readonly metricsEnabled?: boolean;

  /**
   * The level of execution logs. Needs the account's CloudWatch role
   * (`aws_api_gateway_account`).
   * @default - API Gateway's default (OFF)
   */
  readonly loggingLevel?: MethodLoggingLevel;

  /**
   * Whether to log full requests and responses (data trace). Logs may hold sensitive data.
   * @default - API Gateway's default (false)
   */
  readonly dataTraceEnabled?: boolean;

  /**
   * The throttling burst limit: requests at once. Whole number, 0 or more.
   * @default - the account's limit
   */
  readonly throttlingBurstLimit?: number;

  /**
   * The throttling rate limit: requests per second, 0 or more.
   * @default - the account's limit
   */
  readonly throttlingRateLimit?: number;

  /**
   * Whether responses are cached. Needs the stage's cache cluster (`cacheClusterEnabled`).
   * @default - API Gateway's default (false)
   */
  readonly cachingEnabled?: boolean;

  /**
   * How long responses stay in the cache, in seconds: 0 to 3600.
   * @default - API Gateway's default (300)
   */
  readonly cacheTtl?: number;

  /**
   * Whether cached responses are encrypted.
   * @default - API Gateway's default (false)
   */
  readonly cacheDataEncrypted?: boolean;

  /**
   * Whether invalidating the cache (`Cache-Control: max-age=0`) needs authorization.
   * @default - API Gateway's default (true)
   */
  readonly requireAuthorizationForCacheControl?: boolean;

  /**
   * What to do with an unauthorized cache invalidation request.
   * @default - API Gateway's default (SUCCEED_WITH_RESPONSE_HEADER)
   */
  readonly unauthorizedCacheControlHeaderStrategy?: UnauthorizedCacheControlHeaderStrategy;
}

/**
 * The settings of a stage's methods.
 * @deprecated use `MethodDeploymentOptions` (the same fields under AWS CDK's name); removed in 0.3.0
 */
export interface MethodSettingsOptions extends MethodDeploymentOptions {}

/** The fields of `MethodDeploymentOptions`, to pick them out of a stage's options. */
export const METHOD_DEPLOYMENT_OPTION_NAMES: ReadonlyArray<keyof MethodDeploymentOptions> = [
  'metricsEnabled',
  'loggingLevel',
  'dataTraceEnabled',
  'throttlingBurstLimit',
  'throttlingRateLimit',
  'cachingEnabled',
  'cacheTtl',
  'cacheDataEncrypted',
  'requireAuthorizationForCacheControl',
  'unauthorizedCacheControlHeaderStrategy',
];

/** The method settings among `options` (a stage's options); undefined when none is set. */
export function methodDeploymentOptionsOf(options: MethodDeploymentOptions): MethodDeploymentOptions | undefined {
  const picked = Object.fromEntries(METHOD_DEPLOYMENT_OPTION_NAMES
    .filter((name) => options[name] !== undefined)
    .map((name) => [name, options[name]]));
  return Object.keys(picked).length > 0 ? picked : undefined;
}

const HTTP_METHOD = '(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|ANY|\\*)';
const RESOURCE_PATH = '[A-Za-z0-9._~{}+\\-]+(/[A-Za-z0-9._~{}+\\-]+)*';
/** `*` + `/` + `*`, `{resource_path}/{HTTP_METHOD}`, or `{HTTP_METHOD}` alone for the root resource (`/GET`); the leading `/` dropped. */
const METHOD_PATH = new RegExp(`^(\\*/\\*|((${RESOURCE_PATH}|\\*)/)?${HTTP_METHOD})$`);

/** The stage method settings belong to. */
export interface MethodSettingsTarget {
  /** The construct errors name. */
  readonly owner: IConstruct;
  /** The REST API id. */
  readonly restApiId: string;
  /** The stage name, as a reference to the stage, so the settings wait for it. */
  readonly stageName: string;
  /** Whether the stage has a cache cluster. */
  readonly cacheClusterEnabled: boolean;
  /** The stage's provider (alias). */
  readonly provider?: TerraformProvider;
  /** The stage's own region (provider v6's per-resource `region`). */
  readonly region?: string;
}

/**
 * A `methodOptions` key (`/pets/{id}/GET`, `/GET` for the root resource, `*` + `/` + `*`) without its
 * leading `/`. Throws, naming `property`, when the key has none of these shapes.
 */
export function methodKeyOf(owner: IConstruct, property: string, path: string): string {
  const trimmed = path.startsWith('/') ? path.slice(1) : path;
  if (!Token.isUnresolved(path) && !METHOD_PATH.test(trimmed)) {
    throw invalidProperty(owner, property, path,
      'a method path "/{resource_path}/{HTTP_METHOD}" such as "/pets/GET" or "/pets/{id}/*", "/GET" for the root resource, or "*/*"');
  }
  return trimmed;
}

/**
 * The `method_path` the provider passes to API Gateway as it is, in the stage's patch path
 * (`/{method_path}/metrics/enabled`), a JSON pointer: every `/` of a resource path of several
 * levels is `~1` (`~1pets~1{id}/GET`; unescaped, AWS answers "Invalid method setting path",
 * terraform-provider-aws #9738), the root resource is `~1` (`~1/GET`); a path of one level stays as
 * the provider's page writes it (`pets/GET`).
 */
export function providerMethodPath(key: string): string {
  // A token stands for text without '/' here: the literal parts around one are rewritten; a key that is one token, not.
  if (key === '*/*' || (Token.isUnresolved(key) && Tokenization.reverseString(key).length === 1)) {
    return key;
  }
  const slash = key.lastIndexOf('/');
  if (slash < 0) {
    return `~1/${key}`;
  }
  const resource = key.slice(0, slash);
  return resource.includes('/') ? `~1${resource.replace(/\//g, '~1')}${key.slice(slash)}` : key;
}

/**
 * Validates `options` (errors name `property`, the object that holds them: `methodOptions./pets/GET`;
 * an empty string for a stage's own options) and creates one `aws_api_gateway_method_settings`
 * for `methodPath` (as `providerMethodPath` returns it).
 */
export function addMethodSettings(
  scope: Construct,
  id: string,
  target: MethodSettingsTarget,
  property: string,
  methodPath: string,
  options: MethodDeploymentOptions,
): ApiGatewayMethodSettings {
  validateMethodSettings(target, property, options);
  if (Object.values(options).every((value) => value === undefined)) {
    throw invalidProperty(target.owner, property, options,
      'settings with at least one value: an aws_api_gateway_method_settings without settings is refused by terraform validate (leave the entry out)');
  }
  return newOwnedResource(ProviderResources.ApiGatewayMethodSettings, scope, id, {
    restApiId: target.restApiId,
    stageName: target.stageName,
    methodPath,
    settings: {
      metricsEnabled: options.metricsEnabled,
      loggingLevel: options.loggingLevel,
      dataTraceEnabled: options.dataTraceEnabled,
      throttlingBurstLimit: options.throttlingBurstLimit,
      throttlingRateLimit: options.throttlingRateLimit,
      cachingEnabled: options.cachingEnabled,
      cacheTtlInSeconds: options.cacheTtl,
      cacheDataEncrypted: options.cacheDataEncrypted,
      requireAuthorizationForCacheControl: options.requireAuthorizationForCacheControl,
      unauthorizedCacheControlHeaderStrategy: options.unauthorizedCacheControlHeaderStrategy,
    },
    provider: target.provider,
    region: target.region,
  }, {
    owner: target.owner,
    // `methodOptions./pets/GET`, or, for the stage-wide settings, the stage's (`addStage(beta)`, or none for the main stage).
    property: property === '' ? 'methodSettings' : property.startsWith('addStage(') && !property.includes('.') ? `${property}.methodSettings` : property,
    // Set on the resource (`putSettings`, an override), the settings are checked as the construct's options are.
    checked: {
      settings: (owner, settingsProperty, value) => validateMethodSettings({ ...target, owner }, settingsProperty, optionsOfSettings(value)),
    },
    fixed: {
      restApiId: "it is the stage's API",
      stageName: 'it is the stage the settings are for',
      methodPath: 'the construct checked that the API serves the method (give the settings in methodOptions instead)',
      region: "it is the API's region, where the settings must be made",
    },
  });
}

/** The largest burst limit API Gateway takes (its type is a 32-bit integer). */
const INT32_MAX = 2147483647;

function validateMethodSettings(target: MethodSettingsTarget, property: string, options: MethodDeploymentOptions): void {
  const { owner } = target;
  const inRange = (name: keyof MethodDeploymentOptions, value: number | undefined, min: number, max: number, whole: boolean) => {
    refuseOtherKind(owner, propertyPath(property, name), value, 'number');
    if (value === undefined || Token.isUnresolved(value)) {
      return;
    }
    // Infinity and NaN are numbers JSON writes as null: refused like any number out of range.
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (whole && !Number.isInteger(value))) {
      const range = max === Infinity ? `${min} or more` : `from ${min} to ${max}`;
      throw invalidProperty(owner, propertyPath(property, name), value, `a ${whole ? 'whole ' : ''}number ${range}`);
    }
  };
  // A burst limit is a 32-bit integer for API Gateway (more cannot be sent).
  inRange('throttlingBurstLimit', options.throttlingBurstLimit, 0, INT32_MAX, true);
  inRange('throttlingRateLimit', options.throttlingRateLimit, 0, Infinity, false);
  inRange('cacheTtl', options.cacheTtl, 0, 3600, true);
  for (const name of ['metricsEnabled', 'dataTraceEnabled', 'cachingEnabled', 'cacheDataEncrypted', 'requireAuthorizationForCacheControl'] as const) {
    refuseOtherKind(owner, propertyPath(property, name), options[name], 'boolean');
  }
  const oneOf = (name: keyof MethodDeploymentOptions, value: string | undefined, allowed: string[]) => {
    if (value !== undefined && !Token.isUnresolved(value) && !allowed.includes(value)) {
      throw invalidProperty(owner, propertyPath(property, name), value, `one of ${allowed.join(', ')}`);
    }
  };
  oneOf('loggingLevel', options.loggingLevel, Object.values(MethodLoggingLevel));
  oneOf('unauthorizedCacheControlHeaderStrategy', options.unauthorizedCacheControlHeaderStrategy, Object.values(UnauthorizedCacheControlHeaderStrategy));
  if (options.cachingEnabled === true && !target.cacheClusterEnabled) {
    throw invalidProperty(owner, propertyPath(property, 'cachingEnabled'), true,
      "false unless the stage has a cache cluster: set 'cacheClusterEnabled: true' on the stage");
  }
}

/** The options an `aws_api_gateway_method_settings`'s settings block holds (as its provider class or an override gives it). */
function optionsOfSettings(settings: unknown): MethodDeploymentOptions {
  const block = (settings ?? {}) as Record<string, unknown>;
  const read = (name: string) => block[name] ?? block[snakeCase(name)];
  return {
    metricsEnabled: read('metricsEnabled') as boolean | undefined,
    loggingLevel: read('loggingLevel') as MethodLoggingLevel | undefined,
    dataTraceEnabled: read('dataTraceEnabled') as boolean | undefined,
    throttlingBurstLimit: read('throttlingBurstLimit') as number | undefined,
    throttlingRateLimit: read('throttlingRateLimit') as number | undefined,
    cachingEnabled: read('cachingEnabled') as boolean | undefined,
    cacheTtl: read('cacheTtlInSeconds') as number | undefined,
    cacheDataEncrypted: read('cacheDataEncrypted') as boolean | undefined,
    requireAuthorizationForCacheControl: read('requireAuthorizationForCacheControl') as boolean | undefined,
    unauthorizedCacheControlHeaderStrategy: read('unauthorizedCacheControlHeaderStrategy') as UnauthorizedCacheControlHeaderStrategy | undefined,
  };
}

/** `parent.name`, or `name` alone for the options at the top of the props. */
function propertyPath(parent: string, name: string): string {
  return parent === '' ? name : `${parent}.${name}`;
}
