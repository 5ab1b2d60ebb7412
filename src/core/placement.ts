import { TerraformProvider, TerraformResource, TerraformStack } from 'cdktf';
import { AppIndex } from './app-index';
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
}

/** The AWS provider settings that choose the account and region. */
const ACCOUNT_SETTINGS = ['region', 'profile', 'allowed_account_ids', 'assume_role', 'access_key', 'shared_config_files', 'shared_credentials_files'];

/**
 * Whether two resources are in the same account and region: `same` with one provider of one stack
 * (an unset provider is the stack's default AWS provider) and the same resource-level region (or
 * none), or with providers of two stacks whose settings that choose the account and region are the
 * same literals; `apart` when a literal one differs; `unknown` when a token hides one. A resource's
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
  const literal = (value: unknown) => value !== undefined && !JSON.stringify(value).includes('${');
  const differs = names.some((name) =>
    literal(left.settings[name]) && literal(right.settings[name]) && JSON.stringify(left.settings[name]) !== JSON.stringify(right.settings[name]));
  return differs ? 'apart' : 'unknown';
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

/** For errors: a resource's AWS provider (its own, or its stack's default one) and the region it is in, as far as the configuration says. */
export function describePlacement(resource: TerraformResource): string {
  const { provider, settings } = placementOf(resource);
  const named = provider === undefined ? "the stack's default AWS provider" : `the AWS provider '${provider.node.path}'`;
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
  const literal = (value: unknown) => value !== undefined && !JSON.stringify(value).includes('${');
  return ACCOUNT_SETTINGS.flatMap((name) => {
    const values = [left.settings[name], right.settings[name]] as const;
    const differ = JSON.stringify(values[0]) !== JSON.stringify(values[1]);
    const expression = values.some((value) => value !== undefined && !literal(value));
    if (!differ && !(expression && left.stack !== right.stack)) {
      return [];
    }
    return [{ name: name.replace(/_(\w)/g, (_match, letter: string) => letter.toUpperCase()), values, certain: differ && values.every(literal) }];
  });
}

/** A resource's AWS provider as Terraform finds it (its own, by alias in the resource's stack, or its stack's default one); undefined when there is none yet. */
export function awsProviderOf(resource: TerraformResource): TerraformProvider | undefined {
  return providerOf(resource);
}

/** Whether the resource's AWS provider exists yet: its own, or its stack's default one. */
export function hasAwsProvider(resource: TerraformResource): boolean {
  return providerOf(resource) !== undefined;
}

/** A resource's own region (provider v6's per-resource `region`): its `region` argument, or an override of it; undefined when unset. */
export function ownRegionOf(resource: TerraformResource): string | undefined {
  const overridden = (resource as unknown as { rawOverrides?: { region?: unknown } }).rawOverrides?.region;
  const region = overridden ?? (resource as { regionInput?: unknown }).regionInput;
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
    const provider = providerOf(resource);
    const region = ownRegionOf(resource);
    const ownRegion = region === undefined ? undefined : String(resolveIn(stack, region, false));
    let settings: Readonly<Record<string, unknown>> | undefined;
    return {
      stack,
      provider,
      ownRegion,
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

/** The resolved block of an AWS provider (lists sorted). */
function settingsOf(provider: TerraformProvider): Record<string, unknown> {
  const block = resolveIn(TerraformStack.of(provider), provider.toTerraform(), false)?.provider?.aws;
  const settings = Array.isArray(block) ? block[0] : block;
  return { ...settings, allowed_account_ids: settings?.allowed_account_ids ? [...settings.allowed_account_ids].sort() : undefined };
}

/**
 * A resource's AWS provider: its own, or its stack's default one (without alias). The default one,
 * once found, is kept for the stack (found again only if it has taken an alias since). A provider of
 * another stack (the API's, given to what a deployment construct makes in its own stack) is rendered
 * as its alias (`aws.<alias>`, or `aws` without one): Terraform takes the provider of the resource's
 * stack with that alias, whatever its settings.
 */
function providerOf(resource: TerraformResource): TerraformProvider | undefined {
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

function awsProvidersOf(stack: TerraformStack): TerraformProvider[] {
  return AppIndex.of(stack).constructsOf(stack).filter((construct): construct is TerraformProvider =>
    construct instanceof TerraformProvider && construct.terraformResourceType === 'aws');
}

const DEFAULT_PROVIDERS = new WeakMap<TerraformStack, TerraformProvider>();
