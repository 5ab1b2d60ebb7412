/**
 * Terraform resource types whose changes AWS only serves after a new deployment
 * ("Updates to REST APIs that require redeployment"). Stage-level resources
 * (`aws_api_gateway_stage`, `aws_api_gateway_method_settings`) are deliberately absent:
 * UpdateStage applies them without a deployment.
 */
export const REDEPLOY_RESOURCE_TYPES: ReadonlySet<string> = new Set([
  'aws_api_gateway_resource',
  'aws_api_gateway_method',
  'aws_api_gateway_method_response',
  'aws_api_gateway_integration',
  'aws_api_gateway_integration_response',
  'aws_api_gateway_model',
  'aws_api_gateway_authorizer',
  'aws_api_gateway_request_validator',
  'aws_api_gateway_gateway_response',
  'aws_api_gateway_rest_api_policy',
  'aws_api_gateway_documentation_part',
  'aws_api_gateway_documentation_version',
  'aws_api_gateway_rest_api_put',
]);

/**
 * The attribute the `references` entry reads to order the deployment after a resource:
 * `id`, except for types whose schema has none (`aws_api_gateway_rest_api_put` is a
 * plugin-framework resource without an `id`; `terraform validate` refuses `.id` on it).
 */
export function orderingAttributeOf(type: string): string {
  return type === REST_API_PUT_TYPE ? 'rest_api_id' : 'id';
}

export const REST_API_TYPE = 'aws_api_gateway_rest_api';
export const METHOD_TYPE = 'aws_api_gateway_method';
export const INTEGRATION_TYPE = 'aws_api_gateway_integration';
export const REST_API_PUT_TYPE = 'aws_api_gateway_rest_api_put';

/**
 * Configuration keys that never change what is deployed: Terraform meta-arguments that
 * only steer Terraform itself, tags, and cdktf's `//` metadata. `count` and `for_each`
 * are not here: they decide which resources exist.
 */
export const IGNORED_CONFIGURATION_KEYS: ReadonlySet<string> = new Set([
  '//',
  'depends_on',
  'lifecycle',
  'provider',
  'provisioner',
  'connection',
  'tags',
  'tags_all',
]);

/**
 * REST API settings that need no redeploy (`name`, `description`), and `body`, which
 * has a trigger entry of its own.
 */
export const IGNORED_REST_API_KEYS: ReadonlySet<string> = new Set(['name', 'description', 'body']);
