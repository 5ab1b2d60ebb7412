import {
  DefaultTokenResolver,
  IResolvable,
  IResolveContext,
  StringConcat,
  TerraformDataSource,
  TerraformElement,
  TerraformModule,
  TerraformResource,
  TerraformStack,
  Tokenization,
} from 'cdktf';
import { IConstruct } from 'constructs';
import { BlockReader, blocksOf, mergeBlocks } from './rendered-blocks';
import { constructsOf } from './stack-constructs';

/** What a construct that completes the stack's rendered JSON does at each of cdktf's passes. */
export interface RenderParticipant {
  /**
   * After the stack's prepare pass, with the blocks that pass resolved: check, warn, and
   * register what must exist before any stack is written (cross-stack references).
   */
  afterPrepare(blocks: BlockReader): void;
  /** After the stack is rendered: complete its JSON in place, through the blocks (they are its objects). */
  afterRender(blocks: BlockReader): void;
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
   * fragment over as the prepare pass resolves it.
   */
  private prepare(prepare: () => void): void {
    const prepared: Record<string, any> = {};
    const restore = elementsOf(this.stack).filter(hasBlock).map((element) => {
      const own = Object.getOwnPropertyDescriptor(element, 'toTerraform');
      const toTerraform = element.toTerraform;
      element.toTerraform = () => capturing(toTerraform.call(element), (resolved) => mergeBlocks(prepared, resolved));
      return () => (own ? Object.defineProperty(element, 'toTerraform', own) : delete (element as { toTerraform?: unknown }).toTerraform);
    });
    try {
      this.whileActive(prepare);
    } finally {
      restore.forEach((undo) => undo());
    }
    const blocks = blocksOf(prepared);
    this.participants.forEach((participant) => participant.afterPrepare(blocks));
  }

  private render(render: () => any): any {
    const json = this.whileActive(render);
    const blocks = blocksOf(json);
    this.participants.forEach((participant) => participant.afterRender(blocks));
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

/**
 * A token for an element's fragment in the prepare pass: resolved, it resolves the fragment
 * (with everything that pass does on the way) and hands the result to `keep`. It resolves to
 * nothing, since the prepare pass throws its results away (so nothing walks them twice). A
 * plain IResolvable: `Lazy` would capture a stack trace per element.
 */
function capturing(fragment: unknown, keep: (resolved: Record<string, any>) => void): IResolvable {
  return {
    creationStack: [],
    resolve: (context: IResolveContext) => {
      keep(context.resolve(fragment));
      return undefined;
    },
    toString: () => 'the resolved block of a Terraform element',
  };
}

/** Resources, data sources and modules: the elements that render a configuration block. */
function hasBlock(element: TerraformElement): boolean {
  return TerraformResource.isTerraformResource(element) || TerraformDataSource.isTerraformDataSource(element) || element instanceof TerraformModule;
}

/** The stack's Terraform elements in construct order, without those of nested stacks (as cdktf lists them). */
function elementsOf(stack: TerraformStack): TerraformElement[] {
  return constructsOf(stack).filter((construct): construct is TerraformElement => TerraformElement.isTerraformElement(construct));
}
