/** A saved plan as `terraform show -json` prints it, with the questions the scenarios ask of it. */
import { referencedObject } from '../../../src/triggers/reference-entries';
import { findReferences } from '../../../src/triggers/terraform-references';

/** Terraform's actions for one resource: `['create', 'delete']` is a replacement that creates first. */
export type Actions = string[];

/** One entry of `resource_changes`. */
interface ResourceChange {
  readonly address: string;
  readonly type: string;
  readonly change: {
    readonly actions: Actions;
    readonly before: any;
    readonly after: any;
    readonly after_unknown: any;
    readonly importing?: unknown;
  };
}

export class TerraformPlan {
  private readonly changes: ResourceChange[];

  /**
   * `json` is `terraform show -json tfplan`; `text` is the human-readable `terraform show tfplan`;
   * `config` the `cdk.tf.json` that was planned.
   */
  constructor(readonly json: any, readonly text: string, private readonly config: any) {
    this.changes = json.resource_changes ?? [];
  }

  /** Every address of resources of `type` in the plan (planned to change or not). */
  addressesOf(type: string): string[] {
    return this.changes.filter((change) => change.type === type).map((change) => change.address).sort();
  }

  /** The single address of `type`; fails when there is not exactly one. */
  addressOf(type: string): string {
    const addresses = this.addressesOf(type);
    if (addresses.length !== 1) {
      throw new Error(`expected one ${type} in the plan, found ${addresses.length}: ${addresses.join(', ')}`);
    }
    return addresses[0];
  }

  /** The actions planned for `address` (`['no-op']` when unchanged). */
  actions(address: string): Actions {
    return this.change(address).change.actions;
  }

  /** address -> actions, for every resource that is not a no-op. */
  changedResources(): Record<string, Actions> {
    return Object.fromEntries(this.changes
      .filter((change) => !(change.change.actions.length === 1 && ['no-op', 'read'].includes(change.change.actions[0])))
      .map((change) => [change.address, change.change.actions]));
  }

  /** Whether Terraform imports `address` in this plan. */
  imports(address: string): boolean {
    return this.change(address).change.importing !== undefined;
  }

  /**
   * The trigger keys whose value differs between the state and the plan: added, removed,
   * changed, or unknown until the apply.
   *
   * When any entry is unknown at plan time (an entry over a resource that is being created or
   * replaced), the AWS provider's SDKv2 map type makes the whole `triggers` map unknown. The
   * entries are then compared with the configuration: a literal entry (a digest) counts when it
   * differs from the state; an expression entry counts when it is new, or reads a resource
   * this plan creates (or replaces), or reads a variable, local or data source (whose value the
   * plan does not show).
   */
  changedTriggerKeys(address: string): string[] {
    const { before, after, after_unknown: unknown } = this.change(address).change;
    const old: Record<string, string> = before?.triggers ?? {};
    if (unknown?.triggers === true) {
      const configured: Record<string, string> = this.configuredResource(address).triggers ?? {};
      const keys = new Set([...Object.keys(old), ...Object.keys(configured)]);
      const created = new Set(this.changes.filter((change) => change.change.actions.includes('create')).map((change) => change.address));
      const readsChange = (expression: string) => findReferences(expression)
        .some((reference) => /^(var|local|data|module)\./.test(reference) || created.has(referencedObject(reference)));
      return [...keys].filter((key) => {
        const expression = configured[key]?.includes('${');
        return expression ? !(key in old) || readsChange(configured[key]) : old[key] !== configured[key];
      }).sort();
    }
    const now: Record<string, string> = after?.triggers ?? {};
    const unknownKeys = Object.keys(unknown?.triggers ?? {});
    const keys = new Set([...Object.keys(old), ...Object.keys(now), ...unknownKeys]);
    return [...keys].filter((key) => old[key] !== now[key] || unknownKeys.includes(key)).sort();
  }

  /** Whether Terraform knows the whole `triggers` map of `address` only after the apply. */
  triggersUnknown(address: string): boolean {
    return this.change(address).change.after_unknown?.triggers === true;
  }

  /** The planned value of `attribute` of `address` after the apply (undefined when unknown). */
  after(address: string, attribute: string): any {
    return this.change(address).change.after?.[attribute];
  }

  private configuredResource(address: string): any {
    const [type, name] = address.split('.');
    return this.config.resource?.[type]?.[name] ?? {};
  }

  private change(address: string): ResourceChange {
    const change = this.changes.find((candidate) => candidate.address === address);
    if (!change) {
      throw new Error(`${address} is not in the plan; it has ${this.changes.map((c) => c.address).join(', ')}`);
    }
    return change;
  }
}
