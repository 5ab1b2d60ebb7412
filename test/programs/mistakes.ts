/**
 * Which outcome a program must have, derived from its moves (so it stays right when a move is
 * dropped while shrinking): a program with a *mistake* must be rejected with the library's error
 * naming the property; a program with an *either* move (something AWS may refuse at apply time
 * and the library may or may not catch at synth) may synthesize or be rejected; any other program
 * must synthesize.
 */
import {
  ApiMove, DeploymentMove, MappingMove, Program, RouteSettingsModel, StageModel, apiOf, dependenciesOf, deploymentsOf, isApiResourceMove, moveById,
  stackIdOf,
} from './model';

/** A mistake the program makes: why, and a word the error's property must contain. */
export interface Mistake {
  /** The kind of mistake, the same for every program that makes it. */
  readonly label: string;
  readonly description: string;
  /** The error names a property containing one of these (`stageName`, `addStage(`, ...). */
  readonly properties: readonly string[];
}

/** A move the library may reject or accept: its kind, and the details. */
export interface Either {
  readonly label: string;
  readonly description: string;
}

/** What the oracle accepts as the outcome of synthesizing a program. */
export interface ExpectedOutcome {
  /** Non-empty: the program must be rejected. */
  readonly mistakes: readonly Mistake[];
  /** Non-empty (and no mistake): rejection is accepted too; why. */
  readonly either: readonly Either[];
}

/** Stage names API Gateway accepts (the library's check). */
const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

/** The default main stage name of a deployment construct of an API of this kind. */
export function defaultStageName(api: ApiMove): string {
  return api.apiKind === 'http' ? '$default' : 'prod';
}

/** The expected outcome of `program`. */
export function expectedOutcome(program: Program): ExpectedOutcome {
  const mistakes: Mistake[] = [];
  const either: Either[] = [];
  const deployments = program.moves.filter((move): move is DeploymentMove => move.kind === 'deployment');

  const roles = deployments.filter((move) => move.cloudWatchRole === true);
  if (roles.length >= 2) {
    mistakes.push({
      label: 'two cloudWatchRole: true in one app',
      description: `${roles.length} deployments with cloudWatchRole: true in one app (${roles.map((move) => move.id).join(', ')}): one account setting per region`,
      properties: ['cloudWatchRole'],
    });
  }
  for (const api of program.moves.filter((move): move is ApiMove => move.kind === 'api')) {
    const seen = new Map<string, string>();
    for (const deployment of deploymentsOf(program, api.id)) {
      const names = [
        deployment.stageName ?? defaultStageName(api),
        ...addedStages(program, deployment.id).map((stage) => stage.stageName),
        ...standaloneStages(program, deployment.id).map((stage) => stage.stageName),
      ];
      for (const name of names) {
        const other = seen.get(name);
        if (other !== undefined) {
          const across = stackIdOf(program, other) !== stackIdOf(program, deployment.id);
          mistakes.push({
            label: `one stage name used twice for one API ${across ? 'across stacks' : 'in one stack'}`,
            description: `stage name "${name}" used twice for API ${api.id} (${other}, ${deployment.id})`,
            properties: ['stageName', 'addStage('],
          });
        }
        seen.set(name, deployment.id);
        if (!STAGE_NAME.test(name) && !(api.apiKind === 'http' && name === '$default')) {
          mistakes.push({ label: 'an invalid stage name', description: `stage name ${JSON.stringify(name)} of ${deployment.id} is not a valid stage name`, properties: ['stageName', 'addStage('] });
        }
      }
    }
  }
  for (const deployment of deployments) {
    // Setting the deployment's `triggers` whole replaces the user's entries, the colliding one with them.
    const replaced = program.moves.some((move) => move.kind === 'escapeHatch' && move.deployment === deployment.id && move.hatch === 'setTriggers');
    if (deployment.collidingTrigger !== undefined && !replaced) {
      mistakes.push({ label: "a user trigger keyed like the API's own entry", description: `${deployment.id} has a user trigger keyed like the API's own entry`, properties: ['triggers'] });
    }
    const api = apiOf(program, deployment)!;
    const stagesOfDeployment = [deployment.stage, ...addedStages(program, deployment.id), ...standaloneStages(program, deployment.id)]
      .map((stage) => ('stage' in stage ? stage.stage : stage));
    for (const stage of stagesOfDeployment) {
      if (Object.values(stage.variables ?? {}).some((value) => typeof value === 'object' && 'split' in value)) {
        mistakes.push({ label: 'a list as a stage variable', description: `a stage of ${deployment.id} has a stage variable that is a list (split(...))`, properties: ['variables'] });
      }
    }
    either.push(...resourcesDeployedLater(program, deployment));
    const others = [...addedStages(program, deployment.id), ...standaloneStages(program, deployment.id)];
    const stages = [deployment.stage, ...others.map((stage) => stage.stage)];
    for (const stage of stages) {
      either.push(...eitherOfStage(program, api, deployment, stage));
    }
  }
  mistakes.push(...mappingMistakes(program));
  return { mistakes, either: either.filter((item, i) => either.findIndex((other) => other.description === item.description) === i) };
}

function standaloneStages(program: Program, deploymentId: string) {
  return program.moves.filter((move): move is Extract<typeof move, { kind: 'standaloneStage' }> => move.kind === 'standaloneStage' && move.deployment === deploymentId);
}

/**
 * The library's mappings that AWS would refuse together (a key twice on a domain, a WebSocket API
 * beside a REST or HTTP API on one domain), or whose key is changed on the mapping after the call.
 */
function mappingMistakes(program: Program): Mistake[] {
  const mistakes: Mistake[] = [];
  const mappings = program.moves.filter((move): move is MappingMove => move.kind === 'mapping');
  const kindOf = (mapping: MappingMove) => {
    const stage = moveById(program, mapping.stage);
    const deployment = stage.kind === 'standaloneStage' ? moveById(program, stage.deployment) : stage;
    return apiOf(program, deployment)!.apiKind;
  };
  for (const [i, mapping] of mappings.entries()) {
    if (mapping.keyAfter !== undefined) {
      mistakes.push({ label: "a mapping's key changed after the call", description: `${mapping.id}: apiMappingKey set to "${mapping.keyAfter}" on the returned mapping`, properties: ['apiMappingKey'] });
    }
    for (const other of mappings.slice(0, i).filter((candidate) => candidate.domain === mapping.domain)) {
      if (other.key === mapping.key) {
        mistakes.push({ label: 'one mapping key twice on a domain', description: `${other.id} and ${mapping.id} both map key "${mapping.key}" of ${mapping.domain}`, properties: ['addApiMapping'] });
      }
      if ((kindOf(other) === 'websocket') !== (kindOf(mapping) === 'websocket')) {
        mistakes.push({ label: 'a WebSocket API beside a REST or HTTP API on one domain', description: `${other.id} and ${mapping.id} map APIs of two kinds on ${mapping.domain}`, properties: ['addApiMapping'] });
      }
    }
  }
  return mistakes;
}

function addedStages(program: Program, deploymentId: string) {
  return program.moves.filter((move): move is Extract<typeof move, { kind: 'addStage' }> => move.kind === 'addStage' && move.deployment === deploymentId);
}

/**
 * The API's resources in a stack that depends on the deployment's stack (an API resource in
 * another stack while the deployment is in the API's stack): the deployment would have to wait
 * for a stack that waits for it.
 */
function resourcesDeployedLater(program: Program, deployment: DeploymentMove): Either[] {
  const home = stackIdOf(program, deployment.id);
  const dependsOn = stackGraph(program);
  const reaches = (from: string, seen = new Set<string>()): boolean => from === home
    || [...dependsOn.get(from) ?? []].some((next) => !seen.has(next) && (seen.add(next), reaches(next, seen)));
  return program.moves
    .filter((move) => isApiResourceMove(move) && move.api === deployment.api)
    .filter((move) => stackIdOf(program, move.id) !== home && reaches(stackIdOf(program, move.id)))
    .map((move) => ({
      label: "an API resource in a stack that depends on the deployment's stack",
      description: `${move.id} is in stack ${stackIdOf(program, move.id)}, which depends on the stack of ${deployment.id} (${home})`,
    }));
}

/** For each stack, the stacks its moves reference. */
export function stackGraph(program: Program): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const move of program.moves) {
    if (!('in' in move) || move.kind === 'scope') {
      continue;
    }
    const from = stackIdOf(program, move.id);
    for (const dependency of dependenciesOf(move).filter((id) => id !== move.in)) {
      const dependencyMove = moveById(program, dependency);
      if ('in' in dependencyMove) {
        const to = stackIdOf(program, dependency);
        if (to !== from) {
          graph.set(from, new Set([...graph.get(from) ?? [], to]));
        }
      }
    }
  }
  return graph;
}

/** The route keys (HTTP, WebSocket) or method paths (REST) the program gives the API literally. */
export function realSettingKeys(program: Program, apiId: string): Set<string> {
  const keys = new Set<string>();
  for (const move of program.moves) {
    if (move.kind === 'v2Route' && move.api === apiId && move.iterate === undefined) {
      keys.add(move.routeKey);
    }
    if (move.kind === 'restMethod' && move.api === apiId) {
      const resource = moveById(program, move.resource);
      if (resource.kind === 'restResource' && resource.iterate === undefined) {
        keys.add(`/${resource.pathPart}/${move.httpMethod}`);
      }
    }
  }
  return keys;
}

function eitherOfStage(program: Program, api: ApiMove, deployment: DeploymentMove, stage: StageModel): Either[] {
  const found: Either[] = [];
  const real = realSettingKeys(program, api.id);
  const perKey = api.apiKind === 'rest' ? stage.methodOptions : stage.routeOptions;
  for (const key of Object.keys(perKey ?? {})) {
    if (!real.has(key)) {
      const property = api.apiKind === 'rest' ? 'methodOptions' : 'routeOptions';
      found.push({ label: `${property} for a key the API does not have`, description: `${deployment.id}: ${property} for "${key}", which the API does not have` });
    }
  }
  if (api.apiKind !== 'rest') {
    const incomplete = (settings: RouteSettingsModel) => Object.values(settings).some((value) => value !== undefined)
      && (settings.throttlingBurstLimit === undefined || settings.throttlingRateLimit === undefined);
    const wide = routeSettingsOf(stage);
    if (incomplete(wide) || Object.values(stage.routeOptions ?? {}).some((options) => incomplete({ ...wide, ...routeSettingsOf(options) }))) {
      found.push({ label: 'route settings without both throttling limits', description: `${deployment.id}: route settings without both throttling limits` });
    }
  }
  return found;
}

function routeSettingsOf(settings: RouteSettingsModel): RouteSettingsModel {
  const { throttlingBurstLimit, throttlingRateLimit, detailedMetricsEnabled, loggingLevel } = settings;
  return Object.fromEntries(Object.entries({ throttlingBurstLimit, throttlingRateLimit, detailedMetricsEnabled, loggingLevel })
    .filter(([, value]) => value !== undefined));
}
