import {
  DefaultTokenResolver,
  StringConcat,
  TerraformElement,
  TerraformStack,
  Tokenization,
} from 'cdktf';
import { IConstruct } from 'constructs';
import { runAspectsFirst } from './aspects-first';
import { PreparedBlocks } from './prepared-blocks';
import { BlockReader, blocksOf, resolvedBlocks } from './rendered-blocks';
import { elementsWithBlocks } from './stack-constructs';

/** One of cdktf's passes over a stack, as the participants see it after the pass. */
export interface StackPass {
  /** The resolved blocks of the pass. */
  readonly blocks: BlockReader;
  /** The stack's resources, data sources and modules, in construct order (walked once per pass for every participant). */
  readonly elements: readonly TerraformElement[];
}

/** What a construct that completes the stack's rendered JSON does at each of cdktf's passes. */
export interface RenderParticipant {
  /**
   * After the stack's prepare pass, with the blocks that pass resolved: check, warn, and
   * register what must exist before any stack is written (cross-stack references).
   */
  afterPrepare(pass: StackPass): void;
  /** After the stack is rendered: complete its JSON in place, through the blocks (they are its objects). */
  afterRender(pass: StackPass): void;
}

const HOOKS = new WeakMap<TerraformStack, StackRenderHook>();

/**
 * Lets the triggers be computed from the blocks cdktf resolves anyway, instead of
 * resolving every API resource a second time (which cost about 20 % of a large stack's
 * synth). Installed once per stack by the first participant, on the stack instance:
 *
 * - `prepareStack` runs the stack's own, while each element with a block hands over its
 *   fragment as that pass resolves it; the participants then get those blocks;
 * - `toTerraform` renders as before; the participants then complete the JSON.
 *
 * While either runs, `StackRenderHook.active` is true: a participant's own tokens
 * render a placeholder that `afterRender` replaces. Any other rendering (HCL output, a
 * direct resolve) finds it false and computes the value itself.
 */
export class StackRenderHook {
  /** The hook of `stack`, installed on first use. */
  public static of(stack: TerraformStack): StackRenderHook {
    let hook = HOOKS.get(stack);
    if (hook === undefined) {
      hook = new StackRenderHook(stack);
      HOOKS.set(stack, hook);
    }
    return hook;
  }

  private readonly participants: RenderParticipant[] = [];
  private depth = 0;

  private constructor(private readonly stack: TerraformStack) {
    const prepare = stack.prepareStack.bind(stack);
    const render = stack.toTerraform.bind(stack);
    stack.prepareStack = () => this.prepare(prepare);
    stack.toTerraform = () => this.render(render);
  }

  /** Whether the stack is being prepared or rendered through this hook. */
  public get active(): boolean {
    return this.depth > 0;
  }

  /** Adds a participant; they run in the order they were added. */
  public add(participant: RenderParticipant): void {
    this.participants.push(participant);
  }

  /**
   * Runs the stack's own prepare (whatever the framework does there: a backend, function
   * usage, cross-stack references) while each element with a block hands its resolved
   * fragment over as the prepare pass resolves it (`PreparedBlocks`).
   */
  private prepare(prepare: () => void): void {
    runAspectsFirst(this.stack);
    // The prepare pass only adds elements without blocks of the API's kinds (a backend, cross-stack outputs and remote state).
    const elements = elementsWithBlocks(this.stack);
    const prepared = new PreparedBlocks(elements);
    this.whileActive(() => prepared.during(prepare));
    const pass: StackPass = { blocks: prepared.reader(resolvedBlocks((fragment) => resolveIn(this.stack, fragment, true))), elements };
    this.participants.forEach((participant) => participant.afterPrepare(pass));
  }

  private render(render: () => any): any {
    const json = this.whileActive(render);
    const pass: StackPass = { blocks: blocksOf(json), elements: elementsWithBlocks(this.stack) };
    this.participants.forEach((participant) => participant.afterRender(pass));
    return json;
  }

  private whileActive<T>(run: () => T): T {
    this.depth++;
    try {
      return run();
    } finally {
      this.depth--;
    }
  }
}

/** Resolves a value in the context of `scope`, as cdktf does when it prepares or renders a stack. */
export function resolveIn(scope: IConstruct, value: unknown, preparing: boolean): any {
  return Tokenization.resolve(value, { scope, preparing, resolver: RESOLVER });
}

const RESOLVER = new DefaultTokenResolver(new StringConcat());
