import { TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { AppIndex } from './app-index';
import { camelCase } from './case';
import { configuredArgument } from './configured';
import { resolveIn } from './resolve';

/**
 * Where a resource deploys: its AWS provider (its own, or its stack's default one) and the region
 * it is in, as far as the configuration says; and whether two resources are in one account and
 * region. What the kinds compare (account settings, custom domains, an API and what a deployment
 * construct makes for it) is compared here, each resource's placement resolved once per pass.
 */

/** A resource's placement, resolved once per pass. */
interface Placement {
  readonly stack: TerraformStack;
  readonly provider?: TerraformProvider;
  /** Its own `region` (provider v6), resolved: a literal or an expression; undefined when unset. */
  readonly ownRegion?: string;
  /** The account-choosing settings of its provider, resolved (lists sorted), with its own region in place of the provider's. */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Its provider's `forbidden_account_ids` as given (an account in one provider's allowed list and the other's forbidden one is apart). */
  readonly forbidden: unknown;
}

/**
 * The AWS provider settings that choose the account and region (the provider block's arguments). The credentials: `access_key`, `profile` and
 * the files it is read from (`shared_config_files`, `shared_credentials_files`); the role the
 * provider then assumes (`assume_role`, `assume_role_with_web_identity`: compared by the account of
 * their role ARN, which is where the provider ends up: two roles of one account are one place); and
 * `allowed_account_ids`, which names the account (a plan elsewhere fails). Not compared:
 * `forbidden_account_ids` (two different lists say nothing of whether the accounts differ),
 * `secret_key` and `token` (they go with `access_key`), and what only changes how the provider
 * reaches AWS (`endpoints`, `sts_region`, retries, `custom_ca_bundle`).
 */
const ACCOUNT_SETTINGS = [
  'region', 'profile', 'allowed_account_ids', 'assume_role', 'assume_role_with_web_identity', 'access_key', 'shared_config_files', 'shared_credentials_files',
];

/** Whether a setting is given as a literal (not unset, no Terraform expression in it). */
function literal(value: unknown): boolean {
  return value !== undefined && !JSON.stringify(value).includes('${');
}

/**
 * Whether two literal values of a setting that differ are two places for certain: two regions, two
 * accounts of the roles assumed, or `allowed_account_ids` without an account in common. Two profiles,
 * access keys or credential files may well be one account (a team's profile and a platform's): they
 * only make the answer unknown.
 */
function certainlyApart(name: string, left: unknown, right: unknown): boolean {
  if (name === 'allowed_account_ids') {
    return Array.isArray(left) && Array.isArray(right) && !left.some((account) => right.includes(account));
  }
  return name === 'region' || name === 'assume_role' || name === 'assume_role_with_web_identity';
}

/**
 * Whether two resources are in the same account and region: `same` with one provider of one stack
 * (an unset provider is the stack's default AWS provider) and the same resource-level region (or
 * none), or with providers of two stacks whose settings that choose the account and region are the
 * same literals; `apart` when literals say two places for certain (`certainlyApart`); `unknown` when a
 * token hides one, or settings differ that may still be one account (two profiles). A resource's
 * own `region` (provider v6) overrides its provider's.
 */
export function sameAccount(a: TerraformResource, b: TerraformResource): 'same' | 'apart' | 'unknown' {
  const [left, right] = [placementOf(a), placementOf(b)];
  const sameProvider = left.stack === right.stack && left.provider === right.provider;
  if (sameProvider && left.ownRegion === right.ownRegion) {
    return 'same';
  }
  // With one provider, only the regions can differ.
  const names = sameProvider ? ['region'] : ACCOUNT_SETTINGS;
  const compared = (settings: Readonly<Record<string, unknown>>) => JSON.stringify(names.map((name) => settings[name]));
  if (compared(left.settings) === compared(right.settings)) {
    // One expression in one stack is one value; in two stacks, it may be two.
    return compared(left.settings).includes('${') && left.stack !== right.stack ? 'unknown' : 'same';
  }
  // A setting only one of them has says nothing (the other may come from the environment).
  const differs = names.some((name) => {
    const [ours, theirs] = [left.settings[name], right.settings[name]];
    return literal(ours) && literal(theirs) && JSON.stringify(ours) !== JSON.stringify(theirs) && certainlyApart(name, ours, theirs);
  });
  return differs || allowsOnlyForbidden(left, right) || allowsOnlyForbidden(right, left) ? 'apart' : 'unknown';
}

/** Whether every account `a` allows (literally) is one `b` forbids: they cannot be one account. */
function allowsOnlyForbidden(a: Placement, b: Placement): boolean {
  const allowed = a.settings.allowed_account_ids;
  const forbidden = b.forbidden;
  return Array.isArray(allowed) && allowed.length > 0 && Array.isArray(forbidden) && literal(allowed) && literal(forbidden)
    && allowed.every((account) => forbidden.includes(account));
}

/**
 * A string equal for two resources exactly when `sameAccount` says `same`: the account-choosing
 * settings, with the stack's path where an expression makes them a value of that stack only.
 */
export function accountKey(resource: TerraformResource): string {
  const { stack, settings } = placementOf(resource);
  const compared = JSON.stringify(ACCOUNT_SETTINGS.map((name) => settings[name]));
  return compared.includes('${') ? `${stack.node.path}\u0000${compared}` : compared;
}

/** The region a resource is made in, when it is a literal (its own `region`, or its AWS provider's); undefined otherwise. */
export function literalRegionOf(resource: TerraformResource): string | undefined {
  const region = placementOf(resource).settings.region;
  return typeof region === 'string' && !region.includes('${') ? region : undefined;
}

/** For errors: a resource's AWS provider (its own, or its stack's default one) and the region it is in, as far as the configuration says. */
export function describePlacement(resource: TerraformResource): string {
  const { provider, settings, ownRegion } = placementOf(resource);
  const named = provider === undefined ? "the stack's default AWS provider" : `the AWS provider '${provider.node.path}'`;
  if (ownRegion !== undefined) {
    return `${named} and a region of its own, ${JSON.stringify(ownRegion)}`;
  }
  return settings.region === undefined ? named : `${named} (region ${JSON.stringify(settings.region)})`;
}

/** One account-choosing setting that differs between two placements (or may), named as `AwsProvider`'s props are. */
export interface SettingDifference {
  /** The setting, as `AwsProvider` names it (`region`, `allowedAccountIds`). */
  readonly name: string;
  /** Its resolved value for each resource: a literal, an expression, or undefined when unset. */
  readonly values: readonly [unknown, unknown];
  /** Whether both are literals (and differ): what makes `sameAccount` answer `apart`. */
  readonly certain: boolean;
}

/**
 * The account-choosing settings of two resources' placements that differ, or may: the literals that
 * differ (`certain`), a setting only one of them has, an expression (in two stacks, even the same
 * one). For messages about what `sameAccount` answered.
 */
export function settingDifferences(a: TerraformResource, b: TerraformResource): SettingDifference[] {
  const [left, right] = [placementOf(a), placementOf(b)];
  return ACCOUNT_SETTINGS.flatMap((name) => {
    const values = [left.settings[name], right.settings[name]] as const;
    const differ = JSON.stringify(values[0]) !== JSON.stringify(values[1]);
    const expression = values.some((value) => value !== undefined && !literal(value));
    if (!differ && !(expression && left.stack !== right.stack)) {
      return [];
    }
    return [{
      name: camelCase(name),
      values,
      certain: differ && values.every(literal) && certainlyApart(name, values[0], values[1]),
    }];
  });
}

/** Whether the resource's AWS provider exists yet: its own, or its stack's default one. */
export function hasAwsProvider(resource: TerraformResource): boolean {
  return awsProviderOf(resource) !== undefined;
}

/** A resource's own region (provider v6's per-resource `region`): its `region` argument, or an override of it; undefined when unset. */
export function ownRegionOf(resource: TerraformResource): string | undefined {
  const region = configuredArgument(resource, 'region');
  return typeof region === 'string' ? region : undefined;
}

/** Whether `stack` has an AWS provider with the alias `alias`. */
export function hasAwsAlias(stack: TerraformStack, alias: string): boolean {
  return awsProvidersOf(stack).some((provider) => provider.alias === alias);
}

function placementOf(resource: TerraformResource): Placement {
  const index = AppIndex.of(resource);
  return index.appMemo(resource, () => {
    const stack = TerraformStack.of(resource);
    const provider = awsProviderOf(resource);
    const region = ownRegionOf(resource);
    const ownRegion = region === undefined ? undefined : String(resolveIn(stack, region, false));
    let settings: Readonly<Record<string, unknown>> | undefined;
    return {
      stack,
      provider,
      ownRegion,
      get forbidden() {
        return provider === undefined ? undefined : index.appMemo(provider, () => settingsOf(provider)).forbidden_account_ids;
      },
      // Resolved when first compared: one stack and provider with one region is the same place without them.
      get settings() {
        if (settings === undefined) {
          const providerSettings = provider === undefined ? {} : index.appMemo(provider, () => settingsOf(provider));
          const merged: Record<string, unknown> = { ...providerSettings, region: ownRegion ?? providerSettings.region };
          settings = Object.fromEntries(ACCOUNT_SETTINGS.filter((name) => merged[name] !== undefined).map((name) => [name, merged[name]]));
        }
        return settings;
      },
    };
  });
}

/** The resolved block of an AWS provider (lists sorted, the roles it assumes by their account). */
function settingsOf(provider: TerraformProvider): Record<string, unknown> {
  const block = resolveIn(TerraformStack.of(provider), provider.toTerraform(), false)?.provider?.aws;
  const settings = Array.isArray(block) ? block[0] : block;
  return {
    ...settings,
    allowed_account_ids: settings?.allowed_account_ids ? [...settings.allowed_account_ids].sort() : undefined,
    assume_role: roleAccountOf(settings?.assume_role),
    assume_role_with_web_identity: roleAccountOf(settings?.assume_role_with_web_identity),
  };
}

/**
 * Where a role block leads (`assume_role`, `assume_role_with_web_identity`: a block, or a list of them
 * assumed in turn, the last one deciding): `{ account }` of a literal role ARN, else the role ARN as
 * given (an expression); undefined without one.
 */
function roleAccountOf(blocks: unknown): unknown {
  const last = Array.isArray(blocks) ? blocks[blocks.length - 1] : blocks;
  const roleArn = (last as { role_arn?: unknown } | null | undefined)?.role_arn;
  if (roleArn === undefined || roleArn === null) {
    return last === undefined || last === null ? undefined : last; // a block without a role ARN (from the environment) is compared as it is
  }
  const account = typeof roleArn === 'string' ? /^arn:[\w-]+:iam::(\d{12}):/.exec(roleArn) : null;
  return account !== null ? { account: account[1] } : { role_arn: roleArn };
}

/**
 * A resource's AWS provider: its own, or its stack's default one (without alias). The default one,
 * once found, is kept for the stack (found again only if it has taken an alias since). A provider of
 * another stack (the API's, given to what a deployment construct makes in its own stack) is rendered
 * as its alias (`aws.<alias>`, or `aws` without one): Terraform takes the provider of the resource's
 * stack with that alias, whatever its settings. Undefined when there is none yet.
 */
export function awsProviderOf(resource: TerraformResource): TerraformProvider | undefined {
  const stack = TerraformStack.of(resource);
  const own = resource.provider;
  if (own !== undefined && TerraformStack.of(own) === stack) {
    return own;
  }
  if (own !== undefined && own.alias !== undefined) {
    return awsProvidersOf(stack).find((provider) => provider.alias === own.alias);
  }
  const known = DEFAULT_PROVIDERS.get(stack);
  if (known !== undefined && known.alias === undefined) {
    return known;
  }
  const found = awsProvidersOf(stack).find((provider) => provider.alias === undefined);
  if (found !== undefined) {
    DEFAULT_PROVIDERS.set(stack, found);
  }
  return found;
}

/**
 * The aliases of `stack`'s AWS providers when it has some but none without alias (Terraform then makes
 * a resource without a provider with an implicit, empty one); undefined otherwise.
 */
export function onlyAliasedAwsProviders(stack: TerraformStack): string[] | undefined {
  const providers = awsProvidersOf(stack);
  const aliased = providers.length > 0 && providers.every((provider) => provider.alias !== undefined);
  return aliased ? providers.map((provider) => provider.alias!) : undefined;
}

function awsProvidersOf(stack: TerraformStack): TerraformProvider[] {
  const index = AppIndex.of(stack);
  let key = PROVIDERS_KEYS.get(stack);
  if (key === undefined) {
    key = {};
    PROVIDERS_KEYS.set(stack, key);
  }
  return index.appMemo(key, () => index.constructsOf(stack).filter((construct): construct is TerraformProvider =>
    construct instanceof TerraformProvider && construct.terraformResourceType === 'aws'));
}

/** The key of each stack's list of AWS providers in the app's index. */
const PROVIDERS_KEYS = new WeakMap<TerraformStack, object>();

const DEFAULT_PROVIDERS = new WeakMap<TerraformStack, TerraformProvider>();
