import { ApiGatewayBasePathMapping } from '@cdktf/provider-aws/lib/api-gateway-base-path-mapping';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2ApiMapping } from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { CloudfrontDistribution } from '@cdktf/provider-aws/lib/cloudfront-distribution';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { DataAwsApiGatewayRestApi } from '@cdktf/provider-aws/lib/data-aws-api-gateway-rest-api';
import { DataAwsApigatewayv2Api } from '@cdktf/provider-aws/lib/data-aws-apigatewayv2-api';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { App, Fn, TerraformHclModule, TerraformIterator, TerraformLocal, TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { AccessLogDestination, HttpApiDeployment, RestApiDeployment, RestApiStage } from '../src';
import { petsApi, PetsApi } from './support/api';
import { onlyResource, synthesizeStack, triggersOf } from './support/synth';
import { petsHttpApi } from './support/v2-api';

/** The warnings of a deployment of the pets API, next to what `build` adds to the stack. */
function warningsWith(build: (stack: TerraformStack, api: PetsApi) => IConstruct[] | void): string[] {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const api = petsApi(stack);
  const acknowledged = build(stack, api) ?? undefined;
  new RestApiDeployment(stack, 'deploy', { restApi: api.api, acknowledgedBlindSpots: acknowledged === undefined ? undefined : acknowledged });
  return RestApiDeployment.warningsOf(stack);
}

function usersModule(stack: TerraformStack, api: PetsApi): TerraformHclModule {
  return new TerraformHclModule(stack, 'users', {
    source: 'acme/api-routes/aws',
    version: '1.2.0',
    variables: { rest_api_id: api.api.id, parent_id: api.api.rootResourceId },
  });
}

describe('a Terraform module that gets the API', () => {
  test('warns: its resources are invisible; suggests triggers and names the way to silence it', () => {
    expect(warningsWith((stack, api) => {
      usersModule(stack, api);
    })).toEqual([
      "The module module.users ('stack/users') gets the id of the REST API aws_api_gateway_rest_api.api as an input (directly, or through local values or data sources): " +
      'the resources it creates are invisible to discovery, so changing them does not redeploy the API. ' +
      "Give the deployment a trigger entry that changes with them ('triggers', e.g. a hash of the module's inputs), then list it in 'acknowledgedBlindSpots'.",
    ]);
  });

  test('is silent once acknowledged', () => {
    expect(warningsWith((stack, api) => [usersModule(stack, api)])).toEqual([]);
  });

  test("acknowledged by one deployment of the API and not by another: each one's warningsOf, whatever the order they are asked in", () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const api = petsApi(stack);
    const module = usersModule(stack, api);
    const acknowledging = new RestApiDeployment(stack, 'd0', { restApi: api.api, stageName: 'a', acknowledgedBlindSpots: [module] });
    const other = new RestApiDeployment(stack, 'd1', { restApi: api.api, stageName: 'b' });

    expect(RestApiDeployment.warningsOf(acknowledging)).toEqual([]);
    expect(RestApiDeployment.warningsOf(other)).toEqual([expect.stringContaining("The module module.users ('stack/users')")]);
    expect(RestApiDeployment.warningsOf(acknowledging)).toEqual([]);
  });

  test.each<[string, (stack: TerraformStack, api: PetsApi) => string]>([
    ['a local value', (stack, api) => new TerraformLocal(stack, 'api_id', api.api.id).asString],
    ['a local value of a map holding it', (stack, api) => Fn.lookup(new TerraformLocal(stack, 'apis', { users: api.api.id }).asAnyMap, 'users')],
    ['a data source that looks the API up', (stack, api) => new DataAwsApiGatewayRestApi(stack, 'lookup', { name: api.api.name }).id],
  ])('warns when it gets the id through %s', (_case, apiIdOf) => {
    expect(warningsWith((stack, api) => {
      new TerraformHclModule(stack, 'users', { source: 'acme/api-routes/aws', version: '1.2.0', variables: { rest_api_id: apiIdOf(stack, api) } });
    })).toEqual([expect.stringContaining("The module module.users ('stack/users') gets the id of the REST API aws_api_gateway_rest_api.api as an input")]);
  });

  test('a module that does not get the API is no blind spot', () => {
    expect(warningsWith((stack) => {
      new TerraformHclModule(stack, 'network', { source: 'terraform-aws-modules/vpc/aws', version: '5.0.0', variables: { cidr: '10.0.0.0/16' } });
    })).toEqual([]);
  });
});

describe('a resource a stack override adds', () => {
  test('is named in a warning; an override of a resource that is a construct is none', () => {
    expect(warningsWith((stack, api) => {
      stack.addOverride('resource.aws_api_gateway_integration.hand_written', {
        rest_api_id: '${aws_api_gateway_rest_api.api.id}', resource_id: '${aws_api_gateway_resource.pets.id}', http_method: 'GET', type: 'MOCK',
      });
      stack.addOverride('resource.aws_api_gateway_integration.pets_get_integration.passthrough_behavior', 'NEVER');
      stack.addOverride('resource.aws_s3_bucket.logs', { bucket: 'logs' });
      expect(api.api).toBeDefined();
    })).toEqual([
      "The stack override of 'stack' adds the resource aws_api_gateway_integration.hand_written, which is no construct: discovery cannot see it, " +
      'so changing it does not redeploy the REST API aws_api_gateway_rest_api.api. Make it a construct (new ApiGatewayIntegration(...)), ' +
      "or give the deployment a trigger entry that changes with it ('triggers').",
    ]);
  });
});

describe('a resource of a type the library does not know that names the API', () => {
  test("an API Gateway v2 mapping written by hand for the REST API (multi-level keys, as the README's routing rules): known, no warning", () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const api = petsApi(stack);
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    new Apigatewayv2ApiMapping(stack, 'orders_v1', {
      apiId: api.api.id, domainName: 'api.example.com', stage: deployment.deploymentStage.stage.stageName, apiMappingKey: 'orders/v1',
    });
    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
  });

  const parameter = (stack: TerraformStack, api: PetsApi) =>
    new SnsTopic(stack, 'api_id', { name: 'pets-events', tags: { api: api.api.id } });

  test('warns that it is not treated as needing a redeploy', () => {
    expect(warningsWith((stack, api) => {
      parameter(stack, api);
    })).toEqual([
      "The resource aws_sns_topic.api_id ('stack/api_id') names the REST API aws_api_gateway_rest_api.api, but its type is not one the library knows: " +
      'it is not treated as needing a redeploy, so changing it does not redeploy the API. ' +
      "If it changes what the API serves, add it to 'resources'; otherwise list it in 'acknowledgedBlindSpots'.",
    ]);
  });

  test('is silent once acknowledged, or once given in resources (then it is hashed)', () => {
    expect(warningsWith((stack, api) => [parameter(stack, api)])).toEqual([]);

    const stack = new TerraformStack(Testing.app(), 'stack');
    const api = petsApi(stack);
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: api.api, resources: [parameter(stack, api)] });
    expect(RestApiDeployment.warningsOf(deployment)).toEqual([]);
    expect(triggersOf(synthesizeStack(stack))['aws_sns_topic.api_id']).toMatch(/^[0-9a-f]{32}$/);
  });

  test('types that name the API without changing what it serves get no warning', () => {
    expect(warningsWith((stack, api) => {
      new LambdaPermission(stack, 'invoke', {
        functionName: 'pets',
        action: 'lambda:InvokeFunction',
        principal: 'apigateway.amazonaws.com',
        sourceArn: `arn:aws:execute-api:eu-west-1:123456789012:${api.api.id}/*`,
      });
      new CloudwatchLogGroup(stack, 'execution_logs', { name: `API-Gateway-Execution-Logs_${api.api.id}/prod` });
      new ApiGatewayBasePathMapping(stack, 'mapping', { apiId: api.api.id, domainName: 'api.example.com' });
      // Publishing its id, sending traffic to it, watching it.
      new SsmParameter(stack, 'api_id', { name: '/pets/api-id', type: 'String', value: api.api.id });
      new CloudwatchMetricAlarm(stack, 'errors', {
        alarmName: 'pets-5xx',
        namespace: 'AWS/ApiGateway',
        metricName: '5XXError',
        dimensions: { ApiName: api.api.name, Stage: 'prod' },
        comparisonOperator: 'GreaterThanThreshold',
        evaluationPeriods: 1,
        period: 60,
        statistic: 'Sum',
        threshold: 1,
      });
      new CloudfrontDistribution(stack, 'cdn', {
        enabled: true,
        origin: [{
          originId: 'api',
          domainName: `${api.api.id}.execute-api.eu-west-1.amazonaws.com`,
          customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: 'https-only', originSslProtocols: ['TLSv1.2'] },
        }],
        defaultCacheBehavior: { targetOriginId: 'api', viewerProtocolPolicy: 'https-only', allowedMethods: ['GET', 'HEAD'], cachedMethods: ['GET', 'HEAD'] },
        restrictions: { geoRestriction: { restrictionType: 'none' } },
        viewerCertificate: { cloudfrontDefaultCertificate: true },
      });
    })).toEqual([]);
  });

  test("the construct's own resources (stage, log group, method settings) get no warning", () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const api = petsApi(stack);
    new RestApiDeployment(stack, 'deploy', {
      restApi: api.api,
      cloudWatchRole: true,
      accessLogDestination: AccessLogDestination.newLogGroup(),
      metricsEnabled: true,
    });
    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
  });
});

describe('an escape-hatch override that moves an API resource to another API', () => {
  const moved = (stack: TerraformStack, api: PetsApi) => {
    const other = new ApiGatewayRestApi(stack, 'other', { name: 'other' });
    const method = new ApiGatewayMethod(stack, 'moved', { restApiId: api.api.id, resourceId: api.pets.id, httpMethod: 'PATCH', authorization: 'NONE' });
    method.addOverride('rest_api_id', other.id);
    return method;
  };

  test('warns, and the resource is not part of the triggers', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const api = petsApi(stack);
    moved(stack, api);
    new RestApiDeployment(stack, 'deploy', { restApi: api.api });

    expect(RestApiDeployment.warningsOf(stack)).toEqual([
      "The resource aws_api_gateway_method.moved ('stack/moved') is configured with the REST API aws_api_gateway_rest_api.api, " +
      'but an escape-hatch override sets its rest_api_id to "${aws_api_gateway_rest_api.other.id}": discovery follows the override, ' +
      "so it is not part of this deployment's triggers. Remove the override, or, if the resource belongs to the other API, list it in 'acknowledgedBlindSpots'.",
    ]);
    expect(triggersOf(synthesizeStack(stack))['aws_api_gateway_method.moved']).toBeUndefined();
  });

  test('is silent once acknowledged', () => {
    expect(warningsWith((stack, api) => [moved(stack, api)])).toEqual([]);
  });

  test('an override that keeps the same API is no blind spot', () => {
    expect(warningsWith((_stack, api) => {
      api.get.addOverride('rest_api_id', api.api.id);
    })).toEqual([]);
  });
});

describe('an API resource whose API id reaches the API only indirectly', () => {
  const indirect = (address: string, path: string, apiId: string) =>
    `The resource ${address} ('stack/${path}') names the REST API aws_api_gateway_rest_api.api only indirectly (its rest_api_id is ` +
    `${JSON.stringify(apiId)}): discovery compares rest_api_id with the API's id, so it is not part of this deployment's triggers. ` +
    "If it belongs to this API, give it the API's id directly, or add it to 'resources'; otherwise list it in 'acknowledgedBlindSpots'.";

  test.each<[string, (stack: TerraformStack, api: PetsApi) => string, string]>([
    ['through a local value', (stack, api) => new TerraformLocal(stack, 'api_id', api.api.id).asString, '${local.api_id}'],
    ['through a function', (_stack, api) => Fn.lower(api.api.id), '${lower(aws_api_gateway_rest_api.api.id)}'],
    ['through a data source that looks the API up', (stack, api) => new DataAwsApiGatewayRestApi(stack, 'lookup', { name: api.api.name }).id,
      '${data.aws_api_gateway_rest_api.lookup.id}'],
    ['through a local value read with an index (a key, a position)', (stack) => {
      new TerraformLocal(stack, 'cfg', { api_id: '${aws_api_gateway_rest_api.api.id}' });
      return '${local.cfg["api_id"]}';
    }, '${local.cfg["api_id"]}'],
    ['through a local value of a list read at a position', (stack) => {
      new TerraformLocal(stack, 'ids', ['${aws_api_gateway_rest_api.api.id}']);
      return '${local.ids[0]}';
    }, '${local.ids[0]}'],
    ['through a local value of a local value', (stack, api) =>
      new TerraformLocal(stack, 'outer', new TerraformLocal(stack, 'inner', api.api.id).asString).asString, '${local.outer}'],
    ['through a chain of 30 local values', (stack, api) =>
      Array.from({ length: 30 }, (_, index) => index).reduce((id, index) => new TerraformLocal(stack, `level_${index}`, id).asString, api.api.id),
    '${local.level_29}'],
    ["through a local value of another resource's API id (a discovered resource's)", (stack, api) =>
      new TerraformLocal(stack, 'pets_api_id', api.pets.restApiId).asString, '${local.pets_api_id}'],
    ["through a local value of a stage's API id (a stage of the user's)", (stack, api) =>
      new TerraformLocal(stack, 'stage_api_id', new ApiGatewayStage(stack, 'manual', { restApiId: api.api.id, deploymentId: 'a1b2c3', stageName: 'manual' }).restApiId).asString,
    '${local.stage_api_id}'],
  ])('%s: warns, naming the resource and its API id', (_case, apiIdOf, rendered) => {
    expect(warningsWith((stack, api) => {
      new ApiGatewayResource(stack, 'orders', { restApiId: apiIdOf(stack, api), parentId: api.api.rootResourceId, pathPart: 'orders' });
    })).toEqual([indirect('aws_api_gateway_resource.orders', 'orders', rendered)]);
  });

  test('an HTTP API route with a function around the id', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const { api } = petsHttpApi(stack);
    new Apigatewayv2Route(stack, 'orders', { apiId: Fn.trimspace(api.id), routeKey: 'GET /orders' });
    new HttpApiDeployment(stack, 'deploy', { httpApi: api });

    expect(HttpApiDeployment.warningsOf(stack)).toEqual([expect.stringContaining(
      "The resource aws_apigatewayv2_route.orders ('stack/orders') names the HTTP API aws_apigatewayv2_api.http_api only indirectly (its api_id is \"${trimspace(aws_apigatewayv2_api.http_api.id)}\")")]);
  });

  test('is silent once given in resources (then it is hashed) or acknowledged; another API is no blind spot', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const api = petsApi(stack);
    const other = petsApi(stack, {}, 'other_');
    const local = new TerraformLocal(stack, 'api_id', api.api.id);
    const given = new ApiGatewayResource(stack, 'given', { restApiId: local.asString, parentId: api.api.rootResourceId, pathPart: 'given' });
    const acknowledged = new ApiGatewayResource(stack, 'acknowledged', { restApiId: local.asString, parentId: api.api.rootResourceId, pathPart: 'ack' });
    new ApiGatewayResource(stack, 'elsewhere', { restApiId: new TerraformLocal(stack, 'other_id', other.api.id).asString, parentId: other.api.rootResourceId, pathPart: 'x' });
    new RestApiDeployment(stack, 'deploy', { restApi: api.api, resources: [given], acknowledgedBlindSpots: [acknowledged] });

    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
    expect(Object.keys(triggersOf(synthesizeStack(stack)))).toContain('aws_api_gateway_resource.given');
  });
});

test('a module in the API\'s stack warns the deployment in another stack', () => {
  const app = new App({ skipValidation: true });
  const apiStack = new TerraformStack(app, 'api');
  const api = petsApi(apiStack);
  usersModule(apiStack, api);
  const deployStack = new TerraformStack(app, 'deploy');
  new RestApiDeployment(deployStack, 'deploy', { restApi: api.api });

  expect(RestApiDeployment.warningsOf(deployStack)).toEqual([
    expect.stringContaining("The module module.users ('api/users') gets the id of the REST API aws_api_gateway_rest_api.api as an input"),
  ]);
});

test("what a stage made on its own creates (its mappings, method settings) is the library's: no blind spot", () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const api = petsApi(stack);
  const deployment = new RestApiDeployment(stack, 'deploy', { restApi: api.api });
  const stage = new RestApiStage(stack, 'stage', {
    restApiId: api.api.id, deploymentId: deployment.deploymentId, stageName: 'alone', methodOptions: { '/pets/GET': { metricsEnabled: true } },
  });
  stage.addApiMapping('api.example.com', { apiMappingKey: 'orders/alone' });
  stage.addBasePathMapping('rest.example.com');
  synthesizeStack(stack);

  expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
});

describe('discovery never goes quiet', () => {
  test('a route whose API id is a value of its for_each (each.value.api) is named in a warning', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const { api } = petsHttpApi(stack);
    const iterator = TerraformIterator.fromMap({ users: { api: api.id, uri: 'https://users.example.com' } } as any);
    new Apigatewayv2Integration(stack, 'users', {
      forEach: iterator, apiId: iterator.getString('api'), integrationType: 'HTTP_PROXY', integrationMethod: 'GET', integrationUri: iterator.getString('uri'),
    });
    new HttpApiDeployment(stack, 'deploy', { httpApi: api });
    synthesizeStack(stack);

    expect(HttpApiDeployment.warningsOf(stack)).toEqual([expect.stringContaining(
      "The resource aws_apigatewayv2_integration.users ('stack/users') names the HTTP API aws_apigatewayv2_api.http_api only indirectly (its api_id is \"${each.value.api}\")")]);
  });

  /** An HTTP API of another app, read by its id, whose integration and route are made here. */
  const readElsewhere = (stack: TerraformStack) => {
    const read = new DataAwsApigatewayv2Api(stack, 'read', { apiId: 'a1b2c3d4e5' });
    const integration = new Apigatewayv2Integration(stack, 'integ', { apiId: read.apiId, integrationType: 'HTTP_PROXY', integrationMethod: 'GET', integrationUri: 'https://backend.example.com' });
    new Apigatewayv2Route(stack, 'route', { apiId: read.apiId, routeKey: 'GET /items', target: `integrations/${integration.id}` });
    return read.apiId;
  };
  const byId = (stack: TerraformStack, id: (stack: TerraformStack) => string, autoDiscover?: boolean) =>
    new HttpApiDeployment(stack, 'deploy', { httpApiId: id(stack), autoDiscover });

  test.each<[string, (stack: TerraformStack) => string]>([
    ["the id of the app's API resource", (stack) => petsHttpApi(stack).api.id],
    ['an id read by a data source', readElsewhere],
  ])('an API given by id (%s) with routes of its stack naming that id: named in a warning, discovered with autoDiscover', (_name, id) => {
    const warned = new TerraformStack(Testing.app(), 'stack');
    byId(warned, id);
    synthesizeStack(warned);
    expect(HttpApiDeployment.warningsOf(warned)).toEqual([expect.stringMatching(
      /^The HTTP API is given by its id \('httpApiId'\), and aws_apigatewayv2_integration\.\S+ \('stack\/[^']+'\), .* of this stack name the same API: without discovery, changing them does not redeploy the API\./)]);

    const discovered = new TerraformStack(Testing.app(), 'stack');
    byId(discovered, id, true);
    const triggers = onlyResource(synthesizeStack(discovered), 'aws_apigatewayv2_deployment').triggers;
    expect(HttpApiDeployment.warningsOf(discovered)).toEqual([]);
    expect(Object.keys(triggers).filter((key) => key.startsWith('aws_apigatewayv2_route.'))).toHaveLength(1);
  });

  test("an id from a data source that looks up the app's API by its name, beside resources naming the API's id: named in a warning, discovered with autoDiscover", () => {
    const deploy = (autoDiscover: boolean) => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      const api = petsApi(stack);
      const lookup = new DataAwsApiGatewayRestApi(stack, 'lookup', { name: api.api.name });
      new RestApiDeployment(stack, 'deploy', { restApiId: lookup.id, resources: [api.pets], autoDiscover });
      return { stack, json: synthesizeStack(stack) };
    };

    const warned = deploy(false);
    expect(RestApiDeployment.warningsOf(warned.stack)).toEqual([expect.stringContaining(
      "The REST API is given by its id ('restApiId'), and aws_api_gateway_method.pets_get ('stack/pets_get'), aws_api_gateway_integration.pets_get_integration " +
      "('stack/pets_get_integration') of this stack name the same API")]);
    const discovered = deploy(true);
    expect(RestApiDeployment.warningsOf(discovered.stack)).toEqual([]);
    expect(Object.keys(onlyResource(discovered.json, 'aws_api_gateway_deployment').triggers)).toEqual(expect.arrayContaining([
      'aws_api_gateway_integration.pets_get_integration', 'aws_api_gateway_method.pets_get', 'aws_api_gateway_resource.pets',
    ]));
  });
});

describe('a call whose value changes at every apply (timestamp(), uuid())', () => {
  const changingWarnings = (change: (api: PetsApi) => void, acknowledge = false) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const api = petsApi(stack);
    change(api);
    new RestApiDeployment(stack, 'deploy', { restApi: api.api, acknowledgedBlindSpots: acknowledge ? [api.integration] : undefined });
    return RestApiDeployment.warningsOf(stack);
  };

  test.each([
    ['timestamp', (api: PetsApi) => api.integration.requestParameters = { 'integration.request.header.x-built': Fn.timestamp() }],
    ['uuid', (api: PetsApi) => api.integration.requestTemplates = { 'application/json': Fn.uuid() }],
  ])('%s() in a deployed argument gets a warning: the stage would keep the first apply', (call, change) => {
    expect(changingWarnings(change)).toEqual([expect.stringMatching(new RegExp(`^The resource aws_api_gateway_integration.pets_get_integration \\('stack/pets_get_integration'\\) calls ${call}\\(\\), whose value changes at every apply`))]);
    expect(changingWarnings(change, true)).toEqual([]);
  });

  test('in an argument that is never deployed (a tag), none', () => {
    expect(changingWarnings((api) => api.api.tags = { built: Fn.timestamp() })).toEqual([]);
  });
});

test("an HTTP API whose routes a module makes gets no 'no routes' warning (acknowledged or not): what discovery cannot see may add them", () => {
  const warnings = (acknowledge: boolean) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const api = new Apigatewayv2Api(stack, 'http', { name: 'pets', protocolType: 'HTTP' });
    const module = new TerraformHclModule(stack, 'routes', { source: 'acme/http-routes/aws', version: '1.0.0', variables: { api_id: api.id } });
    new HttpApiDeployment(stack, 'deploy', { httpApi: api, acknowledgedBlindSpots: acknowledge ? [module] : undefined });
    return HttpApiDeployment.warningsOf(stack);
  };

  expect(warnings(true)).toEqual([]);
  expect(warnings(false)).toEqual([expect.stringContaining("The module module.routes ('stack/routes') gets the id of the HTTP API")]);
});

test('an IAM policy that names the API (an execute-api ARN built from its id) grants access, serves nothing: no warning', () => {
  expect(warningsWith((stack, api) => {
    new IamPolicy(stack, 'invoke', {
      policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:*:*:${api.api.id}/*` }] }),
    });
  })).toEqual([]);
});

test("a function whose environment holds the API's id (to call back into it) gets no blind-spot warning: it serves nothing", () => {
  expect(warningsWith((stack, api) => {
    new LambdaFunction(stack, 'callback', {
      functionName: 'callback',
      role: 'arn:aws:iam::123456789012:role/callback',
      filename: 'callback.zip',
      handler: 'index.handler',
      runtime: 'nodejs20.x',
      environment: { variables: { API_ID: api.api.id } },
    });
  })).toEqual([]);
});

describe('a data source that looks the REST API up by its literal name', () => {
  test('resources of another stack named through it get a warning (discovery follows ids, not names)', () => {
    const app = new App({ skipValidation: true });
    const apiStack = new TerraformStack(app, 'api');
    const api = petsApi(apiStack);
    const cats = new TerraformStack(app, 'cats');
    const lookup = new DataAwsApiGatewayRestApi(cats, 'pets_api', { name: 'pets' });
    new ApiGatewayResource(cats, 'cats', { restApiId: lookup.id, parentId: lookup.rootResourceId, pathPart: 'cats' });
    const deployment = new RestApiDeployment(apiStack, 'deploy', { restApi: api.api });

    expect(RestApiDeployment.warningsOf(deployment)).toEqual([
      "The resource aws_api_gateway_resource.cats ('cats/cats') names the REST API aws_api_gateway_rest_api.api only through a data source that looks it up "
      + "by its name (data.aws_api_gateway_rest_api.pets_api ('cats/pets_api'), name \"pets\"): discovery compares rest_api_id with the API's id, so it is "
      + "not part of this deployment's triggers. If it belongs to this API, give it the API's id (a reference, across stacks too), or add it to 'resources'; "
      + "otherwise list it in 'acknowledgedBlindSpots'.",
    ]);
  });

  test("another API's name is no match; acknowledged, no warning", () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const api = petsApi(stack);
    const orders = new DataAwsApiGatewayRestApi(stack, 'orders_api', { name: 'orders' });
    new ApiGatewayResource(stack, 'orders', { restApiId: orders.id, parentId: orders.rootResourceId, pathPart: 'orders' });
    const lookup = new DataAwsApiGatewayRestApi(stack, 'pets_api', { name: 'pets' });
    const cats = new ApiGatewayResource(stack, 'cats', { restApiId: lookup.id, parentId: lookup.rootResourceId, pathPart: 'cats' });

    expect(RestApiDeployment.warningsOf(new RestApiDeployment(stack, 'deploy', { restApi: api.api, acknowledgedBlindSpots: [cats] }))).toEqual([]);
  });

  test("a deployment given its id names the API's resources in the by-id warning, as for a lookup by the name attribute", () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    petsApi(stack);
    const lookup = new DataAwsApiGatewayRestApi(stack, 'pets_api', { name: 'pets' });
    const deployment = new RestApiDeployment(stack, 'deploy', { restApiId: lookup.id, triggers: { release: '1' } });

    expect(RestApiDeployment.warningsOf(deployment)).toEqual([expect.stringMatching(
      /^The REST API is given by its id \('restApiId'\), and aws_api_gateway_\S+ \('stack\/[^']+'\), .* of this stack name the same API: without discovery/)]);
  });
});

test("an API made by a module, deployed by its output id: a warning that the module's inputs are not in the triggers; acknowledged, none", () => {
  const warningsFor = (acknowledge: boolean) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const module = new TerraformHclModule(stack, 'api', { source: 'app.terraform.io/acme/rest-api/aws', version: '1.0.0', variables: { name: 'pets', binary_media_types: ['image/png'] } });
    const id = module.getString('rest_api_id');
    const resource = new ApiGatewayResource(stack, 'pets', { restApiId: id, parentId: module.getString('root_resource_id'), pathPart: 'pets' });
    new ApiGatewayMethod(stack, 'get', { restApiId: id, resourceId: resource.id, httpMethod: 'GET', authorization: 'NONE' });
    new RestApiDeployment(stack, 'deploy', { restApiId: id, autoDiscover: true, acknowledgedBlindSpots: acknowledge ? [module] : undefined });
    return RestApiDeployment.warningsOf(stack).filter((warning) => warning.includes('made by module'));
  };

  expect(warningsFor(false)).toEqual(["The API is made by module.api ('stack/api'): the API id given is that module's output. What the module makes of the "
    + 'API (its settings, a body: its inputs, its source and version) is not in the triggers, so a change there does not redeploy. Add a trigger over the '
    + "module's inputs that shape the API (addTrigger), or list it in 'acknowledgedBlindSpots'."]);
  expect(warningsFor(true)).toEqual([]);
});
