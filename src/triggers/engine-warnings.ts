import { TerraformResource, TerraformStack } from 'cdktf';
import { ApiFamily } from './api-family';
import { addressOf, SnapshotResource } from './api-snapshot';

/* The engine's warnings about its API, worded: what it cannot see, and what the user does about it. */

/** Resources named in a warning: the first three by address and path, and how many more. */
function listed(resources: readonly TerraformResource[]): string {
  const named = resources.map((resource) => `${addressOf(resource)} ('${resource.node.path}')`);
  return (named.length > 3 ? [...named.slice(0, 3), `and ${named.length - 3} more`] : named).join(', ');
}

/** For an API given by its id with discovery off: the resources of the app that name the same API. */
export function namedByIdWarning(family: ApiFamily, apiProperty: string, resources: readonly TerraformResource[], home: TerraformStack): string {
  const stacks = new Set(resources.map((resource) => TerraformStack.of(resource)));
  const only = stacks.size === 1 ? [...stacks][0] : undefined;
  const where = only === undefined ? '' : only === home ? ' of this stack' : ` of the stack '${only.node.path}'`;
  return `The ${family.apiKind} is given by its id ('${apiProperty}Id'), and ${listed(resources)}${where} name the same API: ` +
    'without discovery, changing them does not redeploy the API. Give the API construct instead of its id, or set ' +
    "'autoDiscover: true' (the resources that name the API are then discovered), or list them in 'resources'; " +
    "otherwise list them in 'acknowledgedBlindSpots'.";
}

/** For an API given as the construct with discovery off: the resources that name it and are not in `resources`. */
export function undiscoveredWarning(family: ApiFamily, resources: readonly TerraformResource[]): string {
  return `Discovery is off ('autoDiscover: false'), and ${listed(resources)} name the ${family.apiKind}: they are not in 'resources', so changing them `
    + "does not redeploy the API. Leave discovery on (the default), or list them in 'resources'; otherwise list them in 'acknowledgedBlindSpots'.";
}

/** For a resource of the API that reads files when Terraform plans, in a way the deployment cannot hash. */
export function unhashedFileWarning(item: SnapshotResource, calls: readonly string[], elsewhere: boolean): string {
  const shown = calls.length > 2 ? [...calls.slice(0, 2), `and ${calls.length - 2} more`] : calls;
  const why = elsewhere ? "it is in another stack, whose files the deployment's stack cannot read"
    : "the calls use names only the resource itself can evaluate: 'each', 'count', 'self', or the iterator of a for expression or of a dynamic block";
  return `The resource ${item.address} ('${item.construct.node.path}') reads files when Terraform plans (${shown.join(', ')}): ` +
    `their content is not in its configuration, and the deployment cannot hash them (${why}), so changing such a file does not redeploy the API. ` +
    'Read the file in the program (its content then is configuration), or give the deployment a trigger entry that changes with it ' +
    "('triggers', e.g. Fn.filesha1 of the path), then list the resource in 'acknowledgedBlindSpots'.";
}

/** For a deployment construct with nothing to redeploy on. */
export function noTriggersWarning(apiProperty: string): string {
  return 'This deployment has no redeploy triggers: it is created once and never redeployed. ' +
    `Give '${apiProperty}' (with discovery on), 'resources' or 'triggers'.`;
}
