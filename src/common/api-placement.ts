import { TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { countedApiError } from './api-choice';
import { addValidationWhenCommitted } from '../core/abandoned';
import { AppIndex } from '../core/app-index';
import { isLibraryDeployment } from '../core/deployment-marker';
import { invalidProperty } from '../core/errors';
import {
  awsProviderOf, describePlacement, hasAwsAlias, hasAwsProvider, onlyAliasedAwsProviders, ownRegionOf, sameAccount,
  SettingDifference, settingDifferences,
} from '../core/placement';
import { expressionIn, idReferenceOf } from '../core/resolve';
import { warnOnce } from '../core/warnings';

/** Where an API is: every resource a deployment construct makes for it is made there too. */
export interface ApiPlacement {
  /** The API construct's provider (alias). */
  readonly provider?: TerraformProvider;
  /** The API construct's own region (provider v6's per-resource `region`). */
  readonly region?: string;
}

/** The placement checks of a construct (run by cdktf's validation, and by `warningsOf`), each answering its errors. */
const CHECKS = new WeakMap<IConstruct, Array<() => string[]>>();

/** Adds a placement check to `owner`: run when the app is validated at synth, and by `checkPlacementOf`. */
function addCheck(owner: IConstruct, check: () => string[]): void {
  const checks = CHECKS.get(owner) ?? [];
  CHECKS.set(owner, checks);
  checks.push(check);
  addValidationWhenCommitted(owner, { validate: check });
}

/** For `warningsOf`: runs the placement checks of `owner` now (recording their warnings), and throws the first error. */
export function checkPlacementOf(owner: IConstruct): void {
  for (const check of CHECKS.get(owner) ?? []) {
    const [problem] = check();
    if (problem !== undefined) {
      throw new Error(problem);
    }
  }
}

/** What the check of a deployment construct given its API compares: the API, and the resource the construct made for it. */
interface ApiCheck {
  readonly api: TerraformResource;
  readonly apiProperty: string;
  readonly placement: ApiPlacement;
  /** The deployment resource, once made: every resource of the construct is placed as it is. */
  made?: TerraformResource;
}

const API_CHECKS = new WeakMap<IConstruct, ApiCheck>();

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
  const check: ApiCheck = { api, apiProperty, placement };
  API_CHECKS.set(owner, check);
  addCheck(owner, () => placementProblems(owner, check));
  return placement;
}

/**
 * Records the resource `owner` made with its API's placement (its deployment): at synth, it must be
 * in the API's account and region. In another stack than the API, the API's provider is found there
 * by its alias (or is that stack's default one), whose settings may be another account's or region's.
 */
export function placedForApi(owner: IConstruct, resource: TerraformResource): void {
  const check = API_CHECKS.get(owner);
  if (check !== undefined) {
    check.made = resource;
  }
}

function placementProblems(owner: IConstruct, { api, apiProperty, placement, made }: ApiCheck): string[] {
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
  return made === undefined ? [] : apartFromApi(owner, api, made);
}

/**
 * The error for a deployment construct whose resources (`made`, placed as the API's provider and
 * region say in the construct's stack) are in another account or region than its API; a warning
 * when the configuration cannot tell.
 */
function apartFromApi(owner: IConstruct, api: TerraformResource, made: TerraformResource): string[] {
  const answer = sameAccount(api, made);
  if (answer === 'same') {
    return [];
  }
  const differences = settingDifferences(api, made);
  if (answer === 'unknown') {
    warnUnknown(owner, api, made, differences,
      `'${owner.node.path}' makes the deployment and stages of '${api.node.path}' with ${describePlacement(made)}, and the API is made with `
      + `${describePlacement(api)}`,
      "or make the construct in the API's stack");
    return [];
  }
  const { certain, apiRegion, here, settingsFix } = apartBy(api, made, differences);
  const fix = apiRegion !== undefined
    ? `give '${api.node.path}' region: ${apiRegion} (the construct gives the API's own region to the deployment and stages too), or give ${here} region: ${apiRegion}`
    : settingsFix;
  return [invalidProperty(owner, apiPropertyOf(owner), api.node.path,
    `an API in the account and region where this construct makes the deployment and its stages: '${api.node.path}' is made with `
    + `${describePlacement(api)}, and they with ${describePlacement(made)}, which differ in ${describeDifferences(certain)}: AWS finds no such API `
    + `there (NotFoundException); ${fix}, or make the construct in the API's stack`).message];
}

/**
 * What puts `resource` apart from `api` for certain (of their `differences`), for the error: the API's
 * region when only the regions differ, how messages name `resource`'s provider, and the fix of giving
 * it the API provider's settings.
 */
function apartBy(api: TerraformResource, resource: TerraformResource, differences: readonly SettingDifference[]) {
  const certain = differences.filter((difference) => difference.certain);
  const apiRegion = certain.length > 0 && certain.every((difference) => difference.name === 'region') ? JSON.stringify(certain[0].values[0]) : undefined;
  const here = providerName(resource);
  const settingsFix = `give ${here} the settings of ${providerName(api)} (${certain.map((difference) => `'${difference.name}'`).join(', ')})`;
  return { certain, apiRegion, here, settingsFix };
}

/** The property a deployment construct's API is given by (`restApi`), for errors. */
function apiPropertyOf(owner: IConstruct): string {
  return API_CHECKS.get(owner)?.apiProperty ?? 'api';
}

/** How messages name a resource's AWS provider: by its path, or as the one its stack lacks. */
function providerName(resource: TerraformResource): string {
  const provider = awsProviderOf(resource);
  return provider !== undefined ? `the AWS provider '${provider.node.path}'` : `an AwsProvider of '${TerraformStack.of(resource).node.path}'`;
}

/** `region ("eu-west-2" for the API, "us-east-1" here)`, for each difference. */
function describeDifferences(differences: readonly SettingDifference[]): string {
  const shown = (value: unknown) => (value === undefined ? 'unset' : JSON.stringify(value));
  return differences.map(({ name, values }) => `${name} (${shown(values[0])} for the API, ${shown(values[1])} here)`).join(', ');
}

/**
 * The warning for a construct whose resource (`made`) may be in another account or region than the
 * API: an expression (a variable) or a setting only one of the providers has hides the answer, or
 * one of them has no AWS provider (its stack's are all aliased: Terraform's implicit one, from the
 * environment). None when a stack has no AWS provider at all (cdktf refuses it).
 */
function warnUnknown(
  owner: IConstruct, api: TerraformResource, made: TerraformResource, differences: readonly SettingDifference[], what: string, otherFix: string,
): void {
  const missing = [made, api].find((resource) => !hasAwsProvider(resource));
  if (missing !== undefined) {
    // A stack with AWS providers of aliases only: Terraform gives a resource without a provider an
    // implicit, empty one, configured from the environment. (A stack without any, cdktf refuses.)
    const stack = TerraformStack.of(missing);
    const aliases = onlyAliasedAwsProviders(stack);
    if (aliases !== undefined) {
      warnOnce(owner, `${what}; '${stack.node.path}' has no AwsProvider without alias (only ${aliases.map((alias) => `'aws.${alias}'`).join(', ')}), `
        + `so Terraform makes ${missing === made ? 'them' : 'the API'} with an implicit aws provider configured only from the environment `
        + '(AWS_REGION, AWS_PROFILE, ...): whether they are one account and region is known only at deploy time. If they are not, AWS finds no '
        + `such API there (NotFoundException). Add an AwsProvider without alias to '${stack.node.path}' (with the settings of the API's), ${otherFix}.`);
    }
    return;
  }
  // Only a region is also a resource's own argument; every other setting is the AwsProviders' alone.
  const names = differences.map((difference) => `'${difference.name}'`).join(', ');
  const where = differences.every((difference) => difference.name === 'region') ? "the API's own 'region', or the AwsProviders'" : 'of both AwsProviders';
  warnOnce(owner, `${what}: whether they are one account and region is known only at deploy time (${describeDifferences(differences)}). `
    + `If they are not, AWS finds no such API there (NotFoundException). Say that they are with literal settings, the same for both (${names}: `
    + `${where}), ${otherFix}.`);
}

/**
 * For a construct that is given an API by its id (a stage made on its own, a deployment construct
 * given `restApiId`): fails when the app is validated at synth if the id is the `id` of an API
 * resource of the app (`apiType`: of the construct's stack, or of another stack through cdktf's
 * cross-stack reference) in another account or region than `resource`, the construct's own resource
 * (the API's own `region`, another provider's settings): AWS would answer NotFoundException when the
 * resource is made. Warns when the configuration cannot tell.
 *
 * @param property the construct's property that gives the id (`apiId`, `restApiId`)
 */
export function checkPlacementWithApiId(owner: IConstruct, property: string, apiId: string, apiType: string, resource: TerraformResource): void {
  addCheck(owner, () => {
    const api = apiNamedBy(owner, apiId, apiType);
    const counted = api === undefined ? undefined : countedApiError(owner, property, api, apiId, property);
    if (counted !== undefined) {
      return [counted.message];
    }
    const answer = api === undefined ? 'same' : sameAccount(api, resource);
    if (api === undefined || answer === 'same') {
      return [];
    }
    const differences = settingDifferences(api, resource);
    if (answer === 'unknown') {
      warnUnknown(owner, api, resource, differences,
        `'${owner.node.path}' is made with ${describePlacement(resource)}, and the API its ${property} names, '${api.node.path}', with ${describePlacement(api)}`,
        "or make the construct in the API's stack");
      return [];
    }
    if (TerraformStack.of(api) === TerraformStack.of(owner)) {
      const [apiRegion, ownRegion] = [ownRegionOf(api), ownRegionOf(resource)];
      // The setting the user gave (a region of its own) is named first; else the API's own region, else the provider.
      const [given, value, fix] = ownRegion !== undefined
        ? ['region', ownRegion, apiRegion !== undefined ? `give it region: ${JSON.stringify(apiRegion)}` : "leave its 'region' out (the API is made in its provider's region)"]
        : apiRegion !== undefined ? ['region', undefined, `give it region: ${JSON.stringify(apiRegion)}`]
          : ['provider', resource.provider?.node.path, "give it the API's provider"];
      return [invalidProperty(owner, given, value,
        `the placement of the API its ${property} names: '${api.node.path}' is made with ${describePlacement(api)}, and this one with `
        + `${describePlacement(resource)}, where AWS finds no such API (NotFoundException); ${fix}`).message];
    }
    const { certain, apiRegion, here, settingsFix } = apartBy(api, resource, differences);
    // A stage made on its own takes a region; a deployment construct, the region of the API it is given.
    const ownPlacement = !isLibraryDeployment(owner);
    const fix = apiRegion === undefined
      ? settingsFix
      : ownPlacement ? `give it region: ${apiRegion}, or give ${here} region: ${apiRegion}` : `give ${here} region: ${apiRegion}`;
    return [invalidProperty(owner, property, apiId,
      `the id of an API in this construct's account and region: it names '${api.node.path}' (of the stack '${TerraformStack.of(api).node.path}'), `
      + `made with ${describePlacement(api)}, and this one is made with ${describePlacement(resource)}, which differ in `
      + `${describeDifferences(certain)}: AWS finds no such API there (NotFoundException); ${fix}`).message];
  });
}

/**
 * The API resource of type `apiType` whose `id` `apiId` is: a reference to it (of the construct's
 * stack or, through cdktf's cross-stack reference, of another), or its expression in the construct's
 * stack; undefined for any other id.
 */
function apiNamedBy(owner: IConstruct, apiId: string, apiType: string): TerraformResource | undefined {
  const stack = TerraformStack.of(owner);
  const resourceNamed = (home: TerraformStack, name: string) => AppIndex.of(owner).resourceNamed(apiType, home, name);
  const named = idReferenceOf(apiId);
  if (named !== undefined) {
    return named.type === apiType ? resourceNamed(named.stack, named.name) : undefined;
  }
  const reference = /^\$\{([\w-]+)\.([\w-]+)\.id\}$/.exec(expressionIn(stack, apiId));
  return reference === null || reference[1] !== apiType ? undefined : resourceNamed(stack, reference[2]);
}
