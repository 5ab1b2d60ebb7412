/**
 * Checks 7 to 12 (checks.ts): what the synthesized output of a valid program must say about
 * each deployment's triggers, read from the JSON and the program's constructs.
 */
import { TerraformResource, TerraformStack } from 'cdktf';
import { AnyDeployment, addressOf, triggerKeyIn } from './builder';
import { Failure } from './checks';
import { DeploymentMove, Program, isApiResourceMove } from './model';
import { quote } from './printer';
import { crossReadChecks, mappingChecks } from './reference-checks';
import { Synthesis } from './synth';
import { blockOf, stackDependencies, stackNameOf, triggersOf, v2RouteSettings } from './synthesized';

/** Reproduction expression: every warning of the app `app`. */
const ALL_WARNINGS = '[RestApiDeployment, HttpApiDeployment, WebSocketApiDeployment].flatMap((kind) => kind.warningsOf(app))';

/** Checks 7 to 12 of a synthesized valid program; `warnings` are those `warningsOf` gave for it. */
export function outputChecks(program: Program, synthesis: Synthesis, warnings: readonly string[]): Failure[] {
  const failures: Failure[] = [];
  const construct = <T>(id: string) => synthesis.built!.constructs.get(id) as T;
  const deployments = program.moves.filter((move): move is DeploymentMove => move.kind === 'deployment');
  const triggers = new Map<string, Record<string, string>>();
  for (const move of deployments) {
    const found = triggersOf(synthesis, construct<AnyDeployment>(move.id));
    if (found === undefined) {
      const path = construct<AnyDeployment>(move.id).deployment.node.path;
      failures.push({
        check: 'userEntries',
        kind: 'the deployment resource is missing',
        message: `no deployment resource ${path} in the synthesized JSON`,
        repro: `expect(triggersOf(synth().stacks, ${quote(path)})).toBeDefined();`,
      });
    } else {
      triggers.set(move.id, found);
    }
  }
  for (const move of deployments.filter((candidate) => triggers.has(candidate.id))) {
    failures.push(...deploymentChecks(program, synthesis, move, triggers.get(move.id)!, warnings));
  }
  failures.push(...consistencyCheck(synthesis, deployments, triggers));
  failures.push(...deployments.flatMap((move) => guaranteeCheck(synthesis, construct<AnyDeployment>(move.id))));
  failures.push(...routeSettingsCheck(synthesis));
  failures.push(...mappingChecks(program, synthesis), ...crossReadChecks(program, synthesis));
  return failures;
}

/** Checks 7, 9 and 10 of one deployment. */
function deploymentChecks(
  program: Program,
  synthesis: Synthesis,
  move: DeploymentMove,
  entries: Record<string, string>,
  warnings: readonly string[],
): Failure[] {
  const failures: Failure[] = [];
  const construct = <T>(id: string) => synthesis.built!.constructs.get(id) as T;
  const deployment = construct<AnyDeployment>(move.id);
  const home = TerraformStack.of(deployment);
  const where = `deployment ${deployment.node.path}`;
  const at = quote(deployment.deployment.node.path);

  // 7. user triggers and escape hatches land as written; the API's own entry is there
  const uniqueId = (id: string) => construct<{ friendlyUniqueId: string }>(id).friendlyUniqueId;
  for (const [key, value] of Object.entries(expectedUserEntries(program, move, uniqueId))) {
    if (entries[key] !== value) {
      failures.push({
        check: 'userEntries',
        kind: `a user entry (${userEntryKind(program, move, key)}) is not written as given`,
        message: `${where}: triggers[${JSON.stringify(key)}] is ${JSON.stringify(entries[key])}, expected ${JSON.stringify(value)}`,
        repro: `expect(triggersOf(synth().stacks, ${at})[${quote(key)}]).toBe(${quote(value)});`,
      });
    }
  }
  for (const hatch of program.moves) {
    if (hatch.kind === 'escapeHatch' && hatch.deployment === move.id && (hatch.hatch === 'output' || hatch.hatch === 'local')) {
      const name = construct<{ friendlyUniqueId: string }>(hatch.id).friendlyUniqueId;
      const json = synthesis.json[home.node.path];
      const read = hatch.hatch === 'output' ? json.output?.[name]?.value : json.locals?.[name];
      if (JSON.stringify(read) !== JSON.stringify(entries)) {
        failures.push({
          check: 'userEntries',
          kind: `triggersInput read into a Terraform${hatch.hatch === 'output' ? 'Output' : 'Local'} differs from the triggers`,
          message: `${where}: ${hatch.hatch} ${name} is ${JSON.stringify(read)?.slice(0, 300)}, the deployment's triggers are ${JSON.stringify(entries).slice(0, 300)}`,
          repro: `const { stacks } = synth();\nexpect(stacks[${quote(home.node.path)}]${hatch.hatch === 'output' ? `.output[${quote(name)}].value` : `.locals[${quote(name)}]`}).toEqual(triggersOf(stacks, ${at}));`,
        });
      }
    }
  }
  const api = construct<TerraformResource>(move.api);
  if (!(triggerKeyIn(home, api) in entries)) {
    failures.push({
      check: 'userEntries',
      kind: "the API's own entry is missing",
      message: `${where}: no entry ${JSON.stringify(triggerKeyIn(home, api))}`,
      repro: `expect(triggersOf(synth().stacks, ${at})).toHaveProperty([${quote(triggerKeyIn(home, api))}]);`,
    });
  }

  // 9. deploy order: every stack whose resources the triggers read is deployed first
  const dependencies = stackDependencies(synthesis.manifest, home.node.path);
  for (const stack of new Set(Object.keys(entries).filter((key) => key.includes('/')).map((key) => key.split('/')[0]))) {
    if (!dependencies.has(stack)) {
      failures.push({
        check: 'deployOrder',
        kind: "the deployment's stack does not depend on a stack its triggers read",
        message: `${where} (stack ${home.node.path}) has entries of stack ${stack} (${Object.keys(entries).filter((key) => key.startsWith(`${stack}/`)).join(', ')}) `
          + `but does not depend on it (manifest dependencies: ${[...dependencies].join(', ') || 'none'}): cdktf may deploy it before them`,
        repro: `expect(dependsOn(synth().manifest, ${quote(home.node.path)})).toContain(${quote(stack)});`,
      });
    }
  }

  // 10. coverage: each resource and module of the API has an entry or a warning
  const named = (text: string) => warnings.some((warning) => warning.includes(text));
  for (const other of program.moves) {
    if ((isApiResourceMove(other) && other.api === move.api) || other.id === move.api) {
      const resource = construct<TerraformResource>(other.id);
      const key = triggerKeyIn(home, resource);
      if (!(key in entries) && !named(addressOf(resource))) {
        const alias = isApiResourceMove(other) && other.apiIdVia ? program.moves.find((candidate) => candidate.id === other.apiIdVia) : undefined;
        const via = alias?.kind === 'apiId' ? alias.via : undefined;
        failures.push({
          check: 'coverage',
          kind: via ? `an API resource whose API id is wrapped (${via}) is neither discovered nor warned about` : 'an API resource is neither discovered nor warned about',
          message: `${where}: no entry ${JSON.stringify(key)} and no warning naming ${addressOf(resource)}${via ? ` (its API id argument is the API's id through ${via})` : ''}`,
          repro: [
            'const { app, stacks } = synth();',
            `const warnings = ${ALL_WARNINGS};`,
            '// an entry for the resource, or a warning that names it',
            `expect(${quote(key)} in triggersOf(stacks, ${at}) || warnings.some((warning) => warning.includes(${quote(addressOf(resource))}))).toBe(true);`,
          ].join('\n'),
        });
      }
      if (other.kind === 'restIntegration' && other.templateFile && key in entries) {
        const inHome = !key.includes('/');
        if (inHome ? !(`${key}.files` in entries) : !warnings.some((warning) => warning.includes(addressOf(resource)) && warning.includes('reads files'))) {
          failures.push({
            check: 'files',
            kind: inHome ? 'a template read with Fn.file has no .files entry' : 'a template read with Fn.file in another stack is not warned about',
            message: `${where}: ${inHome ? `no entry ${JSON.stringify(`${key}.files`)}` : `no warning that ${addressOf(resource)} reads files`}`,
            repro: inHome
              ? `expect(triggersOf(synth().stacks, ${at})).toHaveProperty([${quote(`${key}.files`)}]);`
              : `const { app } = synth();\nexpect(${ALL_WARNINGS}).toContainEqual(expect.stringContaining(${quote(addressOf(resource))}));`,
          });
        }
      }
      const lambda = (other.kind === 'restIntegration' || other.kind === 'v2Integration') && other.lambda ? construct<TerraformResource>(other.lambda) : undefined;
      if (lambda && key in entries && TerraformStack.of(lambda) === TerraformStack.of(resource) && !(triggerKeyIn(home, lambda) in entries)) {
        failures.push({
          check: 'coverage',
          kind: 'a Lambda function an integration references has no entry',
          message: `${where}: ${key} references ${addressOf(lambda)}, but there is no entry ${JSON.stringify(triggerKeyIn(home, lambda))}`,
          repro: `expect(triggersOf(synth().stacks, ${at})).toHaveProperty([${quote(triggerKeyIn(home, lambda))}]);`,
        });
      }
    }
    if (other.kind === 'module' && other.api === move.api) {
      const address = `module.${construct<{ friendlyUniqueId: string }>(other.id).friendlyUniqueId}`;
      if (!named(address)) {
        failures.push({
          check: 'coverage',
          kind: 'a module given the API id is not warned about',
          message: `${where}: no warning names ${address}, which gets the API's id`,
          repro: `const { app } = synth();\nexpect(${ALL_WARNINGS}).toContainEqual(expect.stringContaining(${quote(address)}));`,
        });
      }
    }
  }
  return failures;
}

/** Check 11: a resource's digest is the same in every deployment of its API. */
function consistencyCheck(synthesis: Synthesis, deployments: DeploymentMove[], triggers: Map<string, Record<string, string>>): Failure[] {
  const failures: Failure[] = [];
  const digests = new Map<string, { value: string; path: string; key: string }>();
  for (const move of deployments.filter((candidate) => triggers.has(candidate.id))) {
    const deployment = synthesis.built!.constructs.get(move.id) as AnyDeployment;
    const home = stackNameOf(deployment);
    const path = deployment.deployment.node.path;
    for (const [key, value] of Object.entries(triggers.get(move.id)!)) {
      if (!/^[0-9a-f]{32}$/.test(value) || !/^([^/]+\/)?aws_/.test(key)) {
        continue;
      }
      const resource = key.includes('/') ? key : `${home}/${key}`;
      const other = digests.get(`${move.api} ${resource}`);
      if (other !== undefined && other.value !== value) {
        failures.push({
          check: 'consistency',
          kind: 'one resource has different digests in two deployments of its API',
          message: `${resource}: ${other.value} in ${other.path} (key ${other.key}), ${value} in ${path} (key ${key})`,
          repro: `const { stacks } = synth();\nexpect(triggersOf(stacks, ${quote(path)})[${quote(key)}]).toBe(triggersOf(stacks, ${quote(other.path)})[${quote(other.key)}]);`,
        });
      }
      digests.set(`${move.api} ${resource}`, { value, path, key });
    }
  }
  return failures;
}

/** Check 12: the deployment and the main stage keep create_before_destroy (whatever lifecycle the user gave them), and the stage serves the deployment. */
function guaranteeCheck(synthesis: Synthesis, deployment: AnyDeployment): Failure[] {
  const failures: Failure[] = [];
  const made = blockOf(synthesis, deployment.deployment);
  const stage = blockOf(synthesis, deployment.deploymentStage.stage);
  if (made === undefined || stage === undefined) {
    return failures;
  }
  for (const { type, name, block } of [made, stage]) {
    if (block.lifecycle?.create_before_destroy !== true) {
      failures.push({
        check: 'guarantees',
        kind: `${type} without create_before_destroy`,
        message: `${stackNameOf(deployment)}: ${type}.${name} has lifecycle ${JSON.stringify(block.lifecycle)}: a redeploy or a rename would destroy it first`,
        repro: `expect(synth().stacks[${quote(stackNameOf(deployment))}].resource[${quote(type)}][${quote(name)}].lifecycle).toMatchObject({ create_before_destroy: true });`,
      });
    }
  }
  const served = `\${${made.type}.${made.name}.id}`;
  if (stage.block.deployment_id !== served) {
    failures.push({
      check: 'guarantees',
      kind: "the main stage does not serve the construct's deployment",
      message: `${stackNameOf(deployment)}: ${stage.type}.${stage.name}.deployment_id is ${JSON.stringify(stage.block.deployment_id)}, expected ${served}`,
      repro: `expect(synth().stacks[${quote(stackNameOf(deployment))}].resource[${quote(stage.type)}][${quote(stage.name)}].deployment_id).toBe(${quote(served)});`,
    });
  }
  return failures;
}

/** Check 8: every v2 route settings block has both throttling limits. */
function routeSettingsCheck(synthesis: Synthesis): Failure[] {
  const failures: Failure[] = [];
  for (const { stack, stage, routeKey, settings } of v2RouteSettings(synthesis)) {
    const missing = ['throttling_burst_limit', 'throttling_rate_limit'].filter((name) => settings[name] === undefined);
    if (missing.length > 0) {
      const block = routeKey === undefined ? 'default_route_settings' : `route_settings["${routeKey}"]`;
      const read = routeKey === undefined ? '.default_route_settings' : `.route_settings.find((settings: any) => settings.route_key === ${quote(routeKey)})`;
      failures.push({
        check: 'routeSettings',
        kind: `a route settings block without ${missing.join(' and ')}`,
        message: `${stack}: aws_apigatewayv2_stage.${stage}.${block} is ${JSON.stringify(settings)}: without ${missing.join(' and ')} the provider sends 0, which throttles every request`,
        repro: `expect(synth().stacks[${quote(stack)}].resource.aws_apigatewayv2_stage[${quote(stage)}]${read})\n  .toMatchObject({ throttling_burst_limit: expect.anything(), throttling_rate_limit: expect.anything() });`,
      });
    }
  }
  return failures;
}

/** The user entries a deployment's triggers must hold, as they are written in its stack. */
function expectedUserEntries(program: Program, move: DeploymentMove, uniqueId: (id: string) => string): Record<string, string> {
  const expected: Record<string, string> = {};
  for (const [key, value] of Object.entries(move.triggers ?? {})) {
    expected[key] = value.kind === 'literal' ? value.text : value.kind === 'sha1' ? `\${sha1("${value.text}")}` : `\${var.${uniqueId(value.variable)}}`;
  }
  for (const hatch of program.moves) {
    if (hatch.kind === 'escapeHatch' && hatch.deployment === move.id && hatch.hatch === 'overrideTrigger') {
      expected[hatch.key] = hatch.value;
    } else if (hatch.kind === 'escapeHatch' && hatch.deployment === move.id && hatch.hatch === 'setTriggers') {
      // The setter replaces the user's entries (the automatic ones stay).
      Object.keys(expected).forEach((key) => delete expected[key]);
      Object.assign(expected, hatch.entries);
    }
  }
  return expected;
}

function userEntryKind(program: Program, move: DeploymentMove, key: string): string {
  const hatch = [...program.moves].reverse().find((other) => other.kind === 'escapeHatch' && other.deployment === move.id
    && (other.hatch === 'setTriggers' ? key in other.entries : other.hatch === 'overrideTrigger' && other.key === key));
  if (hatch?.kind === 'escapeHatch') {
    return hatch.hatch === 'setTriggers' ? 'the deployment.triggers setter' : "deployment.addOverride('triggers.<key>')";
  }
  const value = move.triggers?.[key];
  return value === undefined ? 'unknown' : value.kind === 'literal' ? 'a literal' : value.kind === 'sha1' ? 'Fn.sha1(...)' : "a variable's stringValue";
}
