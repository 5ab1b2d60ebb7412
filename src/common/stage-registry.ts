import { TerraformResource, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { isAbandoned, undoIfFailed } from '../core/abandoned';
import { apiIdBehind } from '../core/api-id-behind';
import { invalidProperty } from '../core/errors';
import { literalOf } from '../core/locals';
import { expressionIn, idReferenceOf, resolveIn } from '../core/resolve';

/**
 * The stages the library's deployment constructs create, per app (a stage name is one per API,
 * whichever stack deploys it): API and stage name -> the construct's path.
 */
const CLAIMED = new WeakMap<IConstruct, Map<string, Claim>>();

/** Who made a claim: a construct's path, and the construct whose constructor may have failed since (core/abandoned.ts). */
interface Claim {
  readonly path: string;
  readonly owner: IConstruct;
}

/**
 * How a construct's API is told apart from others in the app: the API resource (given as the construct,
 * or by the `id` of an API resource of the app of type `apiType`, `api.id`, in any stack), or the id of
 * an API given by id (a literal id names one API in any stack; an expression, such as a variable, only
 * within its stack).
 */
export function apiIdentity(owner: IConstruct, api: TerraformResource | undefined, apiId: string, apiType: string): string {
  if (api) {
    return `resource:${TerraformStack.of(api).node.path}:${api.terraformResourceType}.${api.friendlyUniqueId}`;
  }
  const reference = idReferenceOf(apiIdBehind(owner, apiId, true));
  if (reference !== undefined && reference.type === apiType) {
    return `resource:${reference.stack.node.path}:${reference.type}.${reference.name}`;
  }
  const stack = TerraformStack.of(owner);
  const id = resolveQuietly(stack, apiId);
  return id.includes('${') ? `expression:${stack.node.path}:${id}` : `id:${id}`;
}

/**
 * Records that `owner` creates the stage `stageName` of the API; fails, naming `property`, when
 * a deployment construct of the app already creates a stage of that name for the same API.
 *
 * @param apiKind the API in the message: `REST API`
 */
export function claimStage(owner: IConstruct, identity: string, stageName: string, property: string, apiKind: string): void {
  const claimed = registryOf(CLAIMED, owner);
  // A local value holding a literal is that literal; another expression (a variable) is that expression in its stack: one
  // variable used twice is one name twice.
  const literal = literalOf(stageName);
  const name = literal ?? `expression:${TerraformStack.of(owner).node.path}:${resolveQuietly(TerraformStack.of(owner), stageName)}`;
  const key = `${identity}\u0000${name}`;
  const other = claimed.get(key);
  if (other !== undefined && !isAbandoned(other.owner)) {
    throw invalidProperty(owner, property, stageName,
      `a stage name not yet used for this ${apiKind}: '${other.path}' already creates the stage ${JSON.stringify(literal ?? expressionIn(owner, stageName))}`);
  }
  claimed.set(key, { path: owner.node.path, owner });
  undoIfFailed(() => claimed.delete(key));
}

function resolveQuietly(stack: TerraformStack, value: string): string {
  try {
    return JSON.stringify(resolveIn(stack, value, false));
  } catch {
    return value;
  }
}

/** The access log group names the library's stages create, per app: API and name -> the stage's construct path. */
const LOG_GROUPS = new WeakMap<IConstruct, Map<string, Claim>>();

/**
 * Records that a stage of the API `identity` creates the access log group `logGroupName`; fails, naming
 * `property`, when another stage of the API creates one of that name (an HTTP API's `$default` stage and
 * a stage named `default`: a log group name cannot hold `$`): CloudWatch refuses the second at apply.
 */
export function claimLogGroupName(owner: IConstruct, stagePath: string, identity: string, logGroupName: string, property: string): void {
  const claimed = registryOf(LOG_GROUPS, owner);
  // As the expressions it is made of (each read of an API's id is a token of its own).
  const key = `${identity}\u0000${Token.isUnresolved(logGroupName) ? expressionIn(TerraformStack.of(owner), logGroupName) : logGroupName}`;
  const other = claimed.get(key);
  if (other !== undefined && other.path !== stagePath && !isAbandoned(other.owner)) {
    throw invalidProperty(owner, property, 'AccessLogDestination.newLogGroup()',
      `a log group no other stage of the API creates: '${other.path}' creates the one of the same name (the $default stage's logs go to '.../default', `
      + 'a log group name cannot hold $); give one of them AccessLogDestination.arn(...) of a log group of your own');
  }
  const previous = claimed.get(key);
  claimed.set(key, { path: stagePath, owner });
  undoIfFailed(() => (previous === undefined ? claimed.delete(key) : claimed.set(key, previous)));
}

/** The app's map of `registries` (the app of `owner`), made when first asked. */
function registryOf(registries: WeakMap<IConstruct, Map<string, Claim>>, owner: IConstruct): Map<string, Claim> {
  const app = owner.node.root;
  let claimed = registries.get(app);
  if (claimed === undefined) {
    claimed = new Map();
    registries.set(app, claimed);
  }
  return claimed;
}
