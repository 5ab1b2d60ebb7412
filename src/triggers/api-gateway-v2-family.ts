import { ApiFamily, ApiResourceBlock, forTypes, NAMING_WITHOUT_SERVING } from './api-family';
import { ARGUMENT_ROLES } from './argument-roles';
import { EQUIVALENCES } from './equivalent-configuration';
import { servedRouteKeys } from './served-keys';

const API_TYPE = 'aws_apigatewayv2_api';
const ROUTE_TYPE = 'aws_apigatewayv2_route';

/**
 * The resource types of an HTTP or WebSocket API whose changes AWS only serves after a new
 * deployment ("Every time you update an API, you must redeploy it. Changes to anything other
 * than stage settings require a redeployment"). Stages, API mappings, domain names and VPC links
 * are not among them: a VPC link an integration uses reaches the triggers through the
 * integration's reference to it.
 */
const REDEPLOY_TYPES: ReadonlySet<string> = new Set([
  ROUTE_TYPE,
  'aws_apigatewayv2_integration',
  'aws_apigatewayv2_route_response',
  'aws_apigatewayv2_integration_response',
  'aws_apigatewayv2_authorizer',
  'aws_apigatewayv2_model',
]);

/** The API Gateway v2 family (`aws_apigatewayv2_*`), named in messages as an HTTP or a WebSocket API. */
function apiGatewayV2Family(apiKind: string): ApiFamily {
  return {
    apiKind,
    apiType: API_TYPE,
    apiIdArgument: 'api_id',
    apiAttributes: ['id'],
    redeployTypes: REDEPLOY_TYPES,
    typesWithoutRedeploy: new Set([
      'aws_apigatewayv2_deployment',
      'aws_apigatewayv2_stage',
      'aws_apigatewayv2_api_mapping',
      'aws_cloudwatch_log_group',
      'aws_lambda_permission',
      ...NAMING_WITHOUT_SERVING,
    ]),
    argumentRoles: forTypes(ARGUMENT_ROLES, [API_TYPE, ...REDEPLOY_TYPES]),
    equivalences: forTypes(EQUIVALENCES, [API_TYPE, ...REDEPLOY_TYPES]),
    orderingAttribute: () => 'id',
    deployWarnings: (api, resources) => deployWarnings(apiKind, api, resources),
    servedKeys: servedRouteKeys,
    servedKeyNoun: 'a route key',
    servedKeyAsWritten: (key) => key,
  };
}

/** HTTP APIs: `aws_apigatewayv2_*` with protocol type HTTP. */
export const HTTP_API_FAMILY = apiGatewayV2Family('HTTP API');

/** WebSocket APIs: `aws_apigatewayv2_*` with protocol type WEBSOCKET. */
export const WEBSOCKET_API_FAMILY = apiGatewayV2Family('WebSocket API');

/** What AWS answers a deployment of an API without routes, by API kind. */
const NO_ROUTES_ERRORS: Readonly<Record<string, string>> = {
  'HTTP API': 'Unable to deploy API because no routes exist in this API',
  'WebSocket API': 'At least one route is required before deploying the Api',
};

function deployWarnings(apiKind: string, api: ApiResourceBlock, resources: readonly ApiResourceBlock[]): string[] {
  const hasRoutes = resources.some((item) => item.type === ROUTE_TYPE) || api.config.body !== undefined || api.config.target !== undefined;
  return hasRoutes ? [] : [
    `The ${apiKind} ${api.address} has no routes and no OpenAPI body: AWS refuses to deploy it ("${NO_ROUTES_ERRORS[apiKind]}"). ` +
    'Add an aws_apigatewayv2_route with its integration, or a body.',
  ];
}
