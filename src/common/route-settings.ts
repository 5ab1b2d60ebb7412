import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { MethodLoggingLevel } from './logging-level';
import { invalidProperty } from '../core/errors';
import { refuseOtherKind } from '../core/scalar-tokens';

/**
 * Settings for the routes of an HTTP API stage: throttling and metrics (AWS CDK's names). The
 * stage's own apply to every route (`default_route_settings`); `routeOptions` override them per
 * route key. They never need a redeploy.
 */
export interface HttpRouteOptions {
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
   * Whether to send detailed CloudWatch metrics per route.
   * @default false
   */
  readonly detailedMetricsEnabled?: boolean;
}

/**
 * Settings for the routes of a WebSocket API stage: those of an HTTP API's, and execution logs.
 */
export interface WebSocketRouteOptions extends HttpRouteOptions {
  /**
   * The level of execution logs (the same levels as a REST API's methods). Needs the account's
   * CloudWatch role (`cloudWatchRole`).
   * @default - API Gateway's default (OFF)
   */
  readonly loggingLevel?: MethodLoggingLevel;

  /**
   * Whether to log full messages (data trace). Logs may hold sensitive data.
   * @default false
   */
  readonly dataTraceEnabled?: boolean;
}

/** The route settings of `aws_apigatewayv2_stage`, as the provider names them. */
export interface RenderedRouteSettings {
  throttlingBurstLimit?: number;
  throttlingRateLimit?: number;
  detailedMetricsEnabled?: boolean;
  loggingLevel?: string;
  dataTraceEnabled?: boolean;
}

const NAMES: ReadonlyArray<keyof WebSocketRouteOptions> = ['throttlingBurstLimit', 'throttlingRateLimit', 'detailedMetricsEnabled', 'loggingLevel', 'dataTraceEnabled'];

/**
 * The route settings among `options` (a stage's options), validated; undefined when none is set.
 *
 * @param owner the construct errors name
 * @param property the object that holds them, for errors: `''` for a stage's own options, `routeOptions.$connect`
 */
export function routeSettingsOf(owner: IConstruct, property: string, options: WebSocketRouteOptions): RenderedRouteSettings | undefined {
  const picked: RenderedRouteSettings = {};
  for (const name of NAMES) {
    if (options[name] !== undefined) {
      (picked as Record<string, unknown>)[name] = options[name];
    }
  }
  if (Object.keys(picked).length === 0) {
    return undefined;
  }
  const at = (name: string) => (property === '' ? name : `${property}.${name}`);
  const inRange = (name: 'throttlingBurstLimit' | 'throttlingRateLimit', whole: boolean) => {
    const value = picked[name];
    refuseOtherKind(owner, at(name), value, 'number');
    // A burst limit is a 32-bit integer for API Gateway (more cannot be sent).
    if (value !== undefined && !Token.isUnresolved(value)
      && (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (whole && (!Number.isInteger(value) || value > 2147483647)))) {
      throw invalidProperty(owner, at(name), value, whole ? 'a whole number from 0 to 2147483647' : 'a number 0 or more');
    }
  };
  inRange('throttlingBurstLimit', true);
  inRange('throttlingRateLimit', false);
  for (const name of ['detailedMetricsEnabled', 'dataTraceEnabled'] as const) {
    refuseOtherKind(owner, at(name), picked[name], 'boolean');
  }
  const level = picked.loggingLevel;
  if (level !== undefined && !Token.isUnresolved(level) && !(Object.values(MethodLoggingLevel) as string[]).includes(level)) {
    throw invalidProperty(owner, at('loggingLevel'), level, `one of ${Object.values(MethodLoggingLevel).join(', ')}`);
  }
  return picked;
}

/**
 * `route_settings` for each entry of `routeOptions`, each keeping the stage's own settings it does
 * not name, in the order of the route keys.
 */
export function perRouteSettings(
  owner: IConstruct,
  prefix: string,
  stageWide: RenderedRouteSettings | undefined,
  routeOptions: { [routeKey: string]: WebSocketRouteOptions } | undefined,
): Array<RenderedRouteSettings & { routeKey: string }> {
  return Object.entries(routeOptions ?? {}).map(([routeKey, options]) => {
    if (!Token.isUnresolved(routeKey) && routeKey.trim() === '') {
      throw invalidProperty(owner, `${prefix}routeOptions`, routeKey, "a route key such as 'GET /pets', '$default' or '$connect'");
    }
    const property = `${prefix}routeOptions.${routeKey}`;
    const settings = { routeKey, ...stageWide, ...routeSettingsOf(owner, property, options) };
    requireBothLimits(owner, `${property}.`, settings, `the route ${routeKey}`);
    return settings;
  });
}

/**
 * Fails unless a route settings block sets both throttling limits. The AWS provider sends 0 for
 * each limit a `default_route_settings` or `route_settings` block leaves unset (its expand
 * functions read an unset number as 0; terraform-provider-aws #14742), and AWS then answers every
 * request of the stage or route with 429 Too Many Requests. The library cannot fill them: the
 * account's quota is not known at synth, and a guess would cap an account with a raised one.
 *
 * @param prefix the properties' prefix in errors: `''`, `addStage(beta).`, `routeOptions.GET /pets.`
 * @param scope what the block applies to, in the message: `every route of the stage`, `the route GET /pets`
 */
export function requireBothLimits(owner: IConstruct, prefix: string, settings: RenderedRouteSettings | undefined, scope: string): void {
  if (settings === undefined) {
    return;
  }
  const missing = LIMITS.filter((name) => settings[name] === undefined);
  if (missing.length === 0) {
    return;
  }
  const given = NAMES.filter((name) => (settings as Record<string, unknown>)[name] !== undefined).map((name) => `'${name}'`);
  const withWhat = given.length > 0 ? `given with ${given.join(' and ')}` : '(the entry sets nothing; leave it out, or give both limits)';
  throw invalidProperty(owner, `${prefix}${missing[0]}`, undefined,
    `a limit ${withWhat}: a route settings block for ${scope} without both limits is sent with 0 for each ` +
    'one left unset (terraform-provider-aws #14742), and AWS answers every request with 429 Too Many Requests. Give both ' +
    "'throttlingBurstLimit' and 'throttlingRateLimit' (0 only to block on purpose; AWS's default account quota is a burst of 5000 " +
    'and 10000 requests per second)');
}

const LIMITS: ReadonlyArray<'throttlingBurstLimit' | 'throttlingRateLimit'> = ['throttlingBurstLimit', 'throttlingRateLimit'];
