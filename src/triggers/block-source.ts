import { TerraformElement, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { BlockReader } from './rendered-blocks';
import { stackBlocks } from './stack-blocks';
import { AppIndex } from '../core/app-index';

/** The home stack as the pass cdktf is running sees it. */
export interface HomeStackBlocks {
  /** Its resolved blocks. */
  readonly blocks: BlockReader;
  /** Its resources, data sources and modules in construct order; undefined to list them when needed. */
  readonly elements?: readonly TerraformElement[];
}

/**
 * The resolved blocks of the app's elements for one trigger computation: those of the home
 * stack (the deployment's) from the pass cdktf is running, those of other stacks from the app's
 * index (their own prepare pass, or resolved in their own stack once per pass for every
 * deployment). Only the snapshot builder reads it.
 */
export class BlockSource {
  /** The stack the triggers are written to. */
  public readonly home: TerraformStack;
  /** The app's index of the pass. */
  public readonly index: AppIndex;
  private readonly homeStack: HomeStackBlocks;

  /**
   * @param owner the construct whose stack is home
   * @param homeStack the home stack's blocks (and elements, when the pass has listed them)
   * @param preparing whether cdktf is preparing (resolving registers cross-stack references then)
   */
  constructor(owner: IConstruct, homeStack: HomeStackBlocks, public readonly preparing: boolean) {
    this.home = TerraformStack.of(owner);
    this.index = AppIndex.of(owner);
    this.homeStack = homeStack;
  }

  /** The reader of the blocks of `stack`: the same object for every computation of the pass that reads that stack the same way. */
  public readerOf(stack: TerraformStack): BlockReader {
    return stack === this.home ? this.homeStack.blocks : stackBlocks(this.index, stack, this.preparing);
  }

  /** The resolved block of an element of any stack of the app, as its own stack renders it. */
  public blockOf(element: TerraformElement, stack: TerraformStack = TerraformStack.of(element)): ReturnType<BlockReader> {
    return this.readerOf(stack)(element);
  }

  /** The resources, data sources and modules of `stack` (not of nested stacks), in construct order, listed once per pass. */
  public elementsOf(stack: TerraformStack): readonly TerraformElement[] {
    return (stack === this.home ? this.homeStack.elements : undefined) ?? this.index.elementsOf(stack);
  }
}
