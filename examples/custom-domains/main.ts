/**
 * Three APIs behind custom domains, each mapped with one `addApiMapping` call: the orders domain
 * serves version 1 of the orders API, a REST API, at `orders/v1` and version 2, an HTTP API, at
 * `orders/v2` and at every other path; its `beta` stage answers at `orders/beta`. A WebSocket chat
 * API has a domain of its own (AWS serves no WebSocket API beside REST or HTTP APIs on a domain).
 * One Lambda function answers all three.
 *
 * It needs an issued ACM certificate in eu-west-2 for both domain names (a wildcard
 * `*.example.com` covers them), given with the domain names as variables:
 *
 *   cdktf deploy --var='orders_domain_name=orders.example.com' --var='chat_domain_name=chat.example.com' \
 *     --var='certificate_arn=arn:aws:acm:eu-west-2:...'
 *
 * then point each name at its `*_dns_target` output (a CNAME, or a Route 53 alias with the
 * `*_hosted_zone_id` output).
 */
import * as path from 'path';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2DomainName } from '@cdktf/provider-aws/lib/apigatewayv2-domain-name';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, AssetType, Fn, TerraformAsset, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
// In your own project: import { ... } from 'cdktf-api-gateway-deployment';
import { HttpApiDeployment, RestApiDeployment, WebSocketApiDeployment } from '../../src';

/** The orders APIs (REST v1, HTTP v2) on one custom domain, and a WebSocket chat API on another. */
export class CustomDomainsExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'eu-west-2' });

    const ordersDomainName = new TerraformVariable(this, 'orders_domain_name', {
      type: 'string', description: 'The custom domain of the orders APIs, such as orders.example.com.',
    });
    const chatDomainName = new TerraformVariable(this, 'chat_domain_name', {
      type: 'string', description: 'The custom domain of the chat API, such as chat.example.com.',
    });
    const certificateArn = new TerraformVariable(this, 'certificate_arn', {
      type: 'string', description: 'An issued ACM certificate in eu-west-2 for both domain names.',
    });
    // Keys of several levels (orders/v1) need a Regional domain name with the TLS 1.2 policy.
    const domainConfiguration = { certificateArn: certificateArn.stringValue, endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' };
    const ordersDomain = new Apigatewayv2DomainName(this, 'orders_domain', {
      domainName: ordersDomainName.stringValue,
      domainNameConfiguration: domainConfiguration,
    });
    const chatDomain = new Apigatewayv2DomainName(this, 'chat_domain', {
      domainName: chatDomainName.stringValue,
      domainNameConfiguration: domainConfiguration,
    });

    const backend = this.backend();

    // orders/v1: the REST API, its root and every path below proxied to the function.
    const v1 = new ApiGatewayRestApi(this, 'orders_v1', { name: 'orders-v1', endpointConfiguration: { types: ['REGIONAL'] } });
    const proxy = new ApiGatewayResource(this, 'orders_v1_proxy', { restApiId: v1.id, parentId: v1.rootResourceId, pathPart: '{proxy+}' });
    for (const [name, resourceId] of Object.entries({ root: v1.rootResourceId, proxy: proxy.id })) {
      const any = new ApiGatewayMethod(this, `orders_v1_${name}_any`, { restApiId: v1.id, resourceId, httpMethod: 'ANY', authorization: 'NONE' });
      new ApiGatewayIntegration(this, `orders_v1_${name}_integration`, {
        restApiId: v1.id,
        resourceId,
        httpMethod: any.httpMethod,
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: backend.invokeArn,
      });
    }
    const v1Deployment = new RestApiDeployment(this, 'orders_v1_deployment', { restApi: v1, stageName: 'v1' });
    v1Deployment.addApiMapping(ordersDomain.domainName, { apiMappingKey: 'orders/v1' });

    // orders/v2, orders/beta and every other path: the HTTP API.
    const v2 = new Apigatewayv2Api(this, 'orders_v2', { name: 'orders-v2', protocolType: 'HTTP' });
    const v2Integration = new Apigatewayv2Integration(this, 'orders_v2_integration', {
      apiId: v2.id,
      integrationType: 'AWS_PROXY',
      integrationUri: backend.invokeArn,
      payloadFormatVersion: '2.0',
    });
    for (const [name, routeKey] of Object.entries({ root: 'ANY /', proxy: 'ANY /{proxy+}' })) {
      new Apigatewayv2Route(this, `orders_v2_${name}`, { apiId: v2.id, routeKey, target: `integrations/${v2Integration.id}` });
    }
    const v2Deployment = new HttpApiDeployment(this, 'orders_v2_deployment', {
      httpApi: v2,
      stageName: 'live',
      throttlingBurstLimit: 200,
      throttlingRateLimit: 100,
    });
    v2Deployment.addApiMapping(ordersDomain.domainName, { apiMappingKey: 'orders/v2' });
    v2Deployment.addApiMapping(ordersDomain.domainName);
    v2Deployment.addStage('beta', { throttlingBurstLimit: 20, throttlingRateLimit: 10 })
      .addApiMapping(ordersDomain.domainName, { apiMappingKey: 'orders/beta' });

    // The chat API, alone on its domain.
    const chat = new Apigatewayv2Api(this, 'chat', { name: 'chat', protocolType: 'WEBSOCKET', routeSelectionExpression: '$request.body.action' });
    const chatIntegration = new Apigatewayv2Integration(this, 'chat_integration', { apiId: chat.id, integrationType: 'AWS_PROXY', integrationUri: backend.invokeArn });
    for (const routeKey of ['$connect', '$disconnect', '$default']) {
      new Apigatewayv2Route(this, `chat_${routeKey.slice(1)}`, { apiId: chat.id, routeKey, target: `integrations/${chatIntegration.id}` });
    }
    const chatDeployment = new WebSocketApiDeployment(this, 'chat_deployment', {
      webSocketApi: chat,
      stageName: 'prod',
      // No execution logs: the account's CloudWatch role is not needed.
      cloudWatchRole: false,
    });
    chatDeployment.addApiMapping(chatDomain.domainName);

    // Built on each API's execution ARN, so the permissions do not wait for the deployments; every
    // stage of the HTTP API (live and beta) may invoke the function.
    const invokers = { v1: v1Deployment.arnForExecuteApi(), v2: v2Deployment.arnForExecuteApi('*', '/*', '*'), chat: chatDeployment.arnForExecuteApi() };
    for (const [api, sourceArn] of Object.entries(invokers)) {
      new LambdaPermission(this, `invoke_from_${api}`, {
        functionName: backend.functionName,
        action: 'lambda:InvokeFunction',
        principal: 'apigateway.amazonaws.com',
        sourceArn,
      });
    }

    for (const [name, domain] of Object.entries({ orders: ordersDomain, chat: chatDomain })) {
      new TerraformOutput(this, `${name}_dns_target`, { value: domain.domainNameConfiguration.targetDomainName });
      new TerraformOutput(this, `${name}_hosted_zone_id`, { value: domain.domainNameConfiguration.hostedZoneId });
    }
    new TerraformOutput(this, 'orders_v1_url', { value: `https://${ordersDomain.domainName}/orders/v1/` });
    new TerraformOutput(this, 'orders_v2_url', { value: `https://${ordersDomain.domainName}/orders/v2/` });
    new TerraformOutput(this, 'chat_url', { value: `wss://${chatDomain.domainName}` });
  }

  /** The Lambda function behind the three APIs. */
  private backend(): LambdaFunction {
    const role = new IamRole(this, 'backend_role', {
      name: 'orders-and-chat-lambda',
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    });
    new IamRolePolicyAttachment(this, 'backend_logs', {
      role: role.name,
      policyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    });
    // cdktf zips lambda/ into the stack's assets folder at synth.
    const code = new TerraformAsset(this, 'backend_code', { path: path.join(__dirname, 'lambda'), type: AssetType.ARCHIVE });
    return new LambdaFunction(this, 'handler', {
      functionName: 'orders-and-chat',
      role: role.arn,
      runtime: 'nodejs20.x',
      handler: 'index.handler',
      filename: code.path,
      sourceCodeHash: Fn.filebase64sha256(code.path),
    });
  }
}

/** Builds the example app; `outdir` defaults to cdktf's `cdktf.out`. */
export function buildApp(outdir?: string): App {
  const app = new App({ outdir });
  new CustomDomainsExampleStack(app, 'custom-domains');
  return app;
}

if (require.main === module) {
  buildApp().synth();
}
