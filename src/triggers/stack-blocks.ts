import { TerraformStack } from 'cdktf';
import { BlockReader, resolvedBlocks, StackPass } from './rendered-blocks';
import { AppIndex } from '../core/app-index';
import { resolveIn } from '../core/resolve';

/**
 * The resolved blocks of `stack` in the pass `index` serves: while preparing, those its own prepare
 * pass handed over, once it ran; otherwise each element's resolved in the stack, once per element
 * for every reader of the pass.
 */
export function stackBlocks(index: AppIndex, stack: TerraformStack, preparing: boolean): BlockReader {
  const pass = preparing ? preparedPasses(index).get(stack) : undefined;
  if (pass !== undefined) {
    return pass.blocks;
  }
  const readers = index.phaseMemo(preparing ? RESOLVED_PREPARING : RESOLVED, () => new Map<TerraformStack, BlockReader>());
  let reader = readers.get(stack);
  if (reader === undefined) {
    reader = resolvedBlocks((fragment) => resolveIn(stack, fragment, preparing));
    readers.set(stack, reader);
  }
  return reader;
}

/** The prepare passes of the stacks prepared so far in the pass `index` serves. */
export function preparedPasses(index: AppIndex): Map<TerraformStack, StackPass> {
  return index.phaseMemo(PREPARED, () => new Map<TerraformStack, StackPass>());
}

const PREPARED = Symbol('prepared passes');
const RESOLVED_PREPARING = Symbol('blocks resolved while preparing');
const RESOLVED = Symbol('blocks resolved');
