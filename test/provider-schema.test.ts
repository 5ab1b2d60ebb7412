import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Fn } from 'cdktf';
import { Construct } from 'constructs';
import { EXAMPLES, synthesizeExample } from '../examples/synth-all';
import {
  AccessLogDestination,
  AccessLogFormat,
  CacheClusterSize,
  HttpApiDeployment,
  MethodLoggingLevel,
  RestApiDeployment,
  UnauthorizedCacheControlHeaderStrategy,
  WebSocketApiDeployment,
} from '../src';
import { petsApi } from './support/api';
import { EVERY_DISCOVERED_TYPE } from './support/every-resource-type';
import { knownResourceTypeCount, schemaViolations } from './support/provider-schema';
import { synthesize } from './support/synth';
import { chatWebSocketApi, EVERY_V2_DISCOVERED_TYPE, petsHttpApi } from './support/v2-api';

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
      expect(json.resource.aws_api_gateway_deployment ?? json.resource.aws_apigatewayv2_deployment).toBeDefined();
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

  test('HTTP and WebSocket APIs: every discovered v2 type, every stage option of both, added stages', () => {
    const json = synthesize((stack) => {
      const chat = chatWebSocketApi(stack);
      for (const [type, build] of Object.entries(EVERY_V2_DISCOVERED_TYPE)) {
        build(new Construct(stack, type), chat, false);
      }
      new WebSocketApiDeployment(stack, 'ws_deploy', {
        webSocketApi: chat.api,
        cloudWatchRole: true,
        description: 'chat',
        stageName: 'v1',
        stageDescription: 'v1',
        variables: { a: 'b' },
        tags: { t: 'v' },
        throttlingBurstLimit: 1,
        throttlingRateLimit: 1,
        loggingLevel: MethodLoggingLevel.INFO,
        dataTraceEnabled: true,
        detailedMetricsEnabled: true,
        routeOptions: { $connect: { throttlingRateLimit: 2 } },
        clientCertificateId: 'cert',
        importExistingStage: true,
        accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays: 1 }),
      }).addStage('beta', { detailedMetricsEnabled: true, throttlingBurstLimit: 5000, throttlingRateLimit: 10000 });
      const pets = petsHttpApi(stack);
      new HttpApiDeployment(stack, 'http_deploy', {
        httpApi: pets.api,
        throttlingBurstLimit: 2,
        throttlingRateLimit: 1,
        detailedMetricsEnabled: true,
        routeOptions: { 'GET /pets': { throttlingBurstLimit: 3 } },
        accessLogDestination: AccessLogDestination.arn('arn:aws:logs:eu-west-1:123456789012:log-group:x'),
        accessLogFormat: AccessLogFormat.clf(),
      }).addStage('beta');
    });
    expect(Object.keys(json.resource.aws_apigatewayv2_stage)).toHaveLength(4);
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

  test('a stack with every stage option, a canary, a second stage and an imported stage', () => {
    const json = synthesize((stack) => {
      const deployment = new RestApiDeployment(stack, 'deploy', {
        restApi: petsApi(stack).api,
        importExistingStage: true,
        canary: { percentTraffic: 10, stageVariableOverrides: { backend: 'canary' }, useStageCache: true },
        variables: { backend: 'main' },
        accessLogDestination: AccessLogDestination.arn('arn:aws:logs:eu-west-1:123456789012:log-group:api'),
        accessLogFormat: AccessLogFormat.clf(),
        tracingEnabled: true,
        cacheClusterEnabled: true,
        cacheClusterSize: CacheClusterSize.GB_1_6,
        clientCertificateId: 'cert',
        documentationVersion: '1',
        tags: { a: 'b' },
        webAclArn: 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/x/y',
        metricsEnabled: true,
        loggingLevel: MethodLoggingLevel.INFO,
        dataTraceEnabled: true,
        throttlingBurstLimit: 5,
        throttlingRateLimit: 5,
        cachingEnabled: true,
        cacheTtl: 30,
        cacheDataEncrypted: true,
        requireAuthorizationForCacheControl: true,
        unauthorizedCacheControlHeaderStrategy: UnauthorizedCacheControlHeaderStrategy.SUCCEED_WITHOUT_RESPONSE_HEADER,
        methodOptions: { '/pets/GET': { throttlingRateLimit: 1 } },
      });
      deployment.addStage('beta', { accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays: 1 }), webAclArn: 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/x/y' });
    });
    expect(Object.keys(json.resource).sort()).toEqual([
      'aws_api_gateway_deployment', 'aws_api_gateway_integration', 'aws_api_gateway_method', 'aws_api_gateway_method_settings',
      'aws_api_gateway_resource', 'aws_api_gateway_rest_api', 'aws_api_gateway_stage', 'aws_cloudwatch_log_group', 'aws_wafv2_web_acl_association',
    ]);
    expect(schemaViolations(json)).toEqual([]);
  });
});
