import { TerraformStack } from 'cdktf';
import { BlockReader, resolvedBlocks, StackPass } from './rendered-blocks';
import { withStackOverrides } from './stack-overrides';
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
    reader = withStackOverrides(stack, resolvedBlocks((fragment) => resolveIn(stack, fragment, preparing)), preparing);
    readers.set(stack, reader);
  }
  return reader;
}

/** Whether every stack `App.synth()` prepares has been prepared in the pass `index` serves (every cross-stack reference is known then). */
export function everyStackPrepared(index: AppIndex): boolean {
  const state = index.phaseMemo(EVERY_STACK_PREPARED, () => ({ prepared: false }));
  if (!state.prepared && index.synthStacks !== undefined) {
    const passes = preparedPasses(index);
    state.prepared = passes.size >= index.synthStacks.length && index.synthStacks.every((stack) => passes.has(stack));
  }
  return state.prepared;
}

/** The prepare passes of the stacks prepared so far in the pass `index` serves. */
export function preparedPasses(index: AppIndex): Map<TerraformStack, StackPass> {
  return index.phaseMemo(PREPARED, () => new Map<TerraformStack, StackPass>());
}

const PREPARED = Symbol('prepared passes');
const EVERY_STACK_PREPARED = Symbol('every stack prepared');
const RESOLVED_PREPARING = Symbol('blocks resolved while preparing');
const RESOLVED = Symbol('blocks resolved');
