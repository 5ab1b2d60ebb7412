import { TerraformResource, TerraformStack } from 'cdktf';
import { keyInHome, ResolvedResource, resourcesByAddress } from './api-configuration';
import { AppBlocks } from './app-blocks';
import { compare } from './canonical-json';
import { ANY_INSTANCE } from './terraform-references';

/**
 * The object a reference reads, which is its trigger key: `aws_lambda_function.fn` for
 * `aws_lambda_function.fn.invoke_arn` or `aws_lambda_function.fn[*].arn`, `data.aws_x.y`,
 * `var.v`, `local.l`, `module.m`; for another stack's output read through remote state, the output.
 */
export function referencedObject(reference: string): string {
  const parts = reference.split(/[.[]/);
  if (parts[0] === 'data' && parts[1] === 'terraform_remote_state' && parts[3] === 'outputs') {
    return parts.slice(0, 5).join('.'); // one output of another stack: cdktf's cross-stack references all read one data source
  }
  return parts.slice(0, parts[0] === 'data' ? 3 : 2).join('.');
}

/**
 * The trigger entries for the objects outside the API that its configuration references:
 * one per object, keyed by its address (prefixed with its stack's path when it is in
 * another stack), whose value is a Terraform expression over every attribute of it that
 * is read, hashed at plan time. So `terraform plan` names the object that changed, and
 * no referenced value is written in plain text.
 */
export class ReferenceEntries {
  private readonly byKey = new Map<string, { readonly stack: TerraformStack; readonly references: Set<string> }>();
  private readonly itemKeys: Set<string>;

  /**
   * @param blocks the app's blocks
   * @param items the API's resources: references to them need no entry of their own
   */
  constructor(private readonly blocks: AppBlocks, items: readonly ResolvedResource[]) {
    this.itemKeys = new Set(items.map((item) => item.key));
  }

  /** Adds references found in the configuration of a resource of `stack`. */
  public addAll(stack: TerraformStack, references: readonly string[]): void {
    for (const reference of references) {
      const key = keyInHome(stack, referencedObject(reference), this.blocks.home);
      if (this.itemKeys.has(key)) {
        continue;
      }
      let entry = this.byKey.get(key);
      if (entry === undefined) {
        entry = { stack, references: new Set() };
        this.byKey.set(key, entry);
      }
      entry.references.add(reference);
    }
  }

  /**
   * Every entry: `${sha1(jsonencode([...]))}` over the object's references, as
   * expressions valid in the home stack (cdktf cross-stack references for another stack).
   */
  public entries(): Array<[string, string]> {
    const byAddress = new Map<TerraformStack, Map<string, TerraformResource>>();
    return [...this.byKey].map(([key, { stack, references }]) => {
      if (!byAddress.has(stack)) {
        byAddress.set(stack, resourcesByAddress(this.blocks, stack));
      }
      const local = rewriteForEach([...references], byAddress.get(stack)!);
      return [key, hashExpression(local.map((reference) => this.blocks.expressionInHome(reference, stack)))];
    });
  }
}

/** `${sha1(jsonencode([...]))}` over Terraform expressions, sorted and unique. */
export function hashExpression(expressions: readonly string[]): string {
  const unique = [...new Set(expressions)].sort(compare);
  return `\${sha1(jsonencode([${unique.join(', ')}]))}`;
}

/**
 * A reference that indexes a `for_each` resource with a value known only inside the
 * referring resource (`aws_x.y[*].arn`) takes the values of every instance:
 * `values(aws_x.y)[*].arn`.
 */
export function rewriteForEach(references: readonly string[], resources: ReadonlyMap<string, TerraformResource>): string[] {
  return references.map((reference) => {
    const wildcard = reference.indexOf(ANY_INSTANCE);
    if (wildcard < 0 || reference.startsWith('values(')) {
      return reference;
    }
    const address = reference.slice(0, wildcard);
    return resources.get(address)?.forEach !== undefined ? `values(${address})${reference.slice(wildcard)}` : reference;
  });
}
