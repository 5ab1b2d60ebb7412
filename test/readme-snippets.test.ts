/**
 * The README's TypeScript snippets run as written, and do what the README says of them.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiGatewayApiKey } from '@cdktf/provider-aws/lib/api-gateway-api-key';
import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { ApiGatewayDomainName } from '@cdktf/provider-aws/lib/api-gateway-domain-name';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { ApiGatewayUsagePlan } from '@cdktf/provider-aws/lib/api-gateway-usage-plan';
import { ApiGatewayUsagePlanKey } from '@cdktf/provider-aws/lib/api-gateway-usage-plan-key';
import { Fn, TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { AccessLogDestination, RestApiDeployment } from '../src';
import { petsApi } from './support/api';
import { readmeBlock, readmeBlocks } from './support/readme';
import { runSnippet } from './support/readme-snippet';
import { README_SNIPPET_APPS } from './support/readme-stacks';
import { changedTriggerKeys, TerraformJson } from './support/synth';

const NAMES = { ApiGatewayDeployment, ApiGatewayStage, Fn, TerraformOutput, RestApiDeployment, AccessLogDestination };

/**
 * The `/pets` API and a snippet in one stack; `changed` edits the integration's request template
 * (an in-place change: the integration keeps its id) and adds `POST /pets` with its integration.
 */
function petsStackWith(snippet: string, changed: boolean): TerraformJson {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const { api, pets, get, integration } = petsApi(stack);
  if (changed) {
    integration.requestTemplates = { 'application/json': '{"statusCode": 201}' };
    const post = new ApiGatewayMethod(stack, 'pets_post', { restApiId: api.id, resourceId: pets.id, httpMethod: 'POST', authorization: 'NONE' });
    new ApiGatewayIntegration(stack, 'pets_post_integration', { restApiId: api.id, resourceId: pets.id, httpMethod: post.httpMethod, type: 'MOCK' });
  }
  runSnippet(snippet, stack, { ...NAMES, api, pets, get, integration });
  return JSON.parse(Testing.synth(stack));
}

describe("the README's before and after", () => {
  test("before: the provider page's pattern does not redeploy when an integration changes or a method is added", () => {
    const before = readmeBlock('readme-snippet', 'before');

    expect(changedTriggerKeys(petsStackWith(before, false), petsStackWith(before, true))).toEqual([]);
  });

  test('after: the construct redeploys, and the trigger keys name what changed', () => {
    const after = readmeBlock('readme-snippet', 'after');

    expect(changedTriggerKeys(petsStackWith(after, false), petsStackWith(after, true))).toEqual([
      'aws_api_gateway_integration.pets_get_integration',
      'aws_api_gateway_integration.pets_post_integration',
      'aws_api_gateway_method.pets_post',
      'resource_ids',
    ]);
  });
});

function synthesizeSnippet(snippet: string, names: Record<string, unknown> = {}): { json: TerraformJson; declared: Record<string, unknown> } {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const pets = petsApi(stack);
  const declared = runSnippet(snippet, stack, { ...NAMES, ...pets, ...names });
  return { json: JSON.parse(Testing.synth(stack)), declared };
}

test('an API defined elsewhere: only the given resources and triggers redeploy it', () => {
  const { json } = synthesizeSnippet(readmeBlock('readme-snippet', 'defined-elsewhere'), { sharedApiId: 'a1b2c3d4e5' });

  const [deployment] = Object.values<any>(json.resource.aws_api_gateway_deployment);
  expect(deployment.rest_api_id).toBe('a1b2c3d4e5');
  expect(deployment.triggers.release).toBe('2026-11-26');
  // Digests only for the given resource; what its configuration references (the method, the
  // resource, the API) gets plan-time entries as for any referenced object, not discovery's digests.
  const digested = Object.entries<string>(deployment.triggers).filter(([, value]) => /^[0-9a-f]{32}$/.test(value)).map(([key]) => key);
  expect(digested).toEqual(['aws_api_gateway_integration.pets_get_integration']);
  expect(deployment.triggers['aws_api_gateway_method.pets_get']).toBe('${sha1(jsonencode([aws_api_gateway_method.pets_get.http_method]))}');
});

test('addStage: a second stage on the same deployment, with its own log group and output', () => {
  const { json } = synthesizeSnippet(`const deployment = new RestApiDeployment(this, 'deployment', { restApi: api });\n${readmeBlock('readme-snippet', 'add-stage')}`);

  const stages = Object.values<any>(json.resource.aws_api_gateway_stage);
  expect(stages.map((stage) => stage.stage_name).sort()).toEqual(['prod', 'staging']);
  expect(new Set(stages.map((stage) => stage.deployment_id)).size).toBe(1);
  expect(Object.values<any>(json.resource.aws_cloudwatch_log_group)[0]).toMatchObject({ retention_in_days: 30 });
  expect(json.output.staging_url.value).toMatch(/\.invoke_url\}\/orders$/);
});

test("adopting the provider page's pattern: both resources are moved into the construct's addresses", () => {
  const { json } = synthesizeSnippet(readmeBlock('readme-snippet', 'adopt-hand-written'));

  expect(json.moved).toEqual([
    { from: 'aws_api_gateway_deployment.deployment', to: 'aws_api_gateway_deployment.deployment_Deployment_E18B84BC' },
    { from: 'aws_api_gateway_stage.stage', to: 'aws_api_gateway_stage.deployment_Stage_B284FC1F' },
  ]);
});

test('adopting a v5 stage_name deployment: the stage is imported, the old deployment moved', () => {
  const { json } = synthesizeSnippet(readmeBlock('readme-snippet', 'adopt-v5'));

  expect(json.import).toEqual([{ id: '${aws_api_gateway_rest_api.api.id}/prod', to: 'aws_api_gateway_stage.deployment_Stage_B284FC1F' }]);
  expect(json.moved).toEqual([{ from: 'aws_api_gateway_deployment.old_deployment', to: 'aws_api_gateway_deployment.deployment_Deployment_E18B84BC' }]);
});

test("the README's example error is the one a stage name with a space gives", () => {
  const stack = new TerraformStack(Testing.app(), 'stack');

  expect(() => new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, stageName: 'my stage' }))
    .toThrow(readmeBlock('readme-output', 'error-stage-name'));
});

test('pin-stage: the stage ignores its deployment_id; the deployment is still replaced on a change', () => {
  const { json } = synthesizeSnippet(`const deployment = new RestApiDeployment(this, 'deployment', { restApi: api });\n${readmeBlock('readme-snippet', 'pin-stage')}`);

  const [stage] = Object.values<any>(json.resource.aws_api_gateway_stage);
  const [deployment] = Object.values<any>(json.resource.aws_api_gateway_deployment);
  expect(stage.lifecycle).toEqual({ create_before_destroy: true, ignore_changes: ['deployment_id'] });
  expect(deployment.lifecycle).toEqual({ create_before_destroy: true });
});

test('attach-to-stage: the mapping and the usage plan name the stage through its resource', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const { api } = petsApi(stack);
  const deployment = new RestApiDeployment(stack, 'deployment', { restApi: api });
  runSnippet(readmeBlock('readme-snippet', 'attach-to-stage'), stack, {
    ApiGatewayDomainName,
    ApiGatewayUsagePlan,
    ApiGatewayApiKey,
    ApiGatewayUsagePlanKey,
    api,
    deployment,
    certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc',
  });
  const json = JSON.parse(Testing.synth(stack));

  const stageName = `\${aws_api_gateway_stage.${Object.keys(json.resource.aws_api_gateway_stage)[0]}.stage_name}`;
  expect(Object.values<any>(json.resource.aws_api_gateway_base_path_mapping)).toEqual([
    { api_id: '${aws_api_gateway_rest_api.api.id}', base_path: 'pets', domain_name: '${aws_api_gateway_domain_name.domain.domain_name}', stage_name: stageName },
  ]);
  expect(json.resource.aws_api_gateway_usage_plan.usage_plan.api_stages).toEqual([{ api_id: '${aws_api_gateway_rest_api.api.id}', stage: stageName }]);
  expect(json.resource.aws_api_gateway_usage_plan_key.usage_plan_key.key_id).toBe('${aws_api_gateway_api_key.api_key.id}');
});

describe('every README snippet synthesizes as a program (readme-validate.terraform.ts runs terraform validate on each)', () => {
  test('each snippet has a program', () => {
    expect(Object.keys(README_SNIPPET_APPS).sort()).toEqual([...readmeBlocks('readme-snippet').keys()].sort());
  });

  test.each(Object.keys(README_SNIPPET_APPS))('%s', (name) => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-snippet-'));
    README_SNIPPET_APPS[name](outdir);
    const stacks = fs.readdirSync(path.join(outdir, 'stacks'));
    expect(stacks.length).toBeGreaterThan(0);
    for (const stack of stacks) {
      expect(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8')).not.toContain('TfToken[');
    }
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});

describe("the README's complete HTTP and WebSocket stacks", () => {
  /** The stack a snippet synthesizes, read back. */
  function stackOf(name: string): TerraformJson {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-stack-'));
    README_SNIPPET_APPS[name](outdir);
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8'));
    fs.rmSync(outdir, { recursive: true, force: true });
    return json;
  }

  test.each([
    ['http-api-stack', ['aws_apigatewayv2_api.api', 'aws_apigatewayv2_integration.pets_integration', 'aws_apigatewayv2_route.pets_get'],
      '${aws_apigatewayv2_api.api.execution_arn}/$default/GET/pets'],
    ['websocket-api-stack', ['aws_apigatewayv2_api.api', 'aws_apigatewayv2_integration.chat_integration', 'aws_apigatewayv2_route.route_connect', 'aws_apigatewayv2_route.route_default'],
      '${aws_apigatewayv2_api.api.execution_arn}/prod/*'],
  ])('%s: the deployment hashes the API, its routes and integration, and the permission names the API, not the stage', (name, keys, sourceArn) => {
    const json = stackOf(name);
    const [deployment] = Object.values<any>(json.resource.aws_apigatewayv2_deployment);

    expect(Object.keys(deployment.triggers)).toEqual(expect.arrayContaining([...keys, 'aws_lambda_function.' + (name.startsWith('http') ? 'pets_handler' : 'chat_handler')]));
    expect(Object.values<any>(json.resource.aws_lambda_permission)[0].source_arn).toBe(sourceArn);
  });
});

describe("the README's watched stack", () => {
  test('watch-stage-stack: the default alarms, a method\'s errors and the client error rate of the main stage, told to the topics variable, and a dashboard', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'readme-stack-'));
    README_SNIPPET_APPS['watch-stage-stack'](outdir);
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'watch-stage-stack', 'cdk.tf.json'), 'utf8'));
    fs.rmSync(outdir, { recursive: true, force: true });

    const alarms = Object.values<any>(json.resource.aws_cloudwatch_metric_alarm);
    expect(alarms.map((alarm) => [alarm.alarm_name, alarm.threshold, alarm.alarm_actions ?? null])).toEqual([
      ['watch-stage-stack-deployment-Stage-ClientErrorRate', 25, null],
      ['watch-stage-stack-deployment-Stage-LatencyP99', 1500, '${var.alarm_topic_arns}'],
      ['watch-stage-stack-deployment-Stage-OrdersServerErrors', 1, '${var.alarm_topic_arns}'],
      ['watch-stage-stack-deployment-Stage-ServerErrorRate', 5, '${var.alarm_topic_arns}'],
    ]);
    expect(alarms[2].dimensions).toEqual({ ApiName: '${aws_api_gateway_rest_api.orders.name}', Stage: 'prod', Method: 'GET', Resource: '/orders' });
    expect(json.output.dashboard.value).toMatch(/^\$\{aws_cloudwatch_dashboard\.deployment_Dashboard_\w+\.dashboard_name\}$/);
  });
});
