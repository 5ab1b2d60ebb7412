/**
 * What each argument of each resource type the library discovers does, taken from the AWS
 * provider's source (`internal/service/apigateway/*.go`, `internal/service/apigatewayv2/*.go`:
 * which arguments each Create/Update call sends, and which the provider keeps to itself):
 *
 * - `deployed`: sent to API Gateway as part of the API a deployment snapshots. Hashed.
 * - `ownEntry`: the OpenAPI `body`, which gets a trigger entry of its own.
 * - `notDeployed`: sent to API Gateway, but not part of what a deployment serves (an API's
 *   name, description and version; tags). Never redeploys.
 * - `provider`: never sent as part of the API: how the provider imports a body
 *   (`fail_on_warnings`, `put_rest_api_mode`: sent only with a changed body), how long it
 *   waits (`timeouts`), where it sends requests (`region`), `id`. Never redeploys.
 *
 * `test/argument-roles.test.ts` fails when the installed provider bindings have an argument of
 * one of these types that the table does not classify (the table serves both flavours: it also
 * names the arguments that only the newer provider of the cdktn flavour has).
 * Terraform's meta-arguments (`depends_on`, `lifecycle`, ...) are never hashed either.
 */
export interface ArgumentRoles {
  readonly deployed: readonly string[];
  readonly ownEntry?: readonly string[];
  readonly notDeployed?: readonly string[];
  readonly provider: readonly string[];
}

/** `id` and `region` (provider v6's per-resource region) never reach an API's configuration. */
const ROUTING = ['id', 'region'];

export const ARGUMENT_ROLES: Readonly<Record<string, ArgumentRoles>> = {
  // REST APIs (apigateway)
  aws_api_gateway_rest_api: {
    // endpoint_access_mode and security_policy: provider 6.66 (the cdktn flavour's bindings); not in 6.0's.
    deployed: ['api_key_source', 'binary_media_types', 'disable_execute_api_endpoint', 'endpoint_configuration', 'minimum_compression_size', 'parameters', 'policy',
      'endpoint_access_mode', 'security_policy'],
    ownEntry: ['body'],
    notDeployed: ['name', 'description', 'tags', 'tags_all'],
    // fail_on_warnings and put_rest_api_mode only go with a PutRestApi, which a changed body or parameters send.
    provider: [...ROUTING, 'fail_on_warnings', 'put_rest_api_mode', 'timeouts'],
  },
  aws_api_gateway_resource: { deployed: ['rest_api_id', 'parent_id', 'path_part'], provider: ROUTING },
  aws_api_gateway_method: {
    deployed: ['rest_api_id', 'resource_id', 'http_method', 'authorization', 'api_key_required', 'authorization_scopes', 'authorizer_id',
      'operation_name', 'request_models', 'request_parameters', 'request_validator_id'],
    provider: ROUTING,
  },
  aws_api_gateway_method_response: {
    deployed: ['rest_api_id', 'resource_id', 'http_method', 'status_code', 'response_models', 'response_parameters'],
    provider: ROUTING,
  },
  aws_api_gateway_integration: {
    deployed: ['rest_api_id', 'resource_id', 'http_method', 'type', 'cache_key_parameters', 'cache_namespace', 'connection_id', 'connection_type',
      'content_handling', 'credentials', 'integration_http_method', 'passthrough_behavior', 'request_parameters', 'request_templates',
      'timeout_milliseconds', 'tls_config', 'uri',
      // provider 6.66 (the cdktn flavour's bindings); not in 6.0's.
      'integration_target', 'response_transfer_mode'],
    provider: ROUTING,
  },
  aws_api_gateway_integration_response: {
    deployed: ['rest_api_id', 'resource_id', 'http_method', 'status_code', 'content_handling', 'response_parameters', 'response_templates', 'selection_pattern'],
    provider: ROUTING,
  },
  aws_api_gateway_model: { deployed: ['rest_api_id', 'name', 'content_type', 'description', 'schema'], provider: ROUTING },
  aws_api_gateway_authorizer: {
    deployed: ['rest_api_id', 'name', 'type', 'authorizer_credentials', 'authorizer_result_ttl_in_seconds', 'authorizer_uri', 'identity_source',
      'identity_validation_expression', 'provider_arns'],
    provider: ROUTING,
  },
  aws_api_gateway_request_validator: { deployed: ['rest_api_id', 'name', 'validate_request_body', 'validate_request_parameters'], provider: ROUTING },
  aws_api_gateway_gateway_response: {
    deployed: ['rest_api_id', 'response_type', 'status_code', 'response_parameters', 'response_templates'],
    provider: ROUTING,
  },
  aws_api_gateway_rest_api_policy: { deployed: ['rest_api_id', 'policy'], provider: ROUTING },
  aws_api_gateway_documentation_part: { deployed: ['rest_api_id', 'location', 'properties'], provider: ROUTING },
  aws_api_gateway_documentation_version: { deployed: ['rest_api_id', 'version', 'description'], provider: ROUTING },
  aws_api_gateway_rest_api_put: {
    // triggers: a change replaces the put, which puts the body again.
    deployed: ['rest_api_id', 'body', 'parameters', 'triggers'],
    provider: ['region', 'fail_on_warnings', 'timeouts'],
  },

  // HTTP and WebSocket APIs (apigatewayv2)
  aws_apigatewayv2_api: {
    // credentials_arn, route_key and target are "quick create" arguments: they force a new API.
    deployed: ['protocol_type', 'api_key_selection_expression', 'cors_configuration', 'credentials_arn', 'disable_execute_api_endpoint',
      'route_key', 'route_selection_expression', 'target'],
    ownEntry: ['body'],
    // ip_address_type: "If you change the API's IP address type, you don't need to redeploy your API" (AWS, IP address types for HTTP APIs).
    notDeployed: ['name', 'description', 'version', 'tags', 'tags_all', 'ip_address_type'],
    // fail_on_warnings only goes with a ReimportApi, which a changed body sends.
    provider: [...ROUTING, 'fail_on_warnings'],
  },
  aws_apigatewayv2_route: {
    deployed: ['api_id', 'route_key', 'api_key_required', 'authorization_scopes', 'authorization_type', 'authorizer_id', 'model_selection_expression',
      'operation_name', 'request_models', 'request_parameter', 'route_response_selection_expression', 'target'],
    provider: ROUTING,
  },
  aws_apigatewayv2_integration: {
    deployed: ['api_id', 'integration_type', 'connection_id', 'connection_type', 'content_handling_strategy', 'credentials_arn', 'description',
      'integration_method', 'integration_subtype', 'integration_uri', 'passthrough_behavior', 'payload_format_version', 'request_parameters',
      'request_templates', 'response_parameters', 'template_selection_expression', 'timeout_milliseconds', 'tls_config'],
    provider: ROUTING,
  },
  aws_apigatewayv2_route_response: {
    deployed: ['api_id', 'route_id', 'route_response_key', 'model_selection_expression', 'response_models'],
    provider: ROUTING,
  },
  aws_apigatewayv2_integration_response: {
    deployed: ['api_id', 'integration_id', 'integration_response_key', 'content_handling_strategy', 'response_templates', 'template_selection_expression'],
    provider: ROUTING,
  },
  aws_apigatewayv2_authorizer: {
    deployed: ['api_id', 'authorizer_type', 'name', 'authorizer_credentials_arn', 'authorizer_payload_format_version', 'authorizer_result_ttl_in_seconds',
      'authorizer_uri', 'enable_simple_responses', 'identity_sources', 'jwt_configuration'],
    provider: [...ROUTING, 'timeouts'],
  },
  aws_apigatewayv2_model: { deployed: ['api_id', 'content_type', 'name', 'schema', 'description'], provider: ROUTING },
};

/**
 * The arguments of a type that never change what a deployment serves: not hashed. (For a type
 * the table does not know, none: an unknown argument is hashed rather than missed.)
 */
export function argumentsNeverDeployed(roles: ArgumentRoles | undefined): ReadonlySet<string> {
  if (roles === undefined) {
    return NONE;
  }
  let never = NEVER_DEPLOYED.get(roles);
  if (never === undefined) {
    never = new Set([...roles.ownEntry ?? [], ...roles.notDeployed ?? [], ...roles.provider]);
    NEVER_DEPLOYED.set(roles, never);
  }
  return never;
}

const NONE: ReadonlySet<string> = new Set();
const NEVER_DEPLOYED = new WeakMap<ArgumentRoles, ReadonlySet<string>>();
