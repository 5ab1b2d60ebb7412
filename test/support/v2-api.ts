import { Apigatewayv2Api, Apigatewayv2ApiConfig } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Authorizer } from '@cdktf/provider-aws/lib/apigatewayv2-authorizer';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { Apigatewayv2IntegrationResponse } from '@cdktf/provider-aws/lib/apigatewayv2-integration-response';
import { Apigatewayv2Model } from '@cdktf/provider-aws/lib/apigatewayv2-model';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { Apigatewayv2RouteResponse } from '@cdktf/provider-aws/lib/apigatewayv2-route-response';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';

/** A small HTTP API: `GET /pets`, an HTTP proxy. */
export interface PetsHttpApi {
  readonly api: Apigatewayv2Api;
  readonly integration: Apigatewayv2Integration;
  readonly route: Apigatewayv2Route;
}

/** Builds the `/pets` HTTP API inside `scope`; `overrides` change the API's own settings. */
export function petsHttpApi(scope: Construct, overrides: Partial<Apigatewayv2ApiConfig> = {}, prefix = ''): PetsHttpApi {
  const api = new Apigatewayv2Api(scope, `${prefix}http_api`, { name: 'pets', protocolType: 'HTTP', ...overrides });
  // The API's resources are made where it is (its provider, its own region).
  const placed = { provider: overrides.provider, region: overrides.region };
  const integration = new Apigatewayv2Integration(scope, `${prefix}pets_integration`, {
    ...placed,
    apiId: api.id,
    integrationType: 'HTTP_PROXY',
    integrationMethod: 'GET',
    integrationUri: 'https://pets.example.com/pets',
  });
  const route = new Apigatewayv2Route(scope, `${prefix}pets_route`, { ...placed, apiId: api.id, routeKey: 'GET /pets', target: `integrations/${integration.id}` });
  return { api, integration, route };
}

/** A small WebSocket API: `$connect` and `$default`, MOCK integrations, a response for `$default`. */
export interface ChatWebSocketApi {
  readonly api: Apigatewayv2Api;
  readonly integration: Apigatewayv2Integration;
  readonly connect: Apigatewayv2Route;
  readonly defaultRoute: Apigatewayv2Route;
}

/** Builds the chat WebSocket API inside `scope`; `overrides` change the API's own settings. */
export function chatWebSocketApi(scope: Construct, overrides: Partial<Apigatewayv2ApiConfig> = {}, prefix = ''): ChatWebSocketApi {
  const api = new Apigatewayv2Api(scope, `${prefix}ws_api`, {
    name: 'chat',
    protocolType: 'WEBSOCKET',
    routeSelectionExpression: '$request.body.action',
    ...overrides,
  });
  const placed = { provider: overrides.provider, region: overrides.region };
  const integration = new Apigatewayv2Integration(scope, `${prefix}chat_integration`, {
    ...placed,
    apiId: api.id,
    integrationType: 'MOCK',
    requestTemplates: { $default: '{"statusCode": 200}' },
    templateSelectionExpression: '\\$default',
  });
  const connect = new Apigatewayv2Route(scope, `${prefix}connect_route`, { ...placed, apiId: api.id, routeKey: '$connect', target: `integrations/${integration.id}` });
  const defaultRoute = new Apigatewayv2Route(scope, `${prefix}default_route`, {
    ...placed,
    apiId: api.id,
    routeKey: '$default',
    target: `integrations/${integration.id}`,
    routeResponseSelectionExpression: '$default',
  });
  return { api, integration, connect, defaultRoute };
}

/**
 * One builder per API Gateway v2 resource type the deployments discover: each creates a valid
 * resource of that type for the chat WebSocket API, in one of two variants that differ in one
 * deployed setting.
 */
export const EVERY_V2_DISCOVERED_TYPE: Record<string, (scope: Construct, api: ChatWebSocketApi, changed: boolean) => TerraformResource> = {
  aws_apigatewayv2_route: (scope, { api, integration }, changed) =>
    new Apigatewayv2Route(scope, 'subject', { apiId: api.id, routeKey: 'sendmessage', target: `integrations/${integration.id}`, apiKeyRequired: changed }),
  aws_apigatewayv2_integration: (scope, { api }, changed) =>
    new Apigatewayv2Integration(scope, 'subject', { apiId: api.id, integrationType: 'MOCK', timeoutMilliseconds: changed ? 5000 : 29000 }),
  aws_apigatewayv2_route_response: (scope, { api, defaultRoute }, changed) =>
    new Apigatewayv2RouteResponse(scope, 'subject', { apiId: api.id, routeId: defaultRoute.id, routeResponseKey: '$default', modelSelectionExpression: changed ? 'action' : undefined }),
  aws_apigatewayv2_integration_response: (scope, { api, integration }, changed) =>
    new Apigatewayv2IntegrationResponse(scope, 'subject', {
      apiId: api.id,
      integrationId: integration.id,
      integrationResponseKey: '/200/',
      templateSelectionExpression: changed ? '$integration.response.statuscode' : undefined,
    }),
  aws_apigatewayv2_authorizer: (scope, { api }, changed) =>
    new Apigatewayv2Authorizer(scope, 'subject', {
      apiId: api.id,
      authorizerType: 'REQUEST',
      name: 'auth',
      authorizerUri: 'arn:aws:apigateway:eu-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-2:123456789012:function:auth/invocations',
      identitySources: changed ? ['route.request.header.Auth'] : ['route.request.querystring.token'],
    }),
  aws_apigatewayv2_model: (scope, { api }, changed) =>
    new Apigatewayv2Model(scope, 'subject', {
      apiId: api.id,
      contentType: 'application/json',
      name: 'Message',
      schema: JSON.stringify({ type: 'object', properties: { action: { type: changed ? 'integer' : 'string' } } }),
    }),
};
