import { TerraformDataSource, TerraformElement, TerraformModule, TerraformResource, TerraformStack, Tokenization } from 'cdktf';
import { Block, BlockReader } from './rendered-blocks';
import { rawOverridesOf } from '../core/configured';
import { resolveIn } from '../core/resolve';

/**
 * `read` with the stack's own overrides of each block merged in (`stack.addOverride('resource.<type>.<name>.<argument>', ...)`),
 * as cdktf merges them into the stack's JSON after every element rendered: a block read element by
 * element (another stack's, or any stack's while it is prepared) would miss them. `read` itself when
 * the stack overrides no block.
 */
export function withStackOverrides(stack: TerraformStack, read: BlockReader, preparing: boolean): BlockReader {
  const overrides = rawOverridesOf(stack);
  if (overrides === undefined || !['resource', 'data', 'module'].some((kind) => isObject(overrides[kind]))) {
    return read;
  }
  const merged = new Map<TerraformElement, Block | undefined>();
  return (element) => {
    if (!merged.has(element)) {
      const block = read(element);
      const override = overrideOf(overrides, element);
      merged.set(element, block === undefined || override === undefined
        ? block
        : mergeOverride(structuredClone(block), resolveIn(stack, override, preparing) as Record<string, unknown>));
    }
    return merged.get(element);
  };
}

function overrideOf(overrides: Record<string, any>, element: TerraformElement): unknown {
  if (TerraformResource.isTerraformResource(element)) {
    return overrides.resource?.[element.terraformResourceType]?.[element.friendlyUniqueId];
  }
  if (TerraformDataSource.isTerraformDataSource(element)) {
    return overrides.data?.[element.terraformResourceType]?.[element.friendlyUniqueId];
  }
  return element instanceof TerraformModule ? overrides.module?.[element.friendlyUniqueId] : undefined;
}

/** cdktf's merge of an override (`deepMerge`): objects merged key by key, a list appended to a list, `undefined` removing a key. */
function mergeOverride(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(source)) {
    if (isObject(value) && !Tokenization.isResolvable(value)) {
      target[key] = mergeOverride(isObject(target[key]) ? target[key] as Record<string, unknown> : {}, value as Record<string, unknown>);
    } else if (Array.isArray(value) && Array.isArray(target[key])) {
      target[key] = [...target[key] as unknown[], ...value];
    } else if (value === undefined) {
      delete target[key];
    } else {
      target[key] = value;
    }
  }
  return target;
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
