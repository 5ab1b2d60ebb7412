import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiGatewayAccount } from '@cdktf/provider-aws/lib/api-gateway-account';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { ApiGatewayRestApiPolicy } from '@cdktf/provider-aws/lib/api-gateway-rest-api-policy';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, Fn, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { HttpApiDeployment, RestApiDeployment } from '../src';
import { petsApi } from './support/api';
import { synthesizeStack, warningsOf } from './support/synth';

/** Builds a stack, synthesizes it, and returns the deployment's warnings. */
function warningsFor(build: (stack: TerraformStack) => RestApiDeployment): string[] {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const deployment = build(stack);
  synthesizeStack(stack);
  return warningsOf(deployment);
}

describe('warnings for configurations that fail at deploy time', () => {
  test('a complete API gets no warning', () => {
    expect(warningsFor((stack) => new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }))).toEqual([]);
  });

  test('a method without an integration', () => {
    const warnings = warningsFor((stack) => {
      const api = petsApi(stack);
      new ApiGatewayMethod(stack, 'pets_post', { restApiId: api.api.id, resourceId: api.pets.id, httpMethod: 'POST', authorization: 'NONE' });
      return new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    });

    expect(warnings).toEqual([
      "The method aws_api_gateway_method.pets_post ('stack/pets_post') has no aws_api_gateway_integration: " +
      'the deployment will fail with "No integration defined for method". Add an integration for it.',
    ]);
  });

  test('an integration that names its method with a literal HTTP method counts', () => {
    const warnings = warningsFor((stack) => {
      const api = petsApi(stack);
      new ApiGatewayMethod(stack, 'pets_post', { restApiId: api.api.id, resourceId: api.pets.id, httpMethod: 'POST', authorization: 'NONE' });
      new ApiGatewayIntegration(stack, 'pets_post_integration', { restApiId: api.api.id, resourceId: api.pets.id, httpMethod: 'POST', type: 'MOCK' });
      return new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    });

    expect(warnings).toEqual([]);
  });

  test("an integration that names its method's resource and HTTP method through the method (as Terraform's guides write it) counts", () => {
    const warnings = warningsFor((stack) => {
      const api = petsApi(stack);
      const method = new ApiGatewayMethod(stack, 'pets_post', { restApiId: api.api.id, resourceId: api.pets.id, httpMethod: 'POST', authorization: 'NONE' });
      new ApiGatewayIntegration(stack, 'pets_post_integration', {
        restApiId: api.api.id, resourceId: method.resourceId, httpMethod: method.httpMethod, type: 'MOCK',
      });
      return new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    });

    expect(warnings).toEqual([]);
  });

  test('an API with neither methods nor a body', () => {
    const warnings = warningsFor((stack) =>
      new RestApiDeployment(stack, 'deploy', { restApi: new ApiGatewayRestApi(stack, 'api', { name: 'empty' }) }));

    expect(warnings).toEqual([
      'The REST API aws_api_gateway_rest_api.api has no methods and no OpenAPI body: AWS refuses to deploy it ' +
      '("The REST API doesn\'t contain any methods"). Add an aws_api_gateway_method with its integration, or a body.',
    ]);
  });

  test('an API with a body and no method resources gets no warning', () => {
    const warnings = warningsFor((stack) => new RestApiDeployment(stack, 'deploy', {
      restApi: new ApiGatewayRestApi(stack, 'api', { name: 'openapi', body: '{"openapi": "3.0.1", "paths": {}}' }),
    }));

    expect(warnings).toEqual([]);
  });

  test('a deployment with nothing to trigger on', () => {
    const warnings = warningsFor((stack) => new RestApiDeployment(stack, 'deploy', { restApiId: 'abc123' }));

    expect(warnings).toEqual([
      'This deployment has no redeploy triggers: it is created once and never redeployed. ' +
      "Give 'restApi' (with discovery on), 'resources' or 'triggers'.",
    ]);
  });

  test('each warning is given once, however often the stack is synthesized', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: new ApiGatewayRestApi(stack, 'api', { name: 'empty' }) });
    synthesizeStack(stack);
    synthesizeStack(stack);

    expect(warningsOf(deployment)).toHaveLength(1);
  });

  test('cdktf synth records the warnings in the manifest, where the CLI prints them: one about the API once, on the API, however many deployments it has', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'rest-api-deployment-'));
    const app = new App({ outdir, skipValidation: true });
    const stack = new TerraformStack(app, 'stack');
    const api = petsApi(stack);
    new ApiGatewayMethod(stack, 'pets_post', { restApiId: api.api.id, resourceId: api.pets.id, httpMethod: 'POST', authorization: 'NONE' });
    new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    const second = new RestApiDeployment(stack, 'deploy_beta', { restApi: api.api, stageName: 'beta' });

    app.synth();

    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    expect(RestApiDeployment.warningsOf(second)).toEqual([expect.stringContaining('has no aws_api_gateway_integration')]);
    expect(manifest.stacks.stack.annotations).toEqual([expect.objectContaining({
      constructPath: 'stack/api',
      level: '@cdktf/warn',
      message: expect.stringContaining("The method aws_api_gateway_method.pets_post ('stack/pets_post') has no aws_api_gateway_integration"),
    })]);
  });
});

describe('each warning once', () => {
  /** A deployment with an engine warning (no methods) and a check across stacks (the account's CloudWatch role may be set twice). */
  function twoWarnings(): { app: App; stack: TerraformStack } {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'stack');
    const other = new TerraformStack(app, 'other');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new AwsProvider(other, 'aws', { region: new TerraformVariable(other, 'region', {}).stringValue });
    new ApiGatewayAccount(other, 'account', { cloudwatchRoleArn: 'arn:aws:iam::123456789012:role/api-gateway-logs' });
    new RestApiDeployment(stack, 'deploy', { restApi: new ApiGatewayRestApi(stack, 'api', { name: 'empty' }), cloudWatchRole: true });
    return { app, stack };
  }
  const expected = [
    expect.stringContaining('has no methods and no OpenAPI body'),
    expect.stringContaining("may be the same account setting that 'other/account' sets"),
  ];

  test('warningsOf after Testing.synth(stack, true), and asked twice', () => {
    const { stack } = twoWarnings();
    Testing.synth(stack, true);

    expect(RestApiDeployment.warningsOf(stack)).toEqual(expect.arrayContaining(expected));
    expect(RestApiDeployment.warningsOf(stack)).toHaveLength(expected.length);
  });

  test('in the manifest of an app synthesized twice', () => {
    const { app } = twoWarnings();
    app.synth();
    app.synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(app.outdir, 'manifest.json'), 'utf8'));
    const warnings = manifest.stacks.stack.annotations.filter((annotation: { level: string }) => annotation.level === '@cdktf/warn');

    expect(warnings.map((annotation: { message: string }) => annotation.message)).toEqual(expect.arrayContaining(expected));
    expect(warnings).toHaveLength(expected.length);
  });
});

test('two deployments of one API that warn about one resource: the warning once', () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'stack');
  const api = new ApiGatewayRestApi(stack, 'api', { name: 'empty' });
  new RestApiDeployment(stack, 'one', { restApi: api });
  new RestApiDeployment(stack, 'two', { restApi: api, stageName: 'beta' });

  expect(RestApiDeployment.warningsOf(app)).toEqual([expect.stringContaining('has no methods and no OpenAPI body')]);
});

/**
 * `warningsOf` before and after `app.synth()` of an app with a REST deployment of a small API, to which
 * `change` adds what warns: both lists, the first asked before the synth.
 */
function warningsBeforeAndAfterSynth(change: (stack: TerraformStack, deployment: RestApiDeployment) => void): { before: string[]; after: string[] } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'warnings-before-after-'));
  try {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    const api = new ApiGatewayRestApi(stack, 'api', { name: 'pets' });
    const get = new ApiGatewayMethod(stack, 'get', { restApiId: api.id, resourceId: api.rootResourceId, httpMethod: 'GET', authorization: 'NONE' });
    new ApiGatewayIntegration(stack, 'integration', { restApiId: api.id, resourceId: api.rootResourceId, httpMethod: get.httpMethod, type: 'MOCK' });
    change(stack, new RestApiDeployment(stack, 'deploy', { restApi: api }));
    const before = RestApiDeployment.warningsOf(app);
    app.synth();
    return { before, after: RestApiDeployment.warningsOf(app) };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

test('warningsOf before a synth gives the warnings of the resources the constructs own too (a pinned stage, an override on the stack)', () => {
  const { before, after } = warningsBeforeAndAfterSynth((stack, deployment) => {
    deployment.deploymentStage.stage.addOverride('lifecycle.ignore_changes', ['deployment_id']);
    stack.addOverride(`resource.aws_api_gateway_stage.${deployment.deploymentStage.stage.friendlyUniqueId}.description`, 'pinned');
  });

  expect(before).toEqual([
    expect.stringMatching(/^'stack\/deploy\/Stage\/Default' \(deploymentStage.stage\) ignores the changes of deployment_id/),
    expect.stringMatching(/^'stack\/deploy\/Stage\/Default' \(deploymentStage.stage, aws_api_gateway_stage\.\S+\) is changed by an override of its stack/),
  ]);
  expect(after).toEqual(before);
});

test('warningsOf before a synth gives the custom domains\' warnings too (a key known only at deploy time)', () => {
  const { before, after } = warningsBeforeAndAfterSynth((stack, deployment) => {
    deployment.addApiMapping('api.example.com', { apiMappingKey: 'v1' });
    deployment.addStage('beta').addApiMapping('api.example.com', { apiMappingKey: new TerraformVariable(stack, 'key', { type: 'string' }).stringValue });
  });

  expect(before).toEqual([expect.stringMatching(/^The apiMappingKey of addStage\(beta\).addApiMapping, "\$\{var.key\}", is known only at deploy time/)]);
  expect(after).toEqual(before);
});

test('warningsOf a stack with an API deployed from another stack gives the warnings its deployment constructs give on that API', () => {
  const app = Testing.app();
  const apiStack = new TerraformStack(app, 'api');
  const api = petsApi(apiStack);
  new ApiGatewayMethod(apiStack, 'pets_post', { restApiId: api.api.id, resourceId: api.pets.id, httpMethod: 'POST', authorization: 'NONE' });
  const deployStack = new TerraformStack(app, 'deploy');
  new RestApiDeployment(deployStack, 'deployment', { restApi: api.api });

  const expected = ["The method aws_api_gateway_method.pets_post ('api/pets_post') has no aws_api_gateway_integration: "
    + 'the deployment will fail with "No integration defined for method". Add an integration for it.'];
  expect(RestApiDeployment.warningsOf(apiStack)).toEqual(expected);
  expect(RestApiDeployment.warningsOf(deployStack)).toEqual(expected);
  expect(HttpApiDeployment.warningsOf(apiStack)).toEqual([]);
});

test('a private REST API without a resource policy: a warning (AWS refuses to deploy it); with one, none', () => {
  const warningsWith = (policy: boolean) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const pets = petsApi(stack, { endpointConfiguration: { types: ['PRIVATE'] } });
    if (policy) {
      new ApiGatewayRestApiPolicy(stack, 'policy', { restApiId: pets.api.id, policy: '{"Version":"2012-10-17","Statement":[]}' });
    }
    new RestApiDeployment(stack, 'deploy', { restApi: pets.api });
    return RestApiDeployment.warningsOf(stack);
  };
  expect(warningsWith(false)).toEqual(['The REST API aws_api_gateway_rest_api.api is private (endpoint type PRIVATE) and has no resource policy: AWS '
    + 'refuses to deploy it ("Private REST API doesn\'t have a resource policy attached to it"). Give it a policy (its policy, an '
    + 'aws_api_gateway_rest_api_policy, or x-amazon-apigateway-policy in its body) that allows execute-api:Invoke from your VPC endpoints.']);
  expect(warningsWith(true)).toEqual([]);
});

test("a private REST API's body read from a file at plan time: the file is read when its path is absolute; a body of elsewhere is not judged", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'private-body-'));
  const spec = (policy: boolean) => JSON.stringify({
    openapi: '3.0.1',
    info: { title: 'pets', version: '1' },
    ...(policy ? { 'x-amazon-apigateway-policy': { Version: '2012-10-17', Statement: [] } } : {}),
    paths: { '/pets': { get: { 'x-amazon-apigateway-integration': { type: 'mock' } } } },
  });
  fs.writeFileSync(path.join(dir, 'with.json'), spec(true));
  fs.writeFileSync(path.join(dir, 'without.json'), spec(false));
  const warningsWith = (body: (stack: TerraformStack) => string) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const api = new ApiGatewayRestApi(stack, 'api', { name: 'pets', endpointConfiguration: { types: ['PRIVATE'] }, body: body(stack) });
    new RestApiDeployment(stack, 'deploy', { restApi: api });
    return RestApiDeployment.warningsOf(stack).filter((warning) => warning.includes('is private'));
  };
  expect(warningsWith(() => Fn.file(path.join(dir, 'with.json')))).toEqual([]);
  expect(warningsWith(() => Fn.file(path.join(dir, 'without.json')))).toHaveLength(1);
  expect(warningsWith((stack) => new TerraformVariable(stack, 'spec', { type: 'string' }).stringValue)).toEqual([]);
  expect(warningsWith(() => Fn.jsonencode(JSON.parse(spec(false))))).toHaveLength(1);
  expect(warningsWith(() => Fn.jsonencode(JSON.parse(spec(true))))).toEqual([]);
  fs.rmSync(dir, { recursive: true, force: true });
});
