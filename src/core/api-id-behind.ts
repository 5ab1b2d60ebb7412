import { IConstruct } from 'constructs';
import { AppIndex } from './app-index';
import { camelCase } from './case';
import { heldByLocal } from './locals';
import { referenceOf } from './resolve';

/** A reference to the API id argument of an API Gateway resource: `${aws_apigatewayv2_route.r.api_id}`. */
const API_ID_ARGUMENT = /^(aws_api_?gateway\w*)\.([\w-]+)\.(api_id|rest_api_id)$/;

/**
 * The API id `value` stands for, as the checks compare it: through local values, and through the API
 * id argument of another API Gateway resource of the app that it reads (`route.apiId`,
 * `method.restApiId`), to the value that resource was given (`api.id`); `value` itself otherwise.
 * Discovery follows such ids; the checks of a construct's API id follow them too.
 */
export function apiIdBehind(scope: IConstruct, value: string, depth = 0): string {
  const held = heldByLocal(value) ?? value;
  const reference = referenceOf(held);
  const parts = reference === undefined ? null : API_ID_ARGUMENT.exec(reference.identifier);
  if (parts === null || depth > 16) {
    return held;
  }
  const resource = AppIndex.of(scope).resourceNamed(parts[1], reference!.stack, parts[2]);
  const input = (resource as unknown as Record<string, unknown> | undefined)?.[`${camelCase(parts[3])}Input`];
  return typeof input === 'string' ? apiIdBehind(scope, input, depth + 1) : held;
}
