import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { TerraformIterator, TerraformLocal, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AccessLogDestination, ApiDeploymentBase, HttpApiDeployment, RestApiDeployment, StageBase, WebSocketApiDeployment } from '../src';
import { petsApi } from './support/api';
import { synthesize } from './support/synth';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

/**
 * What Python, Java, Go and plain JavaScript users can pass where no compiler checks the props:
 * each is refused at synth, naming the property, the value and what is expected.
 */
const untyped = (props: Record<string, unknown>) => props as any;

describe('a property the construct does not have', () => {
  test.each<[string, (stack: TerraformStack) => unknown, string]>([
    ['canary on an HTTP API', (stack) => new HttpApiDeployment(stack, 'deploy', untyped({ httpApi: petsHttpApi(stack).api, canary: { percentTraffic: 10 } })),
      "HttpApiDeployment at 'stack/deploy': property 'canary' is {\"percentTraffic\":10}; expected no 'canary': HttpApiDeploymentProps has no such property " +
      '(HTTP and WebSocket API stages have no canary settings, a REST API feature: roll out with a second stage (addStage)).'],
    ['canary on a WebSocket API', (stack) => new WebSocketApiDeployment(stack, 'deploy', untyped({ webSocketApi: chatWebSocketApi(stack).api, canary: { percentTraffic: 10 } })),
      "WebSocketApiDeployment at 'stack/deploy': property 'canary' is {\"percentTraffic\":10}; expected no 'canary': WebSocketApiDeploymentProps has no such property"],
    ["loggingLevel on an HTTP API (execution logs are the WebSocket API's)", (stack) =>
      new HttpApiDeployment(stack, 'deploy', untyped({ httpApi: petsHttpApi(stack).api, loggingLevel: 'INFO' })),
    "HttpApiDeployment at 'stack/deploy': property 'loggingLevel' is \"INFO\"; expected no 'loggingLevel': HttpApiDeploymentProps has no such property " +
      '(HTTP APIs write no execution logs, only access logs: accessLogDestination).'],
    ['loggingLevel in an HTTP route option', (stack) =>
      new HttpApiDeployment(stack, 'deploy', untyped({ httpApi: petsHttpApi(stack).api, routeOptions: { 'GET /pets': { loggingLevel: 'INFO' } } })),
    "HttpApiDeployment at 'stack/deploy': property 'routeOptions.GET /pets.loggingLevel' is \"INFO\"; expected no 'loggingLevel': HttpRouteOptions has no such property"],
    ['methodOptions on a WebSocket API', (stack) =>
      new WebSocketApiDeployment(stack, 'deploy', untyped({ webSocketApi: chatWebSocketApi(stack).api, methodOptions: {} })),
    "expected no 'methodOptions': WebSocketApiDeploymentProps has no such property (HTTP and WebSocket APIs have routes, not methods: 'routeOptions', keyed by route key)."],
    ['routeOptions on a REST API', (stack) => new RestApiDeployment(stack, 'deploy', untyped({ restApi: petsApi(stack).api, routeOptions: {} })),
      "RestApiDeployment at 'stack/deploy': property 'routeOptions' is {}; expected no 'routeOptions': RestApiDeploymentProps has no such property " +
      "(REST APIs have methods, not routes: 'methodOptions', keyed by method path ('/pets/GET'))."],
    ['a misspelt name', (stack) => new RestApiDeployment(stack, 'deploy', untyped({ restApi: petsApi(stack).api, stagename: 'live' })),
      "RestApiDeployment at 'stack/deploy': property 'stagename' is \"live\"; expected no 'stagename': RestApiDeploymentProps has no such property (did you mean 'stageName'?)."],
    ['a misspelt name in addStage', (stack) => new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addStage('beta', untyped({ tracingEnabld: true })),
      "RestApiDeployment at 'stack/deploy': property 'addStage(beta).tracingEnabld' is true; expected no 'tracingEnabld': StageOptions has no such property (did you mean 'tracingEnabled'?)."],
  ])('%s', (_case, build, message) => {
    expect(() => synthesize((stack) => {
      build(stack);
    })).toThrow(message);
  });

  test('an unset property of another construct is no mistake', () => {
    expect(() => synthesize((stack) => new HttpApiDeployment(stack, 'deploy', untyped({ httpApi: petsHttpApi(stack).api, canary: undefined })))).not.toThrow();
  });
});

describe('a value of the wrong type', () => {
  test.each<[string, Record<string, unknown>, string]>([
    ['a boolean as a string', { tracingEnabled: 'yes' }, "property 'tracingEnabled' is \"yes\"; expected true or false."],
    ['a number as a string', { cacheTtl: '60' }, "property 'cacheTtl' is \"60\"; expected a number."],
    ['a number as a BigInt', { cacheTtl: BigInt(5) }, "property 'cacheTtl' is 5n; expected a number (a BigInt is not a number: write 5, not 5n)."],
    ['a map as a string', { variables: 'a=b' }, "property 'variables' is \"a=b\"; expected a map of strings written in the program, e.g. { name: \"value\" } (not a Map, a class instance or a map token)."],
    ['a Map instead of an object', { variables: new Map([['backend', 'x']]) }, "property 'variables' is a Map {\"backend\" => \"x\"}; expected a map of strings written in the program"],
    ['a Map as tags', { tags: new Map([['team', 'pets']]) }, "property 'tags' is a Map {\"team\" => \"pets\"}; expected a map of strings, e.g. { name: \"value\" } (not a Map or a class instance)."],
    ['a Map as methodOptions', { methodOptions: new Map() }, "property 'methodOptions' is a Map {}; expected an object of route or method keys to MethodDeploymentOptions."],
    ['a map of numbers', { tags: { team: 7 } }, "property 'tags.team' is 7; expected a string."],
    ...['tags', 'variables', 'triggers'].map((property): [string, Record<string, unknown>, string] => [`a "__proto__" key in ${property} (a JSON-parsed map)`,
      { [property]: JSON.parse('{"__proto__": "x"}') },
      `property '${property}.__proto__' is "x"; expected a key other than "__proto__": cdktf renders a map by assigning its keys to a JavaScript object`]),
    ['a "__proto__" key in methodOptions', { methodOptions: JSON.parse('{"__proto__": {}}') }, "property 'methodOptions.__proto__' is {}; expected a key other than \"__proto__\""],
    ['a log destination as an ARN string', { accessLogDestination: 'arn:aws:logs:eu-west-1:123456789012:log-group:api' },
      "property 'accessLogDestination' is \"arn:aws:logs:eu-west-1:123456789012:log-group:api\"; expected an AccessLogDestination: " +
      'AccessLogDestination.newLogGroup() or AccessLogDestination.arn(...).'],
    ['a logging level of another spelling', { loggingLevel: 'info' }, "property 'loggingLevel' is \"info\"; expected one of OFF, ERROR, INFO."],
    ['resources that are not resources', { resources: ['aws_api_gateway_method.get'] },
      "property 'resources[0]' is \"aws_api_gateway_method.get\"; expected a Terraform resource (a TerraformResource, such as an ApiGatewayIntegration)."],
  ])('%s', (_case, props, message) => {
    expect(() => synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', untyped({ restApi: petsApi(stack).api, ...props }));
    })).toThrow(`RestApiDeployment at 'stack/deploy': ${message}`);
  });
});

describe('an API of another kind', () => {
  test('a REST API given to HttpApiDeployment', () => {
    expect(() => synthesize((stack) => {
      new HttpApiDeployment(stack, 'deploy', untyped({ httpApi: new ApiGatewayRestApi(stack, 'api', { name: 'pets' }) }));
    })).toThrow("HttpApiDeployment at 'stack/deploy': property 'httpApi' is \"stack/api (aws_api_gateway_rest_api)\"; expected an Apigatewayv2Api " +
      '(aws_apigatewayv2_api); a REST API is deployed by RestApiDeployment.');
  });

  test('an HTTP API given to RestApiDeployment', () => {
    expect(() => synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', untyped({ restApi: petsHttpApi(stack).api }));
    })).toThrow("RestApiDeployment at 'stack/deploy': property 'restApi' is \"stack/http_api (aws_apigatewayv2_api)\"; expected an ApiGatewayRestApi " +
      '(aws_api_gateway_rest_api); an HTTP or WebSocket API is deployed by HttpApiDeployment or WebSocketApiDeployment.');
  });

  test('a protocol type only known at deploy time: a warning, never a raw token', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const protocol = new TerraformVariable(stack, 'protocol', { type: 'string' });
    const api = new Apigatewayv2Api(stack, 'api', { name: 'pets', protocolType: protocol.stringValue });
    new HttpApiDeployment(stack, 'deploy', { httpApi: api, triggers: { release: '1' } });
    new HttpApiDeployment(stack, 'beta', { httpApi: api, stageName: 'beta', triggers: { release: '1' } });

    const warning = "The protocol type of 'stack/api' is only known at deploy time: " +
      'HttpApiDeployment deploys it as an API of protocol type HTTP (WebSocket APIs: WebSocketApiDeployment).';
    // Once, on the API, however many constructs deploy it.
    expect(HttpApiDeployment.warningsOf(stack).filter((item) => item === warning)).toEqual([warning]);
  });
});

describe('an access log destination that is neither a CloudWatch Logs log group nor a Firehose stream', () => {
  const expected = 'expected AccessLogDestination.arn() with the ARN of a CloudWatch Logs log group (arn:aws:logs:<region>:<account>:log-group:<name>) ' +
    "or of a Firehose stream whose name starts with 'amazon-apigateway-'";
  test.each([
    ['an S3 bucket ARN', 'arn:aws:s3:::logs'],
    ['a Firehose stream without the amazon-apigateway- prefix', 'arn:aws:firehose:eu-west-1:123456789012:deliverystream/logs'],
    ['a log group name', 'API-Gateway-Access-Logs'],
  ])('%s', (_case, arn) => {
    // A REST API, which takes a Firehose stream too (HTTP and WebSocket APIs take log groups only).
    expect(() => synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, accessLogDestination: AccessLogDestination.arn(arn) });
    })).toThrow(`RestApiDeployment at 'stack/deploy': property 'accessLogDestination' is ${JSON.stringify(arn)}; ${expected}.`);
  });

  test("another resource's ARN", () => {
    expect(() => synthesize((stack) => {
      const bucket = new S3Bucket(stack, 'logs', { bucket: 'logs' });
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, accessLogDestination: AccessLogDestination.arn(bucket.arn) });
    })).toThrow(`HttpApiDeployment at 'stack/deploy': property 'accessLogDestination' is "\${aws_s3_bucket.logs.arn}"; ${expected}, not the ARN of an aws_s3_bucket.`);
  });

  test('a log group, a GovCloud log group, a Firehose stream and a variable are accepted', () => {
    for (const arn of ['arn:aws:logs:eu-west-1:123456789012:log-group:api', 'arn:aws-us-gov:logs:us-gov-west-1:123456789012:log-group:/api/access:*',
      'arn:aws:firehose:eu-west-1:123456789012:deliverystream/amazon-apigateway-logs']) {
      expect(() => synthesize((stack) => {
        new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, accessLogDestination: AccessLogDestination.arn(arn) });
      })).not.toThrow();
    }
    expect(() => synthesize((stack) => {
      const arn = new TerraformVariable(stack, 'log_group_arn', { type: 'string' });
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, accessLogDestination: AccessLogDestination.arn(arn.stringValue) });
    })).not.toThrow();
  });
});

describe('settings for a route or method the API does not have', () => {
  test('a route key of no route: refused while the stacks are checked (cdktf synth, warningsOf)', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new HttpApiDeployment(stack, 'deploy', {
      httpApi: petsHttpApi(stack).api, routeOptions: { 'GET /cats': { throttlingBurstLimit: 1, throttlingRateLimit: 1 } },
    });

    expect(() => HttpApiDeployment.warningsOf(stack)).toThrow("HttpApiDeployment at 'stack/deploy': property 'routeOptions.GET /cats' is \"GET /cats\"; " +
      'expected a route key that aws_apigatewayv2_api.http_api serves (one of "GET /pets"): AWS refuses settings for a route or method that does not exist.');
  });

  test('refused by Testing.synth(stack, true) too, which validates without preparing (as the README tells unit tests to)', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, methodOptions: { '/cats/GET': { metricsEnabled: true } } });

    expect(() => Testing.synth(stack, true)).toThrow("RestApiDeployment at 'stack/deploy': property 'methodOptions./cats/GET' is \"/cats/GET\"; expected a method path");
  });

  test('a malformed HTTP route key: refused at once', () => {
    expect(() => synthesize((stack) => {
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, routeOptions: { '/pets': { throttlingBurstLimit: 1, throttlingRateLimit: 1 } } });
    })).toThrow("HttpApiDeployment at 'stack/deploy': property 'routeOptions' is \"/pets\"; expected a route key: '$default', or an HTTP method (or ANY) and a path");
  });

  test('a method path of no method, in an added stage', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addStage('beta', { methodOptions: { '/pets/POST': { metricsEnabled: true } } });

    expect(() => RestApiDeployment.warningsOf(stack)).toThrow("RestApiDeployment at 'stack/deploy': property 'addStage(beta).methodOptions./pets/POST' is " +
      '"/pets/POST"; expected a method path that aws_api_gateway_rest_api.api serves (one of "/pets/GET")');
  });

  test("the root resource's methods are written /GET, and checked as the others", () => {
    const build = (key: string) => () => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      const { api } = petsApi(stack);
      new ApiGatewayMethod(stack, 'root_get', { restApiId: api.id, resourceId: api.rootResourceId, httpMethod: 'GET', authorization: 'NONE' });
      new RestApiDeployment(stack, 'deploy', { restApi: api, methodOptions: { [key]: { metricsEnabled: true } } });
      RestApiDeployment.warningsOf(stack);
    };

    expect(build('/GET')).not.toThrow();
    expect(build('/POST')).toThrow("property 'methodOptions./POST' is \"/POST\"; expected a method path that aws_api_gateway_rest_api.api serves (one of \"/GET\", \"/pets/GET\")");
  });

  test('what the API serves is accepted: its routes and methods, a literal body, wildcards, an ANY method', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new WebSocketApiDeployment(stack, 'ws', { webSocketApi: chatWebSocketApi(stack).api, routeOptions: { $connect: { throttlingBurstLimit: 1, throttlingRateLimit: 1 } } });
    new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack).api, methodOptions: { '/pets/GET': { metricsEnabled: true }, '*/*': { metricsEnabled: true } } });
    const body = JSON.stringify({ openapi: '3.0.1', info: { title: 'b', version: '1' }, paths: { '/orders': { 'x-amazon-apigateway-any-method': {} } } });
    new RestApiDeployment(stack, 'body', { restApi: new ApiGatewayRestApi(stack, 'body_api', { name: 'b', body }), methodOptions: { '/orders/DELETE': { metricsEnabled: true } } });
    // An HTTP API's OpenAPI path `$default` is its route `$default`.
    const httpBody = JSON.stringify({ openapi: '3.0.1', info: { title: 'h', version: '1' }, paths: { $default: { 'x-amazon-apigateway-any-method': {} } } });
    new HttpApiDeployment(stack, 'http_body', {
      httpApi: new Apigatewayv2Api(stack, 'http_body_api', { name: 'h', protocolType: 'HTTP', body: httpBody }),
      routeOptions: { $default: { throttlingBurstLimit: 1, throttlingRateLimit: 1 } },
    });

    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
    expect(WebSocketApiDeployment.warningsOf(stack)).toEqual([]);
    expect(HttpApiDeployment.warningsOf(stack)).toEqual([]);
  });
});

test('a route discovery cannot see (its API id through a local value) may be named: it is a blind spot, not a mistake', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const { api, integration } = petsHttpApi(stack);
  new Apigatewayv2Route(stack, 'health', { apiId: new TerraformLocal(stack, 'api_id', api.id).asString, routeKey: 'GET /health', target: `integrations/${integration.id}` });
  new HttpApiDeployment(stack, 'deploy', { httpApi: api, routeOptions: { 'GET /health': { throttlingBurstLimit: 10, throttlingRateLimit: 5 } } });

  expect(HttpApiDeployment.warningsOf(stack)).toEqual([expect.stringContaining("The resource aws_apigatewayv2_route.health ('stack/health') names the HTTP API")]);
});

test("a prop given as null (plain JavaScript's `cond ? {...} : null`): refused saying to leave it out", () => {
  expect(() => synthesize((stack) => {
    new RestApiDeployment(stack, 'deploy', untyped({ restApi: petsApi(stack).api, canary: null }));
  })).toThrow("RestApiDeployment at 'stack/deploy': property 'canary' is null; expected an object of CanaryOptions, or the property left out (undefined): "
    + 'null is not taken for left out here.');
});

describe('a map entry without a value (`{ [key]: config.missing }`)', () => {
  test.each<[string, (stack: TerraformStack) => unknown, string]>([
    ['an HTTP route option', (stack) => new HttpApiDeployment(stack, 'deploy', untyped({ httpApi: petsHttpApi(stack).api, routeOptions: { 'GET /pets': undefined } })),
      "HttpApiDeployment at 'stack/deploy': property 'routeOptions.GET /pets' is undefined; expected an object of HttpRouteOptions (or no 'GET /pets' entry)."],
    ['a WebSocket route option', (stack) => new WebSocketApiDeployment(stack, 'deploy', untyped({ webSocketApi: chatWebSocketApi(stack).api, routeOptions: { $connect: null } })),
      "WebSocketApiDeployment at 'stack/deploy': property 'routeOptions.$connect' is null; expected an object of WebSocketRouteOptions (or no '$connect' entry)."],
    ['a REST method option in addStage', (stack) => new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addStage('beta', untyped({ methodOptions: { '/pets/GET': undefined } })),
      "RestApiDeployment at 'stack/deploy': property 'addStage(beta).methodOptions./pets/GET' is undefined; expected an object of MethodDeploymentOptions (or no '/pets/GET' entry)."],
  ])('%s', (_case, build, message) => {
    expect(() => synthesize((stack) => {
      build(stack);
    })).toThrow(message);
  });
});

describe('a token where the library reads the entries one by one', () => {
  test.each<[string, (stack: TerraformStack) => Record<string, unknown>, string]>([
    ['a map variable as stage variables', (stack) => ({ variables: new TerraformVariable(stack, 'm', { type: 'map(string)' }).value }),
      "property 'variables' is \"${var.m}\"; expected a map of strings written in the program"],
    ['a map variable as triggers', (stack) => ({ triggers: new TerraformVariable(stack, 'm', { type: 'map(string)' }).value }),
      "property 'triggers' is \"${var.m}\"; expected a map of strings written in the program"],
    ['a list variable as resources', (stack) => ({ resources: new TerraformVariable(stack, 'l', { type: 'list(string)' }).listValue }),
      "property 'resources' is \"${var.l}\"; expected a list written in the program (a list token cannot be checked item by item)."],
  ])('%s', (_case, props, message) => {
    expect(() => synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', untyped({ restApi: petsApi(stack).api, ...props(stack) }));
    })).toThrow(message);
  });

  test('a map variable as tags is written as its expression', () => {
    const json = synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, tags: new TerraformVariable(stack, 'm', { type: 'map(string)' }).value });
    });

    expect(Object.values<any>(json.resource.aws_api_gateway_stage)[0].tags).toBe('${var.m}');
  });
});

test('the is...() checks take anything, nothing included: undefined and null are no deployment construct', () => {
  for (const is of [RestApiDeployment.isRestApiDeployment, HttpApiDeployment.isHttpApiDeployment, WebSocketApiDeployment.isWebSocketApiDeployment]) {
    expect([is(undefined), is(null), is('x'), is({})]).toEqual([false, false, false, false]);
  }
  const stack = new TerraformStack(Testing.app(), 'stack');
  expect(RestApiDeployment.isRestApiDeployment(new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }))).toBe(true);
});

test('methodOptions beside an OpenAPI body Terraform computes get a warning: what the body serves is known only at plan', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const backend = new TerraformVariable(stack, 'backend', { type: 'string' }).stringValue;
  const body = JSON.stringify({
    openapi: '3.0.1',
    info: { title: 'pets', version: '1' },
    paths: { '/b': { get: { 'x-amazon-apigateway-integration': { type: 'http', uri: backend, httpMethod: 'GET' } } } },
  });
  new RestApiDeployment(stack, 'deploy', { restApi: new ApiGatewayRestApi(stack, 'api', { name: 'pets', body }), methodOptions: { '/a/GET': { metricsEnabled: true } } });

  expect(RestApiDeployment.warningsOf(stack)).toContain('The API aws_api_gateway_rest_api.api serves what its OpenAPI body says, which is known only when '
    + 'Terraform plans: the construct cannot check that it serves "/a/GET" (methodOptions); AWS refuses settings for a route or method that does not exist, when it applies.');
});

test('routeOptions beside routes made with for_each, or for an API given by its id without discovery, get a warning: the construct cannot check them', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const api = new Apigatewayv2Api(stack, 'api', { name: 'pets', protocolType: 'HTTP' });
  const keys = TerraformIterator.fromList(['GET /pets', 'POST /pets']);
  new Apigatewayv2Route(stack, 'routes', { forEach: keys, apiId: api.id, routeKey: keys.value });
  const limits = { throttlingBurstLimit: 1, throttlingRateLimit: 1 };
  new HttpApiDeployment(stack, 'deploy', { httpApi: api, routeOptions: { 'DELETE /nothing': limits } });
  new HttpApiDeployment(stack, 'by_id', { httpApiId: 'a1b2c3', stageName: 'by-id', triggers: { v: '1' }, routeOptions: { 'GET /pets': limits } });

  expect(HttpApiDeployment.warningsOf(stack)).toEqual([
    'The API aws_apigatewayv2_api.api serves routes or methods known only when Terraform plans (made with count or for_each, or named by a Terraform '
    + 'expression): the construct cannot check that it serves "DELETE /nothing" (routeOptions); AWS refuses settings for a route or method that does not '
    + 'exist, when it applies.',
    'The construct cannot check that the API serves "GET /pets" (routeOptions): without discovery it does not know the API\'s routes and methods (give the '
    + 'API construct, or autoDiscover: true with its id). AWS refuses settings for a route or method that does not exist, when it applies.',
  ]);
});

describe("the library's abstract base classes, made from plain JavaScript", () => {
  test('made directly: refused when made, naming what to make', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    expect(() => new (ApiDeploymentBase as any)(stack, 'base')).toThrow("ApiDeploymentBase at 'stack/base' is not one of the library's constructs: "
      + 'ApiDeploymentBase is what they have in common, and only they give it what it reads. Make a RestApiDeployment, HttpApiDeployment or WebSocketApiDeployment');
    expect(() => new (StageBase as any)(stack, 'stage')).toThrow("StageBase at 'stack/stage' is not one of the library's constructs");
  });

  test("extended by a class of the user's: its first read says the same", () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    class Mine extends (ApiDeploymentBase as any) {}
    const mine = new (Mine as any)(stack, 'mine') as ApiDeploymentBase;
    expect(() => mine.invokeUrl).toThrow("Mine at 'stack/mine' is not one of the library's constructs");
  });
});

test('props and options given as instances of a class of the user\'s (a class that implements the props interface) are read by their fields', () => {
  class ProdDefaults {
    public readonly stageName = 'live';
    public readonly metricsEnabled = true;
    constructor(public readonly restApi: ApiGatewayRestApi) {}
  }
  class BetaOptions {
    public readonly throttlingBurstLimit = 10;
    public readonly throttlingRateLimit = 5;
  }
  const json = synthesize((stack) => {
    new RestApiDeployment(stack, 'deploy', new ProdDefaults(petsApi(stack).api)).addStage('beta', new BetaOptions());
  });

  expect(Object.values<any>(json.resource.aws_api_gateway_stage).map((stage) => stage.stage_name).sort()).toEqual(['beta', 'live']);
  expect(Object.values<any>(json.resource.aws_api_gateway_method_settings).map((settings) => settings.settings.throttling_burst_limit).sort())
    .toEqual([10, undefined]);
});

test('props of a class whose accessors hold values (get loggingLevel()) are refused, saying accessors are not read: they would be dropped without a word', () => {
  class WithAccessors {
    constructor(public readonly restApi: ApiGatewayRestApi) {}
    get loggingLevel(): string {
      return 'INFO';
    }
  }
  expect(() => synthesize((stack) => new RestApiDeployment(stack, 'deploy', new WithAccessors(petsApi(stack).api) as any)))
    .toThrow("RestApiDeployment at 'stack/deploy': property 'props' is an instance of WithAccessors with the accessor loggingLevel; expected an object of RestApiDeploymentProps "
      + '(a plain object, or an instance of a class of yours whose fields hold the values: accessors such as get loggingLevel() are not read).');
});

test('options of a class whose accessors hold values, nested in the props (methodOptions), are refused in the same words', () => {
  class GetSettings {
    get metricsEnabled(): boolean {
      return true;
    }
  }
  expect(() => synthesize((stack) => new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, methodOptions: { '/pets/GET': new GetSettings() as any } })))
    .toThrow("RestApiDeployment at 'stack/deploy': property 'methodOptions./pets/GET' is an instance of GetSettings with the accessor metricsEnabled; "
      + 'expected an object of MethodDeploymentOptions (a plain object, or an instance of a class of yours whose fields hold the values: accessors such as get metricsEnabled() are not read).');
});
