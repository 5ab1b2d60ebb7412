import { App, TerraformDataSource, TerraformElement, TerraformModule, TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { appGeneration, stackGeneration, watchTreeChanges } from './tree-changes';

/**
 * What the library needs to know about a whole app, gathered once per synth and shared by every
 * construct, stage, mapping and trigger computation of the app: its stacks, each stack's constructs
 * and elements, and whatever the layers above derive from them (`memo`). No construct walks a stack
 * or the app on its own: an app of hundreds of APIs then synthesizes in time linear in its size.
 *
 * An index lives while a pass runs: `App.synth()` (the whole synth, every stack prepared, validated
 * and rendered), or one of cdktf's passes over one stack when no synth runs around it
 * (`Testing.synth`), or one of the library's own entry points (`warningsOf`). It is dropped when the
 * pass ends: nothing is kept between two synths, or between two apps of one process. Outside a pass,
 * `of` hands out an index kept for nothing (correct, but it caches nothing across calls).
 */
export class AppIndex {
  /** The index of the pass running for the app of `scope`; outside a pass, a fresh one that no one keeps. */
  public static of(scope: IConstruct): AppIndex {
    const app = scope.node.root;
    return OPEN.get(app) ?? new AppIndex(app, undefined);
  }

  /**
   * Runs `pass` with an index for the app of `scope` open: the one open already (a pass inside
   * another shares it), or a new one, dropped when `pass` returns or throws.
   *
   * @param synthStacks the stacks `App.synth()` prepares, in its order (only for the whole synth)
   */
  public static during<T>(scope: IConstruct, pass: (index: AppIndex) => T, synthStacks?: readonly TerraformStack[]): T {
    const app = scope.node.root;
    const open = OPEN.get(app);
    if (open !== undefined) {
      return pass(open);
    }
    const index = new AppIndex(app, synthStacks);
    OPEN.set(app, index);
    const stopWatching = watchTreeChanges();
    try {
      const result = pass(index);
      // What is still to do when the pass ends (not after an error, which would hide the first).
      index.closing.forEach((close) => close());
      return result;
    } finally {
      OPEN.delete(app);
      stopWatching();
    }
  }

  /**
   * Makes `App.synth()` of the app of `scope` run inside one index (once per app; another root than
   * an `App`, as in some tests, keeps a pass per stack), calling `onSynth` with its stacks first: the
   * first one given under each `key` (each layer that needs one gives its own).
   */
  public static coverSynth(scope: IConstruct, key?: string, onSynth?: (stacks: readonly TerraformStack[]) => void): void {
    const app = scope.node.root;
    if (!App.isApp(app)) {
      return;
    }
    let callbacks = ON_SYNTH.get(app);
    if (callbacks === undefined) {
      callbacks = new Map();
      ON_SYNTH.set(app, callbacks);
    }
    if (key !== undefined && onSynth !== undefined && !callbacks.has(key)) {
      callbacks.set(key, onSynth);
    }
    if (COVERED.has(app)) {
      return;
    }
    COVERED.add(app);
    const synth = app.synth.bind(app);
    const registered = callbacks;
    app.synth = () => {
      const stacks = allStacks(app);
      return AppIndex.during(app, () => {
        registered.forEach((callback) => callback(stacks));
        return synth();
      }, stacks);
    };
  }

  /**
   * For a construct whose checks at synth read the app (a stage made on its own): its stack's
   * validation and the app's synth each run inside one index, never one index per check.
   */
  public static cover(scope: IConstruct): void {
    AppIndex.coverStack(TerraformStack.of(scope));
    AppIndex.coverSynth(scope);
  }

  /** Runs every validation of `stack` inside one index (`stack.runAllValidations`, as `Testing.synth(stack, true)` and synth call it). */
  public static coverStack(stack: TerraformStack): void {
    if (COVERED.has(stack) || typeof stack.runAllValidations !== 'function') {
      return;
    }
    COVERED.add(stack);
    const validate = stack.runAllValidations.bind(stack);
    stack.runAllValidations = () => AppIndex.during(stack, () => validate());
  }

  private readonly memos = new Map<unknown, unknown>();
  private readonly appMemos = new Map<unknown, { readonly generation: number; readonly value: unknown }>();
  private readonly lists = new Map<TerraformStack, StackLists>();
  private phaseMemos = new Map<unknown, unknown>();
  private preparing?: boolean;
  private readonly closing: Array<() => void> = [];

  private constructor(
    /** The app's root construct. */
    public readonly app: IConstruct,
    /** The stacks `App.synth()` prepares, in its order; undefined outside the whole synth. */
    public readonly synthStacks: readonly TerraformStack[] | undefined,
  ) {}

  /** Every stack of the app, in construct order, listed once (again after the app changed). */
  public stacks(): readonly TerraformStack[] {
    return this.synthStacks ?? this.appMemo(STACKS, () => allStacks(this.app));
  }

  /** Every construct of `stack` (itself included) but those of nested stacks, in construct order, listed once (again after the stack changed). */
  public constructsOf(stack: TerraformStack): readonly IConstruct[] {
    return this.listsOf(stack).constructs;
  }

  /** The resources, data sources and modules of `stack` (not of nested stacks), in construct order, as cdktf lists them. */
  public elementsOf(stack: TerraformStack): readonly TerraformElement[] {
    const lists = this.listsOf(stack);
    lists.elements ??= lists.constructs.filter(hasBlock);
    return lists.elements;
  }

  /** The elements of `stack` listed now (a pass lists them as it starts), and so until the stack changes. */
  public listElements(stack: TerraformStack): readonly TerraformElement[] {
    this.lists.delete(stack);
    return this.elementsOf(stack);
  }

  /** The resources of `type` in every stack of the app, stack by stack in construct order; listed again once the app has changed. */
  public resourcesOfType(type: string): readonly TerraformResource[] {
    return this.appMemo(`resources of type ${type}`, () => this.stacks().flatMap((stack) => this.elementsOf(stack))
      .filter((element): element is TerraformResource => TerraformResource.isTerraformResource(element) && element.terraformResourceType === type));
  }

  /** The resource of `type` named `name` (its friendly unique id) in `stack`; the app's resources of the type are listed by stack and name once. */
  public resourceNamed(type: string, stack: TerraformStack, name: string): TerraformResource | undefined {
    return this.appMemo(`resources of type ${type} by stack and name`, () => {
      const byStack = new Map<TerraformStack, Map<string, TerraformResource>>();
      for (const resource of this.resourcesOfType(type)) {
        const names = byStack.get(TerraformStack.of(resource)) ?? new Map<string, TerraformResource>();
        byStack.set(TerraformStack.of(resource), names);
        if (!names.has(resource.friendlyUniqueId)) {
          names.set(resource.friendlyUniqueId, resource);
        }
      }
      return byStack;
    }).get(stack)?.get(name);
  }

  /** The data source of `type` named `name` (its friendly unique id) in `stack`; the app's data sources of the type are listed once per generation. */
  public dataSourceNamed(type: string, stack: TerraformStack, name: string): TerraformDataSource | undefined {
    return this.appMemo(`data sources of type ${type} by stack and name`, () => {
      const byStack = new Map<TerraformStack, Map<string, TerraformDataSource>>();
      for (const each of this.stacks()) {
        for (const element of this.elementsOf(each)) {
          if (TerraformDataSource.isTerraformDataSource(element) && element.terraformResourceType === type) {
            const names = byStack.get(each) ?? new Map<string, TerraformDataSource>();
            byStack.set(each, names);
            names.set(element.friendlyUniqueId, element);
          }
        }
      }
      return byStack;
    }).get(stack)?.get(name);
  }

  /** The data source (`dataSource`) or resource of `type` named `name` in `stack`, as a reference's `data.` prefix says. */
  public elementNamed(dataSource: boolean, type: string, stack: TerraformStack, name: string): TerraformResource | TerraformDataSource | undefined {
    return dataSource ? this.dataSourceNamed(type, stack, name) : this.resourceNamed(type, stack, name);
  }

  /** A value computed from the whole app, under `key`: again once the app has changed (a construct added or removed). */
  public appMemo<T>(key: unknown, make: () => T): T {
    const generation = appGeneration(this.app);
    const known = this.appMemos.get(key);
    if (known !== undefined && known.generation === generation) {
      return known.value as T;
    }
    const value = make();
    this.appMemos.set(key, { generation, value });
    return value;
  }

  /** A value computed once per index, under `key` (an object of the caller's, or a string no other caller uses). */
  public memo<T>(key: unknown, make: () => T): T {
    return memoIn(this.memos, key, make);
  }

  /**
   * A value computed once per phase of the index (the prepare phase, then the render phase: what was
   * resolved while preparing differs from the rendering), under `key`.
   */
  public phaseMemo<T>(key: unknown, make: () => T): T {
    return memoIn(this.phaseMemos, key, make);
  }

  /** Enters cdktf's prepare pass (`true`) or a render pass (`false`): a change of phase drops the values of the phase before. */
  public enterPhase(preparing: boolean): void {
    if (this.preparing !== preparing) {
      this.preparing = preparing;
      this.phaseMemos = new Map();
    }
  }

  private listsOf(stack: TerraformStack): StackLists {
    const known = this.lists.get(stack);
    if (known !== undefined && known.generation === stackGeneration(stack)) {
      return known;
    }
    const lists: StackLists = { generation: stackGeneration(stack), constructs: constructsOf(stack) };
    this.lists.set(stack, lists);
    return lists;
  }

  /** Runs `close` when the pass of the index ends without an error, before the index is dropped. */
  public onClose(close: () => void): void {
    this.closing.push(close);
  }
}

/** The open index of each app. */
const OPEN = new WeakMap<IConstruct, AppIndex>();
/** The apps whose `synth`, and the stacks whose `runAllValidations`, open an index. */
const COVERED = new WeakSet<IConstruct>();
/** What each covered app runs first when it synthesizes, by key. */
const ON_SYNTH = new WeakMap<IConstruct, Map<string, (stacks: readonly TerraformStack[]) => void>>();
const STACKS = Symbol('stacks');

/** A stack's lists, as of the stack's generation. */
interface StackLists {
  readonly generation: number;
  readonly constructs: readonly IConstruct[];
  elements?: readonly TerraformElement[];
}

function memoIn<T>(memos: Map<unknown, unknown>, key: unknown, make: () => T): T {
  if (memos.has(key)) {
    return memos.get(key) as T;
  }
  const value = make();
  memos.set(key, value);
  return value;
}

/**
 * Every stack under `root`, in construct order. Resources, providers and the other Terraform
 * elements hold no stacks: their subtrees are not walked.
 */
function allStacks(root: IConstruct): TerraformStack[] {
  const stacks: TerraformStack[] = [];
  const visit = (construct: IConstruct) => {
    if (TerraformStack.isStack(construct)) {
      stacks.push(construct);
    } else if (TerraformElement.isTerraformElement(construct)) {
      return;
    }
    construct.node.children.forEach(visit);
  };
  visit(root);
  return stacks;
}

function constructsOf(stack: TerraformStack): IConstruct[] {
  const found: IConstruct[] = [];
  const visit = (construct: IConstruct) => {
    found.push(construct);
    for (const child of construct.node.children) {
      if (!TerraformStack.isStack(child)) {
        visit(child);
      }
    }
  };
  visit(stack);
  return found;
}

function hasBlock(construct: IConstruct): construct is TerraformElement {
  return TerraformResource.isTerraformResource(construct)
    || TerraformDataSource.isTerraformDataSource(construct)
    || construct instanceof TerraformModule;
}
