/**
 * The program model: a user's cdktf program as plain data, a list of *moves* in the order the
 * program makes them. Each move has an `id` (also its construct id and its variable name in the
 * printed reproduction) and names the moves it builds on by their ids, so that a move can be
 * dropped together with the moves that need it (shrinking), and the list can be reordered as
 * long as every move comes after the moves it names.
 */

/** The three kinds of API the library deploys. */
export type ApiKind = 'rest' | 'http' | 'websocket';

/**
 * A `TerraformIterator.fromList`, `TerraformIterator.fromMap` or `count` on a resource; `apiMap`: a
 * `fromMap` of objects holding the API's id and a value (`{ a: { api: api.id, value: 'a' } }`), the
 * resource's API id being `each.value.api` (discovery cannot compare it: a warning names it).
 */
export type Iteration =
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'map'; readonly entries: ReadonlyArray<readonly [string, string]> }
  | { readonly kind: 'count'; readonly count: number }
  | { readonly kind: 'apiMap'; readonly keys: readonly string[] };

/** A string that is a literal, or a variable's `stringValue` (the id of a `variable` move). */
/**
 * A string that is a literal, a string variable's `stringValue`, or a list given as one
 * (`Token.asString(Fn.split(',', text))`): a mistake Terraform refuses ("string required").
 */
export type StringValue = string | { readonly variable: string } | { readonly split: string };

/** A number that is a literal, or a number variable's `numberValue`. */
export type NumberValue = number | { readonly variable: string };

/** A user trigger value: a literal, a variable's `stringValue`, or `Fn.sha1(text)`. */
export type TriggerValue =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'variable'; readonly variable: string }
  | { readonly kind: 'sha1'; readonly text: string };

/** Route or method settings of a stage (a subset of the library's options). */
export interface RouteSettingsModel {
  readonly throttlingBurstLimit?: NumberValue;
  readonly throttlingRateLimit?: NumberValue;
  /** HTTP and WebSocket stages. */
  readonly detailedMetricsEnabled?: boolean;
  /** REST method settings. */
  readonly metricsEnabled?: boolean;
  /** WebSocket stages and REST method settings. */
  readonly loggingLevel?: 'OFF' | 'ERROR' | 'INFO';
}

/** The options of one stage (main stage or `addStage`). */
export interface StageModel extends RouteSettingsModel {
  readonly stageDescription?: string;
  readonly variables?: Readonly<Record<string, StringValue>>;
  readonly tags?: Readonly<Record<string, string>>;
  /** HTTP and WebSocket stages: per route key. */
  readonly routeOptions?: Readonly<Record<string, RouteSettingsModel>>;
  /** REST stages: per method path (`/pets/GET`). */
  readonly methodOptions?: Readonly<Record<string, RouteSettingsModel>>;
}

interface MoveBase {
  /** Unique in the program: the construct id and the printed variable name. */
  readonly id: string;
}

/** Where a construct is created: the id of a `stack` or `scope` move. */
interface Placed extends MoveBase {
  readonly in: string;
}

/** A `TerraformStack` with an `AwsProvider` (literal region). */
export interface StackMove extends MoveBase { readonly kind: 'stack' }

/** A plain `Construct` inside a stack that holds some of the program's constructs. */
export interface ScopeMove extends Placed { readonly kind: 'scope' }

/** An `ApiGatewayRestApi`, or an `Apigatewayv2Api` of protocol type HTTP or WEBSOCKET. */
export interface ApiMove extends Placed {
  readonly kind: 'api';
  readonly apiKind: ApiKind;
  /** The API's `name` (never redeploys). */
  readonly title: string;
  /** The API's `description` (never redeploys). */
  readonly description?: string;
  readonly tags?: Readonly<Record<string, string>>;
  /** `disable_execute_api_endpoint`: a deployed argument of the API itself. */
  readonly disableExecuteApiEndpoint?: boolean;
}

/** A `TerraformVariable` in a stack (string or number), with a default. */
export interface VariableMove extends Placed {
  readonly kind: 'variable';
  readonly type: 'string' | 'number';
  readonly default: string | number;
}

/**
 * The API's id wrapped in something a user writes around it, used as the API id argument of
 * the resources that name this move in `apiIdVia`: a `TerraformLocal`, `Fn.lower`, `Fn.trimspace`,
 * or `Fn.coalesce([<string variable>, id])`.
 */
export interface ApiIdMove extends Placed {
  readonly kind: 'apiId';
  readonly api: string;
  readonly via: 'local' | 'lower' | 'trimspace' | 'coalesce';
  /** For `coalesce`: a string variable move. */
  readonly variable?: string;
}

/** A `LambdaFunction` with its `IamRole`, its code an asset (a zipped folder) or a literal file name. */
export interface LambdaMove extends Placed {
  readonly kind: 'lambda';
  readonly functionName: string;
  readonly code: 'asset' | 'literal';
  readonly tags?: Readonly<Record<string, string>>;
}

/** An `IamRole` that nothing of any API uses. */
export interface RoleMove extends Placed {
  readonly kind: 'role';
  readonly roleName: string;
}

/** Fields every API resource move has. */
interface ApiResourceBase extends Placed {
  /** The `api` move. */
  readonly api: string;
  /** An `apiId` move whose expression is the API id argument, instead of the API's `id`. */
  readonly apiIdVia?: string;
  /**
   * Another API resource move of the API, in the same stack, whose API id attribute (`restApiId`,
   * `apiId`) is this one's API id argument (`restApiId: resource.restApiId`): discovery follows it.
   */
  readonly apiIdFrom?: string;
}

/** An `ApiGatewayResource` under the root (`/pathPart`), or one per iteration key. */
export interface RestResourceMove extends ApiResourceBase {
  readonly kind: 'restResource';
  /** Ignored with `iterate` (the path part is the iteration's value, or `item<index>`). */
  readonly pathPart: string;
  readonly iterate?: Iteration;
}

/** An `ApiGatewayMethod` on a (not iterated) `restResource` move. */
export interface RestMethodMove extends ApiResourceBase {
  readonly kind: 'restMethod';
  readonly resource: string;
  readonly httpMethod: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly authorization: 'NONE' | 'AWS_IAM';
  readonly apiKeyRequired?: boolean;
}

/** An `ApiGatewayIntegration` of a `restMethod` move. */
export interface RestIntegrationMove extends ApiResourceBase {
  readonly kind: 'restIntegration';
  readonly method: string;
  readonly type: 'MOCK' | 'HTTP_PROXY' | 'AWS_PROXY';
  /** MOCK: the `application/json` request template. */
  readonly template?: string;
  /** MOCK: the template read from the fixture file when Terraform plans (`Fn.file(...)`) instead of `template`. */
  readonly templateFile?: boolean;
  /** HTTP_PROXY: the backend URL. */
  readonly uri?: string;
  /** AWS_PROXY: the `lambda` move whose invoke ARN is the URI. */
  readonly lambda?: string;
  readonly timeoutMilliseconds?: number;
}

/** An `Apigatewayv2Integration` (MOCK only for WebSocket APIs, HTTP_PROXY only for HTTP APIs). */
export interface V2IntegrationMove extends ApiResourceBase {
  readonly kind: 'v2Integration';
  readonly type: 'MOCK' | 'HTTP_PROXY' | 'AWS_PROXY';
  readonly uri?: string;
  readonly template?: string;
  readonly lambda?: string;
  readonly timeoutMilliseconds?: number;
}

/** An `Apigatewayv2Route` targeting a `v2Integration` move; iterated: one route per value (`<routeKey>/<value>`). */
export interface V2RouteMove extends ApiResourceBase {
  readonly kind: 'v2Route';
  readonly routeKey: string;
  readonly target: string;
  readonly apiKeyRequired?: boolean;
  readonly iterate?: Iteration;
}

/** A `TerraformHclModule` with a local source folder (one variable, no resources) given the API's id. */
export interface ModuleMove extends Placed {
  readonly kind: 'module';
  readonly api: string;
}

/** One of the library's deployment constructs for an `api` move. */
export interface DeploymentMove extends Placed {
  readonly kind: 'deployment';
  readonly api: string;
  /** Left out: the construct's default (`prod`, `$default` for HTTP APIs). */
  readonly stageName?: string;
  /** REST and WebSocket APIs. */
  readonly cloudWatchRole?: boolean;
  readonly triggers?: Readonly<Record<string, TriggerValue>>;
  /** A user trigger whose key is the API's own trigger key (a mistake): its value. */
  readonly collidingTrigger?: string;
  readonly stage: StageModel;
}

/** `deployment.addStage(stageName, options)`. */
export interface AddStageMove extends MoveBase {
  readonly kind: 'addStage';
  readonly deployment: string;
  readonly stageName: string;
  readonly stage: StageModel;
}

/**
 * An escape hatch on the deployment resource: `d.deployment.addOverride('triggers.<key>', value)`,
 * `d.deployment.triggers = {...}`, or `d.deployment.triggersInput` read into a `TerraformOutput`
 * or a `TerraformLocal` of the deployment's stack; or a lifecycle of the user's on the deployment
 * or main stage resource (`d.deploymentStage.stage.lifecycle = { ignoreChanges: ['description'] }`,
 * or the same through `addOverride('lifecycle', ...)`), which the construct merges with its own.
 */
export type EscapeHatchMove = MoveBase & { readonly kind: 'escapeHatch'; readonly deployment: string } & (
  | { readonly hatch: 'overrideTrigger'; readonly key: string; readonly value: string }
  | { readonly hatch: 'setTriggers'; readonly entries: Readonly<Record<string, string>> }
  | { readonly hatch: 'output' | 'local' }
  | { readonly hatch: 'lifecycle'; readonly on: 'deployment' | 'stage'; readonly how: 'assign' | 'override' });

/** `resource.addOverride(path, value)` on an API resource or API: a deployed argument, or a tag. */
export interface OverrideMove extends MoveBase {
  readonly kind: 'override';
  readonly target: string;
  /** A deployed argument (`timeout_milliseconds`, `request_templates`) or `tags.<name>`. */
  readonly path: string;
  readonly value: unknown;
}

/**
 * A property setter or `reset...()` on an API resource, made after the deployment construct
 * exists (`integration.timeoutMilliseconds = 5000`, `method.resetApiKeyRequired()`).
 */
export interface SetterMove extends MoveBase {
  readonly kind: 'setter';
  readonly target: string;
  /** The property, as the provider binding names it (camelCase). */
  readonly property: string;
  /** The value set; `undefined` calls `reset<Property>()` instead. */
  readonly value?: unknown;
}

/**
 * `Aspects.of(stack).add({ visit(node) {...} })` on the stack of a REST or v2 integration, setting
 * its `timeoutMilliseconds` when it visits it.
 */
export interface AspectMove extends MoveBase {
  readonly kind: 'aspect';
  readonly target: string;
  readonly timeoutMilliseconds: number;
}

/**
 * A stage made on its own (`new RestApiStage(...)`, `HttpApiStage`, `WebSocketApiStage`) serving a
 * deployment construct's deployment (`deploymentId: d.deploymentId`), placed in that construct's stack.
 */
export interface StandaloneStageMove extends Placed {
  readonly kind: 'standaloneStage';
  readonly deployment: string;
  readonly stageName: string;
  readonly stage: StageModel;
}

/** An `Apigatewayv2DomainName` (regional, a literal certificate ARN). */
export interface DomainMove extends Placed {
  readonly kind: 'domain';
  readonly domainName: string;
}

/**
 * `addApiMapping(domain, { apiMappingKey })` on a deployment construct (its main stage) or a
 * standalone stage: the domain resource's `domainName`, or (`byName`) the domain's name as a string.
 * `keyAfter`: a key set on the returned mapping afterwards (a mistake the library refuses).
 */
export interface MappingMove extends MoveBase {
  readonly kind: 'mapping';
  /** A `deployment` or `standaloneStage` move. */
  readonly stage: string;
  /** A `domain` move. */
  readonly domain: string;
  readonly byName?: boolean;
  /** `''`: no key (the whole domain). */
  readonly key: string;
  readonly keyAfter?: string;
}

/**
 * An `Apigatewayv2ApiMapping` written by hand beside the library's, mapping a deployment construct's
 * main stage by its name (`stage: d.deploymentStage.stage.name`), in the deployment's stack.
 */
export interface HandMappingMove extends Placed {
  readonly kind: 'handMapping';
  readonly deployment: string;
  readonly domain: string;
  readonly key: string;
}

/** The documented attributes of a deployment construct a `crossRead` reads (`triggersInput`: of its `deployment`). */
export const READ_ATTRIBUTES = ['invokeUrl', 'stageName', 'deploymentId', 'executionArn', 'stageArn', 'triggersInput'] as const;

/** An attribute of a deployment construct read into a `TerraformOutput` of another stack (`in`). */
export interface CrossReadMove extends Placed {
  readonly kind: 'crossRead';
  readonly deployment: string;
  readonly attribute: typeof READ_ATTRIBUTES[number];
}

/** Every move. */
export type Move =
  | StackMove | ScopeMove | ApiMove | VariableMove | ApiIdMove | LambdaMove | RoleMove
  | RestResourceMove | RestMethodMove | RestIntegrationMove | V2IntegrationMove | V2RouteMove
  | ModuleMove | DeploymentMove | AddStageMove | EscapeHatchMove | OverrideMove | SetterMove | AspectMove
  | StandaloneStageMove | DomainMove | MappingMove | HandMappingMove | CrossReadMove;

/** The moves whose construct is a resource of an API (not the API itself). */
export type ApiResourceMove = RestResourceMove | RestMethodMove | RestIntegrationMove | V2IntegrationMove | V2RouteMove;

/** A generated program: where it came from, and its moves in creation order. */
export interface Program {
  readonly seed: number;
  readonly index: number;
  readonly moves: readonly Move[];
}

/** The only region the generated stacks use (two CloudWatch roles in one app are then always one account setting). */
export const REGION = 'eu-west-2';

/** Whether a move is an API resource move. */
export function isApiResourceMove(move: Move): move is ApiResourceMove {
  return ['restResource', 'restMethod', 'restIntegration', 'v2Integration', 'v2Route'].includes(move.kind);
}

/** The move with id `id`; fails when there is none. */
export function moveById(program: Program, id: string): Move {
  const move = program.moves.find((candidate) => candidate.id === id);
  if (move === undefined) {
    throw new Error(`program ${program.seed}/${program.index} has no move '${id}'`);
  }
  return move;
}

/** The ids of the moves `move` names (and so needs to exist before it). */
export function dependenciesOf(move: Move): string[] {
  const found: string[] = [];
  const add = (id: string | undefined) => id !== undefined && found.push(id);
  const addValues = (value: unknown) => JSON.stringify(value ?? null, (key, nested) => {
    if (key === 'variable' && typeof nested === 'string') {
      found.push(nested);
    }
    return nested;
  });
  if ('in' in move) add(move.in);
  switch (move.kind) {
    case 'apiId': add(move.api); add(move.variable); break;
    case 'restResource': add(move.api); add(move.apiIdVia); add(move.apiIdFrom); break;
    case 'restMethod': add(move.api); add(move.apiIdVia); add(move.apiIdFrom); add(move.resource); break;
    case 'restIntegration': add(move.api); add(move.apiIdVia); add(move.apiIdFrom); add(move.method); add(move.lambda); break;
    case 'v2Integration': add(move.api); add(move.apiIdVia); add(move.apiIdFrom); add(move.lambda); break;
    case 'v2Route': add(move.api); add(move.apiIdVia); add(move.apiIdFrom); add(move.target); break;
    case 'module': add(move.api); break;
    case 'deployment': add(move.api); addValues(move.triggers); addValues(move.stage); break;
    case 'addStage': add(move.deployment); addValues(move.stage); break;
    case 'escapeHatch': add(move.deployment); break;
    case 'override': case 'setter': case 'aspect': add(move.target); break;
    case 'standaloneStage': add(move.deployment); addValues(move.stage); break;
    case 'mapping': add(move.stage); add(move.domain); break;
    case 'handMapping': add(move.deployment); add(move.domain); break;
    case 'crossRead': add(move.deployment); break;
    default: break;
  }
  return found;
}

/** The stack move a placed move (or a scope) is created in, following scopes. */
export function stackIdOf(program: Program, id: string): string {
  let move = moveById(program, id);
  while (move.kind !== 'stack') {
    if (!('in' in move)) {
      throw new Error(`move '${id}' is not placed in a stack`);
    }
    move = moveById(program, move.in);
  }
  return move.id;
}

/** The `api` move an API resource, module or deployment belongs to. */
export function apiOf(program: Program, move: Move): ApiMove | undefined {
  const id = 'api' in move && typeof move.api === 'string' ? move.api : move.kind === 'api' ? move.id : undefined;
  const api = id === undefined ? undefined : moveById(program, id);
  return api?.kind === 'api' ? api : undefined;
}

/** The deployment moves of an API. */
export function deploymentsOf(program: Program, apiId: string): DeploymentMove[] {
  return program.moves.filter((move): move is DeploymentMove => move.kind === 'deployment' && move.api === apiId);
}
