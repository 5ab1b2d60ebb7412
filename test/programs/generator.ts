/**
 * The generator: a random program from a seed and an index, composed of the moves real users
 * make (model.ts), biased towards small programs (1 to 3 stacks, a few resources each). Most
 * programs are valid; some make a deliberate mistake (mistakes.ts decides which must be
 * rejected, from the moves alone).
 */
import {
  ApiKind, ApiMove, DeploymentMove, Iteration, MappingMove, Move, NumberValue, Program, READ_ATTRIBUTES, RouteSettingsModel, StageModel, StringValue,
  TriggerValue,
} from './model';
import { Random } from './random';

/** Generates program `index` of the run with `seed`. */
export function generateProgram(seed: number, index: number): Program {
  return { seed, index, moves: new ProgramGenerator(Random.forProgram(seed, index)).generate() };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const PATH_PARTS = ['pets', 'orders', 'users', 'items', 'health', 'carts'];
const HTTP_ROUTES = ['GET /pets', 'POST /orders', 'ANY /items', 'GET /health', '$default', 'PUT /users/{id}'];
const WEBSOCKET_ROUTES = ['$connect', '$default', 'sendmessage', '$disconnect', 'join'];
const STAGE_NAMES = ['prod', 'staging', 'dev', 'beta', 'live'];
const STANDALONE_STAGE_NAMES = ['qa', 'perf', 'preview'];
/** Mapping keys of a domain: one level only for WebSocket APIs. */
const MAPPING_KEYS = { websocket: ['', 'chat', 'v1'], other: ['', 'v1', 'orders/v1', 'v2'] } as const;

/** A stage a mapping can map: a deployment construct's main stage, or a standalone stage. */
interface MappableStage {
  readonly id: string;
  readonly stack: string;
  readonly family: keyof typeof MAPPING_KEYS;
  /** The deployment construct (itself, or the one the standalone stage serves). */
  readonly deployment: DeploymentMove;
}

class ProgramGenerator {
  private readonly moves: Move[] = [];
  private readonly late: Move[] = [];
  private readonly counters = new Map<string, number>();
  private stacks: string[] = [];
  private readonly layouts = new Map<string, { deployStacks: string[]; resourceStacks: string[] }>();
  /** The stacks each stack references (through an API of the other), as planned so far. */
  private readonly edges = new Map<string, Set<string>>();

  constructor(private readonly random: Random) {}

  generate(): Move[] {
    const r = this.random;
    const stackCount = r.weighted([[50, 1], [35, 2], [15, 3]] as const);
    this.stacks = Array.from({ length: stackCount }, () => this.add({ kind: 'stack', id: this.nextId('stack') }).id);
    const apiCount = r.weighted([[70, 1], [22, 2], [8, 3]] as const);
    const apis: ApiMove[] = [];
    for (let i = 0; i < apiCount; i++) {
      apis.push(this.api());
    }
    for (const api of apis) {
      this.planLayout(api);
      this.resourcesOf(api);
    }
    const deployments = apis.flatMap((api) => this.deploymentsOf(api));
    if (r.chance(0.1)) {
      this.add({ kind: 'role', id: this.nextId('role'), in: this.place(r.pick(this.stacks)), roleName: `unrelated-${r.int(100)}` });
    }
    this.extras(apis, deployments);
    const stages = this.standaloneStages(apis, deployments);
    const mappings = this.domainsAndMappings(stages);
    this.crossReads(deployments);
    if (r.chance(0.08)) {
      this.mistake(apis, deployments, stages, mappings);
    }
    return [...this.moves, ...this.late];
  }

  private add<T extends Move>(move: T): T {
    this.moves.push(move);
    return move;
  }

  private nextId(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}${n}`;
  }

  /** A stack's id, or (sometimes) a plain construct inside it holding some constructs. */
  private place(stack: string, nestChance = 0.12): string {
    if (!this.random.chance(nestChance)) {
      return stack;
    }
    const existing = this.moves.find((move) => move.kind === 'scope' && move.in === stack);
    return existing?.id ?? this.add({ kind: 'scope', id: this.nextId('scope'), in: stack }).id;
  }

  private stackOf(id: string): string {
    const move = this.moves.find((candidate) => candidate.id === id)!;
    return move.kind === 'stack' ? move.id : this.stackOf((move as { in: string }).in);
  }

  /**
   * Another stack that may reference `stack` (hold a deployment or resource of an API there)
   * without two stacks needing each other, which no program can deploy; records the reference.
   */
  private stackReferencing(stack: string, except?: string): string | undefined {
    const reaches = (from: string, to: string): boolean => from === to || [...this.edges.get(from) ?? []].some((next) => reaches(next, to));
    const others = this.stacks.filter((candidate) => candidate !== stack && candidate !== except && !reaches(stack, candidate));
    if (others.length === 0) {
      return undefined;
    }
    const chosen = this.random.pick(others);
    this.edges.set(chosen, new Set([...this.edges.get(chosen) ?? [], stack]));
    return chosen;
  }

  private variable(stack: string, type: 'string' | 'number'): string {
    return this.add({ kind: 'variable', id: this.nextId(type === 'string' ? 'text' : 'limit'), in: stack, type, default: type === 'string' ? 'pets.example.com' : 10 }).id;
  }

  private api(): ApiMove {
    const r = this.random;
    const apiKind = r.weighted<ApiKind>([[45, 'rest'], [30, 'http'], [25, 'websocket']]);
    const move: Mutable<ApiMove> = {
      kind: 'api',
      id: this.nextId(apiKind === 'rest' ? 'restApi' : apiKind === 'http' ? 'httpApi' : 'wsApi'),
      in: this.place(r.pick(this.stacks)),
      apiKind,
      title: r.pick(['pets', 'orders', 'chat', 'shop']),
    };
    if (r.chance(0.3)) move.description = 'the API';
    if (r.chance(0.3)) move.tags = { team: 'api' };
    if (r.chance(0.1)) move.disableExecuteApiEndpoint = r.chance(0.5);
    return this.add(move);
  }

  /**
   * Where an API's deployments go (mostly its own stack, else another), and where its resources
   * may go: the API's stack, and, when no deployment is there, the deployments' stacks or a third
   * one (an API split across stacks). Now and then a resource goes to another stack although a
   * deployment is in the API's stack, which the deployment cannot wait for (mistakes.ts: either).
   */
  private planLayout(api: ApiMove): void {
    const r = this.random;
    const home = this.stackOf(api.id);
    const count = r.weighted([[82, 1], [12, 2], [6, 0]] as const);
    const deployStacks = Array.from({ length: count }, () => (r.chance(0.45) ? this.stackReferencing(home) ?? home : home));
    const resourceStacks = [home, ...deployStacks.filter((stack) => stack !== home)];
    if (deployStacks.includes(home) && !r.chance(0.05)) {
      resourceStacks.splice(1);
    } else if (r.chance(0.3)) {
      const third = this.stackReferencing(home);
      if (third !== undefined) resourceStacks.push(third);
    }
    this.layouts.set(api.id, { deployStacks, resourceStacks });
  }

  /** Where an API resource goes: mostly the API's stack, sometimes another (an API split across stacks). */
  private resourcePlace(api: ApiMove): string {
    const home = this.stackOf(api.id);
    const others = this.layouts.get(api.id)!.resourceStacks.filter((stack) => stack !== home);
    const stack = others.length > 0 && this.random.chance(0.3) ? this.random.pick(others) : home;
    return this.place(stack, 0.1);
  }

  private resourcesOf(api: ApiMove): void {
    const r = this.random;
    const count = r.weighted([[55, 1], [35, 2], [10, 3]] as const);
    if (api.apiKind === 'rest') {
      const parts = r.shuffle(PATH_PARTS).slice(0, count);
      for (const pathPart of parts) {
        const resource = this.add({ kind: 'restResource', id: this.nextId('resource'), in: this.resourcePlace(api), api: api.id, pathPart });
        for (const httpMethod of r.shuffle(['GET', 'POST', 'PUT', 'DELETE'] as const).slice(0, r.weighted([[70, 1], [30, 2]] as const))) {
          // In the resource's stack: a method in another stack than its resource could make two stacks depend on each other.
          const place = r.chance(0.85) ? resource.in : this.place(this.stackOf(resource.in), 0.5);
          const method = this.add({
            kind: 'restMethod',
            id: this.nextId('method'),
            in: place,
            api: api.id,
            resource: resource.id,
            httpMethod,
            authorization: r.weighted([[75, 'NONE'], [25, 'AWS_IAM']] as const),
            apiKeyRequired: r.chance(0.15) ? true : undefined,
            apiIdFrom: this.stackOf(place) === this.stackOf(resource.in) && r.chance(0.15) ? resource.id : undefined,
          });
          this.restIntegration(api, method.id, place);
        }
      }
      if (r.chance(0.15)) {
        this.add({ kind: 'restResource', id: this.nextId('resource'), in: this.resourcePlace(api), api: api.id, pathPart: 'each', iterate: this.iteration() });
      }
    } else {
      const keys = r.shuffle(api.apiKind === 'http' ? HTTP_ROUTES : WEBSOCKET_ROUTES).slice(0, count);
      const integrations: Array<{ id: string; in: string }> = [];
      for (const routeKey of keys) {
        const place = this.resourcePlace(api);
        const reuse = integrations.filter((integration) => integration.in === place);
        const target = reuse.length > 0 && r.chance(0.3) ? r.pick(reuse).id : this.v2Integration(api, place);
        if (!integrations.some((integration) => integration.id === target)) {
          integrations.push({ id: target, in: place });
        }
        this.add({
          kind: 'v2Route',
          id: this.nextId('route'),
          in: place,
          api: api.id,
          routeKey,
          target,
          apiKeyRequired: api.apiKind === 'websocket' && r.chance(0.15) ? true : undefined,
          apiIdFrom: r.chance(0.15) ? target : undefined,
        });
      }
      if (r.chance(0.15)) {
        const target = r.pick(integrations);
        this.add({
          kind: 'v2Route',
          id: this.nextId('route'),
          in: target.in,
          api: api.id,
          routeKey: api.apiKind === 'http' ? 'GET /each' : 'each',
          target: target.id,
          iterate: this.iteration(),
        });
      }
    }
    if (r.chance(0.1)) {
      this.aliasedResource(api);
    }
  }

  private restIntegration(api: ApiMove, method: string, place: string): void {
    const r = this.random;
    const type = r.weighted([[50, 'MOCK'], [30, 'HTTP_PROXY'], [20, 'AWS_PROXY']] as const);
    this.add({
      kind: 'restIntegration',
      id: this.nextId('integration'),
      in: place,
      api: api.id,
      method,
      type,
      template: type === 'MOCK' ? '{"statusCode": 200}' : undefined,
      templateFile: type === 'MOCK' && r.chance(0.2) ? true : undefined,
      apiIdFrom: r.chance(0.1) ? method : undefined,
      uri: type === 'HTTP_PROXY' ? `https://${r.pick(['pets', 'orders', 'backend'])}.example.com/` : undefined,
      lambda: type === 'AWS_PROXY' ? this.lambda(this.stackOf(place)) : undefined,
      timeoutMilliseconds: r.chance(0.2) ? 10000 : undefined,
    });
  }

  private v2Integration(api: ApiMove, place: string): string {
    const r = this.random;
    const type = api.apiKind === 'http'
      ? r.weighted([[60, 'HTTP_PROXY'], [40, 'AWS_PROXY']] as const)
      : r.weighted([[60, 'MOCK'], [40, 'AWS_PROXY']] as const);
    return this.add({
      kind: 'v2Integration',
      id: this.nextId('integration'),
      in: place,
      api: api.id,
      type,
      uri: type === 'HTTP_PROXY' ? `https://${r.pick(['pets', 'orders', 'backend'])}.example.com/{proxy}` : undefined,
      template: type === 'MOCK' ? '{"statusCode": 200}' : undefined,
      lambda: type === 'AWS_PROXY' ? this.lambda(this.stackOf(place)) : undefined,
      timeoutMilliseconds: r.chance(0.2) ? 10000 : undefined,
    }).id;
  }

  private lambda(stack: string): string {
    const existing = this.moves.filter((move) => move.kind === 'lambda' && this.stackOf(move.id) === stack);
    if (existing.length > 0 && this.random.chance(0.5)) {
      return this.random.pick(existing).id;
    }
    const id = this.nextId('fn');
    return this.add({
      kind: 'lambda',
      id,
      in: this.place(stack, 0.1),
      functionName: `handler-${id}`,
      code: this.random.chance(0.5) ? 'asset' : 'literal',
      tags: this.random.chance(0.3) ? { team: 'api' } : undefined,
    }).id;
  }

  private iteration(): Iteration {
    return this.random.weighted<Iteration>([
      [35, { kind: 'list', items: this.random.shuffle(['a', 'b', 'c', 'd']).slice(0, 2 + this.random.int(2)) }],
      [25, { kind: 'map', entries: [['first', 'a'], ['second', 'b']] }],
      [15, { kind: 'count', count: 2 }],
      [25, { kind: 'apiMap', keys: ['users', 'teams'] }],
    ]);
  }

  /** An API resource whose API id argument is the API's id wrapped in a local, a function or `coalesce` with a variable. */
  private aliasedResource(api: ApiMove): void {
    const r = this.random;
    const stack = this.stackOf(api.id);
    const via = r.pick(['local', 'lower', 'trimspace', 'coalesce'] as const);
    const alias = this.add({
      kind: 'apiId',
      id: this.nextId('apiId'),
      in: stack,
      api: api.id,
      via,
      variable: via === 'coalesce' ? this.add({ kind: 'variable', id: this.nextId('override'), in: stack, type: 'string', default: '' }).id : undefined,
    });
    if (api.apiKind === 'rest') {
      this.add({ kind: 'restResource', id: this.nextId('resource'), in: stack, api: api.id, apiIdVia: alias.id, pathPart: 'aliased' });
    } else {
      const target = this.v2Integration(api, stack);
      this.add({ kind: 'v2Route', id: this.nextId('route'), in: stack, api: api.id, apiIdVia: alias.id, routeKey: api.apiKind === 'http' ? 'GET /aliased' : 'aliased', target });
    }
  }

  private deploymentsOf(api: ApiMove): DeploymentMove[] {
    const r = this.random;
    const names = r.shuffle(STAGE_NAMES);
    const made: DeploymentMove[] = [];
    for (const [i, stack] of this.layouts.get(api.id)!.deployStacks.entries()) {
      // A second deployment of the API mostly has a stage name of its own; now and then the first's (a mistake).
      const stageName = i > 0 && r.chance(0.2) ? made[0].stageName : api.apiKind === 'http' && i === 0 && r.chance(0.6) ? undefined : names[i];
      made.push(this.deployment(api, stack, stageName));
    }
    return made;
  }

  private deployment(api: ApiMove, stack: string, stageName: string | undefined): DeploymentMove {
    const r = this.random;
    const move: Mutable<DeploymentMove> = {
      kind: 'deployment', id: this.nextId('deployment'), in: this.place(stack, 0.1), api: api.id, stageName, stage: this.stage(api, stack),
    };
    if (api.apiKind !== 'http' && r.chance(0.15)) {
      move.cloudWatchRole = r.chance(0.6);
    }
    if (r.chance(0.25)) {
      const triggers: Record<string, TriggerValue> = {};
      for (const key of r.shuffle(['release', 'config', 'schema']).slice(0, 1 + r.int(2))) {
        triggers[key] = r.weighted<TriggerValue>([
          [50, { kind: 'literal', text: '2026-01-01' }],
          [25, { kind: 'variable', variable: this.variable(stack, 'string') }],
          [25, { kind: 'sha1', text: 'schema v1' }],
        ]);
      }
      move.triggers = triggers;
    }
    this.add(move);
    if (r.chance(0.08)) {
      this.add({ kind: 'addStage', id: this.nextId('stage'), deployment: move.id, stageName: 'canary', stage: this.stage(api, stack) });
    }
    return move;
  }

  private stage(api: ApiMove, stack: string): StageModel {
    const r = this.random;
    const stage: Mutable<StageModel> = {};
    const limit = (value: number): NumberValue => (r.chance(0.15) ? { variable: this.variable(stack, 'number') } : value);
    if (r.chance(0.2)) stage.stageDescription = 'serves the API';
    if (r.chance(0.2)) {
      const backend: StringValue = r.chance(0.65) ? 'pets.example.com' : r.chance(0.85) ? { variable: this.variable(stack, 'string') } : { split: 'a.example.com,b.example.com' };
      stage.variables = { backend };
    }
    if (r.chance(0.15)) stage.tags = { environment: 'test' };
    Object.assign(stage, this.settings(api, limit));
    if (r.chance(0.15)) {
      const real = this.moves.filter((move) => move.kind === (api.apiKind === 'rest' ? 'restMethod' : 'v2Route') && (move as { api: string }).api === api.id);
      const keys: string[] = [];
      for (const move of real) {
        if (move.kind === 'v2Route' && move.iterate === undefined) keys.push(move.routeKey);
        if (move.kind === 'restMethod') {
          const resource = this.moves.find((candidate) => candidate.id === move.resource);
          if (resource?.kind === 'restResource') keys.push(`/${resource.pathPart}/${move.httpMethod}`);
        }
      }
      const key = keys.length > 0 && r.chance(0.75) ? r.pick(keys) : api.apiKind === 'rest' ? '/nope/GET' : api.apiKind === 'http' ? 'GET /nope' : 'nope';
      const settings = this.settings(api, limit, true);
      if (api.apiKind === 'rest') stage.methodOptions = { [key]: settings };
      else stage.routeOptions = { [key]: settings };
    }
    return stage;
  }

  /** Route (v2) or method (REST) settings; `always`: at least one. */
  private settings(api: ApiMove, limit: (value: number) => NumberValue, always = false): RouteSettingsModel {
    const r = this.random;
    const settings: Mutable<RouteSettingsModel> = {};
    if (r.chance(always ? 0.8 : 0.25)) {
      settings.throttlingBurstLimit = limit(100);
      settings.throttlingRateLimit = limit(50);
    } else if (r.chance(0.08)) {
      if (r.chance(0.5)) settings.throttlingBurstLimit = limit(100);
      else settings.throttlingRateLimit = limit(50);
    }
    if (api.apiKind === 'rest') {
      if (r.chance(0.15)) settings.metricsEnabled = true;
      if (r.chance(0.1)) settings.loggingLevel = 'ERROR';
    } else {
      if (r.chance(0.15) || (always && Object.keys(settings).length === 0)) settings.detailedMetricsEnabled = true;
      if (api.apiKind === 'websocket' && r.chance(0.1)) settings.loggingLevel = 'ERROR';
    }
    if (always && Object.keys(settings).length === 0) settings.metricsEnabled = true;
    return settings;
  }

  /** Now and then a stage made on its own for a deployment construct's deployment; every mappable stage. */
  private standaloneStages(apis: ApiMove[], deployments: DeploymentMove[]): MappableStage[] {
    const r = this.random;
    const stages: MappableStage[] = [];
    const familyOf = (deployment: DeploymentMove) => (apis.find((api) => api.id === deployment.api)!.apiKind === 'websocket' ? 'websocket' : 'other');
    const used = new Map<string, number>();
    for (const deployment of deployments) {
      const stack = this.stackOf(deployment.id);
      stages.push({ id: deployment.id, stack, family: familyOf(deployment), deployment });
      if (r.chance(0.1)) {
        const count = used.get(deployment.api) ?? 0;
        used.set(deployment.api, count + 1);
        const api = apis.find((candidate) => candidate.id === deployment.api)!;
        const stage = this.add({
          kind: 'standaloneStage',
          id: this.nextId('soloStage'),
          in: this.place(stack, 0.1),
          deployment: deployment.id,
          stageName: STANDALONE_STAGE_NAMES[count % STANDALONE_STAGE_NAMES.length],
          stage: this.stage(api, stack),
        });
        stages.push({ id: stage.id, stack, family: familyOf(deployment), deployment });
      }
    }
    return stages;
  }

  /**
   * Now and then a custom domain per family (WebSocket, or REST and HTTP) in the stack of one of its
   * stages, mappings of some stages to it (by the domain's resource where the stage's stack may
   * reference the domain's, else by its name), each with a key of its own, and a mapping written by
   * hand beside them.
   */
  private domainsAndMappings(stages: MappableStage[]): MappingMove[] {
    const r = this.random;
    const mappings: MappingMove[] = [];
    for (const family of ['other', 'websocket'] as const) {
      const candidates = stages.filter((stage) => stage.family === family);
      if (candidates.length === 0 || !r.chance(0.25)) {
        continue;
      }
      const home = r.pick(candidates).stack;
      const domain = this.add({ kind: 'domain', id: this.nextId('domain'), in: this.place(home, 0.1), domainName: family === 'websocket' ? 'ws.example.com' : 'api.example.com' });
      const free = r.shuffle([...MAPPING_KEYS[family]]);
      for (const stage of candidates.filter(() => r.chance(0.7))) {
        const key = free.pop();
        if (key === undefined) break;
        const byResource = stage.stack === home ? !r.chance(0.25) : this.mayReference(stage.stack, home) && r.chance(0.7);
        mappings.push(this.add({ kind: 'mapping', id: this.nextId('mapping'), stage: stage.id, domain: domain.id, byName: byResource ? undefined : true, key }));
      }
      const sameStack = candidates.filter((stage) => stage.id === stage.deployment.id && stage.stack === home);
      const key = free.pop();
      if (sameStack.length > 0 && key !== undefined && r.chance(0.3)) {
        this.add({ kind: 'handMapping', id: this.nextId('handMapping'), in: this.place(home, 0.1), deployment: r.pick(sameStack).id, domain: domain.id, key });
      }
    }
    return mappings;
  }

  /** Now and then an attribute of a deployment construct read into an output of another stack. */
  private crossReads(deployments: DeploymentMove[]): void {
    for (const deployment of deployments) {
      const other = this.random.chance(0.2) ? this.stackReferencing(this.stackOf(deployment.id)) : undefined;
      if (other !== undefined) {
        this.add({ kind: 'crossRead', id: this.nextId('read'), in: other, deployment: deployment.id, attribute: this.random.pick([...READ_ATTRIBUTES]) });
      }
    }
  }

  /** Whether stack `from` may reference stack `to` without two stacks needing each other; records the reference. */
  private mayReference(from: string, to: string): boolean {
    const reaches = (a: string, b: string): boolean => a === b || [...this.edges.get(a) ?? []].some((next) => reaches(next, b));
    if (reaches(to, from)) {
      return false;
    }
    this.edges.set(from, new Set([...this.edges.get(from) ?? [], to]));
    return true;
  }

  /** Modules, overrides, setters, aspects and escape hatches, each now and then. */
  private extras(apis: ApiMove[], deployments: DeploymentMove[]): void {
    const r = this.random;
    for (const api of apis) {
      if (r.chance(0.06)) {
        this.add({ kind: 'module', id: this.nextId('module'), in: this.stackOf(api.id), api: api.id });
      }
    }
    const integrations = this.moves.filter((move) => move.kind === 'restIntegration' || move.kind === 'v2Integration');
    const methods = this.moves.filter((move) => move.kind === 'restMethod');
    if (r.chance(0.15)) {
      this.override(apis, integrations, methods);
    }
    if (r.chance(0.1) && (integrations.length > 0 || methods.length > 0)) {
      this.late.push(this.setter(integrations, methods));
    }
    if (r.chance(0.15) && integrations.length > 0) {
      this.add({ kind: 'aspect', id: this.nextId('aspect'), target: r.pick(integrations).id, timeoutMilliseconds: 7000 });
    }
    for (const deployment of deployments) {
      if (r.chance(0.3)) {
        const id = this.nextId('hatch');
        this.late.push(r.weighted<Move>([
          [35, { kind: 'escapeHatch', id, deployment: deployment.id, hatch: 'overrideTrigger', key: 'pinned', value: 'v1' }],
          [25, { kind: 'escapeHatch', id, deployment: deployment.id, hatch: 'setTriggers', entries: { release: 'r1' } }],
          [20, { kind: 'escapeHatch', id, deployment: deployment.id, hatch: 'output' }],
          [20, { kind: 'escapeHatch', id, deployment: deployment.id, hatch: 'local' }],
          [10, { kind: 'escapeHatch', id, deployment: deployment.id, hatch: 'lifecycle', on: 'deployment', how: 'assign' }],
          [10, { kind: 'escapeHatch', id, deployment: deployment.id, hatch: 'lifecycle', on: 'stage', how: 'assign' }],
          [10, { kind: 'escapeHatch', id, deployment: deployment.id, hatch: 'lifecycle', on: r.chance(0.5) ? 'deployment' : 'stage', how: 'override' }],
        ]));
      }
    }
  }

  private override(apis: ApiMove[], integrations: Move[], methods: Move[]): void {
    const r = this.random;
    const choices: Array<[number, () => Move]> = [
      [30, () => ({ kind: 'override', id: this.nextId('override'), target: r.pick(apis).id, path: 'tags.owner', value: 'team-a' })],
    ];
    if (integrations.length > 0) {
      choices.push([40, () => ({ kind: 'override', id: this.nextId('override'), target: r.pick(integrations).id, path: 'timeout_milliseconds', value: 12000 })]);
    }
    if (methods.length > 0) {
      choices.push([30, () => ({ kind: 'override', id: this.nextId('override'), target: r.pick(methods).id, path: 'api_key_required', value: true })]);
    }
    const restIntegrations = integrations.filter((move) => move.kind === 'restIntegration');
    if (restIntegrations.length > 0) {
      // A dynamic block: its iterator (`tls_config.value`) is no object of the configuration.
      choices.push([40, () => ({ kind: 'override', id: this.nextId('override'), target: r.pick(restIntegrations).id, path: 'dynamic.tls_config', value: tlsConfig('api.example.com') })]);
    }
    this.add(r.weighted(choices)());
  }

  private setter(integrations: Move[], methods: Move[]): Move {
    const r = this.random;
    const id = this.nextId('setter');
    if (methods.length > 0 && (integrations.length === 0 || r.chance(0.4))) {
      const method = r.pick(methods);
      return { kind: 'setter', id, target: method.id, property: 'apiKeyRequired', value: (method as { apiKeyRequired?: boolean }).apiKeyRequired ? undefined : true };
    }
    const integration = r.pick(integrations);
    const timeout = (integration as { timeoutMilliseconds?: number }).timeoutMilliseconds;
    return { kind: 'setter', id, target: integration.id, property: 'timeoutMilliseconds', value: timeout !== undefined && r.chance(0.5) ? undefined : 15000 };
  }

  /** One deliberate mistake the library must reject. */
  private mistake(apis: ApiMove[], deployments: DeploymentMove[], stages: MappableStage[], mappings: MappingMove[]): void {
    const r = this.random;
    const withRole = apis.filter((api) => api.apiKind !== 'http');
    const kind = r.pick(['cloudWatchRole', 'stageAcrossStacks', 'collision', 'badStageName', 'mappingKeyTwice', 'keyAfter', 'mixedDomain'] as const);
    if (kind === 'mappingKeyTwice' && mappings.length > 0) {
      const first = r.pick(mappings);
      this.add({ ...first, id: this.nextId('mapping'), stage: r.pick(stages.filter((stage) => stage.family === familyOfMapping(first, stages))).id, byName: true });
    } else if (kind === 'keyAfter' && mappings.length > 0) {
      const mapping = r.pick(mappings) as Mutable<MappingMove>;
      mapping.keyAfter = mapping.key === 'v1' ? 'v9' : 'v1';
    } else if (kind === 'mixedDomain' && mappings.length > 0) {
      const first = r.pick(mappings);
      const family = familyOfMapping(first, stages);
      const others = stages.filter((stage) => stage.family !== family);
      if (others.length > 0) {
        this.add({ kind: 'mapping', id: this.nextId('mapping'), stage: r.pick(others).id, domain: first.domain, byName: true, key: 'mixed' });
      }
    } else if (kind === 'cloudWatchRole' && withRole.length > 0) {
      const api = r.pick(withRole);
      const first = deployments.find((move) => move.api === api.id) ?? this.deployment(api, this.stackOf(api.id), 'prod');
      (first as Mutable<DeploymentMove>).cloudWatchRole = true;
      const second = r.pick(withRole);
      const stack = this.stackReferencing(this.stackOf(second.id), this.stackOf(first.id)) ?? this.stackOf(second.id);
      (this.deployment(second, stack, 'ops') as Mutable<DeploymentMove>).cloudWatchRole = true;
    } else if (kind === 'stageAcrossStacks' && deployments.length > 0) {
      const first = r.pick(deployments);
      const api = apis.find((candidate) => candidate.id === first.api)!;
      const stack = this.stackReferencing(this.stackOf(api.id), this.stackOf(first.id))
        ?? (this.stackOf(first.id) !== this.stackOf(api.id) ? this.stackOf(api.id) : undefined);
      if (stack !== undefined) this.deployment(api, stack, first.stageName);
    } else if (kind === 'collision' && deployments.length > 0) {
      (r.pick(deployments) as Mutable<DeploymentMove>).collidingTrigger = 'mine';
    } else if (deployments.length > 0) {
      (r.pick(deployments) as Mutable<DeploymentMove>).stageName = 'my stage';
    }
  }
}

function familyOfMapping(mapping: MappingMove, stages: MappableStage[]): MappableStage['family'] {
  return stages.find((stage) => stage.id === mapping.stage)!.family;
}

/** A dynamic `tls_config` block over a map with one server name, its content reading the iterator. */
export function tlsConfig(serverName: string): Record<string, unknown> {
  return { for_each: { server: serverName }, content: { insecure_skip_verification: '${tls_config.value == ""}' } };
}
