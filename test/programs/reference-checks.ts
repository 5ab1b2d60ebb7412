/**
 * Checks 14 and 15 (checks.ts): what the synthesized output of a valid program must say about
 * custom domain mappings and standalone stages, and about a construct's attributes read in another stack.
 */
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { AnyDeployment } from './builder';
import { Failure } from './checks';
import { DomainMove, Program, moveById } from './model';
import { quote } from './printer';
import { Synthesis } from './synth';
import { blockOf, stackNameOf } from './synthesized';
import { StageBase } from '../../src';
import { resolveIn } from '../../src/core/resolve';

/** Check 14: each mapping maps its stage by the stage's resource, with its key and domain; each mapped or standalone stage keeps create_before_destroy and serves its deployment. */
export function mappingChecks(program: Program, synthesis: Synthesis): Failure[] {
  const failures: Failure[] = [];
  const construct = <T>(id: string) => synthesis.built!.constructs.get(id) as T;
  const fail = (kind: string, message: string, repro: string) => failures.push({ check: 'mappings', kind, message, repro });
  for (const move of program.moves) {
    if (move.kind === 'standaloneStage') {
      const stage = construct<StageBase & { stage: IConstruct }>(move.id).stage;
      const found = blockOf(synthesis, stage);
      const deployment = blockOf(synthesis, construct<AnyDeployment>(move.deployment).deployment);
      if (found === undefined || deployment === undefined) {
        fail('a standalone stage is missing', `no stage resource ${stage.node.path}`, `expect(synth().stacks[${quote(stackNameOf(stage))}].resource).toBeDefined();`);
        continue;
      }
      const at = `synth().stacks[${quote(stackNameOf(stage))}].resource[${quote(found.type)}][${quote(found.name)}]`;
      if (found.block.lifecycle?.create_before_destroy !== true) {
        fail(`a standalone ${found.type} without create_before_destroy`, `${found.type}.${found.name} has lifecycle ${JSON.stringify(found.block.lifecycle)}`,
          `expect(${at}.lifecycle).toMatchObject({ create_before_destroy: true });`);
      }
      const served = `\${${deployment.type}.${deployment.name}.id}`;
      if (stackNameOf(stage) === stackNameOf(construct<AnyDeployment>(move.deployment).deployment) && found.block.deployment_id !== served) {
        fail('a standalone stage does not serve the deployment it was given', `${found.type}.${found.name}.deployment_id is ${JSON.stringify(found.block.deployment_id)}, expected ${served}`,
          `expect(${at}.deployment_id).toBe(${quote(served)});`);
      }
    }
    if (move.kind !== 'mapping') {
      continue;
    }
    const mapping = construct<IConstruct>(move.id);
    const found = blockOf(synthesis, mapping);
    const target = construct<AnyDeployment | (StageBase & { stage: IConstruct })>(move.stage);
    const stage = blockOf(synthesis, target instanceof StageBase && 'stage' in target ? target.stage : (target as AnyDeployment).deploymentStage.stage);
    if (found === undefined || stage === undefined) {
      fail('a mapping or its stage is missing', `no mapping ${mapping.node.path} or no stage of ${target.node.path}`, `expect(synth().stacks[${quote(stackNameOf(mapping))}].resource.aws_apigatewayv2_api_mapping).toBeDefined();`);
      continue;
    }
    const at = `synth().stacks[${quote(stackNameOf(mapping))}].resource.aws_apigatewayv2_api_mapping[${quote(found.name)}]`;
    const stageName = `\${${stage.type}.${stage.name}.${stage.type === 'aws_api_gateway_stage' ? 'stage_name' : 'name'}}`;
    const expected: Record<string, unknown> = { api_mapping_key: move.key === '' ? undefined : move.key, stage: stageName };
    if (move.byName) {
      expected.domain_name = (moveById(program, move.domain) as DomainMove).domainName;
    }
    for (const [attribute, value] of Object.entries(expected)) {
      if (found.block[attribute] !== value) {
        fail(`a mapping's ${attribute} is not what the call gave`, `${found.type}.${found.name}.${attribute} is ${JSON.stringify(found.block[attribute])}, expected ${JSON.stringify(value)}`,
          `expect(${at}.${attribute}).toBe(${value === undefined ? 'undefined' : quote(String(value))});`);
      }
    }
    if (!move.byName && !/^\$\{(aws_apigatewayv2_domain_name\.[^.]+|data\.terraform_remote_state\.[^}]+)\.domain_name\}$|^\$\{data\.terraform_remote_state\./.test(String(found.block.domain_name))) {
      fail("a mapping does not name the domain resource's name", `${found.type}.${found.name}.domain_name is ${JSON.stringify(found.block.domain_name)}`,
        `expect(${at}.domain_name).toMatch(/domain_name/);`);
    }
    if (stage.block.lifecycle?.create_before_destroy !== true) {
      fail(`a mapped ${stage.type} without create_before_destroy`, `${stage.type}.${stage.name} has lifecycle ${JSON.stringify(stage.block.lifecycle)}: renaming it fails while mapped`,
        `expect(synth().stacks[${quote(stackNameOf(target))}].resource[${quote(stage.type)}][${quote(stage.name)}].lifecycle).toMatchObject({ create_before_destroy: true });`);
    }
  }
  return failures;
}

/**
 * Check 15: an attribute of a deployment construct read in another stack is the whole value it has
 * in the construct's stack, through an output of that stack (cdktf's cross-stack reference).
 */
export function crossReadChecks(program: Program, synthesis: Synthesis): Failure[] {
  const failures: Failure[] = [];
  const construct = <T>(id: string) => synthesis.built!.constructs.get(id) as T;
  for (const move of program.moves) {
    if (move.kind !== 'crossRead') {
      continue;
    }
    const deployment = construct<AnyDeployment>(move.deployment);
    const reader = construct<IConstruct & { friendlyUniqueId: string }>(move.id);
    const home = TerraformStack.of(deployment);
    const raw = move.attribute === 'triggersInput' ? (deployment.deployment as unknown as { triggersInput: unknown }).triggersInput : deployment[move.attribute];
    // The triggers' whole value in another stack is the resource's attribute (in its own stack, the map the construct computed).
    const made = blockOf(synthesis, deployment.deployment);
    const inHome = JSON.stringify(move.attribute === 'triggersInput' && made !== undefined ? `\${${made.type}.${made.name}.triggers}` : resolveIn(home, raw, false));
    const read = synthesis.json[stackNameOf(reader)]?.output?.[reader.friendlyUniqueId]?.value;
    const remote = /^\$\{data\.terraform_remote_state\.[^.]+\.outputs\.([^}]+)\}$/.exec(String(read));
    const exported = remote === null ? read : synthesis.json[home.node.path]?.output?.[remote[1]]?.value;
    if (JSON.stringify(exported) !== inHome) {
      failures.push({
        check: 'crossReads',
        kind: `${move.attribute} read in another stack is not its whole value`,
        message: `${reader.node.path} reads ${JSON.stringify(read)?.slice(0, 200)}, which is ${JSON.stringify(exported)?.slice(0, 300)} in ${home.node.path}; there ${move.attribute} is ${inHome.slice(0, 300)}`,
        repro: `const { stacks } = synth();\nexpect(stacks[${quote(stackNameOf(reader))}].output[${quote(reader.friendlyUniqueId)}].value).toMatch(/terraform_remote_state/);`,
      });
    }
  }
  return failures;
}
