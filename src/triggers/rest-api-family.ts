import { existsSync, readFileSync } from 'fs';
import { isAbsolute } from 'path';
import { ApiFamily, ApiResourceBlock, forTypes, isMultiInstance, NAMING_WITHOUT_SERVING } from './api-family';
import { ARGUMENT_ROLES } from './argument-roles';
import { EQUIVALENCES } from './equivalent-configuration';
import { servedMethodPaths } from './served-keys';

const REST_API_TYPE = 'aws_api_gateway_rest_api';
const METHOD_TYPE = 'aws_api_gateway_method';
const INTEGRATION_TYPE = 'aws_api_gateway_integration';
const REST_API_PUT_TYPE = 'aws_api_gateway_rest_api_put';

/**
 * Terraform resource types whose changes AWS only serves after a new deployment ("Updates to
 * REST APIs that require redeployment"). Stage-level resources (`aws_api_gateway_stage`,
 * `aws_api_gateway_method_settings`) are deliberately absent: UpdateStage applies them.
 */
const REDEPLOY_TYPES: ReadonlySet<string> = new Set([
  'aws_api_gateway_resource',
  METHOD_TYPE,
  'aws_api_gateway_method_response',
  INTEGRATION_TYPE,
  'aws_api_gateway_integration_response',
  'aws_api_gateway_model',
  'aws_api_gateway_authorizer',
  'aws_api_gateway_request_validator',
  'aws_api_gateway_gateway_response',
  'aws_api_gateway_rest_api_policy',
  'aws_api_gateway_documentation_part',
  'aws_api_gateway_documentation_version',
  REST_API_PUT_TYPE,
]);

/** REST APIs: `aws_api_gateway_*`. */
export const REST_API_FAMILY: ApiFamily = {
  apiKind: 'REST API',
  apiType: REST_API_TYPE,
  apiIdArgument: 'rest_api_id',
  apiAttributes: ['id', 'root_resource_id'],
  redeployTypes: REDEPLOY_TYPES,
  typesWithoutRedeploy: new Set([
    'aws_api_gateway_deployment',
    'aws_api_gateway_stage',
    'aws_api_gateway_method_settings',
    'aws_api_gateway_base_path_mapping',
    // API Gateway v2's mapping maps REST APIs too (as addApiMapping does), multi-level keys included.
    'aws_apigatewayv2_api_mapping',
    'aws_api_gateway_usage_plan',
    'aws_cloudwatch_log_group',
    'aws_lambda_permission',
    'aws_wafv2_web_acl_association',
    ...NAMING_WITHOUT_SERVING,
  ]),
  argumentRoles: forTypes(ARGUMENT_ROLES, [REST_API_TYPE, ...REDEPLOY_TYPES]),
  equivalences: forTypes(EQUIVALENCES, [REST_API_TYPE, ...REDEPLOY_TYPES]),
  // aws_api_gateway_rest_api_put is a plugin-framework resource without an `id`.
  orderingAttribute: (type) => (type === REST_API_PUT_TYPE ? 'rest_api_id' : 'id'),
  deployWarnings: restApiDeployWarnings,
  servedKeys: servedMethodPaths,
  servedKeyNoun: 'a method path',
  servedKeyAsWritten: (key) => `/${key}`,
};

function restApiDeployWarnings(api: ApiResourceBlock, resources: readonly ApiResourceBlock[]): string[] {
  const methods = resources.filter((item) => item.type === METHOD_TYPE);
  const integrations = resources.filter((item) => item.type === INTEGRATION_TYPE);
  const hasBody = api.config.body !== undefined || resources.some((item) => item.type === REST_API_PUT_TYPE);
  const warnings: string[] = [];
  if (methods.length === 0 && !hasBody) {
    warnings.push(
      `The REST API ${api.address} has no methods and no OpenAPI body: AWS refuses to deploy it ("The REST API doesn't contain any methods"). ` +
      'Add an aws_api_gateway_method with its integration, or a body.',
    );
  }
  warnings.push(...privateWithoutPolicyWarnings(api, resources));
  if ([...methods, ...integrations].some(isMultiInstance)) {
    return warnings; // which method each instance of a counted resource serves is only known at plan time
  }
  const methodByAddress = new Map(methods.map((method) => [method.address, method]));
  // Guides write the integration's resource_id and http_method as the method's (`${aws_api_gateway_method.m.http_method}`).
  const throughMethod = (value: unknown, attribute: string): unknown => {
    const referenced = /^\$\{(aws_api_gateway_method\.[^.}]+)\.([a-z_]+)\}$/.exec(String(value));
    return referenced && referenced[2] === attribute ? methodByAddress.get(referenced[1])?.config[attribute] ?? value : value;
  };
  const integrated = new Set(integrations.map((integration) =>
    methodKey(throughMethod(integration.config.resource_id, 'resource_id'), throughMethod(integration.config.http_method, 'http_method'))));
  for (const method of methods) {
    if (!integrated.has(methodKey(method.config.resource_id, method.config.http_method))) {
      warnings.push(
        `The method ${method.address} ('${method.construct.node.path}') has no aws_api_gateway_integration: ` +
        'the deployment will fail with "No integration defined for method". Add an integration for it.',
      );
    }
  }
  return warnings;
}

/**
 * The warning for a private REST API (endpoint type PRIVATE) without a resource policy: no `policy`, no
 * discovered `aws_api_gateway_rest_api_policy`, no `x-amazon-apigateway-policy` in its body. AWS refuses
 * its deployment ("Private REST API doesn't have a resource policy attached to it", terraform-provider-aws #14290).
 */
function privateWithoutPolicyWarnings(api: ApiResourceBlock, resources: readonly ApiResourceBlock[]): string[] {
  const endpoint = api.config.endpoint_configuration;
  const types = (Array.isArray(endpoint) ? endpoint[0] : endpoint as { types?: unknown } | undefined)?.types;
  const isPrivate = Array.isArray(types) && types.includes('PRIVATE');
  const body = bodyText(api.config.body);
  const hasPolicy = api.config.policy !== undefined || resources.some((item) => item.type === 'aws_api_gateway_rest_api_policy')
    || body === undefined || body.includes('x-amazon-apigateway-policy') || resources.some((item) => item.type === REST_API_PUT_TYPE);
  return !isPrivate || hasPolicy ? [] : [`The REST API ${api.address} is private (endpoint type PRIVATE) and has no resource policy: AWS refuses to `
    + 'deploy it ("Private REST API doesn\'t have a resource policy attached to it"). Give it a policy (its policy, an aws_api_gateway_rest_api_policy, '
    + 'or x-amazon-apigateway-policy in its body) that allows execute-api:Invoke from your VPC endpoints.'];
}

/**
 * The text of an API's body as far as synth knows it: '' for none, the body as written, or the file an absolute
 * `file("...")` reads (it exists when the program runs); undefined for a body known only at plan (a variable,
 * a relative path, templatefile), which may hold a policy.
 */
function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) {
    return '';
  }
  if (typeof body !== 'string') {
    return undefined;
  }
  const read = /^\$\{file\("((?:[^"\\]|\\.)*)"\)\}$/.exec(body);
  if (read !== null) {
    const path = JSON.parse(`"${read[1]}"`) as string;
    return isAbsolute(path) && existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  }
  // A body written in the program (jsonencode of a spec, references inside it) holds its keys as text; one that
  // reads a file, or is a value of elsewhere (a variable, a local, merged in), may hold the policy unseen.
  return /(?<![\w.])(?:file[a-z0-9]*|templatefile|merge)\s*\(/.test(body) || /^\$\{[\w.[\]"-]+\}$/.test(body) ? undefined : body;
}

/** Whether a resource has `count` or `for_each`. */
function methodKey(resourceId: unknown, httpMethod: unknown): string {
  return JSON.stringify([resourceId, httpMethod]);
}
