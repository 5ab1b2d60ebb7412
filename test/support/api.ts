import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi, ApiGatewayRestApiConfig } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { Construct } from 'constructs';

/** A small REST API: `/pets` with a GET method and a MOCK integration. */
export interface PetsApi {
  readonly api: ApiGatewayRestApi;
  readonly pets: ApiGatewayResource;
  readonly get: ApiGatewayMethod;
  readonly integration: ApiGatewayIntegration;
}

/** Builds the `/pets` API inside `scope`; `overrides` change the REST API's own settings. */
export function petsApi(scope: Construct, overrides: Partial<ApiGatewayRestApiConfig> = {}, prefix = ''): PetsApi {
  const api = new ApiGatewayRestApi(scope, `${prefix}api`, { name: 'pets', ...overrides });
  // The API's resources are made where it is (its provider, its own region).
  const placed = { provider: overrides.provider, region: overrides.region };
  const pets = new ApiGatewayResource(scope, `${prefix}pets`, {
    ...placed,
    restApiId: api.id,
    parentId: api.rootResourceId,
    pathPart: 'pets',
  });
  const get = new ApiGatewayMethod(scope, `${prefix}pets_get`, {
    ...placed,
    restApiId: api.id,
    resourceId: pets.id,
    httpMethod: 'GET',
    authorization: 'NONE',
  });
  const integration = new ApiGatewayIntegration(scope, `${prefix}pets_get_integration`, {
    ...placed,
    restApiId: api.id,
    resourceId: pets.id,
    httpMethod: get.httpMethod,
    type: 'MOCK',
    requestTemplates: { 'application/json': '{"statusCode": 200}' },
  });
  return { api, pets, get, integration };
}

/**
 * Makes the pets API's integration invoke a Lambda function whose environment holds `selfUrl`: with
 * the deployment's own URL there, the API waits for its stage, which waits for the API (a cycle).
 */
export function invokeFunctionWith(scope: Construct, api: PetsApi, selfUrl: string): void {
  const fn = new LambdaFunction(scope, 'fn', {
    functionName: 'pets',
    role: 'arn:aws:iam::123456789012:role/pets',
    filename: 'pets.zip',
    handler: 'index.handler',
    runtime: 'nodejs20.x',
    environment: { variables: { SELF_URL: selfUrl } },
  });
  api.integration.addOverride('type', 'AWS_PROXY');
  api.integration.addOverride('uri', fn.invokeArn);
}
