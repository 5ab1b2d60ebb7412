/**
 * A stack with every resource type the library discovers for REST APIs, and every shape of configuration it
 * writes references for: an OpenAPI body with references, `aws_api_gateway_rest_api_put`,
 * `count`, `for_each`, a variable, a local and data sources. Terraform validates and plans it,
 * so no reference the library writes can name an attribute the provider does not have.
 */
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayIntegrationResponse } from '@cdktf/provider-aws/lib/api-gateway-integration-response';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, Fn, TerraformIterator, TerraformLocal, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { HttpApiDeployment, RestApiDeployment, WebSocketApiDeployment } from '../../../src';
import { petsApi } from '../../support/api';
import { EVERY_DISCOVERED_TYPE } from '../../support/every-resource-type';
import { chatWebSocketApi, EVERY_V2_DISCOVERED_TYPE } from '../../support/v2-api';

export const EVERY_TYPE_STACK = 'every-type';

export function everyDiscoveredTypeApp(outdir: string): App {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, EVERY_TYPE_STACK);
  new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
  const region = new DataAwsRegion(stack, 'region');
  const account = new DataAwsCallerIdentity(stack, 'account');
  const backend = new TerraformVariable(stack, 'backend_host', { type: 'string', default: 'pets.example.com' });
  const basePath = new TerraformLocal(stack, 'base_path', '/v1');

  // One API with a resource of every discovered type, each in a scope named after its type.
  const pets = petsApi(stack);
  for (const [type, build] of Object.entries(EVERY_DISCOVERED_TYPE)) {
    build(new Construct(stack, type), pets, false);
  }
  // count and for_each, with references to a variable, a local and data sources.
  const verbs = new ApiGatewayMethod(stack, 'verbs', {
    forEach: TerraformIterator.fromList(['POST', 'PUT']),
    restApiId: pets.api.id,
    resourceId: pets.pets.id,
    httpMethod: '${each.value}',
    authorization: 'NONE',
  });
  new ApiGatewayIntegration(stack, 'verbs_integration', {
    forEach: TerraformIterator.fromList(['POST', 'PUT']),
    restApiId: pets.api.id,
    resourceId: pets.pets.id,
    httpMethod: `\${${verbs.terraformResourceType}.${verbs.friendlyUniqueId}[each.value].http_method}`,
    type: 'HTTP',
    integrationHttpMethod: 'POST',
    uri: `https://${backend.stringValue}${basePath.asString}/${region.region}/${account.accountId}`,
  });
  new ApiGatewayIntegrationResponse(stack, 'counted_response', {
    count: 2,
    restApiId: pets.api.id,
    resourceId: pets.pets.id,
    httpMethod: pets.get.httpMethod,
    statusCode: '${200 + count.index}',
  });
  new RestApiDeployment(stack, 'deploy', { restApi: pets.api, stageName: 'prod' });

  // An OpenAPI body Terraform computes, with references.
  const bodyApi = new ApiGatewayRestApi(stack, 'body_api', {
    name: 'body',
    body: Fn.jsonencode({
      openapi: '3.0.1',
      info: { title: 'body', version: '1' },
      paths: {
        '/pets': {
          get: {
            'x-amazon-apigateway-integration': { type: 'HTTP_PROXY', httpMethod: 'GET', uri: `https://${backend.stringValue}/pets` },
          },
        },
      },
    }),
  });
  new RestApiDeployment(stack, 'deploy_body', { restApi: bodyApi, stageName: 'prod' });
  return app;
}

/**
 * The same for HTTP and WebSocket APIs: a WebSocket API with a resource of every discovered v2
 * type, `for_each` routes reading a variable, and an HTTP API whose OpenAPI body Terraform computes.
 */
export function everyV2DiscoveredTypeApp(outdir: string): App {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, EVERY_TYPE_STACK);
  new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
  const backend = new TerraformVariable(stack, 'backend_host', { type: 'string', default: 'chat.example.com' });

  const chat = chatWebSocketApi(stack);
  for (const [type, build] of Object.entries(EVERY_V2_DISCOVERED_TYPE)) {
    build(new Construct(stack, type), chat, false);
  }
  const topics = new Apigatewayv2Integration(stack, 'topics_integration', {
    apiId: chat.api.id,
    integrationType: 'HTTP_PROXY',
    integrationMethod: 'POST',
    integrationUri: `https://${backend.stringValue}/topics`,
  });
  new Apigatewayv2Route(stack, 'topics', {
    forEach: TerraformIterator.fromList(['subscribe', 'unsubscribe']),
    apiId: chat.api.id,
    routeKey: '${each.value}',
    target: `integrations/${topics.id}`,
  });
  new WebSocketApiDeployment(stack, 'deploy_ws', { webSocketApi: chat.api, cloudWatchRole: false });

  const bodyApi = new Apigatewayv2Api(stack, 'body_api', {
    name: 'body',
    protocolType: 'HTTP',
    body: Fn.jsonencode({
      openapi: '3.0.1',
      info: { title: 'body', version: '1' },
      paths: { '/pets': { get: { 'x-amazon-apigateway-integration': { type: 'HTTP_PROXY', httpMethod: 'GET', uri: `https://${backend.stringValue}/pets`, payloadFormatVersion: '1.0' } } } },
    }),
  });
  new HttpApiDeployment(stack, 'deploy_http', { httpApi: bodyApi });
  return app;
}
