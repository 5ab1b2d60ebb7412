import { IConstruct } from 'constructs';
import { addValidationWhenCommitted } from '../core/abandoned';
import { apiIdBehind } from '../core/api-id-behind';
import { AppIndex } from '../core/app-index';
import { invalidProperty } from '../core/errors';
import { heldByLocal } from '../core/locals';
import { idReferenceOf, referenceOf } from '../core/resolve';

/** What an id given to a construct must name, when it names a resource of the app. */
export interface IdKind {
  /** The property that gives the API's id (`restApiId`, `httpApiId`, `apiId`). */
  readonly apiProperty: string;
  readonly apiId: string;
  /** The id as given, for errors, when `apiId` is what it stands for (a local's value, the API id another resource was given). */
  readonly shownApiId?: string;
  /** The API's Terraform type (`aws_api_gateway_rest_api`, `aws_apigatewayv2_api`). */
  readonly apiType: string;
  /** The API in messages: `REST API`, `HTTP API`, `WebSocket API`. */
  readonly apiKind: string;
  /** For an API Gateway v2 API, the protocol type it must have (`HTTP`, `WEBSOCKET`). */
  readonly protocol?: string;
  /** For a stage made on its own: the property that gives the deployment's id, and the id. */
  readonly deploymentProperty?: string;
  readonly deploymentId?: string;
}

const API_KINDS: Readonly<Record<string, string>> = {
  aws_api_gateway_rest_api: 'a REST API (deployed by RestApiDeployment)',
  aws_apigatewayv2_api: 'an HTTP or WebSocket API (deployed by HttpApiDeployment or WebSocketApiDeployment)',
};
const DEPLOYMENT_TYPES: Readonly<Record<string, { readonly apiType: string; readonly apiArgument: string }>> = {
  aws_api_gateway_deployment: { apiType: 'aws_api_gateway_rest_api', apiArgument: 'restApiId' },
  aws_apigatewayv2_deployment: { apiType: 'aws_apigatewayv2_api', apiArgument: 'apiId' },
};

/**
 * Fails, when the app is validated, on an id that names a resource of the app of another kind than
 * the construct deploys: an API of the other family (`restApiId: httpApi.id`), an HTTP API where a
 * WebSocket API belongs (its protocol type), or, for a stage made on its own, a deployment of the
 * other family or of another API. AWS would make a stage the API cannot have, or none at all.
 */
export function checkIdKinds(owner: IConstruct, kind: IdKind): void {
  if (kind.deploymentId === '') {
    throw invalidProperty(owner, kind.deploymentProperty!, '', 'the id of a deployment, not an empty string');
  }
  if (kind.apiId === '') {
    throw invalidProperty(owner, kind.apiProperty, '', `the id of ${article(kind.apiKind)} ${kind.apiKind}, not an empty string`);
  }
  for (const [property, id] of [[kind.apiProperty, kind.apiId], [kind.deploymentProperty, kind.deploymentId]] as const) {
    const origin = id === undefined ? undefined : referenceOf(id)?.stack;
    if (origin !== undefined && origin.node.root !== owner.node.root) {
      throw invalidProperty(owner, property!, `an attribute of '${origin.node.path}' of another App`, "an id this construct's app can read: a "
        + "reference to a resource of another App names nothing in this app's Terraform configurations (give the id itself, or make the construct in that app)");
    }
  }
  addValidationWhenCommitted(owner, {
    validate: () => {
      // An id given through a local value is what the local holds.
      // An id given through a local value, or read from another resource's API id argument (`route.apiId`), is what that holds.
      const deploymentId = kind.deploymentId === undefined ? undefined : heldByLocal(kind.deploymentId) ?? kind.deploymentId;
      const resolved = { ...kind, apiId: apiIdBehind(owner, kind.apiId), shownApiId: heldByLocal(kind.apiId) ?? kind.apiId, deploymentId };
      const error = apiIdError(owner, resolved) ?? deploymentIdError(owner, resolved);
      return error === undefined ? [] : [error.message];
    },
  });
}

/**
 * The attribute of an API Gateway resource or data source a reference reads (`aws_api_gateway_rest_api.api.name`,
 * `data.aws_apigatewayv2_api.x.api_endpoint`): its type (a data source's without `data.`), name and attribute.
 */
function attributeRead(value: string | undefined): { readonly type: string; readonly address: string; readonly attribute: string } | undefined {
  const identifier = value === undefined ? undefined : referenceOf(value)?.identifier;
  const parts = identifier === undefined ? null : /^((?:data\.)?(aws_api_?gateway[\w]*)\.[\w-]+)\.([\w.[\]]+)$/.exec(identifier);
  return parts === null ? undefined : { type: parts[2], address: parts[1], attribute: parts[3] };
}

/** The error for an id given as another attribute (`read`) of an API Gateway resource (`restApiId: api.name`, `deploymentId: api.id`). */
function attributeError(
  owner: IConstruct, property: string, value: string, read: ReturnType<typeof attributeRead>, expected: string, idOf: (type: string) => boolean,
): Error | undefined {
  // Another resource's attribute that holds such an id (a stage's deployment_id or rest_api_id) is one.
  if (read === undefined || (read.attribute === 'id' && idOf(read.type)) || /(^|\.)(deployment_id|rest_api_id|api_id)$/.test(read.attribute)) {
    return undefined;
  }
  return invalidProperty(owner, property, value, `${expected}: it reads ${read.address}.${read.attribute}, `
    + `${read.attribute === 'id' ? `an id of another kind (${read.type})` : 'no id'} (AWS answers NotFoundException)`);
}

function apiIdError(owner: IConstruct, kind: IdKind): Error | undefined {
  const read = attributeRead(kind.apiId);
  const notAnId = attributeError(owner, kind.apiProperty, kind.shownApiId ?? kind.apiId, read, `the id of ${article(kind.apiKind)} ${kind.apiKind} (its .id)`, (type) => type in API_KINDS);
  if (notAnId !== undefined && read!.type in API_KINDS) {
    return notAnId;
  }
  const expected = `the id of ${article(kind.apiKind)} ${kind.apiKind} (${kind.apiType})`;
  if (read !== undefined && read.attribute === 'id' && read.type in API_KINDS && read.type !== kind.apiType) {
    return invalidProperty(owner, kind.apiProperty, kind.shownApiId ?? kind.apiId, `${expected}: it names ${read.address}, ${API_KINDS[read.type]}`);
  }
  const named = idReferenceOf(kind.apiId);
  if (named === undefined || named.type !== kind.apiType) {
    return undefined;
  }
  const api = kind.protocol === undefined ? undefined : AppIndex.of(owner).resourceNamed(named.type, named.stack, named.name);
  const protocol = (api as { protocolTypeInput?: unknown } | undefined)?.protocolTypeInput;
  if (typeof protocol === 'string' && /^[A-Z]+$/.test(protocol) && protocol !== kind.protocol) {
    return invalidProperty(owner, kind.apiProperty, kind.shownApiId ?? kind.apiId,
      `${expected}: it names ${named.type}.${named.name}, whose protocol type is ${protocol} (${protocol === 'HTTP' ? 'HttpApiDeployment, HttpApiStage' : 'WebSocketApiDeployment, WebSocketApiStage'} deploy it)`);
  }
  return undefined;
}

function deploymentIdError(owner: IConstruct, kind: IdKind): Error | undefined {
  if (kind.deploymentId !== undefined) {
    const notAnId = attributeError(owner, kind.deploymentProperty!, kind.deploymentId, attributeRead(kind.deploymentId),
      "the id of a deployment of the stage's API (a deployment's .id)", (type) => type in DEPLOYMENT_TYPES);
    if (notAnId !== undefined) {
      return notAnId;
    }
  }
  const named = kind.deploymentId === undefined ? undefined : idReferenceOf(kind.deploymentId);
  const family = named === undefined ? undefined : DEPLOYMENT_TYPES[named.type];
  if (named === undefined || family === undefined) {
    return undefined;
  }
  const expected = `the id of a deployment of the stage's ${kind.apiKind}`;
  if (family.apiType !== kind.apiType) {
    return invalidProperty(owner, kind.deploymentProperty!, kind.deploymentId, `${expected}: it names ${named.type}.${named.name}, a deployment of ${API_KINDS[family.apiType]}`);
  }
  const deployment = AppIndex.of(owner).resourceNamed(named.type, named.stack, named.name) as Record<string, unknown> | undefined;
  const itsApi = deployment?.[`${family.apiArgument}Input`];
  const itsApiReference = typeof itsApi === 'string' ? idReferenceOf(itsApi) : undefined;
  const stageApi = idReferenceOf(kind.apiId);
  if (itsApiReference !== undefined && stageApi !== undefined
    && (itsApiReference.type !== stageApi.type || itsApiReference.name !== stageApi.name || itsApiReference.stack !== stageApi.stack)) {
    return invalidProperty(owner, kind.deploymentProperty!, kind.deploymentId,
      `${expected}: it names ${named.type}.${named.name}, a deployment of ${itsApiReference.type}.${itsApiReference.name}, not of ${stageApi.type}.${stageApi.name} (AWS answers NotFoundException)`);
  }
  return undefined;
}

function article(kind: string): string {
  return kind.startsWith('HTTP') ? 'an' : 'a';
}
