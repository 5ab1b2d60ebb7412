/**
 * The stack the custom-domains scenario applies: one domain, orders.example.com, serving a REST API
 * at `orders/v1` and an HTTP API at `orders/v2` and at the root, and a WebSocket API on a domain of
 * its own, chat.example.com, each mapped with `addApiMapping`; in the versions a user would write one
 * after another. The integrations are MOCK and HTTP_PROXY: the domains are what is under test.
 */
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2ApiMapping } from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping';
import { Apigatewayv2DomainName } from '@cdktf/provider-aws/lib/apigatewayv2-domain-name';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { HttpApiDeployment, HttpApiStage, RestApiDeployment, WebSocketApiDeployment } from '../../../src';

/** The stack's name in `cdktf.out/stacks/`. */
export const DOMAINS_STACK = 'domains';

/** The Terraform addresses the scenario follows. */
export const DOMAIN_ADDRESSES = {
  restDeployment: 'aws_api_gateway_deployment.rest_Deployment_178B8783',
  httpDeployment: 'aws_apigatewayv2_deployment.http_Deployment_4CA5456C',
  webSocketDeployment: 'aws_apigatewayv2_deployment.ws_Deployment_3F3FF486',
  httpStage: 'aws_apigatewayv2_stage.http_Stage_8EF158AD',
  httpRootMapping: 'aws_apigatewayv2_api_mapping.http_ApiMapping_root_f91e2965_71CF652D',
  httpV2Mapping: 'aws_apigatewayv2_api_mapping.http_ApiMapping_orders-v2_fd8cbeb4_3959CB42',
};

/** One version of the app. */
export interface DomainsStackVersion {
  /** The REST API's MOCK response template: a new one redeploys the REST API. @default '{"statusCode": 200}' */
  readonly restTemplate?: string;
  /** The HTTP API's integration timeout: a new one redeploys the HTTP API. @default 29000 */
  readonly httpTimeoutMilliseconds?: number;
  /** The WebSocket API's MOCK request template: a new one redeploys the WebSocket API. @default '{"statusCode": 200}' */
  readonly webSocketTemplate?: string;
  /** The HTTP API's main stage. @default 'live' */
  readonly httpStageName?: string;
  /** The HTTP main stage's key on orders.example.com. @default 'orders/v2' */
  readonly httpKey?: string;
  /** Adds an HTTP stage `beta` mapped at `orders/beta`. @default false */
  readonly betaStage?: boolean;
  /** Maps the root of orders.example.com to the beta stage instead of the main one. @default false */
  readonly rootOnBeta?: boolean;
  /** The HTTP main stage without create_before_destroy (the provider's default): a rename destroys it first. @default false */
  readonly httpStageDestroyedFirst?: boolean;
  /**
   * Adds an HTTP stage of this name (an `HttpApiStage` of its own, on the main stage's deployment) mapped at `orders/hand` by an
   * `aws_apigatewayv2_api_mapping` written by hand (naming the stage resource's name, as a user would), not with `addApiMapping`. @default - none
   */
  readonly handMappedStage?: string;
  /** Maps the WebSocket stage on orders.example.com too (AWS refuses it: the app must not synthesize). @default false */
  readonly webSocketOnOrdersDomain?: boolean;
}

const CERTIFICATE_ARN = 'arn:aws:acm:eu-west-2:123456789012:certificate/0b3f6b53-0000-4000-8000-000000000000';

function regionalDomain(scope: Construct, id: string, domainName: string): Apigatewayv2DomainName {
  return new Apigatewayv2DomainName(scope, id, {
    domainName,
    domainNameConfiguration: { certificateArn: CERTIFICATE_ARN, endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
  });
}

function restApi(scope: Construct, template: string): ApiGatewayRestApi {
  const api = new ApiGatewayRestApi(scope, 'orders_v1', { name: 'orders-v1', endpointConfiguration: { types: ['REGIONAL'] } });
  const method = new ApiGatewayMethod(scope, 'orders_v1_get', {
    restApiId: api.id, resourceId: api.rootResourceId, httpMethod: 'GET', authorization: 'NONE',
  });
  new ApiGatewayIntegration(scope, 'orders_v1_mock', {
    restApiId: api.id,
    resourceId: api.rootResourceId,
    httpMethod: method.httpMethod,
    type: 'MOCK',
    requestTemplates: { 'application/json': template },
  });
  return api;
}

function httpApi(scope: Construct, timeoutMilliseconds: number): Apigatewayv2Api {
  const api = new Apigatewayv2Api(scope, 'orders_v2', { name: 'orders-v2', protocolType: 'HTTP' });
  const integration = new Apigatewayv2Integration(scope, 'orders_v2_backend', {
    apiId: api.id,
    integrationType: 'HTTP_PROXY',
    integrationMethod: 'GET',
    integrationUri: 'https://backend.example.com/items',
    timeoutMilliseconds,
  });
  new Apigatewayv2Route(scope, 'orders_v2_items', { apiId: api.id, routeKey: 'GET /items', target: `integrations/${integration.id}` });
  return api;
}

function webSocketApi(scope: Construct, template: string): Apigatewayv2Api {
  const api = new Apigatewayv2Api(scope, 'chat', { name: 'chat', protocolType: 'WEBSOCKET', routeSelectionExpression: '$request.body.action' });
  const integration = new Apigatewayv2Integration(scope, 'chat_mock', {
    apiId: api.id, integrationType: 'MOCK', requestTemplates: { $default: template }, templateSelectionExpression: '$default',
  });
  new Apigatewayv2Route(scope, 'chat_default', { apiId: api.id, routeKey: '$default', target: `integrations/${integration.id}` });
  return api;
}

/** A function that builds this version of the app into `outdir`. */
export function domainsApp(version: DomainsStackVersion = {}): (outdir: string) => App {
  return (outdir) => {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, DOMAINS_STACK);
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    const orders = regionalDomain(stack, 'orders_domain', 'orders.example.com');
    const chat = regionalDomain(stack, 'chat_domain', 'chat.example.com');

    new RestApiDeployment(stack, 'rest', { restApi: restApi(stack, version.restTemplate ?? '{"statusCode": 200}'), stageName: 'v1' })
      .addApiMapping(orders.domainName, { apiMappingKey: 'orders/v1' });

    const http = new HttpApiDeployment(stack, 'http', { httpApi: httpApi(stack, version.httpTimeoutMilliseconds ?? 29000), stageName: version.httpStageName ?? 'live' });
    http.addApiMapping(orders.domainName, { apiMappingKey: version.httpKey ?? 'orders/v2' });
    if (version.httpStageDestroyedFirst) {
      // The construct keeps create_before_destroy through the stage's own escape hatches; the stack's raw override is the last one.
      const stage = http.deploymentStage.stage;
      stack.addOverride(`resource.${stage.terraformResourceType}.${stage.friendlyUniqueId}.lifecycle.create_before_destroy`, false);
    }
    if (version.handMappedStage !== undefined) {
      const hand = new HttpApiStage(stack, 'hand_stage', { apiId: http.httpApiId, deploymentId: http.deploymentId, stageName: version.handMappedStage });
      new Apigatewayv2ApiMapping(stack, 'hand_mapping', { domainName: orders.domainName, apiMappingKey: 'orders/hand', apiId: http.httpApiId, stage: hand.stage.name });
    }
    const beta = version.betaStage ? http.addStage('beta') : undefined;
    beta?.addApiMapping(orders.domainName, { apiMappingKey: 'orders/beta' });
    (version.rootOnBeta ? beta! : http).addApiMapping(orders.domainName);

    const ws = new WebSocketApiDeployment(stack, 'ws', { webSocketApi: webSocketApi(stack, version.webSocketTemplate ?? '{"statusCode": 200}'), stageName: 'prod', cloudWatchRole: false });
    ws.addApiMapping(chat.domainName);
    if (version.webSocketOnOrdersDomain) {
      ws.addApiMapping(orders.domainName, { apiMappingKey: 'chat' });
    }
    return app;
  };
}
