import { ApiGatewayAuthorizer } from '@cdktf/provider-aws/lib/api-gateway-authorizer';
import { ApiGatewayDocumentationPart } from '@cdktf/provider-aws/lib/api-gateway-documentation-part';
import { ApiGatewayDocumentationVersion } from '@cdktf/provider-aws/lib/api-gateway-documentation-version';
import { ApiGatewayGatewayResponse } from '@cdktf/provider-aws/lib/api-gateway-gateway-response';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayIntegrationResponse } from '@cdktf/provider-aws/lib/api-gateway-integration-response';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayMethodResponse } from '@cdktf/provider-aws/lib/api-gateway-method-response';
import { ApiGatewayModel } from '@cdktf/provider-aws/lib/api-gateway-model';
import { ApiGatewayRequestValidator } from '@cdktf/provider-aws/lib/api-gateway-request-validator';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApiPolicy } from '@cdktf/provider-aws/lib/api-gateway-rest-api-policy';
import { ApiGatewayRestApiPut } from '@cdktf/provider-aws/lib/api-gateway-rest-api-put';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { PetsApi } from './api';

/**
 * One builder per resource type the deployment must discover: each creates a valid
 * resource of that type for the pets API, in one of two variants that differ in one
 * deployed setting.
 */
export const EVERY_DISCOVERED_TYPE: Record<string, (scope: Construct, api: PetsApi, changed: boolean) => TerraformResource> = {
  aws_api_gateway_resource: (scope, { api }, changed) =>
    new ApiGatewayResource(scope, 'subject', {
      restApiId: api.id,
      parentId: api.rootResourceId,
      pathPart: changed ? 'owners' : 'shops',
    }),
  aws_api_gateway_method: (scope, { api, pets }, changed) =>
    new ApiGatewayMethod(scope, 'subject', {
      restApiId: api.id,
      resourceId: pets.id,
      httpMethod: 'DELETE',
      authorization: changed ? 'AWS_IAM' : 'NONE',
    }),
  aws_api_gateway_method_response: (scope, { api, pets, get }, changed) =>
    new ApiGatewayMethodResponse(scope, 'subject', {
      restApiId: api.id,
      resourceId: pets.id,
      httpMethod: get.httpMethod,
      statusCode: '200',
      responseModels: { 'application/json': changed ? 'Error' : 'Empty' },
    }),
  aws_api_gateway_integration: (scope, { api, pets, get }, changed) =>
    new ApiGatewayIntegration(scope, 'subject', {
      restApiId: api.id,
      resourceId: pets.id,
      httpMethod: get.httpMethod,
      type: 'HTTP_PROXY',
      integrationHttpMethod: 'GET',
      uri: changed ? 'https://pets.example.com/v2' : 'https://pets.example.com/v1',
    }),
  aws_api_gateway_integration_response: (scope, { api, pets, get }, changed) =>
    new ApiGatewayIntegrationResponse(scope, 'subject', {
      restApiId: api.id,
      resourceId: pets.id,
      httpMethod: get.httpMethod,
      statusCode: '200',
      responseTemplates: { 'application/json': changed ? '{"pets": []}' : '{}' },
    }),
  aws_api_gateway_model: (scope, { api }, changed) =>
    new ApiGatewayModel(scope, 'subject', {
      restApiId: api.id,
      name: 'Pet',
      contentType: 'application/json',
      schema: JSON.stringify({ type: 'object', required: changed ? ['name', 'age'] : ['name'] }),
    }),
  aws_api_gateway_authorizer: (scope, { api }, changed) =>
    new ApiGatewayAuthorizer(scope, 'subject', {
      restApiId: api.id,
      name: 'users',
      type: 'COGNITO_USER_POOLS',
      providerArns: ['arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_abc'],
      identitySource: changed ? 'method.request.header.X-Token' : 'method.request.header.Authorization',
    }),
  aws_api_gateway_request_validator: (scope, { api }, changed) =>
    new ApiGatewayRequestValidator(scope, 'subject', {
      restApiId: api.id,
      name: 'body',
      validateRequestBody: true,
      validateRequestParameters: changed,
    }),
  aws_api_gateway_gateway_response: (scope, { api }, changed) =>
    new ApiGatewayGatewayResponse(scope, 'subject', {
      restApiId: api.id,
      responseType: 'UNAUTHORIZED',
      statusCode: changed ? '403' : '401',
    }),
  aws_api_gateway_rest_api_policy: (scope, { api }, changed) =>
    new ApiGatewayRestApiPolicy(scope, 'subject', {
      restApiId: api.id,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: changed ? 'Deny' : 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: '*' }],
      }),
    }),
  aws_api_gateway_documentation_part: (scope, { api }, changed) =>
    new ApiGatewayDocumentationPart(scope, 'subject', {
      restApiId: api.id,
      location: { type: 'API' },
      properties: JSON.stringify({ description: changed ? 'Pets, v2' : 'Pets' }),
    }),
  aws_api_gateway_documentation_version: (scope, { api }, changed) =>
    new ApiGatewayDocumentationVersion(scope, 'subject', {
      restApiId: api.id,
      version: changed ? '2' : '1',
    }),
  aws_api_gateway_rest_api_put: (scope, { api }, changed) =>
    new ApiGatewayRestApiPut(scope, 'subject', {
      restApiId: api.id,
      body: JSON.stringify({ openapi: '3.0.1', info: { title: 'pets', version: changed ? '2' : '1' }, paths: {} }),
    }),
};
