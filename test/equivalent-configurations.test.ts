import { ApiGatewayAuthorizer } from '@cdktf/provider-aws/lib/api-gateway-authorizer';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayModel } from '@cdktf/provider-aws/lib/api-gateway-model';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApiConfig } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { ApiGatewayRestApiPolicy } from '@cdktf/provider-aws/lib/api-gateway-rest-api-policy';
import { TerraformIterator, TerraformStack } from 'cdktf';
import { RestApiDeployment } from '../src';
import { petsApi, PetsApi } from './support/api';
import { beforeAndAfter, changedTriggerKeys } from './support/synth';
import { sortedLiteralSet } from '../src/triggers/equivalent-configuration';

/**
 * The trigger keys that differ between two versions of the pets API deployed by a
 * RestApiDeployment: `build` adds to it, `apiSettings` sets the REST API's own settings;
 * both are told which version they build.
 */
function changedBetween(
  build: (stack: TerraformStack, api: PetsApi, changed: boolean) => void,
  apiSettings: (changed: boolean) => Partial<ApiGatewayRestApiConfig> = () => ({}),
): string[] {
  return changedTriggerKeys(...beforeAndAfter((stack, changed) => {
    const api = petsApi(stack, apiSettings(changed));
    build(stack, api, changed);
    new RestApiDeployment(stack, 'deploy', { restApi: api.api });
  }));
}

/** Adds nothing: the version differs in the REST API's own settings only. */
const nothing = () => undefined;

describe('set-typed attributes hash as sets: order and repeats never redeploy', () => {
  const pools = ['arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_a', 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_b'];
  const endpoints = ['vpce-0a', 'vpce-0b'];
  test.each([
    ['aws_api_gateway_integration.cache_key_parameters', (stack: TerraformStack, api: PetsApi, changed: boolean) => {
      new ApiGatewayIntegration(stack, 'subject', {
        restApiId: api.api.id,
        resourceId: api.pets.id,
        httpMethod: 'PUT',
        type: 'MOCK',
        cacheKeyParameters: changed ? ['method.request.header.X', 'method.request.path.id'] : ['method.request.path.id', 'method.request.header.X'],
      });
    }, undefined],
    ['aws_api_gateway_method.authorization_scopes', (stack: TerraformStack, api: PetsApi, changed: boolean) => {
      new ApiGatewayMethod(stack, 'subject', {
        restApiId: api.api.id,
        resourceId: api.pets.id,
        httpMethod: 'PUT',
        authorization: 'COGNITO_USER_POOLS',
        authorizationScopes: changed ? ['pets/write', 'pets/read', 'pets/read'] : ['pets/read', 'pets/write'],
      });
    }, undefined],
    ['aws_api_gateway_authorizer.provider_arns', (stack: TerraformStack, api: PetsApi, changed: boolean) => {
      new ApiGatewayAuthorizer(stack, 'subject', {
        restApiId: api.api.id, name: 'users', type: 'COGNITO_USER_POOLS', providerArns: changed ? [...pools].reverse() : pools,
      });
    }, undefined],
    ['aws_api_gateway_rest_api.endpoint_configuration.vpc_endpoint_ids', nothing,
      (changed: boolean) => ({ endpointConfiguration: { types: ['PRIVATE'], vpcEndpointIds: changed ? [...endpoints].reverse() : endpoints } })],
  ])('%s', (_attribute, build, apiSettings) => {
    expect(changedBetween(build, apiSettings)).toEqual([]);
  });

  test('a changed member of a set still redeploys', () => {
    expect(changedBetween((stack, api, changed) => {
      new ApiGatewayMethod(stack, 'subject', {
        restApiId: api.api.id,
        resourceId: api.pets.id,
        httpMethod: 'PUT',
        authorization: 'COGNITO_USER_POOLS',
        authorizationScopes: changed ? ['pets/read', 'pets/admin'] : ['pets/read'],
      });
    })).toEqual(['aws_api_gateway_method.subject']);
  });
});

describe('JSON documents the provider compares by meaning hash as parsed documents', () => {
  const allow = { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' };
  const deny = { Effect: 'Deny', Principal: '*', Action: ['execute-api:Invoke'], Resource: 'execute-api:/*', Condition: { NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] } } };
  const restApiPolicy = (policy: (changed: boolean) => string) => (stack: TerraformStack, api: PetsApi, changed: boolean) => {
    new ApiGatewayRestApiPolicy(stack, 'subject', { restApiId: api.api.id, policy: policy(changed) });
  };
  const model = (schema: (changed: boolean) => string) => (stack: TerraformStack, api: PetsApi, changed: boolean) => {
    new ApiGatewayModel(stack, 'subject', { restApiId: api.api.id, name: 'Pet', contentType: 'application/json', schema: schema(changed) });
  };

  test('an IAM policy: key order, whitespace, statement order, list order and a one-element list never redeploy', () => {
    expect(changedBetween(restApiPolicy((changed) => (changed
      ? JSON.stringify({
        Statement: [
          { ...deny, Action: 'execute-api:Invoke', Condition: { NotIpAddress: { 'aws:SourceIp': ['192.168.0.0/16', '10.0.0.0/8'] } } },
          { Resource: 'execute-api:/*', Action: ['execute-api:Invoke'], Principal: '*', Effect: 'Allow' },
        ],
        Version: '2012-10-17',
      }, null, 2)
      : JSON.stringify({ Version: '2012-10-17', Statement: [allow, deny] }))))).toEqual([]);
  });

  test('an IAM policy whose meaning changes redeploys', () => {
    expect(changedBetween(restApiPolicy((changed) => JSON.stringify({ Version: '2012-10-17', Statement: [{ ...allow, Effect: changed ? 'Deny' : 'Allow' }] }))))
      .toEqual(['aws_api_gateway_rest_api_policy.subject']);
  });

  test("the REST API's own policy is compared the same way", () => {
    expect(changedBetween(nothing, (changed) => {
      const statement = changed ? { ...allow, Action: ['execute-api:Invoke'] } : allow;
      return { policy: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, changed ? 4 : 0) };
    })).toEqual([]);
  });

  test("a model's schema: key order and whitespace never redeploy, a change does", () => {
    expect(changedBetween(model((changed) => (changed
      ? '{\n  "required": ["name"],\n  "type": "object"\n}'
      : JSON.stringify({ type: 'object', required: ['name'] }))))).toEqual([]);
    expect(changedBetween(model((changed) => JSON.stringify({ type: 'object', required: changed ? ['age', 'name'] : ['name'] }))))
      .toEqual(['aws_api_gateway_model.subject']);
  });

  test('a document that is not literal JSON (computed by Terraform) is hashed as written', () => {
    expect(changedBetween(restApiPolicy((changed) => (changed ? '${data.aws_iam_policy_document.b.json}' : '${data.aws_iam_policy_document.a.json}'))))
      .toEqual(['aws_api_gateway_rest_api_policy.subject', 'data.aws_iam_policy_document.a', 'data.aws_iam_policy_document.b']);
  });
});

describe('for_each over a literal list is a set: its order and repeats never redeploy', () => {
  const withList = (list: string[]) => (stack: TerraformStack, api: PetsApi) => {
    const paths = TerraformIterator.fromList(list);
    new ApiGatewayResource(stack, 'subject', { forEach: paths, restApiId: api.api.id, parentId: api.api.rootResourceId, pathPart: paths.value });
  };

  test('reordered, or an item repeated: no entry changes', () => {
    expect(changedBetween((stack, api, changed) => withList(changed ? ['dogs', 'cats', 'cats'] : ['cats', 'dogs'])(stack, api))).toEqual([]);
  });

  test('another item: the resource redeploys', () => {
    expect(changedBetween((stack, api, changed) => withList(changed ? ['cats', 'dogs', 'birds'] : ['cats', 'dogs'])(stack, api)))
      .toEqual(['aws_api_gateway_resource.subject']);
  });

  test.each([
    ['${toset(["b", "a"])}', '${toset(["a", "b"])}'],
    ['${toset([2, 1, 2])}', '${toset([1, 2])}'],
    ['${toset(var.paths)}', '${toset(var.paths)}'],
    ['${toset(["a", var.b])}', '${toset(["a", var.b])}'],
  ])('%s hashes as %s', (expression, canonical) => {
    expect(sortedLiteralSet(expression)).toBe(canonical);
  });
});
