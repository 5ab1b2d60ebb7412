/** Questions asked of a synthesized program: deployments' triggers, stages, stack dependencies. */
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { AnyDeployment } from './builder';
import { Synthesis } from './synth';

const DEPLOYMENT_TYPES = ['aws_api_gateway_deployment', 'aws_apigatewayv2_deployment'];

/** Every resource block of a stack's JSON, with its type and name. */
export function resourceBlocks(json: any): Array<{ type: string; name: string; block: any }> {
  return Object.entries<Record<string, any>>(json?.resource ?? {})
    .flatMap(([type, byName]) => Object.entries(byName).map(([name, block]) => ({ type, name, block })));
}

/** The stack name (top-level stack id) of a construct. */
export function stackNameOf(construct: IConstruct): string {
  return TerraformStack.of(construct).node.path;
}

/** The synthesized `triggers` of the main deployment resource of a deployment construct; undefined when it is not there. */
export function triggersOf(synthesis: Synthesis, deployment: AnyDeployment): Record<string, string> | undefined {
  const json = synthesis.json[stackNameOf(deployment)];
  const path = deployment.deployment.node.path;
  const found = resourceBlocks(json).find(({ type, block }) => DEPLOYMENT_TYPES.includes(type) && block['//']?.metadata?.path === path);
  return found === undefined ? undefined : found.block.triggers ?? {};
}

/** The keys whose values differ between two trigger maps (added, removed or changed), sorted. */
export function changedKeys(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => before[key] !== after[key]).sort();
}

/** The stacks `stack` depends on, directly or not, from `manifest.json`. */
export function stackDependencies(manifest: any, stack: string): Set<string> {
  const found = new Set<string>();
  const visit = (name: string) => {
    for (const dependency of manifest?.stacks?.[name]?.dependencies ?? []) {
      if (!found.has(dependency)) {
        found.add(dependency);
        visit(dependency);
      }
    }
  };
  visit(stack);
  return found;
}

/** One route settings block of an `aws_apigatewayv2_stage`: where it is, and what it sets. */
export interface RouteSettingsBlock {
  readonly stack: string;
  readonly stage: string;
  /** The route key of a `route_settings` entry; undefined for `default_route_settings`. */
  readonly routeKey?: string;
  readonly settings: Record<string, unknown>;
}

/** Each `route_settings` and `default_route_settings` block of the API Gateway v2 stages of all stacks. */
export function v2RouteSettings(synthesis: Synthesis): RouteSettingsBlock[] {
  const found: RouteSettingsBlock[] = [];
  for (const [stack, json] of Object.entries(synthesis.json)) {
    for (const { type, name, block } of resourceBlocks(json)) {
      if (type !== 'aws_apigatewayv2_stage') {
        continue;
      }
      for (const settings of [block.default_route_settings].flat().filter((candidate) => candidate !== undefined)) {
        found.push({ stack, stage: name, settings });
      }
      for (const settings of [block.route_settings ?? []].flat()) {
        found.push({ stack, stage: name, routeKey: settings.route_key, settings });
      }
    }
  }
  return found;
}

/** The synthesized block of a construct's resource (found by its path); undefined when it is not there. */
export function blockOf(synthesis: Synthesis, resource: IConstruct): { type: string; name: string; block: any } | undefined {
  const path = resource.node.path;
  return resourceBlocks(synthesis.json[stackNameOf(resource)]).find(({ block }) => block['//']?.metadata?.path === path);
}
