import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { EXAMPLES, synthesizeExample } from '../examples/synth-all';
import { RestApiDeployment } from '../src';
import { petsApi } from './support/api';
import { EVERY_DISCOVERED_TYPE } from './support/every-resource-type';
import { knownResourceTypeCount, schemaViolations } from './support/provider-schema';
import { synthesize } from './support/synth';

describe('synthesized resources match the provider schema shipped in @cdktf/provider-aws', () => {
  test('the schema was read from the jsii assembly', () => {
    expect(knownResourceTypeCount()).toBeGreaterThan(1000);
  });

  test('the check notices an unknown argument and a missing required one', () => {
    expect(schemaViolations({ resource: { aws_api_gateway_stage: { s: { stage_name: 'x', stage_nam: 'y' } } } })).toEqual([
      'aws_api_gateway_stage.s.stage_nam is not an argument of this type',
      'aws_api_gateway_stage.s lacks the required argument deployment_id',
      'aws_api_gateway_stage.s lacks the required argument rest_api_id',
    ]);
  });

  test.each(Object.keys(EXAMPLES))('examples/%s', (name) => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `example-${name}-`));
    for (const json of Object.values(synthesizeExample(name, outdir))) {
      expect(json.resource.aws_api_gateway_deployment).toBeDefined();
      expect(schemaViolations(json)).toEqual([]);
    }
  });

  test('a stack with every discovered resource type, options and a provider alias', () => {
    const json = synthesize((stack) => {
      new AwsProvider(stack, 'aws', { region: 'eu-west-1', alias: 'west' });
      const api = petsApi(stack);
      for (const [type, build] of Object.entries(EVERY_DISCOVERED_TYPE)) {
        build(new Construct(stack, type), api, false);
      }
      new RestApiDeployment(stack, 'deploy', {
        restApi: api.api,
        stageName: 'v1',
        stageDescription: 'v1',
        description: 'pets',
        variables: { backend: 'pets.example.com' },
        triggers: { release: '1' },
      });
    });
    expect(schemaViolations(json)).toEqual([]);
  });

  test('an OpenAPI stack with a token body, and a deployment of an API given by id', () => {
    const json = synthesize((stack) => {
      const api = new ApiGatewayRestApi(stack, 'api', { name: 'x', body: Fn.file('openapi.yaml') });
      new RestApiDeployment(stack, 'deploy', { restApi: api });
      new RestApiDeployment(stack, 'by_id', { restApiId: 'abc123', stageName: 'other', triggers: { v: '1' } });
    });
    expect(schemaViolations(json)).toEqual([]);
  });
});
