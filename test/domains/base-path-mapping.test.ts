import { ApiGatewayDomainName } from '@cdktf/provider-aws/lib/api-gateway-domain-name';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { RestApiDeployment } from '../../src';
import { petsApi } from '../support/api';
import { onlyResource, resourcesOfType, synthesize } from '../support/synth';

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

  test('a base path with a slash, over 300 characters, or spelled (none), fails at synth', () => {
    const mapWith = (basePath: string) => () => synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addBasePathMapping('api.example.com', { basePath });
    });

    expect(mapWith('v1/pets')).toThrow("RestApiDeployment at 'stack/deploy': property 'addBasePathMapping.basePath' is \"v1/pets\"; expected a single path "
      + "segment of letters, digits and $-_.+!*'(), at most 300 characters (no '/': for a key of several levels, such as 'orders/v1', use "
      + 'addApiMapping(domainName, { apiMappingKey }); omit basePath to map the whole domain).');
    expect(mapWith('a'.repeat(301))).toThrow('expected a single path segment of letters, digits and $-_.+!*\'(), at most 300 characters');
    expect(mapWith('a'.repeat(300))).not.toThrow();
    expect(mapWith('(none)')).toThrow("RestApiDeployment at 'stack/deploy': property 'addBasePathMapping.basePath' is \"(none)\"; expected a base path, "
      + "or no basePath to map the whole domain ('(none)' is how AWS's API names the empty base path; the provider reads it back as empty).");
  });

  test('one stage maps a base path on two domains; the same base path twice on one domain fails at synth, naming the first', () => {
    const json = synthesize((stack) => {
      const staging = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addStage('staging');
      staging.addBasePathMapping('api.example.com', { basePath: 'v1' });
      staging.addBasePathMapping('api.example.org', { basePath: 'v1' });
    });
    expect(Object.values(resourcesOfType(json, 'aws_api_gateway_base_path_mapping')).map((mapping: any) => mapping.domain_name).sort())
      .toEqual(['api.example.com', 'api.example.org']);

    expect(() => synthesize((stack) => {
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      deployment.addBasePathMapping('api.example.com', { basePath: 'v1' });
      deployment.addStage('staging').addBasePathMapping('api.example.com', { basePath: 'v1' });
    })).toThrow("RestApiDeployment at 'stack/deploy': property 'addStage(staging).addBasePathMapping.basePath' is \"v1\"; expected a key no other "
      + "mapping of the domain \"api.example.com\" has: 'stack/deploy' (addBasePathMapping) already maps the key \"v1\" of it (AWS answers ConflictException).");
  });

  test('a base path given as a token is named by its expression; options given as null are no options', () => {
    const json = synthesize((stack) => {
      const basePath = new TerraformVariable(stack, 'base_path', { type: 'string' }).stringValue;
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      deployment.addBasePathMapping('api.example.com', { basePath });
      deployment.addBasePathMapping('api.example.org', null as any);
    });

    const mappings = resourcesOfType(json, 'aws_api_gateway_base_path_mapping');
    expect(Object.keys(mappings).sort()).toEqual([expect.stringMatching(/^deploy_BasePathMapping_root_/), expect.stringMatching(/^deploy_BasePathMapping_var-base_path_/)]);
    expect(Object.values(mappings).map((mapping: any) => mapping.base_path)).toContain('${var.base_path}');
  });
});
