/**
 * What users hang on a stage (the setting of terraform-provider-aws #19805): a regional custom
 * domain with a base path mapping (`addBasePathMapping`), a usage plan with an API key, and a WAF
 * web ACL. Through a redeploy, a second stage, a stage rename, a switch from resources to an
 * OpenAPI body, and destroy (the README's attach-to-stage snippet, as written): each one apply under
 * the strict emulator, which refuses deleting a stage a mapping points at and a usage plan naming a
 * stage that does not exist, as AWS does (strict-emulator.terraform.ts shows the wrong patterns).
 */
import {
  GetApiKeysCommand,
  GetBasePathMappingsCommand,
  GetDeploymentsCommand,
  GetDomainNamesCommand,
  GetRestApisCommand,
  GetStagesCommand,
  GetUsagePlansCommand,
} from '@aws-sdk/client-api-gateway';
import { ApiGatewayApiKey } from '@cdktf/provider-aws/lib/api-gateway-api-key';
import { ApiGatewayDomainName } from '@cdktf/provider-aws/lib/api-gateway-domain-name';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { ApiGatewayUsagePlan } from '@cdktf/provider-aws/lib/api-gateway-usage-plan';
import { ApiGatewayUsagePlanKey } from '@cdktf/provider-aws/lib/api-gateway-usage-plan-key';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Wafv2WebAcl } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import { App, TerraformStack } from 'cdktf';
import { RestApiDeployment } from '../../../src';
import { petsApi } from '../../support/api';
import { readmeBlock } from '../../support/readme';
import { runSnippet } from '../../support/readme-snippet';
import { emulatorForThisFile } from '../emulator/emulator';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(20 * 60_000);

const emulator = emulatorForThisFile();
const DOMAIN = 'api.example.com';
const CERTIFICATE_ARN = 'arn:aws:acm:eu-west-2:123456789012:certificate/0a1b2c3d-4e5f-6789-abcd-ef0123456789';

/** One version of the app a user would write. */
interface AttachedVersion {
  /** The GET /pets integration's request template (resources only). @default '{"statusCode": 200}' */
  readonly template?: string;
  /** The main stage's name. @default 'prod' */
  readonly stageName?: string;
  /** Adds a `staging` stage, mapped at `staging` and in the usage plan. @default false */
  readonly staging?: boolean;
  /** The API defined by an OpenAPI body instead of resources. @default false */
  readonly openApiBody?: boolean;
}

const OPENAPI_BODY = JSON.stringify({
  openapi: '3.0.1',
  info: { title: 'pets', version: '1.0' },
  paths: { '/pets': { get: { 'x-amazon-apigateway-integration': { type: 'HTTP_PROXY', httpMethod: 'GET', uri: 'https://pets.example.com/pets' } } } },
});

function attachedApp(version: AttachedVersion = {}): (outdir: string) => App {
  return (outdir) => {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, 'attached');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    let api: ApiGatewayRestApi;
    if (version.openApiBody) {
      api = new ApiGatewayRestApi(stack, 'api', { name: 'pets', body: OPENAPI_BODY });
    } else {
      const pets = petsApi(stack);
      pets.integration.requestTemplates = { 'application/json': version.template ?? '{"statusCode": 200}' };
      api = pets.api;
    }
    const webAcl = new Wafv2WebAcl(stack, 'web_acl', {
      name: 'pets',
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudwatchMetricsEnabled: false, metricName: 'pets', sampledRequestsEnabled: false },
    });
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: api, stageName: version.stageName ?? 'prod', webAclArn: webAcl.arn });
    // The README's domain, base path mapping, usage plan and key, as written.
    const { domain, plan } = runSnippet(readmeBlock('readme-snippet', 'attach-to-stage'), stack, {
      ApiGatewayDomainName, ApiGatewayUsagePlan, ApiGatewayApiKey, ApiGatewayUsagePlanKey, api, deployment, certificateArn: CERTIFICATE_ARN,
    }) as { domain: ApiGatewayDomainName; plan: ApiGatewayUsagePlan };
    if (version.staging) {
      const staging = deployment.addStage('staging', { webAclArn: webAcl.arn });
      staging.addBasePathMapping(domain.domainName, { basePath: 'staging' });
      plan.putApiStages([deployment.deploymentStage, staging].map((stage) => ({ apiId: api.id, stage: stage.stage.stageName })));
    }
    return app;
  };
}

/** What the emulated API Gateway has. */
async function emulated() {
  const client = emulator().apiGateway();
  const apis = (await client.send(new GetRestApisCommand({}))).items ?? [];
  const restApiId = apis[0]?.id;
  const stages = restApiId ? (await client.send(new GetStagesCommand({ restApiId }))).item ?? [] : [];
  const deployments = restApiId ? (await client.send(new GetDeploymentsCommand({ restApiId }))).items ?? [] : [];
  const domains = (await client.send(new GetDomainNamesCommand({}))).items ?? [];
  const mappings = domains.length ? (await client.send(new GetBasePathMappingsCommand({ domainName: DOMAIN }))).items ?? [] : [];
  return {
    apis,
    stages: Object.fromEntries(stages.map((stage) => [stage.stageName!, stage])),
    deploymentIds: deployments.map((deployment) => deployment.id!),
    domains,
    mappings: Object.fromEntries(mappings.map((mapping) => [mapping.basePath!, mapping.stage])),
    usagePlans: (await client.send(new GetUsagePlansCommand({}))).items ?? [],
    apiKeys: (await client.send(new GetApiKeysCommand({}))).items ?? [],
  };
}

/** Loads the version, applies it in one go, and checks the next plan is empty. */
function applyVersion(workdir: TerraformWorkdir, version: AttachedVersion): void {
  workdir.load(synthesizeStack(attachedApp(version), 'attached'));
  workdir.plan();
  workdir.apply();
  expect(workdir.planExitCode()).toMatchObject({ code: 0 });
}

test('a mapped stage with a usage plan and a web ACL: redeploy, second stage, rename, OpenAPI body, destroy, each one apply', async () => {
  const workdir = new TerraformWorkdir('attachments', emulator());
  workdir.load(synthesizeStack(attachedApp(), 'attached')).init();
  applyVersion(workdir, {});
  let now = await emulated();
  expect(now.mappings).toEqual({ pets: 'prod' });
  expect(now.usagePlans.map((plan) => plan.apiStages!.map((stage) => stage.stage))).toEqual([['prod']]);
  expect(now.stages.prod.webAclArn).toMatch(/^arn:aws:wafv2:/);
  const first = now.stages.prod.deploymentId;

  // A redeploy: the new deployment under the mapped stage; the old one deleted after the stage moved.
  applyVersion(workdir, { template: '{"statusCode": 201}' });
  now = await emulated();
  expect(now.stages.prod.deploymentId).not.toBe(first);
  expect(now.deploymentIds).toEqual([now.stages.prod.deploymentId]);

  // A second stage with its own mapping, in the same usage plan and behind the same web ACL.
  applyVersion(workdir, { template: '{"statusCode": 201}', staging: true });
  now = await emulated();
  expect(now.mappings).toEqual({ pets: 'prod', staging: 'staging' });
  expect(now.usagePlans[0].apiStages!.map((stage) => stage.stage).sort()).toEqual(['prod', 'staging']);
  expect(now.stages.staging.webAclArn).toBe(now.stages.prod.webAclArn);

  // A rename: the new stage is created, the mapping and the usage plan move to it, then the old stage goes.
  applyVersion(workdir, { template: '{"statusCode": 201}', staging: true, stageName: 'live' });
  now = await emulated();
  expect(Object.keys(now.stages).sort()).toEqual(['live', 'staging']);
  expect(now.mappings).toEqual({ pets: 'live', staging: 'staging' });
  expect(now.usagePlans[0].apiStages!.map((stage) => stage.stage).sort()).toEqual(['live', 'staging']);
  expect(now.stages.live.webAclArn).toMatch(/^arn:aws:wafv2:/);

  // From resources to an OpenAPI body: a redeploy under both mapped stages.
  applyVersion(workdir, { staging: true, stageName: 'live', openApiBody: true });
  now = await emulated();
  expect(now.stages.live.deploymentId).toBe(now.stages.staging.deploymentId);
  expect(now.deploymentIds).toEqual([now.stages.live.deploymentId]);
  expect(now.mappings).toEqual({ pets: 'live', staging: 'staging' });

  workdir.destroy();
  now = await emulated();
  expect({ apis: now.apis, domains: now.domains, usagePlans: now.usagePlans, apiKeys: now.apiKeys })
    .toEqual({ apis: [], domains: [], usagePlans: [], apiKeys: [] });
});
