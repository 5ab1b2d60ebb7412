import { TerraformModule, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ApiFamily } from './api-family';
import { ApiSnapshot } from './api-snapshot';
import { isAcknowledged } from './blind-spots';
import { BlockSource } from './block-source';
import { describePlacement, sameAccount } from '../core/placement';

/**
 * Warnings about where the API is and what names it, beside discovery: the API's own resources made in
 * another account or region than the API, resources naming the instances of a counted API through their
 * own iterator, an API made by a module.
 */

/**
 * The warning for the API's own resources (of its kind's types) made in another account or region than
 * `api` (another provider, or a `region` of its own or of the API's): AWS finds no such API there
 * (NotFoundException). Compared only where the blocks differ in provider or region, or in stack. Other
 * resources (a function, a role) may be anywhere.
 */
export function misplacedResourcesWarning(
  family: ApiFamily, snapshot: ApiSnapshot, blocks: BlockSource, api: TerraformResource | undefined,
): string | undefined {
  if (api === undefined) {
    return undefined;
  }
  const apiBlock = snapshot.api?.config ?? blocks.blockOf(api) ?? {};
  const apiStack = TerraformStack.of(api);
  const misplaced = snapshot.resources.filter((item) => item.construct !== api && family.redeployTypes.has(item.type)
    && (item.stack !== apiStack || item.config.provider !== apiBlock.provider || item.config.region !== apiBlock.region)
    && sameAccount(item.construct, api) === 'apart');
  if (misplaced.length === 0) {
    return undefined;
  }
  const [first] = misplaced;
  return `${first.address} ('${first.construct.node.path}')${misplaced.length > 1 ? ` and ${misplaced.length - 1} more of the API's resources` : ''} `
    + `${misplaced.length > 1 ? 'are' : 'is'} made with ${describePlacement(first.construct)}, and the API ${api.terraformResourceType}.${api.friendlyUniqueId} `
    + `with ${describePlacement(api)}: AWS finds no such API there (NotFoundException). Make them with the API's provider and region.`;
}

/**
 * For a construct given one instance of an API made with `count` or `for_each` (`apiId`, resolved:
 * `${aws_x.apis["a"].id}`, as the library's error for a counted API says to write, or `apis.a.id`): the warning for the
 * API's resources of the home stack that name its instances through their own iterator
 * (`apis[each.key].id`, or `each.value.id` over the API resource itself), which discovery cannot match with one instance, so they are not in the triggers.
 */
export function instancesNamedByIteratorWarnings(
  family: ApiFamily, apiId: string, blocks: BlockSource, acknowledged: readonly IConstruct[],
): string[] {
  // One instance: apis["a"], apis[0], or apis.a (Fn.lookupNested's rendering).
  const instance = /^\$\{([\w-]+\.[\w-]+)(?:\[(?:"[^"]*"|\d+)\]|\.[A-Za-z_][\w-]*)\.id\}$/.exec(apiId);
  if (instance === null || !instance[1].startsWith(`${family.apiType}.`)) {
    return [];
  }
  const byIterator = new RegExp(`^\\$\\{${instance[1].replace('.', '\\.')}\\[(each\\.key|count\\.index|each\\.value[^\\]]*)\\]\\.id\\}$`);
  // Or each instance through a for_each over the API resource itself (TerraformIterator.fromResources): each.value.id.
  const overTheApi = (block: Record<string, unknown> | undefined) => block?.for_each === `\${${instance[1]}}` && block?.[family.apiIdArgument] === '${each.value.id}';
  const named = blocks.elementsOf(blocks.home).filter((element): element is TerraformResource => TerraformResource.isTerraformResource(element)
    && family.redeployTypes.has(element.terraformResourceType) && !isAcknowledged(element, acknowledged)
    && (byIterator.test(String(blocks.blockOf(element)?.[family.apiIdArgument])) || overTheApi(blocks.blockOf(element))));
  if (named.length === 0) {
    return [];
  }
  const shown = named.slice(0, 3).map((resource) => `${resource.terraformResourceType}.${resource.friendlyUniqueId}`).join(', ');
  const written = String(blocks.blockOf(named[0])?.[family.apiIdArgument]);
  return [`The resources ${shown}${named.length > 3 ? ` and ${named.length - 3} more` : ''} name the instances of ${instance[1]} through their own `
    + `iterator (their ${family.apiIdArgument} is "${written}"): discovery cannot tell that one of them is ${apiId.slice(2, -1)}, so they are not `
    + "part of this deployment's triggers. Make the resources of each instance with the instance's id (as this construct is given), or give them "
    + "in 'resources'; otherwise list them in 'acknowledgedBlindSpots'."];
}

/**
 * For a construct given an API id that is the output of a module of the home stack (`apiId`, resolved:
 * `${module.api.rest_api_id}`): the warning that what the module makes of the API (its inputs, its source
 * and version) is not in the triggers.
 */
export function moduleMakingTheApiWarnings(apiId: string, blocks: BlockSource, acknowledged: readonly IConstruct[]): string[] {
  const name = /^\$\{module\.([\w-]+)\.[\w-]+\}$/.exec(apiId)?.[1];
  const module = name === undefined ? undefined : blocks.elementsOf(blocks.home)
    .find((element): element is TerraformModule => element instanceof TerraformModule && element.friendlyUniqueId === name);
  if (module === undefined || isAcknowledged(module, acknowledged)) {
    return [];
  }
  return [`The API is made by module.${name} ('${module.node.path}'): the API id given is that module's output. What the module makes of the API `
    + '(its settings, a body: its inputs, its source and version) is not in the triggers, so a change there does not redeploy. Add a trigger over '
    + "the module's inputs that shape the API (addTrigger), or list it in 'acknowledgedBlindSpots'."];
}
