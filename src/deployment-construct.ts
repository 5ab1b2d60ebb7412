import { AnnotationMetadataEntryType, Annotations, Fn, TerraformResource, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { checkAccountSettingsOf } from './account-settings';
import { invalidProperty } from './errors';
import { RedeployTriggerEngine } from './triggers/redeploy-trigger-engine';

/**
 * What the three deployment constructs (REST, HTTP, WebSocket) share: how they take their API,
 * and how their warnings are read.
 */

/** How a deployment construct was given its API: the construct, or an id. */
export interface ApiChoice {
  /** The property that takes the API construct (`restApi`) and its value. */
  readonly apiProperty: string;
  readonly api: TerraformResource | undefined;
  /** The property that takes an id instead (`restApiId`) and its value. */
  readonly idProperty: string;
  readonly apiId: string | undefined;
  /** The `autoDiscover` prop. */
  readonly autoDiscover: boolean | undefined;
  /** The kind of API, in messages: `REST API`. */
  readonly apiKind: string;
  /** The class of the API construct, in messages: `ApiGatewayRestApi`. */
  readonly apiClass: string;
  /** The Terraform type of the API construct: `aws_api_gateway_rest_api`. */
  readonly apiType: string;
  /** For an API Gateway v2 API, the protocol type it must have (`HTTP`, `WEBSOCKET`), and the construct that deploys the other. */
  readonly protocol?: { readonly type: string; readonly otherKind: string; readonly otherConstruct: string };
}

/** Fails unless exactly one of the API and its id is given, and discovery is not asked of an id. */
export function validateApiChoice(owner: IConstruct, choice: ApiChoice): void {
  const { apiProperty, api, idProperty, apiId } = choice;
  if ((api === undefined) === (apiId === undefined)) {
    throw invalidProperty(owner, apiProperty, api === undefined ? undefined : api.node.path,
      `exactly one of '${apiProperty}' and '${idProperty}' (given: ${api ? 'both' : 'neither'})`);
  }
  if (apiId !== undefined && apiId.length === 0) {
    throw invalidProperty(owner, idProperty, apiId, `the id of a ${choice.apiKind}, not an empty string`);
  }
  if (apiId !== undefined && (typeof apiId !== 'string')) {
    throw invalidProperty(owner, idProperty, apiId, `the id of a ${choice.apiKind}: a string such as "a1b2c3d4e5" or a reference`);
  }
  if (apiId !== undefined && choice.autoDiscover === true) {
    throw invalidProperty(owner, 'autoDiscover', true,
      `false or unset when the API is given by '${idProperty}': discovery needs the ${choice.apiClass} itself ('${apiProperty}')`);
  }
  if (api !== undefined) {
    validateApiConstruct(owner, choice, api);
  }
}

/** Fails unless `api` is a resource of the API's type (and protocol); a protocol only known at deploy time gets a warning. */
function validateApiConstruct(owner: IConstruct, choice: ApiChoice, api: TerraformResource): void {
  const type = TerraformResource.isTerraformResource(api) ? api.terraformResourceType : undefined;
  if (type !== choice.apiType) {
    const given = type === undefined ? api : `${(api as IConstruct).node?.path ?? api} (${type})`;
    const other = type === 'aws_api_gateway_rest_api' ? '; a REST API is deployed by RestApiDeployment'
      : type === 'aws_apigatewayv2_api' ? '; an HTTP or WebSocket API is deployed by HttpApiDeployment or WebSocketApiDeployment' : '';
    throw invalidProperty(owner, choice.apiProperty, given, `an ${choice.apiClass} (${choice.apiType})${other}`);
  }
  const protocol = choice.protocol;
  const given = protocol ? (api as unknown as { protocolTypeInput?: string }).protocolTypeInput : undefined;
  if (protocol === undefined || given === undefined) {
    return;
  }
  if (Token.isUnresolved(given)) {
    Annotations.of(owner).addWarning(`The protocol type of '${api.node.path}' is only known at deploy time: ` +
      `${owner.constructor.name} deploys it as an API of protocol type ${protocol.type} (${protocol.otherKind}s: ${protocol.otherConstruct}).`);
  } else if (given !== protocol.type) {
    throw invalidProperty(owner, choice.apiProperty, api.node.path,
      `an ${choice.apiClass} with protocol type ${protocol.type} (it has ${given}; ${protocol.otherKind === 'HTTP API' ? 'an' : 'a'} ${protocol.otherKind} is deployed by ${protocol.otherConstruct})`);
  }
}

/** Fails unless `path`, when it is not a token, starts with `/`. */
export function validatePath(owner: IConstruct, property: string, path: string, expected: string): void {
  if (!Token.isUnresolved(path) && !path.startsWith('/')) {
    throw invalidProperty(owner, property, path, expected);
  }
}

/**
 * An execute-api ARN for the `source_arn` of an `aws_lambda_permission`: `<API's execution
 * ARN>/<stage>/<target>`. It is built from the API's execution ARN when the construct has the API,
 * so the permission does not depend on the deployment and no dependency cycle can form; else from
 * the stage's execution ARN (`arn:...:<api id>/<stage>`, everything before the `/`).
 *
 * @param target what follows the stage: `GET/pets` (REST, HTTP), a route key (WebSocket)
 */
export function executeApiArn(apiExecutionArn: string | undefined, stageExecutionArn: string, stage: string, target: string): string {
  const apiArn = apiExecutionArn ?? Fn.element(Fn.split('/', stageExecutionArn), 0);
  return `${apiArn}/${stage}/${target}`;
}

/** The method and path of an execute-api ARN of a REST or HTTP API (`ANY` is `*` there); validates the path. */
export function methodAndPath(owner: IConstruct, method: string, path: string): string {
  validatePath(owner, 'arnForExecuteApi(path)', path, 'a path that starts with "/", e.g. "/*" or "/pets/{id}"');
  return `${method.toUpperCase() === 'ANY' ? '*' : method}${path}`;
}

/**
 * Requires the API to serve each key of a stage's per-route or per-method settings (`routeOptions`
 * keys as they are, `methodOptions` keys without their leading `/`), checked with the stacks.
 *
 * @param prefix how errors name the stage's options: `''`, `addStage(beta).`
 */
export function requireServedKeys(
  engine: RedeployTriggerEngine,
  prefix: string,
  property: 'routeOptions' | 'methodOptions',
  settings: { [key: string]: unknown } | undefined,
): void {
  for (const key of Object.keys(settings ?? {})) {
    engine.requireServed(`${prefix}${property}.${key}`, property === 'methodOptions' ? key.replace(/^\//, '') : key);
  }
}

/**
 * The synth warnings of the deployment constructs in `scope` that `engineOf` knows, in
 * construct-tree order; each engine runs its check first (as cdktf's prepare pass does).
 */
export function deploymentWarnings(scope: IConstruct, engineOf: (construct: IConstruct) => RedeployTriggerEngine | undefined): string[] {
  return scope.node.findAll().flatMap((construct) => {
    const engine = engineOf(construct);
    if (engine === undefined) {
      return [];
    }
    engine.check();
    checkAccountSettingsOf(construct);
    return construct.node.metadata.filter((entry) => entry.type === AnnotationMetadataEntryType.WARN).map((entry) => String(entry.data));
  });
}
