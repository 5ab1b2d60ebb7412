import { TerraformDataSource, TerraformLocal, TerraformStack } from 'cdktf';
import { BlockSource } from './block-source';
import { resolveIn } from './stack-render-hook';
import { findReferences } from './terraform-references';

/** How many local values and data sources deep an expression is followed. */
const MAX_DEPTH = 4;

/**
 * Follows the references of a resolved value through the local values and data sources of one
 * stack, to tell whether it reaches a target (the API) only indirectly: `${local.api_id}` where the
 * local is the API's id, `${lower(aws_api_gateway_rest_api.api.id)}`, a data source that looks the
 * API up by its name. Discovery compares the API id argument with the API's id expression, so such
 * a resource is not discovered, and the blind-spot check names it instead.
 */
export class IndirectReferences {
  private readonly locals = new Map<string, unknown>();
  private localsListed = false;

  constructor(private readonly stack: TerraformStack, private readonly blocks: BlockSource) {}

  /** Whether `value` references something `isTarget` accepts, directly or through local values and data sources. */
  public reaches(value: unknown, isTarget: (reference: string) => boolean, depth = 0): boolean {
    return findReferences(value).some((reference) => {
      if (isTarget(reference)) {
        return true;
      }
      if (depth >= MAX_DEPTH) {
        return false;
      }
      const followed = this.valueOf(reference);
      return followed !== undefined && this.reaches(followed, isTarget, depth + 1);
    });
  }

  /** The configuration behind a reference to a local value (its expression) or a data source (its block). */
  private valueOf(reference: string): unknown {
    const [root, first, second] = reference.split('.');
    if (root === 'local') {
      return this.localValue(first);
    }
    if (root === 'data' && first !== 'terraform_remote_state') {
      const source = this.blocks.elementsOf(this.stack).find((element) =>
        TerraformDataSource.isTerraformDataSource(element) && element.terraformResourceType === first && element.friendlyUniqueId === second);
      return source && this.blocks.blockOf(source, this.stack);
    }
    return undefined;
  }

  private localValue(name: string): unknown {
    if (!this.localsListed) {
      this.localsListed = true;
      for (const local of this.stack.node.findAll().filter((construct): construct is TerraformLocal => construct instanceof TerraformLocal)) {
        if (TerraformStack.of(local) === this.stack) {
          const rendered = resolveIn(this.stack, local.toTerraform(), false)?.locals ?? {};
          Object.entries(rendered).forEach(([key, value]) => this.locals.set(key, value));
        }
      }
    }
    return this.locals.get(name);
  }
}
