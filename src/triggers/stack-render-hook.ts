import { TerraformStack } from 'cdktf';
import { runAspectsFirst } from './aspects-first';
import { PreparedBlocks } from './prepared-blocks';
import { blocksOf, StackPass } from './rendered-blocks';
import { preparedPasses, stackBlocks } from './stack-blocks';
import { withStackOverrides } from './stack-overrides';
import { AppIndex } from '../core/app-index';

/** What a construct that completes the stack's rendered JSON does at each of cdktf's passes. */
export interface RenderParticipant {
  /**
   * After the stack's prepare pass, with the blocks that pass resolved: check, warn, and
   * register what must exist before any stack is written (cross-stack references). Within
   * `App.synth()`, once every stack of the app is prepared.
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
 *   fragment as that pass resolves it; the participants then get those blocks. Within
 *   `App.synth()` (every stack of the app gets a hook then), the participants of every stack run
 *   once the last stack is prepared: each stack's blocks are resolved once, by its own pass, and
 *   every cross-stack reference of the app is known, whichever stack a deployment reads;
 * - `toTerraform` renders as before; the participants then complete the JSON;
 * - `runAllValidations` runs inside the app's index, as the other two do.
 *
 * While either of the first two runs, `StackRenderHook.active` is true: a participant's own tokens
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
    stack.prepareStack = () => AppIndex.during(stack, (index) => this.prepare(index, prepare));
    stack.toTerraform = () => AppIndex.during(stack, (index) => this.render(index, render));
    AppIndex.coverStack(stack);
    // Every stack of an app that App.synth() prepares hands its blocks over, for the participants of any stack.
    AppIndex.coverSynth(stack, 'render hooks', (stacks) => stacks.forEach((each) => StackRenderHook.of(each)));
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
  private prepare(index: AppIndex, prepare: () => void): void {
    index.enterPhase(true);
    runAspectsFirst(index);
    // The prepare pass only adds elements without blocks of the API's kinds (a backend, cross-stack outputs and remote state).
    const elements = index.listElements(this.stack);
    const prepared = new PreparedBlocks(elements, index);
    this.whileActive(() => prepared.during(prepare));
    const pass: StackPass = { blocks: withStackOverrides(this.stack, prepared.reader(stackBlocks(index, this.stack, true)), true), elements };
    preparedPasses(index).set(this.stack, pass);
    const pending = pendingChecks(index);
    this.participants.forEach((participant) => pending.queue.push(() => participant.afterPrepare(pass)));
    pending.unprepared.delete(this.stack);
    if (pending.unprepared.size === 0) {
      runPending(index);
    }
  }

  private render(index: AppIndex, render: () => any): any {
    runPending(index);
    index.enterPhase(false);
    const json = this.whileActive(render);
    const pass: StackPass = { blocks: blocksOf(json), elements: index.listElements(this.stack) };
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

/** The participants' checks of the stacks prepared so far, and the stacks `App.synth()` has yet to prepare. */
interface PendingChecks {
  readonly queue: Array<() => void>;
  readonly unprepared: Set<TerraformStack>;
}

function pendingChecks(index: AppIndex): PendingChecks {
  return index.memo(PENDING, () => {
    const pending: PendingChecks = { queue: [], unprepared: new Set(index.synthStacks ?? []) };
    // Checks queued in a pass whose stacks were not all prepared still run (an unfinished synth throws first).
    index.onClose(() => runPending(index));
    return pending;
  });
}

/** Runs the queued checks, in the order their stacks were prepared. */
function runPending(index: AppIndex): void {
  const { queue } = pendingChecks(index);
  while (queue.length > 0) {
    queue.shift()!();
  }
}

const PENDING = Symbol('pending checks');
