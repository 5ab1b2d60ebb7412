import { TerraformDataSource, TerraformElement, TerraformModule, TerraformResource } from 'cdktf';

/** A configuration block as Terraform will read it: every token resolved, overrides applied. */
export type Block = Record<string, unknown>;

/**
 * The resolved configuration block of a resource, data source or module; undefined for
 * an element that renders no such block (a resource moved away, an output, a provider).
 */
export type BlockReader = (element: TerraformElement) => Block | undefined;

/** One of cdktf's passes over a stack, as the participants of the stack's render hook see it after the pass. */
export interface StackPass {
  /** The resolved blocks of the pass. */
  readonly blocks: BlockReader;
  /** The stack's resources, data sources and modules, in construct order (walked once per pass for every participant). */
  readonly elements: readonly TerraformElement[];
}

/** The parts of a synthesized stack (or of a fragment of one) that hold blocks. */
interface StackJson {
  readonly resource?: Record<string, Record<string, Block>>;
  readonly data?: Record<string, Record<string, Block>>;
  readonly module?: Record<string, Block>;
}

/** Reads blocks out of a stack's synthesized JSON (or of fragments merged like it). */
export function blocksOf(json: StackJson): BlockReader {
  return (element) => blockIn(json, element);
}

/** The block of `element` in a stack's synthesized JSON (or a fragment of it); undefined when it has none there. */
export function blockIn(json: StackJson, element: TerraformElement): Block | undefined {
  if (TerraformResource.isTerraformResource(element)) {
    return json.resource?.[element.terraformResourceType]?.[element.friendlyUniqueId];
  }
  if (TerraformDataSource.isTerraformDataSource(element)) {
    return json.data?.[element.terraformResourceType]?.[element.friendlyUniqueId];
  }
  if (element instanceof TerraformModule) {
    return json.module?.[element.friendlyUniqueId];
  }
  return undefined;
}

/**
 * The property of what an element's `toTerraform()` answers while its stack's prepare pass runs
 * (`PreparedBlocks`) that holds its real fragment.
 */
export const PREPARED_FRAGMENT = Symbol.for('cdktf-api-gateway-deployment.PreparedFragment');

/**
 * Reads blocks by resolving each element's fragment with `resolve`, once per element (the real
 * fragment also while the element's stack is being prepared, when a check resolves it from there).
 */
export function resolvedBlocks(resolve: (fragment: unknown) => any): BlockReader {
  const resolved = new Map<TerraformElement, Block | undefined>();
  return (element) => {
    if (!resolved.has(element)) {
      const answered = element.toTerraform() as Record<symbol, unknown> | undefined;
      const fragment = answered?.[PREPARED_FRAGMENT] ?? answered;
      resolved.set(element, blockIn(resolve(fragment), element));
    }
    return resolved.get(element);
  };
}
