import {
  IResolvable,
  IResolveContext,
  TerraformResource,
  TerraformStack,
  Token,
} from 'cdktf';
import { IConstruct } from 'constructs';
import { ApiFamily } from './api-family';
import { instancesNamedByIteratorWarnings, misplacedResourcesWarning, moduleMakingTheApiWarnings } from './api-id-warnings';
import { lookedUpByNameWarnings } from './api-lookups';
import { addressOf, ApiSnapshot, gatherSnapshot, SnapshotDepth, SnapshotResource, TriggerSources } from './api-snapshot';
import { blindSpotWarnings, isAcknowledged } from './blind-spots';
import { BlockSource, HomeStackBlocks } from './block-source';
import { changingCallWarnings } from './changing-calls';
import { CrossStackExpressions, CrossStackTokens } from './cross-stack-expressions';
import { namedByIdWarning, noTriggersWarning, undiscoveredWarning, unhashedFileWarning } from './engine-warnings';
import { endpointDisabledWarning, missedDefaultRouteWarnings, unservedTargetWarnings } from './helper-targets';
import { apiGatewayVariableIn } from './openapi-body';
import { assertNoStageWrittenByHand, stagesNamedLiterally, stagesOfOwner } from './owner-stages';
import { Block, resolvedBlocks, StackPass } from './rendered-blocks';
import { selfReference } from './self-references';
import { deployTimeKeyWarning, isMetricProperty, unservedSettingError } from './served-by-api';
import { stackBlocks } from './stack-blocks';
import { StackRenderHook } from './stack-render-hook';
import { assertNoCollision, automaticEntries, triggerMap, unhashedFileReads } from './trigger-entries';
import { UserTriggers } from './user-triggers';
import { isAbandoned, undoIfFailed } from '../core/abandoned';
import { apiIdBehind } from '../core/api-id-behind';
import { AppIndex } from '../core/app-index';
import { invalidProperty } from '../core/errors';
import { helperTargetsOf } from '../core/helper-targets';
import { aliasesIn } from '../core/locals';
import { ownedPropertyOf, ownerOfResource } from '../core/owned-resources';
import { idReferenceOf, resolveIn } from '../core/resolve';
import { stackDependsOn } from '../core/stack-dependencies';
import { warnOnce } from '../core/warnings';

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
  /** The API's id, for an API given by id: the resources of the construct's stack that name it are its resources. */
  readonly apiId?: string;
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
  /**
   * The trigger map for the deployments' `triggers`: the resolvable itself, completed at render (the
   * provider's bindings pass a resolvable through as it is). Not a map token: each map token is an
   * object with a key of its own that lives as long as the app, and a few thousand of them (two per
   * deployment, at a thousand APIs) overflow V8's hidden-class transitions of the plain object, which
   * made every value cdktf resolved afterwards about four times slower (docs/performance.md).
   */
  public readonly triggers: { [key: string]: string };

  /** The user's own entries (`triggers`, `addTrigger`, the deployment's escape hatches). */
  public readonly userTriggers: UserTriggers;
  private readonly extraResources: TerraformResource[] = [];
  private readonly acknowledged: IConstruct[] = [];
  private readonly deployments: TerraformResource[] = [];
  private readonly served: Array<{ readonly property: string; readonly key: string }> = [];
  /** Whether the prepare pass has checked since the construct was last validated. */
  private checkedByPrepare = false;
  /** Whether the triggers are being computed outside the stack hook (to refuse a configuration that reads them). */
  private producing = false;
  /** The cross-stack references of the triggers, kept from cdktf's prepare pass to its render pass. */
  private readonly crossStackTokens: CrossStackTokens = new Map();
  private readonly renderHook: StackRenderHook;
  private readonly token: IResolvable;
  private readonly readable = new Map<TerraformResource, { [key: string]: string }>();
  /** What the API serves, by the snapshot it was found in (`servedBy`). */
  private readonly servedBySnapshot = new WeakMap<ApiSnapshot, { readonly served: ReadonlySet<string> | undefined }>();
  private lastApiWarnings: readonly string[] = [];

  constructor(private readonly owner: IConstruct, private readonly props: RedeployTriggerEngineProps) {
    this.userTriggers = new UserTriggers(owner, PENDING_TRIGGERS_KEY);
    this.renderHook = StackRenderHook.of(TerraformStack.of(owner));
    this.renderHook.add({
      // A construct whose constructor failed is out of the tree (core/abandoned.ts): nothing of it is checked or written.
      afterPrepare: (pass) => {
        if (!isAbandoned(owner)) {
          this.checkWith(pass);
          this.checkedByPrepare = true;
        }
      },
      afterRender: (pass) => isAbandoned(owner) || this.complete(pass),
    });
    this.token = new ProducedTriggers((context) => this.produce(context, true));
    this.triggers = this.token as unknown as { [key: string]: string };
  }

  /**
   * The same map for anything else that reads it (`deployment`'s `triggersInput` in an output or a
   * local): computed where it is resolved, never a placeholder; read from another stack, the
   * deployment's `triggers` attribute through cdktf's cross-stack references (the whole map its own
   * stack applies: computed there, it names that stack's resources). Made when first read.
   */
  public readableTriggersOf(deployment: TerraformResource): { [key: string]: string } {
    let readable = this.readable.get(deployment);
    if (readable === undefined) {
      // One reference for every pass: cdktf's prepare pass records the cross-stack reference on it, which its render reads.
      const attribute = deployment.interpolationForAttribute('triggers');
      const produce = (context: IResolveContext) => (TerraformStack.of(context.scope) === TerraformStack.of(this.owner)
        ? this.produce(context, false)
        : context.resolve(attribute));
      readable = entriesReadOneByOne(Token.asStringMap(new ProducedTriggers(produce)), () => invalidProperty(this.owner, 'deployment.triggersInput',
        'read entry by entry (in a Terraform function: Fn.jsonencode, Fn.keys, Fn.lookup)',
        "the map read whole (an output, a local, a resource's argument): cdktf renders a map token given to a Terraform function entry by entry, "
        + 'each undefined (invalid Terraform). In a function, give it deployment.deployment.triggers, the attribute'));
      this.readable.set(deployment, readable);
    }
    return readable;
  }

  /**
   * Adds a resource whose configuration decides, like the discovered ones, when to redeploy; one the
   * construct made itself (its deployment, a stage) is refused: the deployment would wait for itself.
   *
   * @param property how errors name it: `resources`, `addResource(resource)`
   */
  public addResource(resource: TerraformResource, property: string): void {
    if (resource.node.scopes.includes(this.owner)) {
      throw invalidProperty(this.owner, property, resource,
        'a resource the construct did not make: its own deployment and stages follow the triggers (the deployment would wait for itself, a cycle Terraform refuses)');
    }
    const maker = ownerOfResource(resource);
    if (maker !== undefined) {
      throw invalidProperty(this.owner, property, resource,
        `a resource of the API, not one a construct made ('${maker.node.path}' made it): its deployments and stages follow the API, `
        + 'so hashing them redeploys nothing the API serves (and two deployment constructs given each other\'s stages wait for each other, a cycle)');
    }
    const family = this.props.family;
    if (family.typesWithoutRedeploy.has(resource.terraformResourceType) && /^aws_api_?gateway/.test(resource.terraformResourceType)) {
      throw invalidProperty(this.owner, property, resource, 'a resource whose changes AWS serves only after a redeploy (a route, method, integration, ...): '
        + `a change of a ${resource.terraformResourceType} takes effect without one, so hashing it would redeploy the API for nothing`);
    }
    const other = this.otherApiOf(resource);
    if (other !== undefined) {
      throw invalidProperty(this.owner, property, resource,
        `a resource of ${this.props.api!.node.path}, or of no API: its API id is the id of ${other} (discovery would take that API's `
        + 'resources into these triggers too); give it to a deployment construct of that API');
    }
    this.extraResources.push(resource);
  }

  /**
   * The other API of the app whose id a resource's API id argument is (`otherApi.id`), of either family (a
   * REST resource's `rest_api_id`, an HTTP or WebSocket resource's `api_id`); undefined otherwise.
   */
  private otherApiOf(resource: TerraformResource): string | undefined {
    const api = this.props.api;
    if (api === undefined) {
      return undefined;
    }
    for (const argument of ['restApiId', 'apiId']) {
      const input = (resource as unknown as Record<string, unknown>)[`${argument}Input`];
      const reference = typeof input === 'string' && Token.isUnresolved(input) ? idReferenceOf(input) : undefined;
      if (reference === undefined || !API_TYPES.has(reference.type)) {
        continue;
      }
      const same = reference.type === api.terraformResourceType && reference.stack === TerraformStack.of(api)
        && reference.name === api.friendlyUniqueId;
      return same ? undefined : `${reference.stack.node.path}'s ${reference.type}.${reference.name}`;
    }
    return undefined;
  }

  /**
   * Requires the API to serve `key` (a route key, or a method path without its leading `/`): a
   * stage setting for a route or method the API does not have is refused while the stacks are
   * checked, where the discovered resources and a literal body tell what it serves.
   *
   * @param property how errors name the setting: `routeOptions.GET /pets`
   */
  public requireServed(property: string, key: string): void {
    const warning = deployTimeKeyWarning(this.owner, property, key);
    if (warning !== undefined) {
      this.warn(warning);
    }
    const entry = { property, key };
    this.served.push(entry);
    undoIfFailed(() => this.served.splice(this.served.indexOf(entry), 1));
  }

  /**
   * The warnings about the API's configuration that the last check found for this construct (what it
   * acknowledged left out): recorded on the API, once for all its deployment constructs.
   */
  public get warningsAboutApi(): readonly string[] {
    return this.lastApiWarnings;
  }

  /** The API resource, when the construct was given it (not its id). */
  public get api(): TerraformResource | undefined {
    return this.props.api;
  }

  /** Silences the blind-spot warnings of these constructs (and of everything inside them). */
  public acknowledge(constructs: readonly IConstruct[]): void {
    this.acknowledged.push(...constructs);
  }

  /** Makes the engine write the triggers into `deployment`'s rendered `triggers`. */
  public completes(deployment: TerraformResource): void {
    this.deployments.push(deployment);
  }

  /**
   * Runs the checks when the construct is validated, unless cdktf's prepare pass has just run them
   * (`app.synth()` prepares every stack, then validates it): `Testing.synth(stack, true)` validates
   * without preparing, and gets the same errors as `cdktf synth`.
   */
  public checkOnValidation(): void {
    if (this.checkedByPrepare) {
      this.checkedByPrepare = false;
      return;
    }
    this.check();
  }

  /** Runs the checks cdktf's prepare pass runs, which records the warnings on the owner. */
  public check(): void {
    AppIndex.during(this.owner, (index) => this.checkWith({ blocks: stackBlocks(index, TerraformStack.of(this.owner), true) }));
  }

  /**
   * The token's value. While the stack hook renders, a placeholder holding the user's entries
   * (resolved by cdktf with the rest of the block) that `complete` replaces with the whole map;
   * in any other rendering (HCL output, a direct resolve) and for `readable`, the triggers
   * computed here, resolving the blocks they need.
   *
   * @param placeholder whether the hook may complete this value (the deployments' own `triggers`)
   */
  private produce(context: IResolveContext, placeholder: boolean): Record<string, string> | undefined {
    if (placeholder && this.renderHook.active) {
      return { ...Object.fromEntries(this.userTriggers.entries), [PENDING_TRIGGERS_KEY]: '' };
    }
    if (context.preparing && this.renderHook.active) {
      return undefined; // the hook's prepare pass hands the blocks to the check itself, and throws this value away
    }
    if (this.producing) {
      throw invalidProperty(this.owner, 'triggers', 'read by a resource whose configuration the triggers hash',
        "no API resource (nor one given in 'resources') that reads the deployment's triggers: they would depend on themselves");
    }
    this.producing = true;
    try {
      const home: HomeStackBlocks = { blocks: resolvedBlocks((fragment) => context.resolve(fragment)) };
      if (context.preparing) {
        AppIndex.during(this.owner, () => this.checkWith(home));
        return undefined;
      }
      const triggers = AppIndex.during(this.owner, () => this.compute(home, this.userTriggers.entries));
      return Object.keys(triggers).length > 0 ? triggers : undefined;
    } finally {
      this.producing = false;
    }
  }

  /**
   * Writes the triggers over the placeholder in the rendered JSON of the deployments. The user's
   * entries are taken from the placeholder, where cdktf resolved them (a variable, a function).
   */
  private complete(pass: StackPass): void {
    const placeholders = this.deployments
      .map((deployment) => pass.blocks(deployment))
      .filter((block): block is Block => block?.triggers !== undefined && PENDING_TRIGGERS_KEY in (block.triggers as object));
    if (placeholders.length === 0) {
      return; // the deployments were moved away or removed
    }
    const { [PENDING_TRIGGERS_KEY]: _pending, ...user } = placeholders[0].triggers as Record<string, string>;
    const triggers = this.compute(pass, new Map(Object.entries(user)));
    for (const block of placeholders) {
      if (Object.keys(triggers).length > 0) {
        block.triggers = triggers;
      } else {
        delete block.triggers;
      }
    }
  }

  /** Check and warn: what must fail or be said before any stack is written. */
  private checkWith(home: HomeStackBlocks): void {
    const { snapshot, expressions, blocks } = this.gather(home, 'check', true);
    // The entries' keys, to compare with the user's; computing them registers the cross-stack references.
    const automatic = automaticEntries(this.props.family, snapshot, expressions, {
      digests: false, homeEntries: this.userTriggers.entries.size > 0, owner: this.owner, apiProperty: this.props.apiProperty,
    });
    assertNoCollision(automatic, this.userTriggers.entries, this.owner);
    this.assertNoSelfReference(snapshot, blocks);
    // The stages the construct makes, beside what the app writes by hand about them.
    const stages = stagesOfOwner(this.owner, this.props.family, snapshot.api?.construct ?? this.apiNamedById(blocks), blocks);
    assertNoStageWrittenByHand(this.owner, this.props.family, stages, blocks);
    stagesNamedLiterally(stages, blocks, expressions).forEach((warning) => this.warn(warning));
    this.assertNoApiGatewayInterpolation(snapshot);
    // What discovery cannot see (a module given the API, acknowledged or not) may serve, or add, routes, methods or integrations.
    const blindSpots = snapshot.api !== undefined && this.props.autoDiscover && blindSpotWarnings(this.props.family, snapshot, []).length > 0;
    this.assertServed(snapshot, expressions, blindSpots);
    this.warnOfUnservedTargets(snapshot, expressions, blindSpots);
    const misplaced = misplacedResourcesWarning(this.props.family, snapshot, blocks, snapshot.api?.construct ?? this.apiNamedById(blocks));
    // What the API's configuration calls for is said once, on the API, however many deployment constructs it has.
    const apiWarnings = snapshot.api && this.props.autoDiscover
      ? [...(blindSpots ? [] : this.props.family.deployWarnings(snapshot.api, snapshot.resources.filter((item) => item !== snapshot.api))),
        // Without any blind spot, none is left unacknowledged.
        ...(blindSpots ? blindSpotWarnings(this.props.family, snapshot, this.acknowledged) : []),
        ...changingCallWarnings(this.props.family, snapshot, this.acknowledged),
        ...lookedUpByNameWarnings(this.props.family, snapshot, blocks, this.acknowledged),
        ...(misplaced === undefined ? [] : [misplaced])]
      : [];
    if (misplaced !== undefined && !(snapshot.api && this.props.autoDiscover)) {
      this.warn(misplaced);
    }
    for (const { item, calls } of unhashedFileReads(this.props.family, snapshot)) {
      if (!isAcknowledged(item.construct, this.acknowledged)) {
        apiWarnings.push(unhashedFileWarning(item, calls, item.stack !== snapshot.home));
      }
    }
    apiWarnings.forEach((warning) => warnOnce(this.props.api ?? this.owner, warning));
    this.lastApiWarnings = apiWarnings;
    const warnings: string[] = [];
    const unseen = snapshot.namingTheId.filter((resource) => !isAcknowledged(resource, this.acknowledged));
    if (unseen.length > 0) {
      warnings.push(this.props.api === undefined
        ? namedByIdWarning(this.props.family, this.props.apiProperty, unseen, snapshot.home)
        : undiscoveredWarning(this.props.family, unseen));
    } else if (automatic.size === 0 && this.userTriggers.entries.size === 0 && snapshot.resources.length === 0) {
      warnings.push(noTriggersWarning(this.props.apiProperty));
    }
    if (this.props.api === undefined && this.props.apiId !== undefined) {
      // What the API's id tells of it when the API is not given as its construct.
      const apiId = String(resolveIn(this.owner, apiIdBehind(this.owner, this.props.apiId), blocks.preparing));
      warnings.push(...instancesNamedByIteratorWarnings(this.props.family, apiId, blocks, this.acknowledged),
        ...moduleMakingTheApiWarnings(apiId, blocks, this.acknowledged));
    }
    warnings.forEach((warning) => this.warn(warning));
  }

  /**
   * Fails on an API resource in a stack that deploys after the deployment's (it depends on it):
   * the deployment cannot wait for it (cdktf would refuse the circular cross-stack reference).
   */
  private assertDeployedBefore(snapshot: ApiSnapshot): void {
    const late = snapshot.resources.find((item) => item.stack !== snapshot.home && stackDependsOn(item.stack, snapshot.home));
    if (late !== undefined) {
      const home = snapshot.home.node.path;
      throw invalidProperty(this.owner, this.props.apiProperty, this.props.api?.node.path ?? late.construct.node.path,
        `an API whose resources deploy before this deployment: ${late.address} ('${late.construct.node.path}') is in the stack '${late.stack.node.path}', ` +
        `which deploys after '${home}' (it depends on it), so the deployment cannot wait for it. Create the deployment in '${late.stack.node.path}' ` +
        `(or a stack deployed after it), or the resource in a stack deployed before '${home}'`);
    }
  }

  /**
   * Fails on an API resource (the OpenAPI body aside, which has its own error) with an API Gateway
   * variable written as a Terraform interpolation (`${stageVariables.host}`): terraform validate refuses it.
   */
  private assertNoApiGatewayInterpolation(snapshot: ApiSnapshot): void {
    for (const item of snapshot.resources) {
      const config = item === snapshot.api ? { ...item.config, body: undefined } : item.config;
      const found = apiGatewayVariableIn(config);
      if (found !== undefined) {
        throw invalidProperty(this.owner, this.props.apiProperty, this.props.api?.node.path ?? item.construct.node.path,
          `API resources whose API Gateway variables are escaped for Terraform: ${item.address} ('${item.construct.node.path}') has ${found.argument} `
          + `${JSON.stringify(found.text)}, where "\${${found.kind}.…}" is a Terraform interpolation (terraform validate refuses it as a reference to an `
          + `undeclared resource); write it "$\${${found.kind}.…}", which Terraform writes as "\${…}" for API Gateway`);
      }
    }
  }

  /** Fails on an API resource, a user trigger or a `dependsOn` that reads, directly or through other resources, what the construct made. */
  private assertNoSelfReference(snapshot: ApiSnapshot, blocks: BlockSource): void {
    const user = new Map([...this.userTriggers.entries].map(([key, value]) => [key, resolveIn(this.owner, value, true)]));
    // Every resource of the construct that waits for something (its dependsOn): a deployment, a stage, method settings, a mapping.
    const waiting = this.owner.node.findAll().filter((construct): construct is TerraformResource => TerraformResource.isTerraformResource(construct)
      && ownerOfResource(construct) === this.owner && (construct.dependsOn ?? []).length > 0);
    const dependsOn = new Map(waiting.map((resource) => [`dependsOn of ${addressOf(resource)}`, {
      of: addressOf(resource),
      addresses: (resource.dependsOn ?? []).filter((entry) => typeof entry === 'string' && /^(data\.)?[\w-]+\.[\w-]+$/.test(entry)),
    }]));
    const found = selfReference(this.owner, snapshot, blocks, user, dependsOn);
    if (found === undefined) {
      return;
    }
    const [first, ...rest] = found.chain;
    const hint = "Read the stage's name from 'stageName' (a literal) and build URLs from the API's own attributes (its endpoint, its execution ARN)";
    if (first.startsWith('dependsOn of ')) {
      const resource = waiting.find((candidate) => first === `dependsOn of ${addressOf(candidate)}`)!;
      const property = ownedPropertyOf(resource) ?? first.slice('dependsOn of '.length);
      throw invalidProperty(this.owner, `${property}.dependsOn`, resource.dependsOn,
        `dependencies that do not wait for what this construct makes: ${rest.length === 1 ? `it waits for ${rest[0]}` : `it waits for ${rest.join(', which reads ')}`}, `
        + `a resource of this construct that waits for the ${property} (a cycle Terraform refuses)`);
    }
    if (found.item === undefined) {
      const key = first.slice('triggers.'.length);
      throw invalidProperty(this.owner, `triggers.${key}`, this.userTriggers.entries.get(key),
        `a value that does not read what this construct makes: it reads ${rest.join(', which reads ')}, a resource of this construct, `
        + `which the triggers decide (a cycle Terraform refuses). ${hint}`);
    }
    const given = this.extraResources.includes(found.item.construct as TerraformResource);
    throw invalidProperty(this.owner, given ? 'resources' : this.props.apiProperty, given ? found.item.construct : this.props.api?.node.path ?? found.item.construct.node.path,
      `${given ? 'a resource that does not read' : 'an API none of whose resources reads'} what this construct makes: ${first} ('${found.item.construct.node.path}') reads ${rest.join(', which reads ')}, `
      + `a resource of this construct. The deployment waits for the API's resources, so they cannot wait for it (a cycle Terraform refuses). ${hint}`);
  }

  /** Fails on a stage setting for a route or method the API does not serve (when discovery knows them all). */
  private assertServed(snapshot: ApiSnapshot, expressions: CrossStackExpressions, blindSpots: boolean): void {
    const api = snapshot.api;
    const family = this.props.family;
    const unknown = (key: string) => Token.isUnresolved(key) || key.includes('*');
    const pending = this.served.filter(({ key }) => !unknown(key));
    // A blind spot (a module given the API, a route that names it indirectly) may serve what discovery cannot see: it has its own warning.
    if (pending.length === 0 || blindSpots) {
      return;
    }
    const keys = pending.map(({ key }) => JSON.stringify(family.servedKeyAsWritten(key))).join(', ');
    const options = isMetricProperty(pending[0].property) ? 'metrics' : pending[0].property.includes('methodOptions') ? 'methodOptions' : 'routeOptions';
    const refused = 'AWS refuses settings for a route or method that does not exist, when it applies.';
    if (api === undefined || !this.props.autoDiscover) {
      this.warn(`The construct cannot check that the API serves ${keys} (${options}): without discovery it does not know the API's routes and methods `
        + `(give the API construct, or autoDiscover: true with its id). ${refused}`);
      return;
    }
    const served = this.servedBy(api, snapshot, expressions);
    if (served === undefined) {
      // An OpenAPI body Terraform computes (a variable in it, Fn.file), routes made with count or for_each or named by an expression.
      const what = typeof api.config.body === 'string' && api.config.body.includes('${')
        ? 'what its OpenAPI body says, which is known only when Terraform plans'
        : 'routes or methods known only when Terraform plans (made with count or for_each, or named by a Terraform expression)';
      this.warn(`The API ${api.address} serves ${what}: the construct cannot check that it serves ${keys} (${options}); ${refused}`);
      return;
    }
    const error = unservedSettingError(this.owner, family, api.address, served, pending);
    if (error !== undefined) {
      throw error;
    }
  }

  /**
   * What the API serves (route keys, REST method paths), as discovered; undefined where the library cannot know it all.
   * Found once per snapshot: the settings' check and the helpers' both ask.
   */
  private servedBy(api: SnapshotResource, snapshot: ApiSnapshot, expressions: CrossStackExpressions): ReadonlySet<string> | undefined {
    const known = this.servedBySnapshot.get(snapshot);
    if (known !== undefined) {
      return known.served;
    }
    // A resource of another stack reads the API's root resource id, or a resource's id, through that stack's cross-stack expression.
    const ids = new Map<string, string>();
    const read = [{ address: `${api.address}.root_resource_id`, stack: api.stack },
      ...snapshot.resources.filter((item) => item.type === 'aws_api_gateway_resource').map((item) => ({ address: `${item.address}.id`, stack: item.stack }))];
    for (const { stack } of snapshot.stacks) {
      for (const { address, stack: origin } of read.filter((item) => item.stack !== stack)) {
        const expression = expressions.existingIn(stack, address, origin);
        if (expression !== undefined) {
          ids.set(`\${${expression}}`, `\${${address}}`);
        }
      }
    }
    const served = this.props.family.servedKeys(api, snapshot.resources.filter((item) => item !== api), ids);
    this.servedBySnapshot.set(snapshot, { served });
    return served;
  }

  /**
   * Warns of what the construct's helpers were asked for that the API does not serve: an
   * `arnForExecuteApi` that matches no request, a `urlForPath` no route answers (a route renamed since).
   */
  private warnOfUnservedTargets(snapshot: ApiSnapshot, expressions: CrossStackExpressions, blindSpots: boolean): void {
    const targets = helperTargetsOf(this.owner);
    const api = snapshot.api;
    if (api?.config.disable_execute_api_endpoint === true) {
      // The execute-api endpoint answers 403 Forbidden: a URL on it reaches nothing.
      targets.filter((target) => target.call.startsWith('urlForPath')).forEach((target) => this.warn(endpointDisabledWarning(target.call, api.address)));
    }
    if (targets.length === 0 || api === undefined || !this.props.autoDiscover) {
      return;
    }
    const rest = this.props.family.apiType === 'aws_api_gateway_rest_api';
    if (!rest) {
      // Whether the other routes are all known or not (one named indirectly, one of a module), a literal $default route beside others is.
      const keys = snapshot.resources.filter((item) => item.type === 'aws_apigatewayv2_route').map((item) => item.config.route_key);
      missedDefaultRouteWarnings(api.address, keys.includes('$default') && keys.some((key) => key !== '$default'), targets)
        .forEach((warning) => this.warn(warning));
    }
    const served = blindSpots ? undefined : this.servedBy(api, snapshot, expressions);
    if (served !== undefined) {
      unservedTargetWarnings(api.address, served, rest, targets).forEach((warning) => this.warn(warning));
    }
  }

  /** The whole trigger map, from the blocks of the pass cdktf runs, with the user's entries `user`. */
  private compute(home: HomeStackBlocks, user: ReadonlyMap<string, string>): Record<string, string> {
    const { snapshot, expressions } = this.gather(home, 'compute', false);
    const automatic = automaticEntries(this.props.family, snapshot, expressions, {
      digests: true, homeEntries: true, owner: this.owner, apiProperty: this.props.apiProperty,
    });
    return triggerMap(automatic, user, this.owner);
  }

  private gather(home: HomeStackBlocks, depth: SnapshotDepth, preparing: boolean): Gathered {
    const blocks = new BlockSource(this.owner, home, preparing);
    // An API given by the id of an API resource of another stack of the app: with discovery, discovered as the construct would be.
    const elsewhere = this.apiOfAnotherStack(blocks);
    const sources: TriggerSources = {
      api: this.props.api ?? (this.props.autoDiscover ? elsewhere : undefined),
      autoDiscover: this.props.autoDiscover,
      resources: this.extraResources,
      apiIdExpression: this.props.api === undefined && this.props.apiId !== undefined
        ? String(resolveIn(this.owner, this.props.apiId, preparing))
        : undefined,
      apiIdAliases: this.props.api === undefined && this.props.apiId !== undefined ? aliasesIn(blocks.home, this.props.apiId, preparing) : undefined,
      apiElsewhere: this.props.autoDiscover ? undefined : elsewhere,
    };
    const expressions = new CrossStackExpressions(this.owner, preparing, this.crossStackTokens);
    const snapshot = gatherSnapshot(this.props.family, sources, blocks, expressions, depth);
    this.assertDeployedBefore(snapshot);
    waitForStacksOf(snapshot);
    return { snapshot, expressions, blocks };
  }

  /** The API resource of another stack of the app whose `id` the construct's API id is; undefined for any other id. */
  private apiOfAnotherStack(blocks: BlockSource): TerraformResource | undefined {
    const api = this.apiNamedById(blocks);
    return api === undefined || TerraformStack.of(api) === blocks.home ? undefined : api;
  }

  /** The API resource of the app whose `id` the construct's API id is (`httpApiId: api.id`); undefined for any other id. */
  private apiNamedById(blocks: BlockSource): TerraformResource | undefined {
    const named = this.props.api === undefined && this.props.apiId !== undefined
      ? idReferenceOf(apiIdBehind(this.owner, this.props.apiId)) : undefined;
    return named === undefined || named.type !== this.props.family.apiType
      ? undefined : blocks.index.resourceNamed(named.type, named.stack, named.name);
  }

  private warn(warning: string): void {
    warnOnce(this.owner, warning);
  }
}

/** What one trigger computation reads: the API's snapshot, the cross-stack expressions and the blocks it was read from. */
interface Gathered {
  readonly snapshot: ApiSnapshot;
  readonly expressions: CrossStackExpressions;
  readonly blocks: BlockSource;
}


/**
 * The triggers as a token: a plain resolvable, not `Lazy` (which captures a whole stack trace per
 * token: a measurable part of building a deployment construct, at hundreds of them).
 */
class ProducedTriggers implements IResolvable {
  public readonly creationStack: string[] = [];

  constructor(private readonly producer: (context: IResolveContext) => Record<string, string> | undefined) {}

  public resolve(context: IResolveContext): Record<string, string> | undefined {
    return this.producer(context);
  }

  public toString(): string {
    return "the deployment's redeploy triggers";
  }
}

/**
 * The map token `map`, whose entries, read one by one, fail with `error` when they are rendered: a
 * Terraform function given the map (`Fn.jsonencode(triggersInput)`) resolves it, then reads each of its
 * keys from the value it was given (cdktf's TFExpression), which a map token does not have: each entry
 * rendered `undefined`, which terraform validate refused. Read but never rendered, an entry is harmless.
 */
function entriesReadOneByOne(map: { [key: string]: string }, error: () => Error): { [key: string]: string } {
  return new Proxy(map, {
    get(target, key, receiver) {
      if (typeof key !== 'string' || Reflect.has(target, key)) {
        return Reflect.get(target, key, receiver);
      }
      return Token.asString(new ProducedTriggers(() => {
        throw error();
      }));
    },
  });
}

/**
 * Makes the deployment's stack depend on every stack holding resources of the API (a third stack's routes
 * on a shared API): their configuration is hashed here as a literal, which orders nothing, and a deployment
 * made before they exist would be taken without them, with no change left to redeploy on once they do.
 * (A stack that deploys after the deployment's was refused before.)
 */
function waitForStacksOf(snapshot: ApiSnapshot): void {
  for (const stack of new Set(snapshot.resources.map((item) => item.stack))) {
    if (stack !== snapshot.home && !stackDependsOn(snapshot.home, stack)) {
      snapshot.home.addDependency(stack);
    }
  }
}

/** The key of the placeholder entry the triggers token renders until the stack hook completes it. */
const PENDING_TRIGGERS_KEY = '__triggers_pending__';

/** The API types of both families: an API id argument that is the id of one names that API. */
const API_TYPES: ReadonlySet<string> = new Set(['aws_api_gateway_rest_api', 'aws_apigatewayv2_api']);
