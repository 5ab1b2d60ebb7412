import {
  Annotations,
  DefaultTokenResolver,
  IResolvable,
  IResolveContext,
  Lazy,
  StringConcat,
  TerraformResource,
  TerraformStack,
  Token,
  Tokenization,
} from 'cdktf';
import { IConstruct } from 'constructs';
import { invalidProperty } from '../errors';
import { ApiFamily } from './api-family';
import { ApiSnapshot, gatherSnapshot, SnapshotDepth, TriggerSources } from './api-snapshot';
import { blindSpotWarnings } from './blind-spots';
import { BlockSource, HomeStackBlocks } from './block-source';
import { CrossStackExpressions, CrossStackTokens } from './cross-stack-expressions';
import { resolvedBlocks } from './rendered-blocks';
import { StackPass, StackRenderHook } from './stack-render-hook';
import { assertNoCollision, automaticEntries, RESOURCE_IDS_TRIGGER_KEY, triggerMap } from './trigger-entries';

/** What a deployment construct tells the engine about its API. */
export interface RedeployTriggerEngineProps {
  /** The kind of API. */
  readonly family: ApiFamily;
  /** The API, when the construct was given it; undefined for an API given by id. */
  readonly api?: TerraformResource;
  /** The construct's property that gives the API (`restApi`), named in errors and warnings. */
  readonly apiProperty: string;
  /** Whether to find the API's resources by their API id argument. */
  readonly autoDiscover: boolean;
}

/**
 * The redeploy triggers of one deployment construct: the one entry point of the trigger engine.
 * The construct gives its deployments `triggers` (a token) and names them with `completes`; the
 * engine then
 *
 * - **checks** while cdktf prepares the stacks (or when `check` is called): it gathers the API's
 *   resources, registers the cross-stack references their entries need, fails on a bad body or a
 *   trigger key that collides, and records the warnings (configurations AWS refuses to deploy,
 *   blind spots) as the construct's annotations;
 * - **computes** the entries when the stack is rendered, from the blocks cdktf resolves anyway,
 *   and writes them into the deployments' JSON (any other rendering, such as HCL output or a
 *   direct resolve, computes them in the token itself).
 */
export class RedeployTriggerEngine {
  /** The trigger map for the deployments' `triggers`: a token, completed at render. */
  public readonly triggers: { [key: string]: string };

  private readonly userTriggers = new Map<string, string>();
  private readonly extraResources: TerraformResource[] = [];
  private readonly acknowledged: IConstruct[] = [];
  private readonly deployments: TerraformResource[] = [];
  private readonly warned = new Set<string>();
  /** The cross-stack references of the triggers, kept from cdktf's prepare pass to its render pass. */
  private readonly crossStackTokens: CrossStackTokens = new Map();
  private readonly renderHook: StackRenderHook;
  private readonly token: IResolvable;

  constructor(private readonly owner: IConstruct, private readonly props: RedeployTriggerEngineProps) {
    this.renderHook = StackRenderHook.of(TerraformStack.of(owner));
    this.renderHook.add({
      afterPrepare: (pass) => this.checkWith(pass),
      afterRender: (pass) => this.complete(pass),
    });
    this.token = Lazy.anyValue({ produce: (context) => this.produce(context) });
    this.triggers = Token.asStringMap(this.token);
  }

  /** Adds a trigger entry of the user's: changing its value redeploys the API. */
  public addTrigger(key: string, value: string): void {
    if (key === RESOURCE_IDS_TRIGGER_KEY || this.userTriggers.has(key)) {
      throw invalidProperty(this.owner, `triggers.${key}`, value,
        key === RESOURCE_IDS_TRIGGER_KEY
          ? `a key other than "${RESOURCE_IDS_TRIGGER_KEY}", which holds the automatic entry over the API resources' ids`
          : 'a key not given before');
    }
    this.userTriggers.set(key, value);
  }

  /** Adds a resource whose configuration decides, like the discovered ones, when to redeploy. */
  public addResource(resource: TerraformResource): void {
    this.extraResources.push(resource);
  }

  /** Silences the blind-spot warnings of these constructs (and of everything inside them). */
  public acknowledge(constructs: readonly IConstruct[]): void {
    this.acknowledged.push(...constructs);
  }

  /** Makes the engine write the triggers into `deployment`'s rendered `triggers`. */
  public completes(deployment: TerraformResource): void {
    this.deployments.push(deployment);
  }

  /** Runs the checks cdktf's prepare pass runs, which records the warnings on the owner. */
  public check(): void {
    Tokenization.resolve(this.token, { scope: this.owner, preparing: true, resolver: new DefaultTokenResolver(new StringConcat()) });
  }

  /**
   * The token's value. While the stack hook renders, a placeholder that `complete` replaces with
   * the triggers computed from the rendered blocks; in any other rendering (HCL output, a direct
   * resolve), the triggers computed here, resolving the blocks they need.
   */
  private produce(context: IResolveContext): Record<string, string> | undefined {
    if (this.renderHook.active) {
      return { ...Object.fromEntries(this.userTriggers), [PENDING_TRIGGERS_KEY]: '' };
    }
    const home: HomeStackBlocks = { blocks: resolvedBlocks((fragment) => context.resolve(fragment)) };
    if (context.preparing) {
      this.checkWith(home);
      return undefined;
    }
    const triggers = this.compute(home);
    return Object.keys(triggers).length > 0 ? triggers : undefined;
  }

  /** Writes the triggers over the placeholder in the rendered JSON of the deployments. */
  private complete(pass: StackPass): void {
    const triggers = this.compute(pass);
    for (const deployment of this.deployments) {
      const block = pass.blocks(deployment);
      if (block?.triggers === undefined || !(PENDING_TRIGGERS_KEY in (block.triggers as object))) {
        continue; // cdktf refuses overrides of a token map, so today every block has the placeholder
      }
      if (Object.keys(triggers).length > 0) {
        block.triggers = triggers;
      } else {
        delete block.triggers;
      }
    }
  }

  /** Check and warn: what must fail or be said before any stack is written. */
  private checkWith(home: HomeStackBlocks): void {
    const { snapshot, expressions } = this.gather(home, 'check', true);
    // The entries' keys, to compare with the user's; computing them registers the cross-stack references.
    const automatic = automaticEntries(this.props.family, snapshot, expressions, {
      digests: false, homeEntries: this.userTriggers.size > 0, owner: this.owner, apiProperty: this.props.apiProperty,
    });
    assertNoCollision(automatic, this.userTriggers, this.owner);
    const warnings = snapshot.api && this.props.autoDiscover
      ? [...this.props.family.deployWarnings(snapshot.api, snapshot.resources.filter((item) => item !== snapshot.api)),
        ...blindSpotWarnings(this.props.family, snapshot, this.acknowledged)]
      : [];
    if (automatic.size === 0 && this.userTriggers.size === 0 && snapshot.resources.length === 0) {
      warnings.push(noTriggersWarning(this.props.apiProperty));
    }
    warnings.forEach((warning) => this.warn(warning));
  }

  /** The whole trigger map, from the blocks of the pass cdktf runs. */
  private compute(home: HomeStackBlocks): Record<string, string> {
    const { snapshot, expressions } = this.gather(home, 'compute', false);
    const automatic = automaticEntries(this.props.family, snapshot, expressions, {
      digests: true, homeEntries: true, owner: this.owner, apiProperty: this.props.apiProperty,
    });
    return triggerMap(automatic, this.userTriggers, this.owner);
  }

  private gather(home: HomeStackBlocks, depth: SnapshotDepth, preparing: boolean): { snapshot: ApiSnapshot; expressions: CrossStackExpressions } {
    const sources: TriggerSources = {
      api: this.props.api,
      autoDiscover: this.props.autoDiscover,
      resources: this.extraResources,
    };
    const expressions = new CrossStackExpressions(this.owner, preparing, this.crossStackTokens);
    const snapshot = gatherSnapshot(this.props.family, sources, new BlockSource(this.owner, home, preparing), expressions, depth);
    return { snapshot, expressions };
  }

  private warn(warning: string): void {
    if (!this.warned.has(warning)) {
      this.warned.add(warning);
      Annotations.of(this.owner).addWarning(warning);
    }
  }
}

/** The key of the placeholder entry the triggers token renders until the stack hook completes it. */
const PENDING_TRIGGERS_KEY = '__triggers_pending__';

function noTriggersWarning(apiProperty: string): string {
  return 'This deployment has no redeploy triggers: it is created once and never redeployed. ' +
    `Give '${apiProperty}' (with discovery on), 'resources' or 'triggers'.`;
}
