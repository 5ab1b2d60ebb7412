import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AccessLogDestination, AccessLogFormat, CacheClusterSize, HttpApiDeployment, MethodLoggingLevel, RestApiDeployment, RestApiDeploymentProps, UnauthorizedCacheControlHeaderStrategy } from '../src';
import { petsApi } from './support/api';
import { beforeAndAfter, changedTriggerKeys, onlyResource, resourcesOfType, synthesize } from './support/synth';
import { petsHttpApi } from './support/v2-api';

function deployWith(props: Partial<RestApiDeploymentProps>) {
  return synthesize((stack) => {
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, ...props });
  });
}

const STAGE_REF = '${aws_api_gateway_stage.deploy_Stage_4076BD38';

describe('stage options pass through to the stage', () => {
  test('tracing, cache cluster, client certificate, documentation version, tags', () => {
    const stage = onlyResource(deployWith({
      tracingEnabled: true,
      cacheClusterEnabled: true,
      cacheClusterSize: CacheClusterSize.GB_6_1,
      clientCertificateId: 'cert123',
      documentationVersion: '1.2',
      tags: { team: 'pets' },
    }), 'aws_api_gateway_stage');

    expect(stage).toMatchObject({
      xray_tracing_enabled: true,
      cache_cluster_enabled: true,
      cache_cluster_size: '6.1',
      client_certificate_id: 'cert123',
      documentation_version: '1.2',
      tags: { team: 'pets' },
    });
  });

  test('CacheClusterSize.of accepts every offered size', () => {
    for (const size of CacheClusterSize.ALLOWED_SIZES) {
      expect(onlyResource(deployWith({ cacheClusterEnabled: true, cacheClusterSize: CacheClusterSize.of(size) }), 'aws_api_gateway_stage').cache_cluster_size).toBe(size);
    }
  });

  test('AccessLogDestination.arn sends logs to the given destination, JSON with standard fields by default', () => {
    const stage = onlyResource(deployWith({ accessLogDestination: AccessLogDestination.arn('arn:aws:logs:eu-west-1:123456789012:log-group:api') }), 'aws_api_gateway_stage');

    expect(stage.access_log_settings.destination_arn).toBe('arn:aws:logs:eu-west-1:123456789012:log-group:api');
    expect(JSON.parse(stage.access_log_settings.format)).toEqual({
      requestId: '$context.requestId',
      ip: '$context.identity.sourceIp',
      user: '$context.identity.user',
      caller: '$context.identity.caller',
      requestTime: '$context.requestTime',
      httpMethod: '$context.httpMethod',
      resourcePath: '$context.resourcePath',
      status: '$context.status',
      protocol: '$context.protocol',
      responseLength: '$context.responseLength',
    });
  });

  test('AccessLogFormat presets and custom formats', () => {
    const format = (accessLogFormat: AccessLogFormat) =>
      onlyResource(deployWith({ accessLogDestination: AccessLogDestination.arn('arn:aws:logs:eu-west-1:123456789012:log-group:api'), accessLogFormat }), 'aws_api_gateway_stage').access_log_settings.format;

    expect(format(AccessLogFormat.clf())).toBe(
      '$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] ' +
      '"$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength $context.requestId');
    expect(format(AccessLogFormat.custom('$context.extendedRequestId $context.status'))).toBe('$context.extendedRequestId $context.status');
  });

  test('AccessLogDestination.newLogGroup creates a log group with the retention and wires it as destination', () => {
    const json = deployWith({
      accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays: 30, kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/abc' }),
      accessLogFormat: AccessLogFormat.clf(),
    });

    const group = onlyResource(json, 'aws_cloudwatch_log_group');
    expect(group).toEqual({
      name: 'API-Gateway-Access-Logs_${aws_api_gateway_rest_api.api.id}/prod',
      retention_in_days: 30,
      kms_key_id: 'arn:aws:kms:eu-west-1:123456789012:key/abc',
    });
    const groupName = Object.keys(resourcesOfType(json, 'aws_cloudwatch_log_group'))[0];
    expect(onlyResource(json, 'aws_api_gateway_stage').access_log_settings).toEqual({
      destination_arn: `\${aws_cloudwatch_log_group.${groupName}.arn}`,
      format: AccessLogFormat.clf().toString(),
    });
  });

  test('webAclArn associates the web ACL with the stage ARN', () => {
    const json = deployWith({ webAclArn: 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/abc' });

    expect(onlyResource(json, 'aws_wafv2_web_acl_association')).toEqual({
      resource_arn: `${STAGE_REF}.arn}`,
      web_acl_arn: 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/abc',
    });
  });

  test('no stage option redeploys', () => {
    const [before, after] = beforeAndAfter((stack, changed) => {
      new RestApiDeployment(stack, 'deploy', {
        restApi: petsApi(stack).api,
        ...(changed ? {
          tracingEnabled: true,
          cacheClusterEnabled: true,
          cacheClusterSize: CacheClusterSize.GB_0_5,
          tags: { a: 'b' },
          accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays: 7 }),
          webAclArn: 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/api/abc',
          metricsEnabled: true,
          loggingLevel: MethodLoggingLevel.INFO,
          cachingEnabled: true,
          methodOptions: { '/pets/GET': { throttlingRateLimit: 10 } },
        } : {}),
      });
    });

    expect(changedTriggerKeys(before, after)).toEqual([]);
  });
});

describe('method settings', () => {
  test("the stage's own method settings apply to every method of the stage", () => {
    const settings = onlyResource(deployWith({
      cacheClusterEnabled: true,
      metricsEnabled: true,
      loggingLevel: MethodLoggingLevel.ERROR,
      dataTraceEnabled: false,
      throttlingBurstLimit: 100,
      throttlingRateLimit: 50.5,
      cachingEnabled: true,
      cacheTtl: 600,
      cacheDataEncrypted: true,
      requireAuthorizationForCacheControl: true,
      unauthorizedCacheControlHeaderStrategy: UnauthorizedCacheControlHeaderStrategy.FAIL_WITH_403,
    }), 'aws_api_gateway_method_settings');

    expect(settings).toEqual({
      rest_api_id: '${aws_api_gateway_rest_api.api.id}',
      stage_name: `${STAGE_REF}.stage_name}`,
      method_path: '*/*',
      settings: {
        metrics_enabled: true,
        logging_level: 'ERROR',
        data_trace_enabled: false,
        throttling_burst_limit: 100,
        throttling_rate_limit: 50.5,
        caching_enabled: true,
        cache_ttl_in_seconds: 600,
        cache_data_encrypted: true,
        require_authorization_for_cache_control: true,
        unauthorized_cache_control_header_strategy: 'FAIL_WITH_403',
      },
    });
  });

  test('methodOptions creates one resource per method path, written as API Gateway reads it: ~1 for each / of a nested or the root resource', () => {
    const json = deployWith({
      metricsEnabled: true,
      methodOptions: {
        '/pets/GET': { throttlingRateLimit: 10 },
        'pets/{id}/*': { loggingLevel: MethodLoggingLevel.INFO },
        '/GET': { cachingEnabled: false },
      },
    });

    // The provider puts method_path into the stage's patch path (a JSON pointer) as it is (terraform-provider-aws #9738).
    const paths = Object.values<any>(resourcesOfType(json, 'aws_api_gateway_method_settings')).map((s) => s.method_path).sort();
    expect(paths).toEqual(['*/*', 'pets/GET', '~1/GET', '~1pets~1{id}/*']);
  });

  test('a method path with a variable in it is rewritten around the variable; a path that is a variable is written as given, with a warning', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const part = new TerraformVariable(stack, 'part', { type: 'string' }).stringValue;
    const whole = new TerraformVariable(stack, 'whole', { type: 'string' }).stringValue;
    new RestApiDeployment(stack, 'deploy', {
      restApi: petsApi(stack).api,
      methodOptions: { [`/pets/${part}/GET`]: { metricsEnabled: true }, [whole]: { metricsEnabled: true } },
    });

    const paths = Object.values<any>(resourcesOfType(JSON.parse(Testing.synth(stack)), 'aws_api_gateway_method_settings')).map((s) => s.method_path).sort();
    expect(paths).toEqual(['${var.whole}', '~1pets~1${var.part}/GET']);
    expect(RestApiDeployment.warningsOf(stack)).toEqual(expect.arrayContaining([
      'The methodOptions key "/pets/${var.part}/GET" is known only at deploy time: the construct cannot check that the API serves it (AWS refuses a '
        + 'setting for a method the API does not have when it applies).',
      expect.stringMatching(/^The methodOptions key "\$\{var.whole\}" is known only at deploy time: .* It is written as given: API Gateway reads a method of a nested resource as '~1pets~1\{id\}\/GET'/),
    ]));
  });

  test('a route key known only at deploy time gets a warning (the API may not serve it)', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const route = new TerraformVariable(stack, 'route', { type: 'string' }).stringValue;
    new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, routeOptions: { [route]: { throttlingBurstLimit: 10, throttlingRateLimit: 5 } } });

    expect(HttpApiDeployment.warningsOf(stack)).toContain('The routeOptions key "${var.route}" is known only at deploy time: the construct cannot check that '
      + 'the API serves it (AWS refuses a setting for a route the API does not have when it applies).');
  });

  test('a method override keeps the stage-wide settings it does not name', () => {
    const json = deployWith({
      metricsEnabled: true,
      loggingLevel: MethodLoggingLevel.ERROR,
      methodOptions: { '/pets/GET': { loggingLevel: MethodLoggingLevel.INFO, throttlingRateLimit: 10 } },
    });

    const byPath = Object.fromEntries(Object.values<any>(resourcesOfType(json, 'aws_api_gateway_method_settings')).map((s) => [s.method_path, s.settings]));
    expect(byPath['*/*']).toEqual({ metrics_enabled: true, logging_level: 'ERROR' });
    expect(byPath['pets/GET']).toEqual({ metrics_enabled: true, logging_level: 'INFO', throttling_rate_limit: 10 });
  });
});

describe('bad stage options', () => {
  const expectError = (props: Partial<RestApiDeploymentProps>, message: string) =>
    expect(() => deployWith(props)).toThrow(message);

  test('a cache cluster size that is not offered', () => {
    expectError({ cacheClusterEnabled: true, cacheClusterSize: CacheClusterSize.of('2') },
      "RestApiDeployment at 'stack/deploy': property 'cacheClusterSize' is \"2\"; expected one of 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237 (GB).");
  });

  test('a cache cluster size without a cache cluster', () => {
    expectError({ cacheClusterSize: CacheClusterSize.GB_0_5 },
      "RestApiDeployment at 'stack/deploy': property 'cacheClusterSize' is \"0.5\"; expected no size unless 'cacheClusterEnabled' is true.");
  });

  test('a literal access log format without the request id', () => {
    expectError({ accessLogDestination: AccessLogDestination.arn('arn:aws:logs:eu-west-1:123456789012:log-group:api'), accessLogFormat: AccessLogFormat.custom('$context.status') },
      "RestApiDeployment at 'stack/deploy': property 'accessLogFormat' is \"$context.status\"; " +
      'expected a format that logs $context.requestId or $context.extendedRequestId, so each line can be matched with a request.');
  });

  test('a format without a destination', () => {
    expectError({ accessLogFormat: AccessLogFormat.clf() },
      "RestApiDeployment at 'stack/deploy': property 'accessLogFormat' is \"$context.identity.sourceIp");
    expectError({ accessLogFormat: AccessLogFormat.clf() }, "expected no format without 'accessLogDestination': a format needs a destination.");
  });

  test('a destination ARN that is empty', () => {
    expectError({ accessLogDestination: AccessLogDestination.arn('') },
      "RestApiDeployment at 'stack/deploy': property 'accessLogDestination' is \"\"; expected AccessLogDestination.arn() with the ARN of a CloudWatch Logs log group " +
      "(arn:aws:logs:<region>:<account>:log-group:<name>) or of a Firehose stream whose name starts with 'amazon-apigateway-'.");
  });

  test('a log retention CloudWatch does not offer', () => {
    expectError({ accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays: 10 }) },
      "RestApiDeployment at 'stack/deploy': property 'accessLogDestination.retentionInDays' is 10; expected one of 0, 1, 3, 5, 7, 14, 30");
  });

  test.each([
    [{ cacheTtl: 3601 }, 'cacheTtl', '3601', 'a whole number from 0 to 3600'],
    [{ cacheTtl: -1 }, 'cacheTtl', '-1', 'a whole number from 0 to 3600'],
    [{ throttlingBurstLimit: 1.5 }, 'throttlingBurstLimit', '1.5', 'a whole number from 0 to 2147483647'],
    [{ throttlingRateLimit: -2 }, 'throttlingRateLimit', '-2', 'a number 0 or more'],
    [{ loggingLevel: 'DEBUG' as MethodLoggingLevel }, 'loggingLevel', '"DEBUG"', 'one of OFF, ERROR, INFO'],
    [{ unauthorizedCacheControlHeaderStrategy: 'IGNORE' as UnauthorizedCacheControlHeaderStrategy }, 'unauthorizedCacheControlHeaderStrategy', '"IGNORE"',
      'one of FAIL_WITH_403, SUCCEED_WITH_RESPONSE_HEADER, SUCCEED_WITHOUT_RESPONSE_HEADER'],
    [{ cachingEnabled: true }, 'cachingEnabled', 'true', "false unless the stage has a cache cluster: set 'cacheClusterEnabled: true' on the stage"],
  ])('method settings %j', (methodSettings, property, value, expected) => {
    expectError(methodSettings, `RestApiDeployment at 'stack/deploy': property '${property}' is ${value}; expected ${expected}.`);
    expectError({ methodOptions: { '/pets/GET': methodSettings } },
      `RestApiDeployment at 'stack/deploy': property 'methodOptions./pets/GET.${property}' is ${value}; expected ${expected}.`);
  });

  test.each(['pets', '/pets/get', 'pets/GET/', '*/GET x', ''])('a method path %j', (path) => {
    expectError({ methodOptions: { [path]: { metricsEnabled: true } } },
      `RestApiDeployment at 'stack/deploy': property 'methodOptions.${path}' is ${JSON.stringify(path)}; expected a method path "/{resource_path}/{HTTP_METHOD}"`);
  });

  test('the same method path twice', () => {
    expectError({ methodOptions: { '/pets/GET': { metricsEnabled: true }, 'pets/GET': { metricsEnabled: true } } },
      "RestApiDeployment at 'stack/deploy': property 'methodOptions.pets/GET' is \"pets/GET\"; expected a method path given once (it is the same as \"/pets/GET\").");
  });

  test('a method path that is a token is taken on trust', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const { api, pets } = petsApi(stack);
    new RestApiDeployment(stack, 'deploy', { restApi: api, methodOptions: { [`${pets.pathPart}/GET`]: { metricsEnabled: true } } });
    expect(() => Testing.synth(stack)).not.toThrow();
  });
});

describe('more of what AWS or Terraform refuses, refused at synth', () => {
  const expectError = (props: Partial<RestApiDeploymentProps>, message: string) => expect(() => deployWith(props)).toThrow(message);
  test("a methodOptions entry that sets nothing (terraform validate: 'At least 1 \"settings\" blocks are required')", () => {
    expectError({ methodOptions: { '/pets/GET': {} } }, "property 'methodOptions./pets/GET' is {}; expected settings with at least one value");
  });

  test.each(['cloudWatchRole', 'importExistingStage', 'autoDiscover'])('%s from a variable (decided at synth)', (name) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const value = new TerraformVariable(stack, 'flag', { type: 'bool' }).booleanValue;

    expect(() => new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, [name]: value }))
      .toThrow(`RestApiDeployment at 'stack/deploy': property '${name}' is "\${var.flag}"; expected true or false, known when the program runs`);
  });

  test('an AccessLogFormat made without its static methods (plain JavaScript)', () => {
    const Format = AccessLogFormat as unknown as new () => AccessLogFormat;
    expectError({ accessLogDestination: AccessLogDestination.newLogGroup(), accessLogFormat: new Format() },
      'expected an AccessLogFormat made by its static methods');
  });

  test('a log retention of 0 (kept forever) is taken', () => {
    expect(() => deployWith({ accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays: 0 }) })).not.toThrow();
  });

  test('an HTTP route settings entry that sets nothing names what to do', () => {
    expect(() => synthesize((stack) => {
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, routeOptions: { 'GET /pets': {} } });
    })).toThrow("property 'routeOptions.GET /pets.throttlingBurstLimit' is undefined; expected a limit (the entry sets nothing; leave it out, or give both limits)");
  });
});
