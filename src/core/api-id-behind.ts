import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { AppIndex } from './app-index';
import { camelCase } from './case';
import { heldByLocal } from './locals';
import { referenceOf } from './resolve';

/**
 * A reference to the API id argument of an API Gateway resource or data source: `${aws_apigatewayv2_route.r.api_id}`,
 * `${data.aws_apigatewayv2_api.a.api_id}`.
 */
const API_ID_ARGUMENT = /^(data\.)?(aws_api_?gateway\w*)\.([\w-]+)\.(api_id|rest_api_id)$/;

/**
 * The API id `value` stands for, as the checks compare it: through local values, and through the API
 * id argument of another API Gateway resource of the app that it reads (`route.apiId`,
 * `method.restApiId`), to the value that resource was given (`api.id`); `value` itself otherwise.
 * Discovery follows such ids; the checks of a construct's API id follow them too.
 *
 * @param whileMaking while constructs are being made (the app's listings would be made again for each):
 * only a resource or data source made directly in its stack is followed, found by its name
 */
export function apiIdBehind(scope: IConstruct, value: string, whileMaking = false, depth = 0): string {
  const held = heldByLocal(value) ?? value;
  const reference = referenceOf(held);
  const parts = reference === undefined ? null : API_ID_ARGUMENT.exec(reference.identifier);
  if (parts === null || depth > 16) {
    return held;
  }
  const [, data, type, name, argument] = parts;
  const element = whileMaking ? childNamed(reference!.stack, name)
    : AppIndex.of(scope).elementNamed(data !== undefined, type, reference!.stack, name);
  const input = (element as unknown as Record<string, unknown> | undefined)?.[`${camelCase(argument)}Input`];
  return typeof input === 'string' ? apiIdBehind(scope, input, whileMaking, depth + 1) : held;
}

/** An element made directly in `stack` whose name (friendly unique id) is its construct id. */
function childNamed(stack: TerraformStack, name: string): IConstruct | undefined {
  const child = stack.node.tryFindChild(name) as { friendlyUniqueId?: unknown } | undefined;
  return child?.friendlyUniqueId === name ? child as unknown as IConstruct : undefined;
}
