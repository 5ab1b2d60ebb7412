import { TerraformResource, TerraformStack, Tokenization, DefaultTokenResolver, StringConcat } from 'cdktf';
import { IConstruct } from 'constructs';
import { invalidProperty } from './errors';

/** The stages the library's deployment constructs create, per stack: API and stage name -> the construct's path. */
const CLAIMED = new WeakMap<TerraformStack, Map<string, string>>();

/**
 * How a deployment construct's API is told apart from others in its stack: the API construct's
 * path, or the resolved id of an API given by id.
 */
export function apiIdentity(owner: IConstruct, api: TerraformResource | undefined, apiId: string): string {
  return api ? `api:${api.node.path}` : `id:${resolveQuietly(TerraformStack.of(owner), apiId)}`;
}

/**
 * Records that `owner` creates the stage `stageName` of the API; fails, naming `property`, when
 * a deployment construct of the stack already creates a stage of that name for the same API.
 *
 * @param apiKind the API in the message: `REST API`
 */
export function claimStage(owner: IConstruct, identity: string, stageName: string, property: string, apiKind: string): void {
  const stack = TerraformStack.of(owner);
  let claimed = CLAIMED.get(stack);
  if (claimed === undefined) {
    claimed = new Map();
    CLAIMED.set(stack, claimed);
  }
  const key = `${identity}\u0000${stageName}`;
  const other = claimed.get(key);
  if (other !== undefined) {
    throw invalidProperty(owner, property, stageName,
      `a stage name not yet used for this ${apiKind}: '${other}' already creates the stage "${stageName}"`);
  }
  claimed.set(key, owner.node.path);
}

function resolveQuietly(stack: TerraformStack, value: string): string {
  try {
    return JSON.stringify(Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) }));
  } catch {
    return value;
  }
}
