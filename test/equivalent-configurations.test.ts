import { ApiGatewayAuthorizer } from '@cdktf/provider-aws/lib/api-gateway-authorizer';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayModel } from '@cdktf/provider-aws/lib/api-gateway-model';
import { ApiGatewayRestApiPolicy } from '@cdktf/provider-aws/lib/api-gateway-rest-api-policy';
import { RestApiDeployment } from '../src';
import { petsApi } from './support/api';
import { changedTriggerKeys, synthesize } from './support/synth';

/** The trigger keys that differ between two versions of one program. */
function changedBetween(program: (variant: 'a' | 'b') => (stack: any) => void): string[] {
  return changedTriggerKeys(synthesize(program('a')), synthesize(program('b')));
}

describe('set-typed attributes hash as sets: order and repeats never redeploy', () => {
  test.each([
    ['aws_api_gateway_integration.cache_key_parameters', (variant: 'a' | 'b') => (stack: any) => {
      const api = petsApi(stack);
      new ApiGatewayIntegration(stack, 'subject', {
        restApiId: api.api.id,
        resourceId: api.pets.id,
        httpMethod: 'PUT',
        type: 'MOCK',
        cacheKeyParameters: variant === 'a' ? ['method.request.path.id', 'method.request.header.X'] : ['method.request.header.X', 'method.request.path.id'],
      });
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    }],
    ['aws_api_gateway_method.authorization_scopes', (variant: 'a' | 'b') => (stack: any) => {
      const api = petsApi(stack);
      new ApiGatewayMethod(stack, 'subject', {
        restApiId: api.api.id,
        resourceId: api.pets.id,
        httpMethod: 'PUT',
        authorization: 'COGNITO_USER_POOLS',
        authorizationScopes: variant === 'a' ? ['pets/read', 'pets/write'] : ['pets/write', 'pets/read', 'pets/read'],
      });
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    }],
    ['aws_api_gateway_authorizer.provider_arns', (variant: 'a' | 'b') => (stack: any) => {
      const api = petsApi(stack);
      const pools = ['arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_a', 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_b'];
      new ApiGatewayAuthorizer(stack, 'subject', {
        restApiId: api.api.id, name: 'users', type: 'COGNITO_USER_POOLS', providerArns: variant === 'a' ? pools : [...pools].reverse(),
      });
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    }],
    ['aws_api_gateway_rest_api.endpoint_configuration.vpc_endpoint_ids', (variant: 'a' | 'b') => (stack: any) => {
      const endpoints = ['vpce-0a', 'vpce-0b'];
      const api = petsApi(stack, { endpointConfiguration: { types: ['PRIVATE'], vpcEndpointIds: variant === 'a' ? endpoints : [...endpoints].reverse() } });
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    }],
  ])('%s', (_attribute, program) => {
    expect(changedBetween(program)).toEqual([]);
  });

  test('a changed member of a set still redeploys', () => {
    expect(changedBetween((variant) => (stack) => {
      const api = petsApi(stack);
      new ApiGatewayMethod(stack, 'subject', {
        restApiId: api.api.id,
        resourceId: api.pets.id,
        httpMethod: 'PUT',
        authorization: 'COGNITO_USER_POOLS',
        authorizationScopes: variant === 'a' ? ['pets/read'] : ['pets/read', 'pets/admin'],
      });
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    })).toEqual(['aws_api_gateway_method.subject']);
  });
});

describe('JSON documents the provider compares by meaning hash as parsed documents', () => {
  const allow = { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' };
  const deny = { Effect: 'Deny', Principal: '*', Action: ['execute-api:Invoke'], Resource: 'execute-api:/*', Condition: { NotIpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] } } };
  const policyProgram = (policy: (variant: 'a' | 'b') => string) => (variant: 'a' | 'b') => (stack: any) => {
    const api = petsApi(stack);
    new ApiGatewayRestApiPolicy(stack, 'subject', { restApiId: api.api.id, policy: policy(variant) });
    new RestApiDeployment(stack, 'deploy', { restApi: api.api });
  };

  test('an IAM policy: key order, whitespace, statement order, list order and a one-element list never redeploy', () => {
    expect(changedBetween(policyProgram((variant) => (variant === 'a'
      ? JSON.stringify({ Version: '2012-10-17', Statement: [allow, deny] })
      : JSON.stringify({
        Statement: [
          { ...deny, Action: 'execute-api:Invoke', Condition: { NotIpAddress: { 'aws:SourceIp': ['192.168.0.0/16', '10.0.0.0/8'] } } },
          { Resource: 'execute-api:/*', Action: ['execute-api:Invoke'], Principal: '*', Effect: 'Allow' },
        ],
        Version: '2012-10-17',
      }, null, 2))))).toEqual([]);
  });

  test('an IAM policy whose meaning changes redeploys', () => {
    expect(changedBetween(policyProgram((variant) => JSON.stringify({ Version: '2012-10-17', Statement: [{ ...allow, Effect: variant === 'a' ? 'Allow' : 'Deny' }] }))))
      .toEqual(['aws_api_gateway_rest_api_policy.subject']);
  });

  test("the REST API's own policy is compared the same way", () => {
    expect(changedBetween((variant) => (stack) => {
      const statement = variant === 'a' ? allow : { ...allow, Action: ['execute-api:Invoke'] };
      const api = petsApi(stack, { policy: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, variant === 'a' ? 0 : 4) });
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    })).toEqual([]);
  });

  test("a model's schema: key order and whitespace never redeploy, a change does", () => {
    const modelProgram = (schema: (variant: 'a' | 'b') => string) => (variant: 'a' | 'b') => (stack: any) => {
      const api = petsApi(stack);
      new ApiGatewayModel(stack, 'subject', { restApiId: api.api.id, name: 'Pet', contentType: 'application/json', schema: schema(variant) });
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    };

    expect(changedBetween(modelProgram((variant) => (variant === 'a'
      ? JSON.stringify({ type: 'object', required: ['name'] })
      : '{\n  "required": ["name"],\n  "type": "object"\n}')))).toEqual([]);
    expect(changedBetween(modelProgram((variant) => JSON.stringify({ type: 'object', required: variant === 'a' ? ['name'] : ['age', 'name'] }))))
      .toEqual(['aws_api_gateway_model.subject']);
  });

  test('a document that is not literal JSON (computed by Terraform) is hashed as written', () => {
    expect(changedBetween(policyProgram((variant) => (variant === 'a' ? '${data.aws_iam_policy_document.a.json}' : '${data.aws_iam_policy_document.b.json}'))))
      .toEqual(['aws_api_gateway_rest_api_policy.subject', 'references']);
  });
});
