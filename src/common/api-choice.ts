import { TerraformResource, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { addValidationWhenCommitted } from '../core/abandoned';
import { configuredArgument, repetitionOf } from '../core/configured';
import { invalidProperty } from '../core/errors';
import { warnOnceOn } from '../core/warnings';

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
  if (api !== undefined && api.node.root !== owner.node.root) {
    throw invalidProperty(owner, apiProperty, api.node.path, `an API of this construct's app: '${api.node.path}' is of another App, whose resources `
      + "this app's Terraform configurations never hold (make the construct in the API's app)");
  }
  if (api !== undefined) {
    validateApiConstruct(owner, choice, api);
    // `count`, `for_each`, the protocol type or quick create's `target` set on the API after the construct was made.
    addValidationWhenCommitted(owner, {
      validate: () => {
        const error = countedApiError(owner, choice.apiProperty, api, api.node.path, choice.idProperty)
          ?? protocolError(owner, choice, api) ?? quickCreateError(owner, choice, api);
        return error === undefined ? [] : [error.message];
      },
    });
  }
}

/**
 * The error for an API resource with `count` or `for_each` (its own, or an override of it) given to a
 * construct (by `property`, as `given`): the construct deploys one API, and the resource's `id` names
 * none of its instances (`${aws_x.api.id}` on a counted resource: terraform validate refuses it).
 * Undefined for an API without them.
 *
 * @param idProperty the construct's property that takes one instance's id instead (`restApiId`)
 */
export function countedApiError(owner: IConstruct, property: string, api: TerraformResource, given: unknown, idProperty: string): Error | undefined {
  const meta = repetitionOf(api);
  if (meta === undefined) {
    return undefined;
  }
  const instance = meta === 'count' ? "['0', 'id']" : "['\"<key>\"', 'id']";
  return invalidProperty(owner, property, given,
    `an API resource without count or for_each ('${api.node.path}' has ${meta}): a deployment construct or stage deploys one API, and the `
    + `resource's id names none of its instances (terraform validate refuses '${api.terraformResourceType}.${api.friendlyUniqueId}.id' on a resource `
    + `with ${meta}); give it one instance's id, ${idProperty}: Token.asString(Fn.lookupNested(api, ${instance})), with one construct per instance`);
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
  const counted = countedApiError(owner, choice.apiProperty, api, api.node.path, choice.idProperty);
  if (counted !== undefined) {
    throw counted;
  }
  const protocol = choice.protocol;
  const given = protocol ? (api as unknown as { protocolTypeInput?: string }).protocolTypeInput : undefined;
  if (protocol !== undefined && Token.isUnresolved(given)) {
    // Said of the API, once however many deployment constructs of the class deploy it.
    warnOnceOn(owner, api, `The protocol type of '${api.node.path}' is only known at deploy time: ` +
      `${owner.constructor.name} deploys it as an API of protocol type ${protocol.type} (${protocol.otherKind}s: ${protocol.otherConstruct}).`);
  }
  const wrongProtocol = protocolError(owner, choice, api);
  if (wrongProtocol !== undefined) {
    throw wrongProtocol;
  }
  const quickCreate = quickCreateError(owner, choice, api);
  if (quickCreate !== undefined) {
    throw quickCreate;
  }
}

/** The error for an API Gateway v2 API of the other protocol type (its `protocol_type`, or an override of it); undefined for one of this type. */
function protocolError(owner: IConstruct, choice: ApiChoice, api: TerraformResource): Error | undefined {
  const protocol = choice.protocol;
  const given = configuredArgument(api, 'protocol_type');
  if (protocol === undefined || typeof given !== 'string' || Token.isUnresolved(given) || given === protocol.type) {
    return undefined;
  }
  return invalidProperty(owner, choice.apiProperty, api.node.path,
    `an ${choice.apiClass} with protocol type ${protocol.type} (it has ${given}; ${protocol.otherKind === 'HTTP API' ? 'an' : 'a'} ${protocol.otherKind} is deployed by ${protocol.otherConstruct})`);
}

/** The error for an HTTP API made with quick create (its `target`, or an override of it); undefined for another API. */
function quickCreateError(owner: IConstruct, choice: ApiChoice, api: TerraformResource): Error | undefined {
  const target = configuredArgument(api, 'target');
  if (choice.protocol === undefined || target === undefined) {
    return undefined;
  }
  return invalidProperty(owner, choice.apiProperty, api.node.path,
    `an ${choice.apiClass} without quick create ('${api.node.path}' has a target): AWS makes a quick-created API its own $default stage, `
    + 'deployed automatically, beside which the construct\'s stage and deployment conflict or do nothing; make its route and integration as '
    + 'resources (Apigatewayv2Route, Apigatewayv2Integration) instead of target, or leave the API to its automatic stage without this construct');
}

