/**
 * Mutations for the trigger oracle: one random change to a valid program, with what it must do
 * to the deployments' triggers. A change to a deployed argument of an API resource changes
 * exactly that resource's entry (in every deployment of its API); a change to a user trigger
 * changes exactly that entry; anything else (tags, names, stage options, unrelated resources,
 * creation order, the order of a `TerraformIterator.fromList` list) changes no entry.
 */
import { tlsConfig } from './generator';
import { Move, Program, READ_ATTRIBUTES, StageModel, dependenciesOf } from './model';
import { Random } from './random';

/** What a mutation must do to the triggers. */
export type MutationEffect =
  /** Exactly the entry of this move's resource changes, in each deployment of its API. */
  | { readonly kind: 'entry'; readonly move: string }
  /** Exactly this user entry of this deployment changes. */
  | { readonly kind: 'user'; readonly deployment: string; readonly key: string }
  /** No entry of any deployment changes. */
  | { readonly kind: 'none' };

/** One change to a program. */
export interface Mutation {
  /** What changes, for the failure message. */
  readonly description: string;
  /** Sets a field of a move (`to` replaces the whole field), or recreates the moves in another order (move ids). */
  readonly change: { readonly kind: 'set'; readonly move: string; readonly key: string; readonly to: unknown } | { readonly kind: 'order'; readonly order: readonly string[] };
  readonly effect: MutationEffect;
}

/** The program with the mutation applied; undefined when its move is gone (after shrinking). */
export function applyMutation(program: Program, mutation: Mutation): Program | undefined {
  const change = mutation.change;
  if (change.kind === 'order') {
    const byId = new Map(program.moves.map((move) => [move.id, move]));
    const ordered = change.order.filter((id) => byId.has(id)).map((id) => byId.get(id)!);
    const rest = program.moves.filter((move) => !change.order.includes(move.id));
    return { ...program, moves: [...ordered, ...rest] };
  }
  if (!program.moves.some((move) => move.id === change.move)) {
    return undefined;
  }
  return {
    ...program,
    moves: program.moves.map((move) => (move.id === change.move ? { ...move, [change.key]: change.to } as Move : move)),
  };
}

/** A random mutation of `program`, or undefined when it offers none. */
export function pickMutation(program: Program, random: Random): Mutation | undefined {
  const all = candidateMutations(program, random);
  if (all.length === 0) {
    return undefined;
  }
  const kind = random.weighted<MutationEffect['kind']>([[45, 'entry'], [45, 'none'], [10, 'user']]);
  const preferred = all.filter((mutation) => mutation.effect.kind === kind);
  // Rarer moves (aspects, setters, overrides, iterators, the creation order) are tried more often than their share.
  return random.weighted((preferred.length > 0 ? preferred : all).map((mutation) => [weightOf(program, mutation), mutation] as const));
}

function weightOf(program: Program, mutation: Mutation): number {
  if (mutation.change.kind === 'order') {
    return 4;
  }
  const { move, key } = mutation.change;
  const kind = program.moves.find((candidate) => candidate.id === move)?.kind;
  return kind === 'aspect' || key === 'iterate' ? 10 : kind === 'setter' || kind === 'override' ? 4 : 1;
}

/** Every mutation the oracle may try on `program` (the order mutation drawn from `random`). */
export function candidateMutations(program: Program, random: Random): Mutation[] {
  const found: Mutation[] = [];
  const set = (move: Move, key: string, to: unknown, effect: MutationEffect, what: string) =>
    found.push({ description: `${move.id}.${key}: ${what}`, change: { kind: 'set', move: move.id, key, to }, effect });
  const entry = (move: Move): MutationEffect => ({ kind: 'entry', move: move.id });
  const none: MutationEffect = { kind: 'none' };
  const others = otherSources(program);
  const settingKeys = settingKeysInStages(program);

  for (const move of program.moves) {
    switch (move.kind) {
      case 'api':
        set(move, 'title', `${move.title}-renamed`, none, `the API's name ${JSON.stringify(move.title)} -> "${move.title}-renamed"`);
        set(move, 'tags', { ...move.tags, cost: 'centre-1' }, none, 'a tag added');
        if (move.apiKind === 'rest') set(move, 'description', 'another description', none, 'the description changed');
        if (!others.has(`${move.id}/disable_execute_api_endpoint`)) {
          set(move, 'disableExecuteApiEndpoint', !move.disableExecuteApiEndpoint, entry(move), `disableExecuteApiEndpoint -> ${!move.disableExecuteApiEndpoint}`);
        }
        break;
      case 'lambda':
        set(move, 'tags', { version: '2' }, none, "the function's tags changed");
        set(move, 'functionName', `${move.functionName}-v2`, none, "the function's name changed (its reference entry is an expression)");
        break;
      case 'role':
        set(move, 'roleName', `${move.roleName}-renamed`, none, 'an unrelated role renamed');
        break;
      case 'restResource':
        if (move.iterate !== undefined) {
          iterationMutations(move, set, entry(move));
        } else if (!settingKeys.has(move.api)) {
          set(move, 'pathPart', `${move.pathPart}v2`, entry(move), `pathPart -> "${move.pathPart}v2"`);
        }
        break;
      case 'restMethod':
        set(move, 'authorization', move.authorization === 'NONE' ? 'AWS_IAM' : 'NONE', entry(move), 'authorization flipped');
        if (!others.has(`${move.id}/api_key_required`)) {
          set(move, 'apiKeyRequired', move.apiKeyRequired ? undefined : true, entry(move), `apiKeyRequired -> ${move.apiKeyRequired ? 'unset' : 'true'}`);
        }
        break;
      case 'restIntegration':
      case 'v2Integration':
        // A template read from a file at plan time changes no JSON (its .files entry hashes the file when Terraform plans).
        if (move.template !== undefined && !('templateFile' in move && move.templateFile)) set(move, 'template', '{"statusCode": 201}', entry(move), 'the request template changed');
        if (move.uri !== undefined) set(move, 'uri', move.uri.replace('https://', 'https://changed-'), entry(move), 'the backend URL changed');
        if (!others.has(`${move.id}/timeout_milliseconds`)) {
          set(move, 'timeoutMilliseconds', move.timeoutMilliseconds === 20000 ? 21000 : 20000, entry(move), 'timeoutMilliseconds changed');
        }
        break;
      case 'v2Route':
        if (move.iterate !== undefined) {
          iterationMutations(move, set, entry(move));
        } else if (!settingKeys.has(move.api)) {
          const routeKey = move.routeKey.startsWith('$') || !move.routeKey.includes(' ') ? `changed_${move.id}` : `GET /changed/${move.id}`;
          set(move, 'routeKey', routeKey, entry(move), `routeKey -> "${routeKey}"`);
        }
        for (const other of program.moves.slice(0, program.moves.indexOf(move))) {
          if (other.kind === 'v2Integration' && other.api === move.api && other.id !== move.target && other.in === move.in) {
            set(move, 'target', other.id, entry(move), `target -> ${other.id}`);
            break;
          }
        }
        break;
      case 'deployment':
        for (const stage of stageMutations(move.stage)) set(move, 'stage', stage.to, none, stage.what);
        if (!program.moves.some((other) => other.kind === 'escapeHatch' && other.deployment === move.id && other.hatch === 'setTriggers')) {
          for (const [key, value] of Object.entries(move.triggers ?? {})) {
            if (value.kind !== 'variable') {
              set(move, 'triggers', { ...move.triggers, [key]: { ...value, text: `${value.text}-2` } }, { kind: 'user', deployment: move.id, key }, `the user trigger ${key} changed`);
            }
          }
        }
        break;
      case 'addStage':
        for (const stage of stageMutations(move.stage)) set(move, 'stage', stage.to, none, `added stage: ${stage.what}`);
        break;
      case 'standaloneStage':
        for (const stage of stageMutations(move.stage)) set(move, 'stage', stage.to, none, `standalone stage: ${stage.what}`);
        break;
      case 'domain':
        set(move, 'domainName', `new-${move.domainName}`, none, 'the custom domain renamed');
        break;
      case 'mapping':
      case 'handMapping': {
        const used = program.moves.filter((other) => (other.kind === 'mapping' || other.kind === 'handMapping') && other.domain === move.domain);
        const key = ['v7', 'v8'].find((candidate) => !used.some((other) => other.kind !== 'domain' && 'key' in other && other.key === candidate));
        if (key !== undefined) set(move, 'key', key, none, `${move.kind === 'mapping' ? 'the mapping' : 'the hand-written mapping'}'s key -> "${key}"`);
        break;
      }
      case 'crossRead': {
        const attribute = READ_ATTRIBUTES.find((candidate) => candidate !== move.attribute)!;
        set(move, 'attribute', attribute, none, `the attribute read in another stack -> ${attribute}`);
        break;
      }
      case 'escapeHatch':
        if (move.hatch === 'overrideTrigger' && !program.moves.some((other) => other.kind === 'escapeHatch' && other.deployment === move.deployment && other.hatch === 'setTriggers')) {
          set(move, 'value', `${move.value}-2`, { kind: 'user', deployment: move.deployment, key: move.key }, `addOverride('triggers.${move.key}') value changed`);
        }
        if (move.hatch === 'setTriggers') {
          set(move, 'entries', { ...move.entries, release: `${move.entries.release}-2` }, { kind: 'user', deployment: move.deployment, key: 'release' }, 'the triggers setter value changed');
        }
        break;
      case 'override':
        if (move.path.startsWith('tags.')) {
          set(move, 'value', `${String(move.value)}-2`, none, `override ${move.path} changed`);
        } else if (move.path.startsWith('dynamic.')) {
          set(move, 'value', tlsConfig('other.example.com'), entry(targetOf(program, move.target)), `override ${move.path}: another server name`);
        } else if (soleSource(program, move.target, move.path)) {
          set(move, 'value', typeof move.value === 'number' ? move.value + 1000 : !move.value, entry(targetOf(program, move.target)), `override ${move.path} changed`);
        }
        break;
      case 'setter':
        if (soleSource(program, move.target, attributeOfProperty(move.property))) {
          const to = move.property === 'apiKeyRequired' ? (move.value === undefined ? true : undefined) : move.value === undefined ? 15000 : (move.value as number) + 1000;
          set(move, 'value', to, entry(targetOf(program, move.target)), `setter ${move.property} ${move.value === undefined ? 'reset' : 'set'} -> ${to === undefined ? 'reset' : JSON.stringify(to)}`);
        }
        break;
      case 'aspect':
        if (soleSource(program, move.target, 'timeout_milliseconds')) {
          set(move, 'timeoutMilliseconds', move.timeoutMilliseconds + 1000, entry(targetOf(program, move.target)), 'the aspect sets another timeout');
        }
        break;
      default:
        break;
    }
  }
  const order = shuffledOrder(program, random);
  if (order !== undefined) {
    found.push({ description: 'the same moves made in another order', change: { kind: 'order', order }, effect: none });
  }
  return found;
}

function targetOf(program: Program, id: string): Move {
  return program.moves.find((move) => move.id === id)!;
}

function attributeOfProperty(property: string): string {
  return property === 'apiKeyRequired' ? 'api_key_required' : 'timeout_milliseconds';
}

/**
 * `<move>/<attribute>` for each attribute that an override, setter or aspect sets: a mutation of
 * the model's own value is masked there (the later setting wins).
 */
function otherSources(program: Program): Set<string> {
  const found = new Set<string>();
  for (const move of program.moves) {
    if (move.kind === 'override') found.add(`${move.target}/${move.path}`);
    if (move.kind === 'setter') found.add(`${move.target}/${attributeOfProperty(move.property)}`);
    if (move.kind === 'aspect') found.add(`${move.target}/timeout_milliseconds`);
  }
  return found;
}

/** Whether exactly one override, setter or aspect sets `attribute` of `target`. */
function soleSource(program: Program, target: string, attribute: string): boolean {
  return program.moves.filter((move) => (move.kind === 'override' && move.target === target && move.path === attribute)
    || (move.kind === 'setter' && move.target === target && attributeOfProperty(move.property) === attribute)
    || (move.kind === 'aspect' && move.target === target && attribute === 'timeout_milliseconds')).length === 1;
}

/** The APIs some stage of which has route or method options (their keys must stay real). */
function settingKeysInStages(program: Program): Set<string> {
  const found = new Set<string>();
  for (const move of program.moves) {
    const stage = move.kind === 'deployment' || move.kind === 'addStage' || move.kind === 'standaloneStage' ? move.stage : undefined;
    if (stage && (stage.routeOptions || stage.methodOptions)) {
      const deployment = move.kind === 'deployment' ? move : program.moves.find((other) => other.id === (move as { deployment: string }).deployment);
      found.add((deployment as { api: string }).api);
    }
  }
  return found;
}

function iterationMutations(
  move: Extract<Move, { iterate?: unknown }>,
  set: (move: Move, key: string, to: unknown, effect: MutationEffect, what: string) => void,
  entry: MutationEffect,
): void {
  const iteration = move.iterate!;
  if (iteration.kind === 'list') {
    set(move, 'iterate', { ...iteration, items: [...iteration.items].reverse() }, { kind: 'none' }, `TerraformIterator.fromList(${JSON.stringify(iteration.items)}) reordered`);
    set(move, 'iterate', { ...iteration, items: [...iteration.items.slice(1), 'z'] }, entry, 'an item of the fromList list replaced');
  } else if (iteration.kind === 'map') {
    set(move, 'iterate', { ...iteration, entries: [...iteration.entries].reverse() }, { kind: 'none' }, 'TerraformIterator.fromMap entries written in another order');
    set(move, 'iterate', { ...iteration, entries: iteration.entries.map(([key, value], i) => [key, i === 0 ? `${value}z` : value]) }, entry, 'a value of the fromMap map changed');
  } else if (iteration.kind === 'count') {
    set(move, 'iterate', { ...iteration, count: iteration.count + 1 }, entry, 'count + 1');
  } else {
    set(move, 'iterate', { ...iteration, keys: [...iteration.keys, 'admins'] }, entry, 'a key added to the map of API ids');
  }
}

/** Changes of stage options (none of which redeploys), each keeping which settings are given. */
function stageMutations(stage: StageModel): Array<{ to: StageModel; what: string }> {
  const found: Array<{ to: StageModel; what: string }> = [
    { to: { ...stage, stageDescription: `${stage.stageDescription ?? 'a stage'} (changed)` }, what: 'stage description changed' },
    { to: { ...stage, tags: { ...stage.tags, owner: 'ops' } }, what: 'stage tag added' },
  ];
  if (typeof stage.throttlingBurstLimit === 'number' && typeof stage.throttlingRateLimit === 'number') {
    found.push({ to: { ...stage, throttlingBurstLimit: stage.throttlingBurstLimit + 7, throttlingRateLimit: stage.throttlingRateLimit + 3 }, what: 'throttling limits changed' });
  }
  if (stage.variables && typeof stage.variables.backend === 'string') {
    found.push({ to: { ...stage, variables: { ...stage.variables, backend: 'other.example.com' } }, what: 'a stage variable changed' });
  }
  if (stage.detailedMetricsEnabled !== undefined) {
    found.push({ to: { ...stage, detailedMetricsEnabled: !stage.detailedMetricsEnabled }, what: 'detailedMetricsEnabled flipped' });
  }
  return found;
}

/**
 * A random creation order that keeps every move after the moves it names, and keeps the order of
 * moves acting on the same target (escape hatches of one deployment, overrides and setters of one
 * resource), whose order is part of what they mean; undefined when it equals the original.
 */
function shuffledOrder(program: Program, random: Random): string[] | undefined {
  const waitsFor = new Map<string, Set<string>>(program.moves.map((move) => [move.id, new Set(dependenciesOf(move))]));
  const lastOnTarget = new Map<string, string>();
  for (const move of program.moves) {
    const target = move.kind === 'escapeHatch' ? move.deployment : move.kind === 'override' || move.kind === 'setter' ? move.target : undefined;
    if (target !== undefined) {
      const previous = lastOnTarget.get(target);
      if (previous !== undefined) waitsFor.get(move.id)!.add(previous);
      lastOnTarget.set(target, move.id);
    }
  }
  const done = new Set<string>();
  const order: string[] = [];
  while (order.length < program.moves.length) {
    const ready = program.moves.filter((move) => !done.has(move.id) && [...waitsFor.get(move.id)!].every((id) => done.has(id)));
    const next = random.pick(ready);
    done.add(next.id);
    order.push(next.id);
  }
  return order.every((id, i) => id === program.moves[i].id) ? undefined : order;
}
