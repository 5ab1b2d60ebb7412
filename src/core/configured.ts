import { TerraformResource, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { camelCase } from './case';

/** An element's or a stack's escape-hatch overrides (`addOverride`) as cdktf keeps them; undefined when it has none. */
export function rawOverridesOf(element: IConstruct): Record<string, any> | undefined {
  return (element as unknown as { rawOverrides?: Record<string, any> }).rawOverrides;
}

/**
 * What Terraform gets for one top-level argument of a resource as written: an override of it on its stack
 * (merged last), else on the resource, else the value its constructor or a setter gave (`<argument>Input`).
 * `argument` is Terraform's name (`stage_name`).
 */
export function configuredArgument(resource: TerraformResource, argument: string): unknown {
  const onStack = rawOverridesOf(TerraformStack.of(resource))?.resource?.[resource.terraformResourceType]?.[resource.friendlyUniqueId]?.[argument];
  return onStack ?? rawOverridesOf(resource)?.[argument] ?? (resource as unknown as Record<string, unknown>)[`${camelCase(argument)}Input`];
}

/** The meta-argument that makes a resource several instances (given or overridden); undefined for a single one. */
export function repetitionOf(resource: TerraformResource): 'count' | 'for_each' | undefined {
  const overrides = rawOverridesOf(resource);
  return resource.count !== undefined || overrides?.count !== undefined ? 'count'
    : resource.forEach !== undefined || overrides?.for_each !== undefined ? 'for_each' : undefined;
}
