import { Annotations, TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ownRegionOf } from './api-placement';
import { invalidProperty } from '../core/errors';
import { resolveIn } from '../triggers/stack-render-hook';

/**
 * API Gateway's account settings (`aws_api_gateway_account`: the CloudWatch role) are one per
 * account and region, whatever the number of resources that set them: two of them fight (the last
 * apply wins, and destroying either resets the setting for every API there). This checks the app
 * for a second one.
 */

/** One `aws_api_gateway_account` the library creates, and the construct errors and warnings name. */
interface AccountClaim {
  readonly account: TerraformResource;
  /** The deployment construct with `cloudWatchRole: true`, or the `ApiGatewayCloudWatchRole` itself. */
  readonly owner: IConstruct;
  /** The owner's property that made it (`cloudWatchRole`), and its value, for errors. */
  readonly property: string;
  readonly value: unknown;
}

const CLAIMS = new WeakMap<IConstruct, AccountClaim[]>();

/**
 * Records the `aws_api_gateway_account` the library creates. Fails at once when the app already
 * has one of the library's certainly in the same account and region (`sameAccount`); the rest of
 * the app, hand-written ones included, is checked when the app is validated (`checkAccountSettings`).
 */
export function claimAccountSettings(claim: AccountClaim): void {
  const app = claim.owner.node.root;
  const claims = CLAIMS.get(app) ?? [];
  CLAIMS.set(app, claims);
  const same = claims.find((other) => sameAccount(other.account, claim.account) === 'same');
  if (same !== undefined) {
    throw sameAccountError(claim, same.account);
  }
  claims.push(claim);
  claim.account.node.addValidation({ validate: () => checkAccountSettings(claim) });
}

/**
 * The claims' checks across the app, run by cdktf's validation and by `warningsOf`: another
 * `aws_api_gateway_account` with the same provider in the same stack is an error; one in another
 * stack that may be the same account and region gets a warning on the owner.
 */
export function checkAccountSettings(claim: AccountClaim): string[] {
  const others = claim.owner.node.root.node.findAll().filter((construct): construct is TerraformResource =>
    TerraformResource.isTerraformResource(construct) && construct.terraformResourceType === 'aws_api_gateway_account' && construct !== claim.account);
  for (const other of others) {
    const account = sameAccount(other, claim.account);
    if (account === 'same') {
      return [sameAccountError(claim, other).message];
    }
    if (account === 'unknown') {
      const oneStack = TerraformStack.of(other) === TerraformStack.of(claim.account);
      Annotations.of(claim.owner).addWarning(
        `The account's CloudWatch role set here ('${claim.account.node.path}') may be the same account setting that '${other.node.path}' sets: ` +
        `API Gateway has one per account and region, so if both ${oneStack ? '' : 'stacks '}deploy to one account and region, the last apply wins and ` +
        `destroying either resets it for every API there. Let one ${oneStack ? 'construct' : 'stack'} own it (set 'cloudWatchRole: false' on the ` +
        (oneStack
          ? "others), or, if they deploy to different regions, say so with literal regions (the APIs' 'region', or their providers')."
          : "others), or, if the stacks deploy to different accounts or regions, say so in each stack's AwsProvider ('allowedAccountIds', a literal 'region')."));
    }
  }
  return [];
}

/** The claims made by `owner`, for `warningsOf`: runs their checks, throws their errors. */
export function checkAccountSettingsOf(owner: IConstruct): void {
  for (const claim of (CLAIMS.get(owner.node.root) ?? []).filter((candidate) => candidate.owner === owner)) {
    const [error] = checkAccountSettings(claim);
    if (error !== undefined) {
      throw new Error(error);
    }
  }
}

function sameAccountError(claim: AccountClaim, other: TerraformResource): Error {
  const keepOne = "keep one ('cloudWatchRole: false' on a deployment construct says it is set elsewhere)";
  if (TerraformStack.of(other) === TerraformStack.of(claim.account)) {
    return invalidProperty(claim.owner, claim.property, claim.value,
      `one owner per account and region of the account's CloudWatch role: '${other.node.path}' already sets it (aws_api_gateway_account) `
      + `with ${describePlacement(other)}, and this one with ${describePlacement(claim.account)}; ${keepOne}`);
  }
  return invalidProperty(claim.owner, claim.property, claim.value,
    `one owner per account and region of the account's CloudWatch role: '${other.node.path}' already sets it ` +
    `(aws_api_gateway_account) with the same provider settings; ${keepOne}, or, if the stacks deploy to different accounts, say so in each ` +
    "stack's AwsProvider ('allowedAccountIds')");
}

/**
 * Whether two resources set the same account and region's settings: `same` with one provider of
 * one stack (an unset provider is the stack's default AWS provider) and the same resource-level
 * region (or none), or with providers of two stacks whose settings that choose the account and
 * region are the same literals; `apart` when a literal one differs; `unknown` when a token hides
 * one. A resource's own `region` (provider v6) overrides its provider's.
 */
export function sameAccount(a: TerraformResource, b: TerraformResource): 'same' | 'apart' | 'unknown' {
  const sameProvider = TerraformStack.of(a) === TerraformStack.of(b) && providerOf(a) === providerOf(b);
  if (sameProvider && ownRegion(a) === ownRegion(b)) {
    return 'same';
  }
  const [left, right] = [accountSettings(a), accountSettings(b)];
  // With one provider, only the regions can differ.
  const names = sameProvider ? ['region'] : ACCOUNT_SETTINGS;
  const compared = (settings: Record<string, unknown>) => JSON.stringify(names.map((name) => settings[name]));
  if (compared(left) === compared(right)) {
    // One expression in one stack is one value; in two stacks, it may be two.
    return compared(left).includes('${') && TerraformStack.of(a) !== TerraformStack.of(b) ? 'unknown' : 'same';
  }
  // A setting only one of them has says nothing (the other may come from the environment).
  const literal = (value: unknown) => value !== undefined && !JSON.stringify(value).includes('${');
  const differs = names.some((name) =>
    literal(left[name]) && literal(right[name]) && JSON.stringify(left[name]) !== JSON.stringify(right[name]));
  return differs ? 'apart' : 'unknown';
}

/** The AWS provider settings that choose the account and region. */
const ACCOUNT_SETTINGS = ['region', 'profile', 'allowed_account_ids', 'assume_role', 'access_key', 'shared_config_files', 'shared_credentials_files'];

/**
 * The account-choosing settings of a resource's AWS provider, resolved (lists sorted), with the
 * resource's own region in place of the provider's; empty when there is none.
 */
function accountSettings(resource: TerraformResource): Record<string, unknown> {
  const provider = providerSettings(resource);
  const settings: Record<string, unknown> = { ...provider, region: ownRegion(resource) ?? provider.region };
  return Object.fromEntries(ACCOUNT_SETTINGS.filter((name) => settings[name] !== undefined).map((name) => [name, settings[name]]));
}

/** The resource's own `region` (provider v6's per-resource region), resolved: a literal or an expression; undefined when unset. */
function ownRegion(resource: TerraformResource): string | undefined {
  const region = ownRegionOf(resource);
  return region === undefined ? undefined : String(resolveIn(TerraformStack.of(resource), region, false));
}

/** For errors: a resource's AWS provider (its own, or its stack's default one) and the region it is in, as far as the configuration says. */
export function describePlacement(resource: TerraformResource): string {
  const provider = providerOf(resource);
  const region = accountSettings(resource).region;
  const named = provider === undefined ? "the stack's default AWS provider" : `the AWS provider '${provider.node.path}'`;
  return region === undefined ? named : `${named} (region ${JSON.stringify(region)})`;
}

/** Whether the resource's AWS provider exists yet: its own, or its stack's default one. */
export function hasAwsProvider(resource: TerraformResource): boolean {
  return providerOf(resource) !== undefined;
}

function providerOf(resource: TerraformResource): TerraformProvider | undefined {
  return resource.provider ?? TerraformStack.of(resource).node.findAll().find((construct): construct is TerraformProvider =>
    construct instanceof TerraformProvider && construct.terraformResourceType === 'aws' && construct.alias === undefined);
}

/** The resolved block of a resource's AWS provider; empty when there is none. */
function providerSettings(resource: TerraformResource): Record<string, unknown> {
  const provider = providerOf(resource);
  if (provider === undefined) {
    return {};
  }
  const block = resolveIn(TerraformStack.of(provider), provider.toTerraform(), false)?.provider?.aws;
  const settings = Array.isArray(block) ? block[0] : block;
  return { ...settings, allowed_account_ids: settings?.allowed_account_ids ? [...settings.allowed_account_ids].sort() : undefined };
}
