/**
 * The mistakes table (docs/mistakes.md, which the README's "Mistakes the library catches" points to): each row's program produces the error or warning the
 * row quotes, and every row has a program (so the table can neither drift nor grow unchecked).
 */
import * as fs from 'fs';
import * as path from 'path';
import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { ApiGatewayBasePathMapping } from '@cdktf/provider-aws/lib/api-gateway-base-path-mapping';
import { ApiGatewayDomainName } from '@cdktf/provider-aws/lib/api-gateway-domain-name';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { ApiGatewayUsagePlan } from '@cdktf/provider-aws/lib/api-gateway-usage-plan';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2ApiMapping } from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping';
import { Apigatewayv2DomainName } from '@cdktf/provider-aws/lib/apigatewayv2-domain-name';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { DataAwsApiGatewayRestApi } from '@cdktf/provider-aws/lib/data-aws-api-gateway-rest-api';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';
import { App, Fn, TerraformIterator, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { AccessLogDestination, HttpApiDeployment, HttpApiStage, RestApiDeployment, WebSocketApiDeployment } from '../src';
import { invokeFunctionWith, petsApi } from './support/api';
import { REPOSITORY_ROOT } from './support/readme';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

/** What a program gives: the error it throws, else every warning of every kind of deployment. */
function outcomeOf(program: (app: App) => void): { error?: string; warnings: string[] } {
  const app = Testing.app();
  try {
    program(app);
    const warnings = [RestApiDeployment, HttpApiDeployment, WebSocketApiDeployment].flatMap((kind) => kind.warningsOf(app));
    return { warnings };
  } catch (error) {
    // A check at synth is reported in cdktf's list of failed validations: `[<path>] <the library's error>`.
    const message = (error as Error).message;
    const validation = /^Validation failed with the following errors:\n\s*\[[^\]]*\] (.*)/.exec(message);
    return { error: validation?.[1] ?? message, warnings: [] };
  }
}

const stack = (app: App, id = 'stack') => {
  const created = new TerraformStack(app, id);
  new AwsProvider(created, 'aws', { region: 'eu-west-2' });
  return created;
};
const untyped = (props: Record<string, unknown>) => props as any;

/** One program per row, keyed by the row's first cell. */
const PROGRAMS: Record<string, (app: App) => void> = {
  '`detailedMetricsEnabled: true` (or `loggingLevel`, or one limit) on an HTTP or WebSocket stage, without both throttling limits': (app) => {
    const s = stack(app);
    new HttpApiDeployment(s, 'deploy', { httpApi: petsHttpApi(s).api, detailedMetricsEnabled: true });
  },
  "`routeOptions: { 'GET /cats': ... }` for a route the API does not have": (app) => {
    const s = stack(app);
    new HttpApiDeployment(s, 'deploy', { httpApi: petsHttpApi(s).api, routeOptions: { 'GET /cats': { throttlingBurstLimit: 10, throttlingRateLimit: 5 } } });
  },
  "`methodOptions: { '/pets/POST': ... }` for a method the API does not have": (app) => {
    const s = stack(app);
    new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api, methodOptions: { '/pets/POST': { metricsEnabled: true } } });
  },
  '`cloudWatchRole: true` on two constructs of one stack': (app) => {
    const s = stack(app);
    new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api, cloudWatchRole: true });
    new RestApiDeployment(s, 'other', { restApi: petsApi(s, {}, 'other_').api, cloudWatchRole: true });
  },
  '`cloudWatchRole: true` in two stacks whose `AwsProvider`s have the same settings': (app) => {
    for (const id of ['staging', 'production']) {
      const s = stack(app, id);
      new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api, cloudWatchRole: true });
    }
  },
  'the same, with a region from a variable': (app) => {
    for (const id of ['staging', 'production']) {
      const s = new TerraformStack(app, id);
      new AwsProvider(s, 'aws', { region: new TerraformVariable(s, 'region', { type: 'string' }).stringValue });
      new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api, cloudWatchRole: true });
    }
  },
  'one API and stage name deployed from two stacks': (app) => {
    const api = petsApi(stack(app, 'shared')).api;
    new RestApiDeployment(stack(app, 'staging'), 'deploy', { restApi: api });
    new RestApiDeployment(stack(app, 'production'), 'deploy', { restApi: api });
  },
  'a route or method whose API id is a local value, a data source or a function around `api.id`': (app) => {
    const s = stack(app);
    const { api } = petsApi(s);
    new ApiGatewayResource(s, 'orders', { restApiId: Fn.lower(api.id), parentId: api.rootResourceId, pathPart: 'orders' });
    new RestApiDeployment(s, 'deploy', { restApi: api });
  },
  '`triggers: { [variable.stringValue]: \'1\' }` (a token as a key)': (app) => {
    const s = stack(app);
    const key = new TerraformVariable(s, 'key', { type: 'string' });
    new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api, triggers: { [key.stringValue]: '1' } });
  },
  '`deployment.deployment.resetTriggers()`': (app) => {
    const s = stack(app);
    new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api }).deployment.resetTriggers();
  },
  '`canary` on `HttpApiDeployment` (plain JavaScript, or `as any`)': (app) => {
    const s = stack(app);
    new HttpApiDeployment(s, 'deploy', untyped({ httpApi: petsHttpApi(s).api, canary: { percentTraffic: 10 } }));
  },
  "`stagename: 'live'` (a misspelt property)": (app) => {
    const s = stack(app);
    new RestApiDeployment(s, 'deploy', untyped({ restApi: petsApi(s).api, stagename: 'live' }));
  },
  "`loggingLevel: 'INFO'` on an HTTP API": (app) => {
    const s = stack(app);
    new HttpApiDeployment(s, 'deploy', untyped({ httpApi: petsHttpApi(s).api, loggingLevel: 'INFO' }));
  },
  'a REST API given as `httpApi`': (app) => {
    const s = stack(app);
    new HttpApiDeployment(s, 'deploy', untyped({ httpApi: new ApiGatewayRestApi(s, 'api', { name: 'pets' }) }));
  },
  '`AccessLogDestination.arn(bucket.arn)`': (app) => {
    const s = stack(app);
    const bucket = new S3Bucket(s, 'logs', { bucket: 'logs' });
    new HttpApiDeployment(s, 'deploy', { httpApi: petsHttpApi(s).api, accessLogDestination: AccessLogDestination.arn(bucket.arn) });
  },
  'an `Apigatewayv2Api` whose `protocolType` is a variable': (app) => {
    const s = stack(app);
    const protocol = new TerraformVariable(s, 'protocol', { type: 'string' });
    new HttpApiDeployment(s, 'deploy', { httpApi: new Apigatewayv2Api(s, 'api', { name: 'pets', protocolType: protocol.stringValue }), triggers: { release: '1' } });
  },
  "`addApiMapping(domainName, { apiMappingKey: 'orders' })` on two stages, one domain": (app) => {
    const s = stack(app);
    const deployment = new HttpApiDeployment(s, 'deploy', { httpApi: petsHttpApi(s).api });
    deployment.addApiMapping('api.example.com', { apiMappingKey: 'orders' });
    deployment.addStage('beta').addApiMapping('api.example.com', { apiMappingKey: 'orders' });
  },
  'a WebSocket API and an HTTP API mapped on one domain': (app) => {
    const s = stack(app);
    new HttpApiDeployment(s, 'http', { httpApi: petsHttpApi(s).api }).addApiMapping('api.example.com', { apiMappingKey: 'pets' });
    new WebSocketApiDeployment(s, 'chat', { webSocketApi: chatWebSocketApi(s).api, stageName: 'prod' }).addApiMapping('api.example.com', { apiMappingKey: 'chat' });
  },
  'an HTTP API mapped on an edge-optimized `ApiGatewayDomainName`': (app) => {
    const s = stack(app);
    const domain = new ApiGatewayDomainName(s, 'domain', { domainName: 'api.example.com', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' });
    new HttpApiDeployment(s, 'http', { httpApi: petsHttpApi(s).api }).addApiMapping(domain.domainName);
  },
  "`addApiMapping('API.example.com.')`": (app) => {
    const s = stack(app);
    new HttpApiDeployment(s, 'http', { httpApi: petsHttpApi(s).api }).addApiMapping('API.example.com.');
  },
  "`addApiMapping(domain.domainName)` where `domain` is made with another region's `AwsProvider` than the API": (app) => {
    const s = stack(app);
    const east = new AwsProvider(s, 'east', { region: 'us-east-1', alias: 'east' });
    const domain = new Apigatewayv2DomainName(s, 'domain', {
      provider: east,
      domainName: 'api.example.com',
      domainNameConfiguration: { certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
    });
    new HttpApiDeployment(s, 'http', { httpApi: petsHttpApi(s).api }).addApiMapping(domain.domainName);
  },
  "`api.region = 'us-east-1'` after `new RestApiDeployment(this, 'deploy', { restApi: api })`": (app) => {
    const s = stack(app);
    const api = petsApi(s).api;
    new RestApiDeployment(s, 'deploy', { restApi: api });
    api.region = 'us-east-1';
    // What cdktf synth reports: the construct's validation error.
    const [error] = s.node.findAll().flatMap((construct) => construct.node.validate());
    throw new Error(error);
  },
  "`addBasePathMapping(domainName, { basePath: 'orders/v1' })`": (app) => {
    const s = stack(app);
    new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api }).addBasePathMapping('api.example.com', { basePath: 'orders/v1' });
  },
  '`addApiMapping(domain.domainNameConfiguration.targetDomainName)` (or `regionalDomainName`, `arn`)': (app) => {
    const s = stack(app);
    const domain = new Apigatewayv2DomainName(s, 'domain', {
      domainName: 'api.example.com',
      domainNameConfiguration: { certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
    });
    new HttpApiDeployment(s, 'deploy', { httpApi: petsHttpApi(s).api }).addApiMapping(domain.domainNameConfiguration.targetDomainName);
  },
  '`deployment.deploymentStage.stage.provider = otherRegionProvider` (or `count`, `forEach`, `putDefaultRouteSettings(...)`)': (app) => {
    const s = stack(app);
    new HttpApiDeployment(s, 'deploy', { httpApi: petsHttpApi(s).api }).deploymentStage.stage.provider = new AwsProvider(s, 'east', { region: 'us-east-1', alias: 'east' });
  },
  '`deployment.addResource(deployment.deployment)`': (app) => {
    const s = stack(app);
    const deployment = new HttpApiDeployment(s, 'deploy', { httpApi: petsHttpApi(s).api });
    deployment.addResource(deployment.deployment);
  },
  "`deployment.deployment.lifecycle = { createBeforeDestroy: false }` (or a change of a stage's `deploymentId`, a mapping's key)": (app) => {
    const s = stack(app);
    new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api }).deployment.lifecycle = { createBeforeDestroy: false };
  },
  '`new HttpApiStage(...)` for an API with a `region` of its own, without `region`': (app) => {
    const s = stack(app);
    new HttpApiStage(s, 'stage', { apiId: petsHttpApi(s, { region: 'us-east-1' }).api.id, deploymentId: 'deployment-id', stageName: 'live' });
    Testing.synth(s, true);
  },
  '`httpApiId: sharedApiId` beside routes of the stack with `apiId: sharedApiId`': (app) => {
    const s = stack(app);
    new HttpApiDeployment(s, 'deploy', { httpApiId: petsHttpApi(s).api.id });
  },
  'an integration made with `forEach`, its API id `each.value.api`': (app) => {
    const s = stack(app);
    const { api } = petsHttpApi(s);
    const iterator = TerraformIterator.fromMap({ users: { api: api.id } } as any);
    new Apigatewayv2Integration(s, 'users', { forEach: iterator, apiId: iterator.getString('api'), integrationType: 'HTTP_PROXY', integrationMethod: 'GET', integrationUri: 'https://users.example.com' });
    new HttpApiDeployment(s, 'deploy', { httpApi: api });
  },
  'a request template read with `Fn.file(each.value.template)` in a resource made with `forEach`': (app) => {
    const s = stack(app);
    const { api, pets, get } = petsApi(s);
    const iterator = TerraformIterator.fromMap({ json: { template: 'pets.vtl' } } as any);
    new ApiGatewayIntegration(s, 'templated', {
      forEach: iterator,
      restApiId: api.id,
      resourceId: pets.id,
      httpMethod: get.httpMethod,
      type: 'MOCK',
      requestTemplates: { 'application/json': Fn.file(iterator.getString('template')) },
    });
    new RestApiDeployment(s, 'deploy', { restApi: api });
  },
  '`new RestApiDeployment(deployStack, ...)` for an API of another stack whose AwsProvider has another region': (app) => {
    const api = petsApi(stack(app, 'api')).api;
    const deploys = new TerraformStack(app, 'deploys');
    new AwsProvider(deploys, 'aws', { region: 'us-east-1' });
    new RestApiDeployment(deploys, 'deploy', { restApi: api });
  },
  "`addStage('beta', { stageName: 'gamma' })` (or `region`, `provider`)": (app) => {
    const s = stack(app);
    new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api }).addStage('beta', untyped({ stageName: 'gamma' }));
  },
  "`SELF_URL: deployment.urlForPath('/pets')` in the environment of a function an integration of the API invokes": (app) => {
    const s = stack(app);
    const api = petsApi(s);
    invokeFunctionWith(s, api, new RestApiDeployment(s, 'deploy', { restApi: api.api }).urlForPath('/pets'));
  },
  '`httpApiId: webSocketApi.id` (an API of another kind, given by its id)': (app) => {
    const s = stack(app);
    new HttpApiDeployment(s, 'deploy', { httpApiId: chatWebSocketApi(s).api.id, autoDiscover: true });
    Testing.synth(s, true); // the check runs when the app is validated
  },
  "`uri: 'http://${stageVariables.host}/pets'` in an integration of the API": (app) => {
    const s = stack(app);
    const api = petsApi(s);
    api.integration.addOverride('type', 'HTTP_PROXY');
    api.integration.addOverride('uri', 'http://${stageVariables.host}/pets');
    new RestApiDeployment(s, 'deploy', { restApi: api.api });
  },
  '`Fn.timestamp()` (or `Fn.uuid()`) in a deployed argument of an API resource': (app) => {
    const s = stack(app);
    const api = petsApi(s);
    api.integration.requestParameters = { 'integration.request.header.x-built': Fn.timestamp() };
    new RestApiDeployment(s, 'deploy', { restApi: api.api });
  },
  '`webAclArn` of a web ACL of CloudFront scope (or of another region than the stage)': (app) => {
    const s = stack(app);
    new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api, webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/api/0123' });
  },
  '`apiStages: [{ apiId: api.id, stage: deployment.stageName }]` in a usage plan (or a mapping or method settings written by hand)': (app) => {
    const s = stack(app);
    const api = petsApi(s).api;
    const deployment = new RestApiDeployment(s, 'deploy', { restApi: api });
    new ApiGatewayUsagePlan(s, 'plan', { name: 'plan', apiStages: [{ apiId: api.id, stage: deployment.stageName }] });
  },
  "`deployment.deploymentStage.stage.description = 'built from ${GIT_SHA}'` (or tags, variables, an access log format set on the stage resource)": (app) => {
    const s = stack(app);
    new HttpApiDeployment(s, 'deploy', { httpApi: petsHttpApi(s).api }).deploymentStage.stage.description = 'built from ${GIT_SHA}';
    Testing.synth(s, true); // the check runs when the app is validated
  },
  "`sourceArn: deployment.arnForExecuteApi('GET', '/animals')` (or `urlForPath`) for a path the API does not serve (a route renamed since)": (app) => {
    const s = stack(app);
    new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api }).arnForExecuteApi('GET', '/animals');
  },
  'a domain resource renamed after `addApiMapping(domain.domainName)`': (app) => {
    const s = stack(app);
    const domain = new Apigatewayv2DomainName(s, 'domain', {
      domainName: 'a.example.com',
      domainNameConfiguration: { certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
    });
    new HttpApiDeployment(s, 'deploy', { httpApi: petsHttpApi(s).api }).addApiMapping(domain.domainName, { apiMappingKey: 'v1' });
    domain.domainName = 'b.example.com';
    Testing.synth(s, true); // the check runs when the app is validated
  },
  '`deployment.deployment.lifecycle = { preventDestroy: true }` (or `ignoreChanges` on `triggers`)': (app) => {
    const s = stack(app);
    new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api }).deployment.lifecycle = { preventDestroy: true };
  },
  'an `Apigatewayv2Api` with `count` (or `forEach`) given as `httpApi`': (app) => {
    const s = stack(app);
    new HttpApiDeployment(s, 'deploy', { httpApi: new Apigatewayv2Api(s, 'api', { name: 'pets', protocolType: 'HTTP', count: 2 }) });
  },
  "`arnForExecuteApi('FETCH', '/pets')`, or a path ending in `/`": (app) => {
    const s = stack(app);
    new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api }).arnForExecuteApi('FETCH', '/pets');
  },
  "`variables: { hosts: Token.asString(Fn.split(',', hosts)) }` (or a list, set or map as a trigger, tag or stage name)": (app) => {
    const s = stack(app);
    const hosts = new TerraformVariable(s, 'hosts', { type: 'string' }).stringValue;
    new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api, variables: { hosts: Token.asString(Fn.split(',', hosts)) } });
  },
  "`cacheTtl: Token.asNumber(Fn.split(',', ttls))` (or a map, or a string that is not a number, such as `Token.asNumber('abc')` or `Fn.upper(...)`, where a number or a bool belongs)": (app) => {
    const s = stack(app);
    const ttls = new TerraformVariable(s, 'ttls', { type: 'string' }).stringValue;
    new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api, cacheTtl: Token.asNumber(Fn.split(',', ttls)) });
  },
  "`new HttpApiStage(stack, 'stage', { ..., provider })` with an `AwsProvider` of another stack": (app) => {
    const s = stack(app);
    const other = new AwsProvider(stack(app, 'other'), 'london', { region: 'eu-west-2', alias: 'london' });
    new HttpApiStage(s, 'stage', { apiId: petsHttpApi(s).api.id, deploymentId: 'a1b2c3', stageName: 'live', provider: other });
  },
  "routes of a REST API whose `restApiId` is `new DataAwsApiGatewayRestApi(other, 'lookup', { name: 'pets' }).id`": (app) => {
    const s = stack(app);
    const api = petsApi(s);
    const other = stack(app, 'other');
    const lookup = new DataAwsApiGatewayRestApi(other, 'lookup', { name: 'pets' });
    new ApiGatewayResource(other, 'cats', { restApiId: lookup.id, parentId: lookup.rootResourceId, pathPart: 'cats' });
    new RestApiDeployment(s, 'deploy', { restApi: api.api });
  },
  "`deployment.deploymentStage.stage.putAccessLogSettings(...)` (or method settings written by hand for the stage with `loggingLevel: 'INFO'`), no CloudWatch role anywhere": (app) => {
    const s = stack(app);
    const deployment = new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api });
    deployment.deploymentStage.stage.putAccessLogSettings({ destinationArn: 'arn:aws:logs:eu-west-2:123456789012:log-group:api', format: '{"requestId":"$context.requestId"}' });
  },
  "`arnForExecuteApi('GET', '/pets', 'staging')` where no stage is named `staging`": (app) => {
    const s = stack(app);
    new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api }).arnForExecuteApi('GET', '/pets', 'staging');
  },
  "`deployment.deploymentStage.stage.dependsOn = [smoke.fqn]`, `smoke` a function whose environment holds the stage's URL": (app) => {
    const s = stack(app);
    const deployment = new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api });
    const smoke = new LambdaFunction(s, 'smoke', {
      functionName: 'smoke',
      role: 'arn:aws:iam::123456789012:role/r',
      runtime: 'nodejs20.x',
      handler: 'index.handler',
      filename: 'smoke.zip',
      environment: { variables: { URL: deployment.invokeUrl } },
    });
    deployment.deploymentStage.stage.dependsOn = [smoke.fqn];
    app.synth();
  },
  "an `aws_api_gateway_method_settings` of yours for `*/*` of the construct's stage beside `throttlingBurstLimit` on the construct": (app) => {
    const s = stack(app);
    const deployment = new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api, throttlingBurstLimit: 100, throttlingRateLimit: 50 });
    new ApiGatewayMethodSettings(s, 'all', {
      restApiId: deployment.restApiId, stageName: deployment.deploymentStage.stage.stageName, methodPath: '*/*', settings: { throttlingBurstLimit: 10, throttlingRateLimit: 5 },
    });
    Testing.synth(s, true);
  },
  "`deploymentStage.stage.lifecycle = { ignoreChanges: ['stage_name'] }`": (app) => {
    const s = stack(app);
    new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api, stageName: 'live' }).deploymentStage.stage.lifecycle = { ignoreChanges: ['stage_name'] };
    Testing.synth(s, true);
  },
  'a base path mapping of yours naming a REST stage by `deploymentStage.stage.id`': (app) => {
    const s = stack(app);
    const deployment = new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api });
    new ApiGatewayBasePathMapping(s, 'bpm', { apiId: deployment.restApiId, domainName: 'api.example.com', stageName: deployment.deploymentStage.stage.id });
    Testing.synth(s, true);
  },
  "a mapping of yours of API `b` onto API `a`'s stage": (app) => {
    const s = stack(app);
    const a = new HttpApiDeployment(s, 'a', { httpApi: petsHttpApi(s, {}, 'a_').api });
    new Apigatewayv2ApiMapping(s, 'm', { apiId: petsHttpApi(s, {}, 'b_').api.id, domainName: 'api.example.com', stage: a.deploymentStage.stage.name });
    Testing.synth(s, true);
  },
  '`arnForExecuteApi()` on an HTTP API with a `$default` route beside others': (app) => {
    const s = stack(app);
    const pets = petsHttpApi(s);
    new Apigatewayv2Route(s, 'fallback', { apiId: pets.api.id, routeKey: '$default', target: `integrations/${pets.integration.id}` });
    new HttpApiDeployment(s, 'deploy', { httpApi: pets.api }).arnForExecuteApi();
  },
  '`clientCertificateId: acmCertificate.id`': (app) => {
    const s = stack(app);
    new RestApiDeployment(s, 'deploy', {
      restApi: petsApi(s).api, clientCertificateId: new AcmCertificate(s, 'acm', { domainName: 'a.example.com', validationMethod: 'DNS' }).id,
    });
  },
  'a web ACL association of yours for a stage the construct gives `webAclArn`': (app) => {
    const s = stack(app);
    const deployment = new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api, webAclArn: 'arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/pets/abc' });
    new Wafv2WebAclAssociation(s, 'waf', { resourceArn: deployment.deploymentStage.stage.arn, webAclArn: 'arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/old/def' });
    Testing.synth(s, true);
  },
  'an `aws_api_gateway_method_settings` of yours for a method the API does not have': (app) => {
    const s = stack(app);
    const deployment = new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api, cloudWatchRole: false });
    new ApiGatewayMethodSettings(s, 'hand', {
      restApiId: deployment.restApiId, stageName: deployment.deploymentStage.stage.stageName, methodPath: 'pets/PATCH', settings: { metricsEnabled: true },
    });
  },
  "`arnForExecuteApi('$Connect')` on a WebSocket API": (app) => {
    const s = stack(app);
    new WebSocketApiDeployment(s, 'deploy', { webSocketApi: chatWebSocketApi(s).api }).arnForExecuteApi('$Connect');
  },
  "an alarm on `metric('5xx')` of a REST stage (an HTTP API's name)": (app) => {
    const s = stack(app);
    const deployment = new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api });
    deployment.addAlarm('Errors', { metric: deployment.metric('5xx'), threshold: 1 });
  },
  'a metric written by hand for a REST stage with the `ApiId` dimension': (app) => {
    const s = stack(app);
    const deployment = new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api });
    deployment.addAlarm('Errors', {
      metric: { namespace: 'AWS/ApiGateway', metricName: '5XXError', dimensions: { ApiId: deployment.restApiId, Stage: 'prod' }, period: 300, statistic: 'Sum' },
      threshold: 1,
    });
  },
  "`addAlarm` on `metricServerError({ statistic: 'Average' })` with `threshold: 5` meant as 5 %": (app) => {
    const s = stack(app);
    const deployment = new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api });
    deployment.addAlarm('Errors', { metric: deployment.deploymentStage.metricServerError({ statistic: 'Average' }), threshold: 5 });
  },
  'an `aws_cloudwatch_metric_alarm` of yours with `dimensions: { ApiId: restApi.id, ... }`': (app) => {
    const s = stack(app);
    const { api } = petsApi(s);
    new RestApiDeployment(s, 'deploy', { restApi: api });
    new CloudwatchMetricAlarm(s, 'errors', {
      alarmName: 'errors',
      namespace: 'AWS/ApiGateway',
      metricName: '5XXError',
      dimensions: { ApiId: api.id, Stage: 'prod' },
      statistic: 'Sum',
      period: 300,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  },
  "a metric of one method (`method: '/pets/GET'`) without detailed metrics for it": (app) => {
    const s = stack(app);
    const deployment = new RestApiDeployment(s, 'deploy', { restApi: petsApi(s).api });
    deployment.addAlarm('Errors', { metric: deployment.deploymentStage.metricServerError({ method: '/pets/GET' }), threshold: 1 });
  },
};

/** The table's rows: the first cell, whether it says error or warning, and the quoted message. */
function rows(): Array<{ write: string; kind: 'error' | 'warning'; quoted: string }> {
  const lines = fs.readFileSync(path.join(REPOSITORY_ROOT, 'docs', 'mistakes.md'), 'utf8').split('\n');
  const start = lines.indexOf('<!-- readme-mistakes -->');
  expect(start).toBeGreaterThan(0);
  const table = lines.slice(start + 3).filter((_line, index, all) => all.slice(0, index + 1).every((line) => line.startsWith('|')));
  return table.map((line) => {
    const cells = line.slice(2, -2).split(' | ');
    const match = /^(error|warning): `(.+)`$/.exec(cells[1]);
    if (cells.length !== 3 || match === null) {
      throw new Error(`a row of the mistakes table is not "| you write | error: \`...\` or warning: \`...\` | the fix |": ${line}`);
    }
    return { write: cells[0], kind: match[1] as 'error' | 'warning', quoted: match[2] };
  });
}

test('every row has a program, and every program a row', () => {
  expect(rows().map((row) => row.write).sort()).toEqual(Object.keys(PROGRAMS).sort());
});

test.each(rows().map((row) => [row.write, row]))('%s', (write, row) => {
  const { kind, quoted } = row as ReturnType<typeof rows>[number];
  const outcome = outcomeOf(PROGRAMS[write as string]);

  if (kind === 'error') {
    expect(outcome.error).toContain(quoted);
    expect(outcome.error).toMatch(/^\w+ at '[^']+': property '/);
  } else {
    expect(outcome.error).toBeUndefined();
    expect(outcome.warnings).toContainEqual(expect.stringContaining(quoted));
  }
});
