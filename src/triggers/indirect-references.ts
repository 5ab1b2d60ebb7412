import { TerraformDataSource, TerraformLocal, TerraformStack } from 'cdktf';
import { BlockSource } from './block-source';
import { findReferences } from './terraform-references';
import { resolveIn } from '../core/resolve';

/**
 * Follows the references of a resolved value through the local values and data sources of one
 * stack, to tell whether it reaches a target (the API) only indirectly: `${local.api_id}` where the
 * local is the API's id, `${lower(aws_api_gateway_rest_api.api.id)}`, a data source that looks the
 * API up by its name, through any number of them. Discovery compares the API id argument with the API's id expression, so such
 * a resource is not discovered, and the blind-spot check names it instead. The stack's local values
 * and data sources are listed once.
 */
export class IndirectReferences {
  private locals?: Map<string, unknown>;
  private dataSources?: Map<string, TerraformDataSource>;

  constructor(private readonly stack: TerraformStack, private readonly blocks: BlockSource) {}

  /**
   * Every reference `value` makes, directly or through local values and data sources, however
   * deep: the value reaches a target when one of them is the target. Each is followed once (a
   * worklist, not recursion: a chain of thousands of locals is followed as well as one).
   */
  public reached(value: unknown): Set<string> {
    const found = new Set<string>();
    const pending: unknown[] = [value];
    while (pending.length > 0) {
      for (const reference of findReferences(pending.pop())) {
        if (!found.has(reference)) {
          found.add(reference);
          const followed = this.valueOf(reference);
          if (followed !== undefined) {
            pending.push(followed);
          }
        }
      }
    }
    return found;
  }

  /** The configuration behind a reference to a local value (its expression) or a data source (its block). */
  private valueOf(reference: string): unknown {
    // `local.cfg["api_id"]`, `local.ids[0]`, `data.x.y[0].id`: the name ends where an index step begins too.
    const [root, first, second] = reference.split(/[.[]/);
    if (root === 'local') {
      return this.localValues().get(first);
    }
    if (root === 'data' && first !== 'terraform_remote_state') {
      const source = this.dataSourcesByAddress().get(`${first}.${second}`);
      return source && this.blocks.blockOf(source, this.stack);
    }
    return undefined;
  }

  private dataSourcesByAddress(): Map<string, TerraformDataSource> {
    if (this.dataSources === undefined) {
      this.dataSources = new Map();
      for (const element of this.blocks.elementsOf(this.stack)) {
        if (TerraformDataSource.isTerraformDataSource(element)) {
          const address = `${element.terraformResourceType}.${element.friendlyUniqueId}`;
          if (!this.dataSources.has(address)) {
            this.dataSources.set(address, element);
          }
        }
      }
    }
    return this.dataSources;
  }

  private localValues(): Map<string, unknown> {
    if (this.locals === undefined) {
      this.locals = new Map();
      for (const local of this.blocks.index.constructsOf(this.stack)) {
        if (local instanceof TerraformLocal) {
          const rendered = resolveIn(this.stack, local.toTerraform(), false)?.locals ?? {};
          Object.entries(rendered).forEach(([key, value]) => this.locals!.set(key, value));
        }
      }
    }
    return this.locals;
  }
}
