/**
 * APIs in another region than their provider's, by provider v6's per-resource `region`: the
 * deployment constructs put the deployment, the stages, the access log group and the API mapping in
 * the API's region. Applied under the emulator, which keeps each region apart as AWS does: a
 * deployment made in the provider's region would not find its API there. A stage made by hand in
 * the API's region is adopted by `importExistingStage` (import id `<api>/<stage>@<region>`).
 */
import { APIGatewayClient, GetRestApisCommand, GetStagesCommand } from '@aws-sdk/client-api-gateway';
import {
  ApiGatewayV2Client, CreateStageCommand, GetApiMappingsCommand, GetApisCommand, GetStageCommand, GetStagesCommand as GetV2StagesCommand,
} from '@aws-sdk/client-apigatewayv2';
import { Apigatewayv2DomainName } from '@cdktf/provider-aws/lib/apigatewayv2-domain-name';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformResource, TerraformStack } from 'cdktf';
import { AccessLogDestination, HttpApiDeployment, RestApiDeployment } from '../../../src';
import { petsApi } from '../../support/api';
import { petsHttpApi } from '../../support/v2-api';
import { emulatorForThisFile } from '../emulator/emulator';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

jest.setTimeout(10 * 60_000);

const emulator = emulatorForThisFile();
const API_REGION = 'us-east-1';

/** What the app has besides the APIs and the domain. */
interface RegionAppVersion {
  /** The deployments and the mapping; without them, the APIs only. @default true */
  readonly deployments?: boolean;
  /** `importExistingStage` on the HTTP API's deployment. @default false */
  readonly importHttpStage?: boolean;
}

function regionApp(version: RegionAppVersion = {}): (outdir: string) => App {
  return (outdir) => buildRegionApp(outdir, version);
}

function buildRegionApp(outdir: string, version: RegionAppVersion): App {
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'regions');
  new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
  const rest = petsApi(stack).api;
  const http = petsHttpApi(stack).api;
  const domain = new Apigatewayv2DomainName(stack, 'domain', {
    domainName: 'api.example.com',
    domainNameConfiguration: { certificateArn: `arn:aws:acm:${API_REGION}:123456789012:certificate/abc`, endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
  });
  // The user's own resources, all in the API's region.
  for (const resource of stack.node.findAll().filter((construct): construct is TerraformResource => construct instanceof TerraformResource)) {
    (resource as unknown as { region: string }).region = API_REGION;
  }
  if (version.deployments === false) {
    return app;
  }
  new RestApiDeployment(stack, 'rest', { restApi: rest, stageName: 'prod', cloudWatchRole: false });
  const deployment = new HttpApiDeployment(stack, 'http', {
    httpApi: http,
    stageName: 'live',
    accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays: 7 }),
    importExistingStage: version.importHttpStage,
  });
  deployment.addApiMapping(domain.domainName, { apiMappingKey: 'pets' });
  return app;
}

function clientsIn(region: string) {
  const settings = { region, endpoint: emulator().endpoint, credentials: { accessKeyId: 'emulated', secretAccessKey: 'emulated' } };
  return { rest: new APIGatewayClient(settings), v2: new ApiGatewayV2Client(settings) };
}

describe("an API in another region than its provider's", () => {
  let workdir: TerraformWorkdir;

  beforeAll(() => {
    workdir = new TerraformWorkdir('resource-region', emulator());
  });

  test("the deployments, stages, log group and mapping are made in the API's region, and a second plan has nothing to do", async () => {
    workdir.load(synthesizeStack(regionApp(), 'regions')).init();
    workdir.plan();
    workdir.apply();

    const { rest, v2 } = clientsIn(API_REGION);
    const restApiId = (await rest.send(new GetRestApisCommand({}))).items![0].id!;
    expect(((await rest.send(new GetStagesCommand({ restApiId }))).item ?? []).map((stage) => stage.stageName)).toEqual(['prod']);
    const apiId = (await v2.send(new GetApisCommand({}))).Items![0].ApiId!;
    expect(((await v2.send(new GetV2StagesCommand({ ApiId: apiId }))).Items ?? []).map((stage) => stage.StageName)).toEqual(['live']);
    const mappings = (await v2.send(new GetApiMappingsCommand({ DomainName: 'api.example.com' }))).Items ?? [];
    expect(mappings.map((mapping) => [mapping.ApiMappingKey, mapping.Stage])).toEqual([['pets', 'live']]);
    expect((await clientsIn('eu-west-2').v2.send(new GetApisCommand({}))).Items ?? []).toEqual([]);

    const second = workdir.planExitCode();
    expect({ code: second.code, output: second.code === 0 ? '' : second.output }).toEqual({ code: 0, output: '' });
  });

  test('destroy leaves nothing in either region', async () => {
    workdir.destroy();
    expect((await clientsIn(API_REGION).v2.send(new GetApisCommand({}))).Items ?? []).toEqual([]);
    expect((await clientsIn(API_REGION).rest.send(new GetRestApisCommand({}))).items ?? []).toEqual([]);
  });

  test("a stage made by hand in the API's region is imported there, not recreated", async () => {
    workdir.load(synthesizeStack(regionApp({ deployments: false }), 'regions'));
    workdir.plan();
    workdir.apply();
    const { v2 } = clientsIn(API_REGION);
    const apiId = (await v2.send(new GetApisCommand({}))).Items![0].ApiId!;
    await v2.send(new CreateStageCommand({ ApiId: apiId, StageName: 'live', Description: 'made by hand' }));

    const plan = workdir.load(synthesizeStack(regionApp({ importHttpStage: true }), 'regions')).plan();
    const stage = Object.keys(plan.changedResources()).find((address) => address.startsWith('aws_apigatewayv2_stage.'))!;
    expect(plan.imports(stage)).toBe(true);
    expect(plan.actions(stage)).toEqual(['update']);
    workdir.apply();
    const state = workdir.state();
    const deployment = Object.keys(state).find((address) => address.startsWith('aws_apigatewayv2_deployment.'))!;
    expect((await v2.send(new GetStageCommand({ ApiId: apiId, StageName: 'live' }))).DeploymentId).toBe(state[deployment].id);

    workdir.destroy();
    expect((await v2.send(new GetApisCommand({}))).Items ?? []).toEqual([]);
  });
});

