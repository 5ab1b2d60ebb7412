import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { RestApiDeployment } from '../src';
import { petsApi } from './support/api';
import { onlyResource, synthesize, synthesizeStack, triggersOf } from './support/synth';

describe('RestApiDeployment resources', () => {
  test('creates a deployment and a stage that points at it, both created before their old selves are destroyed', () => {
    // GIVEN
    const json = synthesize((stack) => {
      const { api } = petsApi(stack);
      // WHEN
      new RestApiDeployment(stack, 'deploy', { restApi: api });
    });

    // THEN
    const deployment = onlyResource(json, 'aws_api_gateway_deployment');
    expect(deployment.lifecycle).toEqual({ create_before_destroy: true });
    expect(deployment.rest_api_id).toBe('${aws_api_gateway_rest_api.api.id}');
    const deploymentName = Object.keys(json.resource.aws_api_gateway_deployment)[0];
    expect(onlyResource(json, 'aws_api_gateway_stage')).toEqual({
      rest_api_id: '${aws_api_gateway_rest_api.api.id}',
      deployment_id: `\${aws_api_gateway_deployment.${deploymentName}.id}`,
      stage_name: 'prod',
      lifecycle: { create_before_destroy: true },
    });
  });

  test('passes stage name, descriptions and stage variables through', () => {
    const json = synthesize((stack) => {
      const { api } = petsApi(stack);
      new RestApiDeployment(stack, 'deploy', {
        restApi: api,
        stageName: 'v1',
        stageDescription: 'version one',
        description: 'pets API',
        variables: { backend: 'pets-v1.example.com', mode: 'live' },
      });
    });

    expect(onlyResource(json, 'aws_api_gateway_deployment').description).toBe('pets API');
    expect(onlyResource(json, 'aws_api_gateway_stage')).toMatchObject({
      stage_name: 'v1',
      description: 'version one',
      variables: { backend: 'pets-v1.example.com', mode: 'live' },
    });
  });

  test('deploys an API given by id, with triggers and resources only', () => {
    const json = synthesize((stack) => {
      const { api, integration } = petsApi(stack);
      new RestApiDeployment(stack, 'deploy', {
        restApiId: 'abc123',
        resources: [integration],
        triggers: { release: '2026-11-26' },
      });
      expect(api).toBeDefined();
    });

    const deployment = onlyResource(json, 'aws_api_gateway_deployment');
    expect(deployment.rest_api_id).toBe('abc123');
    // The API's other resources are not known here: what the integration reads of them gets an entry each.
    expect(Object.keys(deployment.triggers)).toEqual([
      'aws_api_gateway_integration.pets_get_integration',
      'aws_api_gateway_method.pets_get',
      'aws_api_gateway_resource.pets',
      'aws_api_gateway_rest_api.api',
      'release',
      'resource_ids',
    ]);
    expect(deployment.triggers['aws_api_gateway_method.pets_get']).toBe('${sha1(jsonencode([aws_api_gateway_method.pets_get.http_method]))}');
    expect(deployment.triggers.release).toBe('2026-11-26');
    expect(onlyResource(json, 'aws_api_gateway_stage').rest_api_id).toBe('abc123');
  });

  test('uses the REST API\'s provider alias for the deployment and the stage', () => {
    const json = synthesize((stack) => {
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      const west = new AwsProvider(stack, 'west', { region: 'eu-west-2', alias: 'west' });
      const { api } = petsApi(stack, { provider: west });
      new RestApiDeployment(stack, 'deploy', { restApi: api });
    });

    expect(onlyResource(json, 'aws_api_gateway_deployment').provider).toBe('aws.west');
    expect(onlyResource(json, 'aws_api_gateway_stage').provider).toBe('aws.west');
  });

  test('uses the default provider when the REST API has none', () => {
    const json = synthesize((stack) => {
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    });

    expect(onlyResource(json, 'aws_api_gateway_deployment').provider).toBeUndefined();
    expect(onlyResource(json, 'aws_api_gateway_stage').provider).toBeUndefined();
  });
});

describe('RestApiDeployment attributes', () => {
  function deployed(stageName?: string) {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const { api } = petsApi(stack);
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: api, stageName });
    return { stack, api, deployment };
  }

  /** What a value built by `read` renders to in Terraform, through an output. */
  function rendered(read: (deployment: RestApiDeployment) => string): string {
    const { stack, deployment } = deployed();
    new TerraformOutput(stack, 'value', { value: read(deployment) });
    return synthesizeStack(stack).output.value.value;
  }

  test.each([
    ['deploymentId', (d: RestApiDeployment) => d.deploymentId, '${aws_api_gateway_deployment.deploy_Deployment_49668023.id}'],
    ['createdDate', (d: RestApiDeployment) => d.createdDate, '${aws_api_gateway_deployment.deploy_Deployment_49668023.created_date}'],
    ['invokeUrl', (d: RestApiDeployment) => d.invokeUrl, '${aws_api_gateway_stage.deploy_Stage_4076BD38.invoke_url}'],
    ['executionArn', (d: RestApiDeployment) => d.executionArn, '${aws_api_gateway_stage.deploy_Stage_4076BD38.execution_arn}'],
    ['stageArn', (d: RestApiDeployment) => d.stageArn, '${aws_api_gateway_stage.deploy_Stage_4076BD38.arn}'],
    ['restApiId', (d: RestApiDeployment) => d.restApiId, '${aws_api_gateway_rest_api.api.id}'],
  ])('%s renders the matching Terraform attribute', (_name, read, expected) => {
    expect(rendered(read)).toBe(expected);
  });

  test('stageName is the given name, "prod" by default', () => {
    expect(deployed().deployment.stageName).toBe('prod');
    expect(deployed('beta').deployment.stageName).toBe('beta');
  });

  test('urlForPath appends the path to the stage invoke URL', () => {
    expect(rendered((d) => d.urlForPath())).toBe('${aws_api_gateway_stage.deploy_Stage_4076BD38.invoke_url}/');
    expect(rendered((d) => d.urlForPath('/pets'))).toBe('${aws_api_gateway_stage.deploy_Stage_4076BD38.invoke_url}/pets');
  });

  test('arnForExecuteApi builds on the API execution ARN, not on the deployment', () => {
    expect(rendered((d) => d.arnForExecuteApi())).toBe('${aws_api_gateway_rest_api.api.execution_arn}/prod/*/*');
    expect(rendered((d) => d.arnForExecuteApi('GET', '/pets/{id}', '*')))
      .toBe('${aws_api_gateway_rest_api.api.execution_arn}/*/GET/pets/*');
    expect(rendered((d) => d.arnForExecuteApi('any', '/pets'))).toBe('${aws_api_gateway_rest_api.api.execution_arn}/prod/*/pets');
  });

  test('arnForExecuteApi with an API given by id derives the API ARN from the stage', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const deployment = new RestApiDeployment(stack, 'deploy', { restApiId: 'abc123', triggers: { v: '1' } });
    new TerraformOutput(stack, 'value', { value: deployment.arnForExecuteApi('POST', '/orders') });
    expect(synthesizeStack(stack).output.value.value)
      .toBe('${element(split("/", aws_api_gateway_stage.deploy_Stage_4076BD38.execution_arn), 0)}/prod/POST/orders');
  });
});

describe('trigger entries given by hand', () => {
  test('addTrigger and the triggers prop merge with the automatic entries', () => {
    const json = synthesize((stack) => {
      const deployment = new RestApiDeployment(stack, 'deploy', {
        restApi: petsApi(stack).api,
        triggers: { schema: 'v3' },
      });
      deployment.addTrigger('release', '42');
    });

    const triggers = triggersOf(json);
    expect(triggers.schema).toBe('v3');
    expect(triggers.release).toBe('42');
    expect(triggers['aws_api_gateway_method.pets_get']).toMatch(/^[0-9a-f]{32}$/);
  });

  test('addResource hashes a resource that discovery would not find', () => {
    const json = synthesize((stack) => {
      const { api } = petsApi(stack);
      const other = new ApiGatewayRestApi(stack, 'other', { name: 'other', binaryMediaTypes: ['image/png'] });
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: api });
      deployment.addResource(other);
    });

    expect(triggersOf(json)['aws_api_gateway_rest_api.other']).toMatch(/^[0-9a-f]{32}$/);
  });

  test('autoDiscover: false hashes only the REST API itself and the given resources', () => {
    const json = synthesize((stack) => {
      const { api, get } = petsApi(stack);
      new RestApiDeployment(stack, 'deploy', { restApi: api, autoDiscover: false, resources: [get] });
    });

    expect(Object.keys(triggersOf(json))).toEqual([
      'aws_api_gateway_method.pets_get',
      'aws_api_gateway_resource.pets',
      'aws_api_gateway_rest_api.api',
      'resource_ids',
    ]);
  });

  test('autoDiscover: false names the resources of the API left out of resources in a warning', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const { api, get } = petsApi(stack);
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: api, autoDiscover: false, resources: [get] });

    expect(RestApiDeployment.warningsOf(deployment)).toEqual([
      "Discovery is off ('autoDiscover: false'), and aws_api_gateway_resource.pets ('stack/pets'), aws_api_gateway_integration.pets_get_integration "
      + "('stack/pets_get_integration') name the REST API: they are not in 'resources', so changing them does not redeploy the API. "
      + "Leave discovery on (the default), or list them in 'resources'; otherwise list them in 'acknowledgedBlindSpots'.",
    ]);
    const all = new RestApiDeployment(stack, 'all', { restApi: api, stageName: 'all', autoDiscover: false, resources: [get], acknowledgedBlindSpots: [stack] });
    expect(RestApiDeployment.warningsOf(all)).toEqual([]);
  });

  test('a resource given in resources and also discovered has one entry', () => {
    const json = synthesize((stack) => {
      const { api, get } = petsApi(stack);
      new RestApiDeployment(stack, 'deploy', { restApi: api, resources: [get, get] });
    });

    expect(Object.keys(triggersOf(json)).filter((key) => key === 'aws_api_gateway_method.pets_get')).toHaveLength(1);
  });
});
