import { TerraformDataSource, TerraformResource, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { ApiFamily } from './api-family';
import { ApiSnapshot } from './api-snapshot';
import { isAcknowledged } from './blind-spots';
import { BlockSource } from './block-source';
import { StackScan } from './stack-scan';
import { AppIndex } from '../core/app-index';
import { listIn } from '../core/list-in';

/** The data source that looks a REST API up by its name. */
const REST_API_LOOKUP = 'aws_api_gateway_rest_api';

/**
 * Warnings for the API resources of the app that name the API only through a data source that looks
 * it up by its literal name (`data.aws_api_gateway_rest_api` with `name: 'pets'`, in any stack: a way
 * to avoid a cross-stack reference): discovery compares API ids with the API's id, and the data
 * source's id is no reference to it, so they are not hashed. A lookup by the API's `name` attribute
 * is followed as a reference already. The app's lookups are listed once per app generation.
 */
export function lookedUpByNameWarnings(family: ApiFamily, snapshot: ApiSnapshot, blocks: BlockSource, acknowledged: readonly IConstruct[]): string[] {
  const api = snapshot.api;
  const name = api === undefined || family.apiType !== REST_API_LOOKUP ? undefined : api.config.name;
  if (typeof name !== 'string' || Token.isUnresolved(name) || name.includes('${')) {
    return [];
  }
  const hashed = new Set(snapshot.resources.map((item) => item.construct as IConstruct));
  const warnings: string[] = [];
  for (const lookup of lookupsByName(blocks.index).get(name) ?? []) {
    const stack = TerraformStack.of(lookup);
    const address = `data.${REST_API_LOOKUP}.${lookup.friendlyUniqueId}`;
    for (const resource of StackScan.of(blocks, stack, family).reaching(`${address}.id`)) {
      if (!hashed.has(resource) && !isAcknowledged(resource, acknowledged)) {
        const typed = resource as unknown as { terraformResourceType: string; friendlyUniqueId: string };
        warnings.push(`The resource ${typed.terraformResourceType}.${typed.friendlyUniqueId} ('${resource.node.path}') names the ${family.apiKind} `
          + `${api!.address} only through a data source that looks it up by its name (${address} ('${lookup.node.path}'), name ${JSON.stringify(name)}): `
          + `discovery compares ${family.apiIdArgument} with the API's id, so it is not part of this deployment's triggers. If it belongs to this API, `
          + "give it the API's id (a reference, across stacks too), or add it to 'resources'; otherwise list it in 'acknowledgedBlindSpots'.");
      }
    }
  }
  return warnings;
}

/**
 * The REST API resource of `stack` that the data source `data.aws_api_gateway_rest_api.<lookup>` of the
 * stack looks up by its literal name; undefined for another data source, a name that is no literal,
 * or no such API in the stack.
 */
export function apiLookedUpBy(index: AppIndex, stack: TerraformStack, reference: string): TerraformResource | undefined {
  const [data, type, lookup] = reference.split('.');
  if (data !== 'data' || type !== REST_API_LOOKUP || lookup === undefined) {
    return undefined;
  }
  const source = [...lookupsByName(index)].flatMap(([name, sources]) => sources.map((each) => ({ name, each })))
    .find(({ each }) => each.friendlyUniqueId === lookup && TerraformStack.of(each) === stack);
  return source === undefined ? undefined : index.resourcesOfType(REST_API_LOOKUP)
    .find((api) => TerraformStack.of(api) === stack && (api as unknown as { nameInput?: unknown }).nameInput === source.name);
}

/** The app's data sources that look a REST API up by a literal name, by that name. */
function lookupsByName(index: AppIndex): ReadonlyMap<string, readonly TerraformDataSource[]> {
  return index.appMemo('REST API lookups by name', () => {
    const found = new Map<string, TerraformDataSource[]>();
    for (const stack of index.stacks()) {
      for (const element of index.elementsOf(stack)) {
        if (TerraformDataSource.isTerraformDataSource(element) && element.terraformResourceType === REST_API_LOOKUP) {
          const name = (element as unknown as { nameInput?: unknown }).nameInput;
          if (typeof name === 'string' && !Token.isUnresolved(name)) {
            listIn(found, name, element);
          }
        }
      }
    }
    return found;
  });
}
