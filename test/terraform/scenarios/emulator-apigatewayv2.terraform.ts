/**
 * The API Gateway v2 operations `moto_apigatewayv2.py` adds to moto, each as the AWS SDK calls it:
 * deployments (create, get, list, update, delete), a stage's deploymentId, UpdateStage,
 * DeleteRouteSettings, DeleteAccessLogSettings, the tags of a stage, API mappings of REST APIs and
 * UpdateApiMapping; and the refusals `moto_strict.py` adds to v2 (route settings of a missing route,
 * a mapping key twice on a domain, a mapping to a missing stage, DeleteApi of a mapped API, DeleteStage
 * of a mapped stage, DeleteStage and DeleteRestApi of a REST API mapped through an API mapping).
 */
import {
  CreateDeploymentCommand as CreateRestDeploymentCommand, CreateRestApiCommand, CreateStageCommand as CreateRestStageCommand, DeleteRestApiCommand,
  DeleteStageCommand as DeleteRestStageCommand, GetResourcesCommand, PutIntegrationCommand, PutMethodCommand,
} from '@aws-sdk/client-api-gateway';
import {
  CreateApiCommand,
  CreateApiMappingCommand,
  CreateDomainNameCommand,
  DeleteApiCommand,
  DeleteApiMappingCommand,
  GetApiMappingsCommand,
  GetDomainNameCommand,
  UpdateApiMappingCommand,
  CreateDeploymentCommand,
  CreateRouteCommand,
  CreateStageCommand,
  DeleteAccessLogSettingsCommand,
  DeleteDeploymentCommand,
  DeleteRouteSettingsCommand,
  DeleteStageCommand,
  GetDeploymentCommand,
  GetDeploymentsCommand,
  GetStageCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateDeploymentCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-apigatewayv2';
import { emulatorForThisFile, EMULATED_REGION } from '../emulator/emulator';

const emulator = emulatorForThisFile();

async function newApi(): Promise<string> {
  return (await emulator().apiGatewayV2().send(new CreateApiCommand({ Name: 'probe', ProtocolType: 'HTTP' }))).ApiId!;
}

test('deployments: created DEPLOYED, listed, described, deleted (then not found)', async () => {
  const client = emulator().apiGatewayV2();
  const apiId = await newApi();

  const created = await client.send(new CreateDeploymentCommand({ ApiId: apiId, Description: 'first' }));
  expect(created).toMatchObject({ DeploymentStatus: 'DEPLOYED', AutoDeployed: false, Description: 'first' });
  await client.send(new UpdateDeploymentCommand({ ApiId: apiId, DeploymentId: created.DeploymentId, Description: 'renamed' }));
  expect(await client.send(new GetDeploymentCommand({ ApiId: apiId, DeploymentId: created.DeploymentId }))).toMatchObject({ Description: 'renamed' });
  expect((await client.send(new GetDeploymentsCommand({ ApiId: apiId }))).Items?.map((item) => item.DeploymentId)).toEqual([created.DeploymentId]);

  await client.send(new DeleteDeploymentCommand({ ApiId: apiId, DeploymentId: created.DeploymentId }));
  expect((await client.send(new GetDeploymentsCommand({ ApiId: apiId }))).Items).toEqual([]);
  await expect(client.send(new GetDeploymentCommand({ ApiId: apiId, DeploymentId: created.DeploymentId }))).rejects.toThrow(/Invalid Deployment identifier/);
});

test('stages: the deployment they serve, UpdateStage, route and access log settings removed', async () => {
  const client = emulator().apiGatewayV2();
  const apiId = await newApi();
  await client.send(new CreateRouteCommand({ ApiId: apiId, RouteKey: 'GET /pets' }));
  const first = await client.send(new CreateDeploymentCommand({ ApiId: apiId }));
  const second = await client.send(new CreateDeploymentCommand({ ApiId: apiId }));
  await client.send(new CreateStageCommand({
    ApiId: apiId,
    StageName: 'prod',
    DeploymentId: first.DeploymentId,
    StageVariables: { keep: 'a', drop: 'b' },
    RouteSettings: { 'GET /pets': { ThrottlingRateLimit: 5 } },
    AccessLogSettings: { DestinationArn: 'arn:aws:logs:eu-west-2:123456789012:log-group:x', Format: '$context.requestId' },
  }));
  expect((await client.send(new GetStageCommand({ ApiId: apiId, StageName: 'prod' }))).DeploymentId).toBe(first.DeploymentId);

  await client.send(new UpdateStageCommand({ ApiId: apiId, StageName: 'prod', DeploymentId: second.DeploymentId, StageVariables: { drop: '' }, Description: 'moved' }));
  await client.send(new DeleteRouteSettingsCommand({ ApiId: apiId, StageName: 'prod', RouteKey: 'GET /pets' }));
  await client.send(new DeleteAccessLogSettingsCommand({ ApiId: apiId, StageName: 'prod' }));

  const stage = await client.send(new GetStageCommand({ ApiId: apiId, StageName: 'prod' }));
  expect(stage).toMatchObject({ DeploymentId: second.DeploymentId, StageVariables: { keep: 'a' }, Description: 'moved', RouteSettings: {} });
  expect(stage.AccessLogSettings).toBeUndefined();
});

test('route settings for a route key the API has no route for: 404, as AWS answers', async () => {
  const client = emulator().apiGatewayV2();
  const apiId = await newApi();
  const deployment = await client.send(new CreateDeploymentCommand({ ApiId: apiId }));
  const refused = 'Unable to find Route by key GET /cats within the provided RouteSettings';

  await expect(client.send(new CreateStageCommand({
    ApiId: apiId, StageName: 'prod', DeploymentId: deployment.DeploymentId, RouteSettings: { 'GET /cats': { ThrottlingRateLimit: 5 } },
  }))).rejects.toThrow(refused);
  await client.send(new CreateStageCommand({ ApiId: apiId, StageName: 'prod', DeploymentId: deployment.DeploymentId }));
  await expect(client.send(new UpdateStageCommand({ ApiId: apiId, StageName: 'prod', RouteSettings: { 'GET /cats': { ThrottlingRateLimit: 5 } } })))
    .rejects.toThrow(refused);
});

test("a stage's tags are changed by its ARN and read back with the stage", async () => {
  const client = emulator().apiGatewayV2();
  const apiId = await newApi();
  const deployment = await client.send(new CreateDeploymentCommand({ ApiId: apiId }));
  await client.send(new CreateStageCommand({ ApiId: apiId, StageName: 'prod', DeploymentId: deployment.DeploymentId, Tags: { team: 'pets' } }));
  const arn = `arn:aws:apigateway:${EMULATED_REGION}::/apis/${apiId}/stages/prod`;

  await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: { cost: '42' } }));
  await client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['team'] }));

  expect((await client.send(new GetStageCommand({ ApiId: apiId, StageName: 'prod' }))).Tags).toEqual({ cost: '42' });
});

test('domain names are AVAILABLE, without mutual TLS unless set; API mappings: a REST API maps through CreateApiMapping (keys of several levels); UpdateApiMapping moves a mapping to another stage', async () => {
  const v1 = emulator().apiGateway();
  const client = emulator().apiGatewayV2();
  const restApiId = (await v1.send(new CreateRestApiCommand({ name: 'orders' }))).id!;
  const root = (await v1.send(new GetResourcesCommand({ restApiId }))).items![0].id!;
  await v1.send(new PutMethodCommand({ restApiId, resourceId: root, httpMethod: 'GET', authorizationType: 'NONE' }));
  await v1.send(new PutIntegrationCommand({ restApiId, resourceId: root, httpMethod: 'GET', type: 'MOCK' }));
  const restDeployment = await v1.send(new CreateRestDeploymentCommand({ restApiId }));
  await v1.send(new CreateRestStageCommand({ restApiId, stageName: 'live', deploymentId: restDeployment.id }));
  const apiId = await newApi();
  const deployment = await client.send(new CreateDeploymentCommand({ ApiId: apiId }));
  for (const stage of ['blue', 'green']) {
    await client.send(new CreateStageCommand({ ApiId: apiId, StageName: stage, DeploymentId: deployment.DeploymentId }));
  }
  await client.send(new CreateDomainNameCommand({ DomainName: 'orders.example.com', DomainNameConfigurations: [{ EndpointType: 'REGIONAL' }] }));
  // The provider waits for each configuration to be AVAILABLE after CreateDomainName.
  const domain = await client.send(new GetDomainNameCommand({ DomainName: 'orders.example.com' }));
  expect(domain.DomainNameConfigurations).toEqual([{ EndpointType: 'REGIONAL', DomainNameStatus: 'AVAILABLE' }]);
  expect(domain.MutualTlsAuthentication).toBeUndefined();

  await client.send(new CreateApiMappingCommand({ DomainName: 'orders.example.com', ApiId: restApiId, Stage: 'live', ApiMappingKey: 'orders/v1' }));
  const mapping = await client.send(new CreateApiMappingCommand({ DomainName: 'orders.example.com', ApiId: apiId, Stage: 'blue', ApiMappingKey: 'orders/v2' }));
  await client.send(new UpdateApiMappingCommand({ DomainName: 'orders.example.com', ApiMappingId: mapping.ApiMappingId, ApiId: apiId, Stage: 'green' }));

  const mappings = (await client.send(new GetApiMappingsCommand({ DomainName: 'orders.example.com' }))).Items ?? [];
  expect(mappings.map((item) => [item.ApiMappingKey, item.ApiId, item.Stage]).sort()).toEqual([
    ['orders/v1', restApiId, 'live'],
    ['orders/v2', apiId, 'green'],
  ]);
});

test("refused with AWS's messages: a key the domain already maps (409), DeleteApi of an API a mapping points at", async () => {
  const client = emulator().apiGatewayV2();
  const apiId = await newApi();
  const deployment = await client.send(new CreateDeploymentCommand({ ApiId: apiId }));
  await client.send(new CreateStageCommand({ ApiId: apiId, StageName: 'prod', DeploymentId: deployment.DeploymentId }));
  await client.send(new CreateDomainNameCommand({ DomainName: 'pets.example.com', DomainNameConfigurations: [{ EndpointType: 'REGIONAL' }] }));
  const mapping = await client.send(new CreateApiMappingCommand({ DomainName: 'pets.example.com', ApiId: apiId, Stage: 'prod', ApiMappingKey: 'pets' }));

  await expect(client.send(new CreateApiMappingCommand({ DomainName: 'pets.example.com', ApiId: apiId, Stage: 'prod', ApiMappingKey: 'pets' })))
    .rejects.toThrow(/^ApiMapping key already exists for this domain name$/);
  await expect(client.send(new DeleteApiCommand({ ApiId: apiId })))
    .rejects.toThrow(`Deleting API ${apiId} failed. Please remove all API mappings for the API from your custom domain names.`);
  await client.send(new DeleteApiMappingCommand({ DomainName: 'pets.example.com', ApiMappingId: mapping.ApiMappingId }));
  await client.send(new DeleteApiCommand({ ApiId: apiId }));
});

test("refused with AWS's messages: a mapping to a stage the API does not have, DeleteStage of a mapped stage", async () => {
  const client = emulator().apiGatewayV2();
  const apiId = await newApi();
  const deployment = await client.send(new CreateDeploymentCommand({ ApiId: apiId }));
  await client.send(new CreateStageCommand({ ApiId: apiId, StageName: 'live', DeploymentId: deployment.DeploymentId }));
  await client.send(new CreateDomainNameCommand({ DomainName: 'stages.example.com', DomainNameConfigurations: [{ EndpointType: 'REGIONAL' }] }));

  await expect(client.send(new CreateApiMappingCommand({ DomainName: 'stages.example.com', ApiId: apiId, Stage: '$default' })))
    .rejects.toThrow(/^Invalid stage identifier specified$/);
  const mapping = await client.send(new CreateApiMappingCommand({ DomainName: 'stages.example.com', ApiId: apiId, Stage: 'live' }));
  await expect(client.send(new DeleteStageCommand({ ApiId: apiId, StageName: 'live' })))
    .rejects.toThrow(/^Deleting stage live failed\. Please remove all base path mappings related to the stage in your domains: stages\.example\.com$/);
  await client.send(new DeleteApiMappingCommand({ DomainName: 'stages.example.com', ApiMappingId: mapping.ApiMappingId }));
  await client.send(new DeleteStageCommand({ ApiId: apiId, StageName: 'live' }));
});

test("refused with AWS's messages: DeleteStage and DeleteRestApi of a REST API an API mapping points at (AWS keeps it as a base path mapping)", async () => {
  const v1 = emulator().apiGateway();
  const client = emulator().apiGatewayV2();
  const restApiId = (await v1.send(new CreateRestApiCommand({ name: 'invoices' }))).id!;
  const root = (await v1.send(new GetResourcesCommand({ restApiId }))).items![0].id!;
  await v1.send(new PutMethodCommand({ restApiId, resourceId: root, httpMethod: 'GET', authorizationType: 'NONE' }));
  await v1.send(new PutIntegrationCommand({ restApiId, resourceId: root, httpMethod: 'GET', type: 'MOCK' }));
  const restDeployment = await v1.send(new CreateRestDeploymentCommand({ restApiId }));
  await v1.send(new CreateRestStageCommand({ restApiId, stageName: 'live', deploymentId: restDeployment.id }));
  await client.send(new CreateDomainNameCommand({ DomainName: 'invoices.example.com', DomainNameConfigurations: [{ EndpointType: 'REGIONAL' }] }));
  const mapping = await client.send(new CreateApiMappingCommand({ DomainName: 'invoices.example.com', ApiId: restApiId, Stage: 'live', ApiMappingKey: 'invoices/v1' }));

  await expect(v1.send(new DeleteRestStageCommand({ restApiId, stageName: 'live' })))
    .rejects.toThrow('Deleting stage live failed. Please remove all base path mappings related to the stage in your domains: invoices.example.com.');
  await expect(v1.send(new DeleteRestApiCommand({ restApiId })))
    .rejects.toThrow(`Deleting RestApi ${restApiId} failed. Please remove all base path mappings related to the RestApi in your domains: invoices.example.com.`);
  await client.send(new DeleteApiMappingCommand({ DomainName: 'invoices.example.com', ApiMappingId: mapping.ApiMappingId }));
  await v1.send(new DeleteRestStageCommand({ restApiId, stageName: 'live' }));
  await v1.send(new DeleteRestApiCommand({ restApiId }));
});
