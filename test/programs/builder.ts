/**
 * The builder: a program model made into constructs of a cdktf `App`, move by move, in the
 * program's order. `printer.ts` writes the same constructs as TypeScript; keep the two in step
 * (`programs.test.ts` runs printed programs and compares their output with the builder's).
 */
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2ApiMapping } from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping';
import { Apigatewayv2DomainName } from '@cdktf/provider-aws/lib/apigatewayv2-domain-name';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import {
  App, Aspects, AssetType, Fn, IAspect, ITerraformIterator, TerraformAsset, TerraformCount, TerraformHclModule, TerraformIterator,
  TerraformLocal, TerraformOutput, TerraformResource, TerraformStack, TerraformVariable, Token,
} from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { fixturePaths } from './fixtures';
import {
  ApiMove, DeploymentMove, DomainMove, Iteration, NumberValue, Program, REGION, RouteSettingsModel, StageModel, StandaloneStageMove, StringValue,
  TriggerValue, moveById,
} from './model';
import {
  HttpApiDeployment, HttpApiStage, MethodLoggingLevel, RestApiDeployment, RestApiStage, StageBase, WebSocketApiDeployment, WebSocketApiStage,
} from '../../src';

/** The assume-role policy of every generated role. */
export const ASSUME_LAMBDA = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** A program the builder cannot build (a bug of the generator or of a mutation, not of the library). */
export class ModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelError';
  }
}

/** The certificate of every generated domain (`terraform validate` reads no certificate). */
export const CERTIFICATE_ARN = 'arn:aws:acm:eu-west-2:123456789012:certificate/0a1b2c3d-generated';

/** Any of the library's deployment constructs. */
export type AnyDeployment = RestApiDeployment | HttpApiDeployment | WebSocketApiDeployment;

/** A program built into an app: each move's construct by the move's id. */
export interface BuiltProgram {
  readonly app: App;
  /** The construct of each move that makes one (stacks, scopes, APIs, resources, deployments, ...). */
  readonly constructs: ReadonlyMap<string, IConstruct>;
}

/** The `aws_*` address of a resource (`type.name`). */
export function addressOf(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}

/**
 * The trigger key of `resource` in a deployment of `home`: its address, prefixed with its
 * stack's path when it is in another stack (the README's "Reading a plan").
 */
export function triggerKeyIn(home: TerraformStack, resource: TerraformResource): string {
  const stack = TerraformStack.of(resource);
  return stack === home ? addressOf(resource) : `${stack.node.path}/${addressOf(resource)}`;
}

/** Builds every move of `program` into `app`; throws whatever the constructs throw. */
export function buildProgram(program: Program, app: App): BuiltProgram {
  const constructs = new Map<string, IConstruct>();
  const apiIds = new Map<string, string>();
  const get = <T extends IConstruct>(id: string): T => {
    const construct = constructs.get(id);
    if (construct === undefined) {
      throw new ModelError(`builder: move '${id}' has not been built yet`);
    }
    return construct as T;
  };
  const scopeOf = (move: { in: string }) => get<Construct>(move.in);
  const apiIdOf = (move: { api: string; apiIdVia?: string; apiIdFrom?: string }) => {
    if (move.apiIdFrom !== undefined) {
      const from = get<TerraformResource & { restApiId?: string; apiId?: string }>(move.apiIdFrom);
      return (from.terraformResourceType.startsWith('aws_apigatewayv2_') ? from.apiId : from.restApiId)!;
    }
    return move.apiIdVia ? apiIds.get(move.apiIdVia)! : get<TerraformResource & { id: string }>(move.api).id;
  };
  const text = (value: StringValue) => (typeof value === 'string' ? value
    : 'split' in value ? Token.asString(Fn.split(',', value.split)) : get<TerraformVariable>(value.variable).stringValue);
  const num = (value: NumberValue) => (typeof value === 'number' ? value : get<TerraformVariable>(value.variable).numberValue);

  for (const move of program.moves) {
    switch (move.kind) {
      case 'stack': {
        const stack = new TerraformStack(app, move.id);
        new AwsProvider(stack, 'aws', { region: REGION });
        constructs.set(move.id, stack);
        break;
      }
      case 'scope':
        constructs.set(move.id, new Construct(scopeOf(move), move.id));
        break;
      case 'api':
        constructs.set(move.id, buildApi(scopeOf(move), move));
        break;
      case 'variable':
        constructs.set(move.id, new TerraformVariable(scopeOf(move), move.id, { type: move.type, default: move.default }));
        break;
      case 'apiId': {
        const id = get<TerraformResource & { id: string }>(move.api).id;
        const value = move.via === 'local' ? new TerraformLocal(scopeOf(move), move.id, id).asString
          : move.via === 'lower' ? Fn.lower(id)
            : move.via === 'trimspace' ? Fn.trimspace(id)
              : Token.asString(Fn.coalesce([get<TerraformVariable>(move.variable!).stringValue, id]));
        apiIds.set(move.id, value);
        break;
      }
      case 'lambda': {
        const scope = scopeOf(move);
        const role = new IamRole(scope, `${move.id}_role`, { name: `${move.functionName}-role`, assumeRolePolicy: ASSUME_LAMBDA });
        const filename = move.code === 'asset'
          ? new TerraformAsset(scope, `${move.id}_code`, { path: fixturePaths().zip, type: AssetType.FILE }).path
          : 'lambda.zip';
        constructs.set(move.id, new LambdaFunction(scope, move.id, {
          functionName: move.functionName, role: role.arn, handler: 'index.handler', runtime: 'nodejs20.x', filename, tags: move.tags,
        }));
        break;
      }
      case 'role':
        constructs.set(move.id, new IamRole(scopeOf(move), move.id, { name: move.roleName, assumeRolePolicy: ASSUME_LAMBDA }));
        break;
      case 'restResource': {
        const api = get<ApiGatewayRestApi>(move.api);
        const iteration = iterationOf(move.iterate, () => apiIdOf(move));
        constructs.set(move.id, new ApiGatewayResource(scopeOf(move), move.id, {
          ...iteration?.meta,
          restApiId: iteration?.apiId ?? apiIdOf(move),
          parentId: api.rootResourceId,
          pathPart: iteration ? iteration.value('', '') : move.pathPart,
        }));
        break;
      }
      case 'restMethod':
        constructs.set(move.id, new ApiGatewayMethod(scopeOf(move), move.id, {
          restApiId: apiIdOf(move),
          resourceId: get<ApiGatewayResource>(move.resource).id,
          httpMethod: move.httpMethod,
          authorization: move.authorization,
          apiKeyRequired: move.apiKeyRequired,
        }));
        break;
      case 'restIntegration': {
        const method = get<ApiGatewayMethod>(move.method);
        const methodMove = program.moves.find((candidate) => candidate.id === move.method) as { resource: string };
        constructs.set(move.id, new ApiGatewayIntegration(scopeOf(move), move.id, {
          restApiId: apiIdOf(move),
          resourceId: get<ApiGatewayResource>(methodMove.resource).id,
          httpMethod: method.httpMethod,
          type: move.type,
          requestTemplates: move.template === undefined ? undefined : { 'application/json': move.templateFile ? Fn.file(fixturePaths().template) : move.template },
          integrationHttpMethod: move.type === 'MOCK' ? undefined : move.type === 'AWS_PROXY' ? 'POST' : 'GET',
          uri: move.lambda ? get<LambdaFunction>(move.lambda).invokeArn : move.uri,
          timeoutMilliseconds: move.timeoutMilliseconds,
        }));
        break;
      }
      case 'v2Integration':
        constructs.set(move.id, new Apigatewayv2Integration(scopeOf(move), move.id, {
          apiId: apiIdOf(move),
          integrationType: move.type,
          integrationMethod: move.type === 'MOCK' ? undefined : move.type === 'AWS_PROXY' ? 'POST' : 'ANY',
          integrationUri: move.lambda ? get<LambdaFunction>(move.lambda).invokeArn : move.uri,
          payloadFormatVersion: move.type === 'AWS_PROXY' && apiKindOf(program, move.api) === 'http' ? '2.0' : undefined,
          requestTemplates: move.template === undefined ? undefined : { $default: move.template },
          templateSelectionExpression: move.template === undefined ? undefined : '\\$default',
          timeoutMilliseconds: move.timeoutMilliseconds,
        }));
        break;
      case 'v2Route': {
        const iteration = iterationOf(move.iterate, () => apiIdOf(move));
        const separator = apiKindOf(program, move.api) === 'http' ? '/' : '_';
        constructs.set(move.id, new Apigatewayv2Route(scopeOf(move), move.id, {
          ...iteration?.meta,
          apiId: iteration?.apiId ?? apiIdOf(move),
          routeKey: iteration ? iteration.value(move.routeKey, separator) : move.routeKey,
          target: `integrations/${get<Apigatewayv2Integration>(move.target).id}`,
          apiKeyRequired: move.apiKeyRequired,
        }));
        break;
      }
      case 'module':
        constructs.set(move.id, new TerraformHclModule(scopeOf(move), move.id, {
          source: fixturePaths().module,
          variables: { api_id: get<TerraformResource & { id: string }>(move.api).id },
        }));
        break;
      case 'deployment':
        constructs.set(move.id, buildDeployment(program, move, scopeOf(move), get, text, num));
        break;
      case 'addStage': {
        const deployment = get<AnyDeployment>(move.deployment);
        (deployment as RestApiDeployment).addStage(move.stageName, stageOptions(move.stage, text, num) as any);
        break;
      }
      case 'escapeHatch': {
        const resource = get<AnyDeployment>(move.deployment).deployment as TerraformResource & { triggers: any; triggersInput: any };
        if (move.hatch === 'lifecycle') {
          const target = move.on === 'deployment' ? resource : get<AnyDeployment>(move.deployment).deploymentStage.stage;
          if (move.how === 'assign') {
            target.lifecycle = { ignoreChanges: ['description'] };
          } else {
            target.addOverride('lifecycle', { ignore_changes: ['description'] });
          }
        } else if (move.hatch === 'overrideTrigger') {
          resource.addOverride(`triggers.${move.key}`, move.value);
        } else if (move.hatch === 'setTriggers') {
          resource.triggers = { ...move.entries };
        } else if (move.hatch === 'output') {
          constructs.set(move.id, new TerraformOutput(TerraformStack.of(resource), move.id, { value: resource.triggersInput }));
        } else {
          constructs.set(move.id, new TerraformLocal(TerraformStack.of(resource), move.id, resource.triggersInput));
        }
        break;
      }
      case 'override':
        get<TerraformResource>(move.target).addOverride(move.path, move.value);
        break;
      case 'setter': {
        const target = get<any>(move.target);
        if (move.value === undefined) {
          target[`reset${move.property[0].toUpperCase()}${move.property.slice(1)}`]();
        } else {
          target[move.property] = move.value;
        }
        break;
      }
      case 'standaloneStage':
        constructs.set(move.id, buildStandaloneStage(program, move, scopeOf(move), get, text, num));
        break;
      case 'domain':
        constructs.set(move.id, new Apigatewayv2DomainName(scopeOf(move), move.id, {
          domainName: move.domainName,
          domainNameConfiguration: { certificateArn: CERTIFICATE_ARN, endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
        }));
        break;
      case 'mapping': {
        const target = get<AnyDeployment | StageBase>(move.stage);
        const domain = move.byName ? (moveById(program, move.domain) as DomainMove).domainName : get<Apigatewayv2DomainName>(move.domain).domainName;
        const mapping = target.addApiMapping(domain, move.key === '' ? {} : { apiMappingKey: move.key });
        constructs.set(move.id, mapping);
        if (move.keyAfter !== undefined) {
          mapping.apiMappingKey = move.keyAfter;
        }
        break;
      }
      case 'handMapping': {
        const deployment = get<AnyDeployment>(move.deployment);
        const stage = deployment.deploymentStage.stage as { stageName?: string; name?: string };
        constructs.set(move.id, new Apigatewayv2ApiMapping(scopeOf(move), move.id, {
          apiId: get<TerraformResource & { id: string }>((moveById(program, move.deployment) as DeploymentMove).api).id,
          domainName: get<Apigatewayv2DomainName>(move.domain).domainName,
          stage: (deployment instanceof RestApiDeployment ? stage.stageName : stage.name)!,
          apiMappingKey: move.key === '' ? undefined : move.key,
        }));
        break;
      }
      case 'crossRead': {
        const deployment = get<AnyDeployment>(move.deployment);
        const value = move.attribute === 'triggersInput' ? (deployment.deployment as TerraformResource & { triggersInput: unknown }).triggersInput : deployment[move.attribute];
        constructs.set(move.id, new TerraformOutput(scopeOf(move), move.id, { value }));
        break;
      }
      case 'aspect': {
        const target = get<ApiGatewayIntegration | Apigatewayv2Integration>(move.target);
        const timeout = move.timeoutMilliseconds;
        const aspect: IAspect = {
          visit(node: IConstruct) {
            if (node === target) {
              target.timeoutMilliseconds = timeout;
            }
          },
        };
        Aspects.of(TerraformStack.of(target)).add(aspect);
        break;
      }
    }
  }
  return { app, constructs };
}

function apiKindOf(program: Program, apiId: string): ApiMove['apiKind'] {
  return (program.moves.find((move) => move.id === apiId) as ApiMove).apiKind;
}

function buildApi(scope: Construct, move: ApiMove): TerraformResource {
  const common = { name: move.title, description: move.description, tags: move.tags, disableExecuteApiEndpoint: move.disableExecuteApiEndpoint };
  if (move.apiKind === 'rest') {
    return new ApiGatewayRestApi(scope, move.id, common);
  }
  return new Apigatewayv2Api(scope, move.id, {
    ...common,
    protocolType: move.apiKind === 'http' ? 'HTTP' : 'WEBSOCKET',
    routeSelectionExpression: move.apiKind === 'websocket' ? '$request.body.action' : undefined,
  });
}

/** `forEach` or `count`, and the value a resource takes from it: `<prefix><separator><value>`. */
/**
 * The `forEach` or `count` of an iterated resource, the per-instance string, and (for `apiMap`)
 * the API id argument, `each.value.api`.
 */
function iterationOf(iteration: Iteration | undefined, apiId: () => string):
{ meta: { forEach?: ITerraformIterator; count?: TerraformCount }; value: (prefix: string, separator: string) => string; apiId?: string } | undefined {
  if (iteration === undefined) {
    return undefined;
  }
  const join = (prefix: string, separator: string, value: string) => (prefix === '' ? value : `${prefix}${separator}${value}`);
  if (iteration.kind === 'count') {
    const count = TerraformCount.of(iteration.count);
    return { meta: { count }, value: (prefix, separator) => join(prefix, separator, `item${count.index}`) };
  }
  if (iteration.kind === 'apiMap') {
    const id = apiId();
    const iterator = TerraformIterator.fromMap(Object.fromEntries(iteration.keys.map((key) => [key, { api: id, value: key }])));
    return { meta: { forEach: iterator }, value: (prefix, separator) => join(prefix, separator, iterator.getString('value')), apiId: iterator.getString('api') };
  }
  const iterator = iteration.kind === 'list'
    ? TerraformIterator.fromList([...iteration.items])
    : TerraformIterator.fromMap(Object.fromEntries(iteration.entries));
  return { meta: { forEach: iterator }, value: (prefix, separator) => join(prefix, separator, iterator.value) };
}

function buildDeployment(
  program: Program,
  move: DeploymentMove,
  scope: Construct,
  get: <T extends IConstruct>(id: string) => T,
  text: (value: StringValue) => string,
  num: (value: NumberValue) => number,
): AnyDeployment {
  const api = get<TerraformResource>(move.api);
  const triggers: Record<string, string> = {};
  for (const [key, value] of Object.entries(move.triggers ?? {})) {
    triggers[key] = triggerValue(value, get);
  }
  if (move.collidingTrigger !== undefined) {
    triggers[triggerKeyIn(TerraformStack.of(scope), api)] = move.collidingTrigger;
  }
  const common = {
    stageName: move.stageName,
    triggers: Object.keys(triggers).length > 0 ? triggers : undefined,
    ...stageOptions(move.stage, text, num),
  };
  switch (apiKindOf(program, move.api)) {
    case 'rest': return new RestApiDeployment(scope, move.id, { ...common, restApi: api as ApiGatewayRestApi, cloudWatchRole: move.cloudWatchRole });
    case 'http': return new HttpApiDeployment(scope, move.id, { ...common, httpApi: api as Apigatewayv2Api });
    default:
      return new WebSocketApiDeployment(scope, move.id, { ...common, webSocketApi: api as Apigatewayv2Api, cloudWatchRole: move.cloudWatchRole });
  }
}

function buildStandaloneStage(
  program: Program,
  move: StandaloneStageMove,
  scope: Construct,
  get: <T extends IConstruct>(id: string) => T,
  text: (value: StringValue) => string,
  num: (value: NumberValue) => number,
): StageBase {
  const deploymentMove = moveById(program, move.deployment) as DeploymentMove;
  const apiId = get<TerraformResource & { id: string }>(deploymentMove.api).id;
  const deploymentId = get<AnyDeployment>(move.deployment).deploymentId;
  const common = { deploymentId, stageName: move.stageName, ...stageOptions(move.stage, text, num) };
  switch (apiKindOf(program, deploymentMove.api)) {
    case 'rest': return new RestApiStage(scope, move.id, { ...common, restApiId: apiId });
    case 'http': return new HttpApiStage(scope, move.id, { ...common, apiId });
    default: return new WebSocketApiStage(scope, move.id, { ...common, apiId });
  }
}

function triggerValue(value: TriggerValue, get: <T extends IConstruct>(id: string) => T): string {
  switch (value.kind) {
    case 'literal': return value.text;
    case 'variable': return get<TerraformVariable>(value.variable).stringValue;
    default: return Fn.sha1(value.text);
  }
}

/** The library's stage options for a stage model (undefined options left out). */
export function stageOptions(stage: StageModel, text: (value: StringValue) => string, num: (value: NumberValue) => number): Record<string, unknown> {
  const settings = (model: RouteSettingsModel) => dropUndefined({
    throttlingBurstLimit: model.throttlingBurstLimit === undefined ? undefined : num(model.throttlingBurstLimit),
    throttlingRateLimit: model.throttlingRateLimit === undefined ? undefined : num(model.throttlingRateLimit),
    detailedMetricsEnabled: model.detailedMetricsEnabled,
    metricsEnabled: model.metricsEnabled,
    loggingLevel: model.loggingLevel === undefined ? undefined : MethodLoggingLevel[model.loggingLevel],
  });
  const perKey = (options: Readonly<Record<string, RouteSettingsModel>> | undefined) => options === undefined
    ? undefined
    : Object.fromEntries(Object.entries(options).map(([key, model]) => [key, settings(model)]));
  return dropUndefined({
    ...settings(stage),
    stageDescription: stage.stageDescription,
    variables: stage.variables === undefined
      ? undefined
      : Object.fromEntries(Object.entries(stage.variables).map(([key, value]) => [key, text(value)])),
    tags: stage.tags,
    routeOptions: perKey(stage.routeOptions),
    methodOptions: perKey(stage.methodOptions),
  });
}

function dropUndefined<T extends Record<string, unknown>>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}
