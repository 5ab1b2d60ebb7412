import { IResolvable, IResolveContext, TerraformElement } from 'cdktf';
import { crossStackCycleError } from './cross-stack-cycles';
import { Block, BlockReader, blockIn, PREPARED_FRAGMENT } from './rendered-blocks';
import { AppIndex } from '../core/app-index';
import { ownerOfResource } from '../core/owned-state';
import { keepPreparedFragment } from '../core/prepared-fragments';

type ToTerraform = (this: TerraformElement) => unknown;

/**
 * The blocks a stack's prepare pass resolves, kept instead of thrown away. cdktf's `prepareStack`
 * resolves each element's `toTerraform()` and discards the result; while `during` runs it, each
 * of the elements answers `toTerraform()` with a token that resolves its real fragment in the
 * pass's context, keeps the resolved block, and resolves to nothing.
 *
 * The wrapped `toTerraform` is the one the elements' classes define (their prototypes: a few for
 * a whole stack, whatever its size), not one per element: adding and deleting an own property
 * on thousands of resources made cdktf's own code in that pass about 10 % slower. Only the
 * outermost call for an element is answered with the token, so a subclass's `toTerraform` that
 * calls `super.toTerraform()` gets the plain fragment. Every wrapped method is restored when
 * `during` returns or throws.
 */
export class PreparedBlocks {
  private readonly elements: ReadonlySet<object>;
  private readonly blocks = new Map<TerraformElement, Block | undefined>();
  /** The elements in a wrapped `toTerraform` now, whichever class's (a subclass's calls its parent's). */
  private readonly inside = new Set<object>();

  /**
   * @param elements the elements whose blocks to keep
   * @param index the synth's index, where the unresolved fragments of the resources constructs own are kept for their validation
   */
  constructor(elements: readonly TerraformElement[], private readonly index: AppIndex) {
    this.elements = new Set(elements);
  }

  /** Runs `prepare` with the elements handing over their resolved blocks. */
  public during(prepare: () => void): void {
    const restores = [...new Set([...this.elements].map((element) => ownerOf(element, 'toTerraform')))]
      .map((owner) => this.wrap(owner));
    try {
      prepare();
    } finally {
      restores.forEach((restore) => restore());
    }
  }

  /**
   * Reads the kept blocks; an element the pass did not hand over (one whose `toTerraform` could
   * not be wrapped, or one the pass did not resolve) is read through `fallback`.
   */
  public reader(fallback: BlockReader): BlockReader {
    return (element) => (this.blocks.has(element) ? this.blocks.get(element) : fallback(element));
  }

  /** Wraps the `toTerraform` that `owner` defines; returns what restores it (nothing to restore when it cannot be wrapped). */
  private wrap(owner: object): () => void {
    const own = Object.getOwnPropertyDescriptor(owner, 'toTerraform');
    if (own === undefined || typeof own.value !== 'function' || !own.configurable) {
      return () => undefined;
    }
    const original = own.value as ToTerraform;
    const { elements, blocks, inside, index } = this;
    const wrapped: ToTerraform = function (this: TerraformElement) {
      if (!elements.has(this) || inside.has(this)) {
        return original.call(this);
      }
      inside.add(this);
      try {
        const fragment = original.call(this);
        if (ownerOfResource(this) !== undefined) {
          keepPreparedFragment(index, this, fragment);
        }
        return new KeptFragment(this, fragment, blocks);
      } finally {
        inside.delete(this);
      }
    };
    Object.defineProperty(owner, 'toTerraform', { ...own, value: wrapped });
    return () => Object.defineProperty(owner, 'toTerraform', own);
  }
}

/** The object on `object`'s prototype chain (itself included) that defines `key`. */
function ownerOf(object: object, key: string): object {
  let owner: object | null = object;
  while (owner !== null && !Object.prototype.hasOwnProperty.call(owner, key)) {
    owner = Object.getPrototypeOf(owner);
  }
  return owner ?? object;
}

/**
 * A token for an element's fragment: resolved, it resolves the fragment (with everything the
 * pass does on the way) and keeps the element's block. It resolves to nothing, since the prepare
 * pass throws its results away (so nothing walks them twice). A plain IResolvable: `Lazy` would
 * capture a stack trace per element.
 */
class KeptFragment implements IResolvable {
  public readonly creationStack: string[] = [];
  /** The real fragment, for a reader of the library that resolves the element itself meanwhile. */
  public readonly [PREPARED_FRAGMENT]: unknown;

  constructor(
    private readonly element: TerraformElement,
    fragment: unknown,
    private readonly blocks: Map<TerraformElement, Block | undefined>,
  ) {
    this[PREPARED_FRAGMENT] = fragment;
  }

  public resolve(context: IResolveContext): undefined {
    let resolved: Parameters<typeof blockIn>[0];
    try {
      resolved = context.resolve(this[PREPARED_FRAGMENT]);
    } catch (error) {
      throw crossStackCycleError(this.element, error) ?? error;
    }
    this.blocks.set(this.element, blockIn(resolved, this.element));
    return undefined;
  }

  public toString(): string {
    return 'the resolved block of a Terraform element';
  }
}
