import { ApiGatewayDomainName } from '@cdktf/provider-aws/lib/api-gateway-domain-name';
import { TerraformStack } from 'cdktf';
import { RestApiDeployment } from '../src';
import { petsApi } from './support/api';
import { onlyResource, synthesize } from './support/synth';

function domainName(stack: TerraformStack): ApiGatewayDomainName {
  return new ApiGatewayDomainName(stack, 'domain', {
    domainName: 'api.example.com',
    regionalCertificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc',
    endpointConfiguration: { types: ['REGIONAL'] },
  });
}

describe('addBasePathMapping', () => {
  test('maps the domain to the main stage through the stage resource, so the mapping waits for the stage and follows a rename', () => {
    const json = synthesize((stack) => {
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, stageName: 'live' });
      deployment.addBasePathMapping(domainName(stack).domainName, { basePath: 'pets' });
    });

    const stageAddress = `aws_api_gateway_stage.${Object.keys(json.resource.aws_api_gateway_stage)[0]}`;
    expect(onlyResource(json, 'aws_api_gateway_base_path_mapping')).toEqual({
      api_id: '${aws_api_gateway_rest_api.api.id}',
      base_path: 'pets',
      domain_name: '${aws_api_gateway_domain_name.domain.domain_name}',
      stage_name: `\${${stageAddress}.stage_name}`,
    });
    // The stage is created before its old self is destroyed: a renamed stage gets its mappings before AWS is asked to delete the old one.
    expect(onlyResource(json, 'aws_api_gateway_stage').lifecycle).toEqual({ create_before_destroy: true });
  });

  test('without a base path the whole domain maps to the stage; a private domain passes its id', () => {
    const json = synthesize((stack) => {
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      deployment.addBasePathMapping('internal.example.com', { domainNameId: 'abcd1234' });
    });

    const mapping = onlyResource(json, 'aws_api_gateway_base_path_mapping');
    expect(mapping.base_path).toBeUndefined();
    expect(mapping).toMatchObject({ domain_name: 'internal.example.com', domain_name_id: 'abcd1234' });
  });

  test("an added stage's mapping names that stage", () => {
    const json = synthesize((stack) => {
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      deployment.addStage('staging').addBasePathMapping('api.example.com', { basePath: 'staging' });
    });

    const staging = Object.entries<any>(json.resource.aws_api_gateway_stage).find(([, stage]) => stage.stage_name === 'staging')![0];
    expect(onlyResource(json, 'aws_api_gateway_base_path_mapping').stage_name).toBe(`\${aws_api_gateway_stage.${staging}.stage_name}`);
  });

  test('a base path with a slash fails at synth', () => {
    expect(() => synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addBasePathMapping('api.example.com', { basePath: 'v1/pets' });
    })).toThrow("RestApiDeployment at 'stack/deploy': property 'addBasePathMapping.basePath' is \"v1/pets\"; expected a single path segment "
      + "of letters, digits and $-_.+!*'() (no '/': for a key of several levels, such as 'orders/v1', use addApiMapping(domainName, { apiMappingKey }); "
      + 'omit basePath to map the whole domain).');
  });

  test("a second mapping with the same base path on one stage fails at synth, naming the added stage's property", () => {
    expect(() => synthesize((stack) => {
      const staging = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addStage('staging');
      staging.addBasePathMapping('api.example.com', { basePath: 'v1' });
      staging.addBasePathMapping('api.example.org', { basePath: 'v1' });
    })).toThrow("RestApiDeployment at 'stack/deploy': property 'addStage(staging).addBasePathMapping.basePath' is \"v1\"; expected a base path "
      + 'this stage has no mapping for yet (to map the same base path of another domain, create an ApiGatewayBasePathMapping with stageName: stage.stage.stageName).');
  });
});
