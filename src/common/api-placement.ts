import { TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { AppIndex } from '../core/app-index';
import { invalidProperty } from '../core/errors';
import { describePlacement, hasAwsAlias, ownRegionOf, sameAccount } from '../core/placement';
import { expressionIn } from '../core/resolve';

/** Where an API is: every resource a deployment construct makes for it is made there too. */
export interface ApiPlacement {
  /** The API construct's provider (alias). */
  readonly provider?: TerraformProvider;
  /** The API construct's own region (provider v6's per-resource `region`). */
  readonly region?: string;
}

/**
 * The API's provider and region, as the construct made for it (`owner`, the API under `apiProperty`)
 * takes them. Checked again when the app is validated at synth: the API's provider alias must exist
 * in the construct's stack too (a deployment in another stack than its API names the alias there),
 * and a provider or region set on the API after the construct was made fails (its resources are
 * placed already).
 */
export function apiPlacement(owner: IConstruct, api: TerraformResource | undefined, apiProperty: string): ApiPlacement {
  if (api === undefined) {
    return {};
  }
  const placement = { provider: api.provider, region: ownRegionOf(api) };
  owner.node.addValidation({ validate: () => placementProblems(owner, api, apiProperty, placement) });
  return placement;
}

function placementProblems(owner: IConstruct, api: TerraformResource, apiProperty: string, placement: ApiPlacement): string[] {
  const region = ownRegionOf(api);
  if (region !== placement.region) {
    return [invalidProperty(owner, `${apiProperty}.region`, region,
      `the region '${api.node.path}' had when the construct was made (${placement.region ?? 'none: the provider\'s'}), where the construct `
      + "made the deployment and its stages; set the API's region before making the construct").message];
  }
  if (api.provider !== placement.provider) {
    return [invalidProperty(owner, `${apiProperty}.provider`, api.provider?.node.path ?? "the stack's default AWS provider",
      `the provider '${api.node.path}' had when the construct was made (${placement.provider?.node.path ?? "the stack's default AWS provider"}), `
      + "with which the construct made the deployment and its stages; set the API's provider before making the construct").message];
  }
  const provider = placement.provider;
  const stack = TerraformStack.of(owner);
  if (provider?.alias !== undefined && TerraformStack.of(provider) !== stack && !hasAwsAlias(stack, provider.alias)) {
    return [invalidProperty(owner, apiProperty, api.node.path,
      `an API whose AWS provider alias exists in this construct's stack: '${api.node.path}' uses '${provider.node.path}' (alias `
      + `'${provider.alias}'), and the deployment and stages made here name that alias in '${stack.node.path}', which has no AwsProvider `
      + `with it; add one there (alias: '${provider.alias}', the same settings), or make the construct in the API's stack`).message];
  }
  return [];
}

/**
 * For a construct that is given an API by its id (a stage made on its own): fails when the app is
 * validated at synth if the id is the `id` of an API resource of the construct's stack (`apiType`)
 * that is in another region than `resource`, the construct's own resource (the API's own `region`,
 * or another provider's): AWS would answer NotFoundException when the resource is made.
 *
 * @param property the construct's property that gives the id (`apiId`, `restApiId`)
 */
export function checkPlacementWithApiId(owner: IConstruct, property: string, apiId: string, apiType: string, resource: TerraformResource): void {
  owner.node.addValidation({
    validate: () => {
      const stack = TerraformStack.of(owner);
      const reference = /^\$\{([\w-]+)\.([\w-]+)\.id\}$/.exec(expressionIn(stack, apiId));
      const api = reference === null || reference[1] !== apiType ? undefined : AppIndex.of(owner).resourcesOfType(apiType)
        .find((candidate) => TerraformStack.of(candidate) === stack && candidate.friendlyUniqueId === reference[2]);
      if (api === undefined || sameAccount(api, resource) !== 'apart') {
        return [];
      }
      const region = ownRegionOf(api);
      return [invalidProperty(owner, region !== undefined ? 'region' : 'provider', region !== undefined ? ownRegionOf(resource) : resource.provider?.node.path,
        `the placement of the API its ${property} names: '${api.node.path}' is made with ${describePlacement(api)}, and this one with `
        + `${describePlacement(resource)}, where AWS finds no such API (NotFoundException); give it ${region !== undefined ? `region: ${JSON.stringify(region)}` : "the API's provider"}`).message];
    },
  });
}
