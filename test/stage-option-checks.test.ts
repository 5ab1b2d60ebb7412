import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { ApiGatewayClientCertificate } from '@cdktf/provider-aws/lib/api-gateway-client-certificate';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsCloudwatchLogGroup } from '@cdktf/provider-aws/lib/data-aws-cloudwatch-log-group';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Wafv2WebAcl } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import { Fn, TerraformLocal, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { AccessLogDestination, AccessLogFormat, ApiGatewayCloudWatchRole, CacheClusterSize, HttpApiDeployment, RestApiDeployment, RestApiDeploymentProps, RestApiStage, WebSocketApiDeployment } from '../src';
import { petsApi, PetsApi } from './support/api';
import { onlyResource, resourcesOfType, synthesize } from './support/synth';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

/**
 * `addStage(name, options)` takes a stage's options, not the stage construct's props: the name, the
 * API, the deployment, the provider and the region are the deployment construct's to give, so a key
 * of them in the options is refused (it would be overwritten without a word). And every numeric
 * option refuses what JSON cannot write (Infinity, -Infinity, NaN: rendered as null).
 */

/** Options no compiler checked (plain JavaScript, Python, `as any`). */
const untyped = (options: Record<string, unknown>): any => options;

const rest = (stack: TerraformStack) => new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
const http = (stack: TerraformStack) => new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });
const webSocket = (stack: TerraformStack) => new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api, cloudWatchRole: false });

const NAMES_THE_STAGE = "addStage's first argument names the stage: addStage('<name>', options)";
const TAKES_THE_API = "the stage addStage makes takes the deployment construct's API, deployment, region and provider: it serves that deployment, "
  + "where the API is (the API's provider and region)";

describe("addStage refuses the stage construct's own props", () => {
  type Kind = [string, string, (stack: TerraformStack) => { addStage(name: string, options?: any): unknown }, string];
  const kinds: Kind[] = [
    ['RestApiDeployment', 'StageOptions', rest, 'restApiId'],
    ['HttpApiDeployment', 'HttpStageOptions', http, 'apiId'],
    ['WebSocketApiDeployment', 'WebSocketStageOptions', webSocket, 'apiId'],
  ];
  const cases = kinds.flatMap(([construct, struct, make, apiId]): Array<[string, string, string, typeof make, string, unknown, string]> => [
    [construct, struct, 'stageName', make, 'stageName', 'gamma', NAMES_THE_STAGE],
    [construct, struct, 'region', make, 'region', 'us-east-1', TAKES_THE_API],
    [construct, struct, apiId, make, apiId, 'abc123', TAKES_THE_API],
    [construct, struct, 'deploymentId', make, 'deploymentId', 'dep123', TAKES_THE_API],
    ...(construct === 'HttpApiDeployment' ? [] : [[construct, struct, 'cloudWatchRole', make, 'cloudWatchRole', false,
      "'cloudWatchRole' is a prop of the deployment construct, for all its stages: the account's role is one per account and region"] as [string, string, string, typeof make, string, unknown, string]]),
  ]);

  test.each(cases)('%s (%s): %s', (construct, struct, _name, make, property, value, why) => {
    expect(() => synthesize((stack) => {
      make(stack).addStage('beta', untyped({ [property]: value }));
    })).toThrow(`${construct} at 'stack/deploy': property 'addStage(beta).${property}' is ${JSON.stringify(value)}; expected no '${property}': `
      + `${struct} has no such property (${why}).`);
  });

  test.each(kinds)('%s (%s): provider', (construct, _struct, make) => {
    expect(() => synthesize((stack) => {
      const east = new AwsProvider(stack, 'east', { region: 'us-east-1', alias: 'east' });
      make(stack).addStage('beta', untyped({ provider: east }));
    })).toThrow(`${construct} at 'stack/deploy': property 'addStage(beta).provider' is `);
  });

  test.each(kinds)('%s (%s): the message says why for provider too', (_construct, struct, make) => {
    expect(() => synthesize((stack) => {
      const east = new AwsProvider(stack, 'east', { region: 'us-east-1', alias: 'east' });
      make(stack).addStage('beta', untyped({ provider: east }));
    })).toThrow(`expected no 'provider': ${struct} has no such property (${TAKES_THE_API}).`);
  });

  test('the API construct of the deployment is refused too, saying why', () => {
    expect(() => synthesize((stack) => {
      const deployment = rest(stack);
      deployment.addStage('beta', untyped({ restApi: petsApi(stack, {}, 'other_').api }));
    })).toThrow("property 'addStage(beta).restApi' is the construct 'stack/other_api' (aws_api_gateway_rest_api); expected no 'restApi': StageOptions has no "
      + `such property (${TAKES_THE_API}).`);
  });

  test('an unknown key is still refused as before, with a suggestion', () => {
    expect(() => synthesize((stack) => {
      http(stack).addStage('beta', untyped({ stageDescripton: 'beta testers' }));
    })).toThrow("HttpApiDeployment at 'stack/deploy': property 'addStage(beta).stageDescripton' is \"beta testers\"; expected no 'stageDescripton': "
      + "HttpStageOptions has no such property (did you mean 'stageDescription'?).");
  });

  test('a refused key leaves no stage claimed behind: the name can be added again', () => {
    const json = synthesize((stack) => {
      const deployment = rest(stack);
      expect(() => deployment.addStage('beta', untyped({ stageName: 'gamma' }))).toThrow("'addStage(beta).stageName'");
      deployment.addStage('beta', { stageDescription: 'beta testers' });
    });
    const stages = Object.values<any>(resourcesOfType(json, 'aws_api_gateway_stage')).map((stage) => stage.stage_name).sort();
    expect(stages).toEqual(['beta', 'prod']);
  });

  test("the stages addStage makes have the name given first, and the API's region", () => {
    const json = synthesize((stack) => {
      new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack, { region: 'eu-west-1' }).api })
        .addStage('beta', { stageDescription: 'beta testers', variables: { backend: 'beta' } });
    });
    const beta = Object.values<any>(resourcesOfType(json, 'aws_api_gateway_stage')).find((stage) => stage.stage_name === 'beta');
    expect(beta).toMatchObject({ description: 'beta testers', region: 'eu-west-1', variables: { backend: 'beta' } });
  });

  test('a stage made on its own still takes them', () => {
    const json = synthesize((stack) => {
      new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
      new RestApiStage(stack, 'stage', { restApiId: 'abc123', deploymentId: 'dep123', stageName: 'gamma', region: 'us-east-1' });
    });
    expect(onlyResource(json, 'aws_api_gateway_stage')).toMatchObject({ rest_api_id: 'abc123', deployment_id: 'dep123', stage_name: 'gamma', region: 'us-east-1' });
  });
});

describe('numeric options refuse Infinity, -Infinity and NaN (JSON writes them as null)', () => {
  const NOT_FINITE = [Infinity, -Infinity, NaN];
  const shown = (value: number) => String(value);

  describe('REST method settings', () => {
    const cases: Array<[string, number, string]> = NOT_FINITE.flatMap((value): Array<[string, number, string]> => [
      ['throttlingRateLimit', value, 'a number 0 or more'],
      ['throttlingBurstLimit', value, 'a whole number from 0 to 2147483647'],
      ['cacheTtl', value, 'a whole number from 0 to 3600'],
    ]);

    test.each(cases)('the stage-wide %s: %s', (name, value, expected) => {
      expect(() => synthesize((stack) => {
        new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, [name]: value });
      })).toThrow(`RestApiDeployment at 'stack/deploy': property '${name}' is ${shown(value)}; expected ${expected}.`);
    });

    test.each(cases)('per method (methodOptions) %s: %s', (name, value, expected) => {
      expect(() => synthesize((stack) => {
        new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, methodOptions: { '/pets/GET': { [name]: value } } });
      })).toThrow(`RestApiDeployment at 'stack/deploy': property 'methodOptions./pets/GET.${name}' is ${shown(value)}; expected ${expected}.`);
    });

    test.each(cases)('in addStage %s: %s', (name, value, expected) => {
      expect(() => synthesize((stack) => {
        rest(stack).addStage('beta', { [name]: value });
      })).toThrow(`RestApiDeployment at 'stack/deploy': property 'addStage(beta).${name}' is ${shown(value)}; expected ${expected}.`);
    });

    test('a stage made on its own', () => {
      expect(() => synthesize((stack) => {
        new RestApiStage(stack, 'stage', { restApiId: 'abc123', deploymentId: 'dep123', stageName: 'live', throttlingRateLimit: Infinity });
      })).toThrow("RestApiStage at 'stack/stage': property 'throttlingRateLimit' is Infinity; expected a number 0 or more.");
    });

    test('large finite limits are still numbers', () => {
      const json = synthesize((stack) => {
        new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, throttlingRateLimit: 1e9, throttlingBurstLimit: 5000 });
      });
      expect(onlyResource(json, 'aws_api_gateway_method_settings').settings).toMatchObject({ throttling_rate_limit: 1e9, throttling_burst_limit: 5000 });
    });
  });

  describe('HTTP and WebSocket route settings', () => {
    test.each(NOT_FINITE)('HTTP throttlingRateLimit %s', (value) => {
      expect(() => synthesize((stack) => {
        new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, throttlingBurstLimit: 10, throttlingRateLimit: value });
      })).toThrow(`HttpApiDeployment at 'stack/deploy': property 'throttlingRateLimit' is ${shown(value)}; expected a number 0 or more.`);
    });

    test.each(NOT_FINITE)('WebSocket throttlingBurstLimit %s in routeOptions', (value) => {
      expect(() => synthesize((stack) => {
        new WebSocketApiDeployment(stack, 'deploy', {
          webSocketApi: chatWebSocketApi(stack).api,
          cloudWatchRole: false,
          routeOptions: { $default: { throttlingBurstLimit: value, throttlingRateLimit: 10 } },
        });
      })).toThrow(`WebSocketApiDeployment at 'stack/deploy': property 'routeOptions.$default.throttlingBurstLimit' is ${shown(value)}; expected a whole number from 0 to 2147483647.`);
    });
  });

  test.each(NOT_FINITE)("a canary's percentTraffic %s", (value) => {
    expect(() => synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, canary: { percentTraffic: value } });
    })).toThrow(`RestApiDeployment at 'stack/deploy': property 'canary.percentTraffic' is ${shown(value)}; expected a number from 0 to 100.`);
  });
});

describe('HTTP and WebSocket descriptions of more than 1024 characters (terraform validate refused them)', () => {
  const long = 'x'.repeat(1025);
  test.each([
    ['the deployment description', (stack: TerraformStack) => new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, description: long }),
      "HttpApiDeployment at 'stack/deploy': property 'description' is"],
    ["the main stage's description", (stack: TerraformStack) => new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api, stageDescription: long }),
      "WebSocketApiDeployment at 'stack/deploy': property 'stageDescription' is"],
    ["an added stage's description", (stack: TerraformStack) => new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addStage('beta', { stageDescription: long }),
      "HttpApiDeployment at 'stack/deploy': property 'addStage(beta).stageDescription' is"],
  ])('%s is refused', (_name, make, start) => {
    const stack = new TerraformStack(Testing.app(), 'stack');

    expect(() => make(stack)).toThrow(start);
    expect(() => make(new TerraformStack(Testing.app(), 'stack'))).toThrow('expected a description of at most 1024 characters (it has 1025).');
  });

  test('1024 characters stay', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, description: 'x'.repeat(1024), stageDescription: 'y'.repeat(1024) });

    expect(() => Testing.synth(stack)).not.toThrow();
  });
});

describe('webAclArn', () => {
  const deployWithAcl = (webAclArn: string, region = 'eu-west-1') => () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region });
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, webAclArn });
    Testing.synth(stack, true);
  };
  const EXPECTED = 'expected the ARN of an AWS WAF web ACL of REGIONAL scope, arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>';

  test.each(['', 'not-an-arn', 'arn:aws:waf-regional:eu-west-1:123456789012:webacl/0123'])('%j is refused (no wafv2 web ACL)', (arn) => {
    expect(deployWithAcl(arn)).toThrow(`RestApiDeployment at 'stack/deploy': property 'webAclArn' is ${JSON.stringify(arn)}; ${EXPECTED} (a WAF Classic ACL`);
  });

  test('a web ACL of CloudFront scope is refused', () => {
    expect(deployWithAcl('arn:aws:wafv2:us-east-1:123456789012:global/webacl/api/0123')).toThrow(`${EXPECTED}: a web ACL of CLOUDFRONT scope (global/) protects CloudFront distributions`);
  });

  test("a web ACL of another region than the stage's fails when the app is validated", () => {
    expect(deployWithAcl('arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/0123')).toThrow(
      "expected a web ACL of the stage's region, eu-west-1 (this one is in us-east-1: the stage's association finds no such web ACL: WAFNonexistentItemException).");
    expect(deployWithAcl('arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api/0123', 'us-east-1')).not.toThrow();
  });
});

test('cachingEnabled with a cache cluster known only at deploy time is accepted (the variable may be true)', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const cluster = new TerraformVariable(stack, 'cache_cluster', { type: 'bool' }).booleanValue as unknown as boolean;

  expect(() => new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, cacheClusterEnabled: cluster, cachingEnabled: true })).not.toThrow();
});

describe("AWS's limits on stage tags, stage variables, burst limits and the log group's key", () => {
  const deploy = (props: Partial<RestApiDeploymentProps>) => () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, ...props });
  };

  test.each([
    ['an empty tag key', { tags: { '': 'x' } }, "property 'tags.' is \"x\"; expected a tag key of 1 to 128 characters that does not start with 'aws:'"],
    ["a tag key starting with 'aws:'", { tags: { 'aws:owner': 'x' } }, "property 'tags.aws:owner' is \"x\"; expected a tag key of 1 to 128"],
    ['a tag value of 257 characters', { tags: { owner: 'x'.repeat(257) } }, 'expected a tag value of at most 256 characters'],
    ['a stage variable value of 513 characters', { variables: { backend: 'x'.repeat(513) } }, 'of at most 512 characters'],
    ['a stage variable name of 65 characters', { variables: { ['v'.repeat(65)]: 'x' } }, 'expected a variable name of at most 64 characters'],
    ['a burst limit over 2^31 - 1', { throttlingBurstLimit: 2 ** 31 }, "property 'throttlingBurstLimit' is 2147483648; expected a whole number from 0 to 2147483647."],
    ["a log group's KMS key given by its alias", { accessLogDestination: AccessLogDestination.newLogGroup({ kmsKeyId: 'alias/logs' }) },
      "property 'accessLogDestination.newLogGroup(options).kmsKeyId' is \"alias/logs\"; expected the ARN of a KMS key"],
    ["a log group's KMS key given by its alias's ARN", { accessLogDestination: AccessLogDestination.newLogGroup({ kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:alias/logs' }) },
      "property 'accessLogDestination.newLogGroup(options).kmsKeyId' is \"arn:aws:kms:eu-west-1:123456789012:alias/logs\"; expected the ARN of a KMS key"],
    ["a log group's KMS key given as another service's ARN", { accessLogDestination: AccessLogDestination.newLogGroup({ kmsKeyId: 'arn:aws:s3:::bucket' }) },
      "property 'accessLogDestination.newLogGroup(options).kmsKeyId' is \"arn:aws:s3:::bucket\"; expected the ARN of a KMS key"],
  ])('%s is refused', (_name, props, message) => {
    expect(deploy(props as Partial<RestApiDeploymentProps>)).toThrow(message);
  });

  test.each<[string, Partial<RestApiDeploymentProps>, string]>([
    ['an access log format on several lines (JSON.stringify with an indent)', {
      accessLogDestination: AccessLogDestination.newLogGroup(),
      accessLogFormat: AccessLogFormat.custom(JSON.stringify({ requestId: '$context.requestId', status: '$context.status' }, null, 2)),
    }, "property 'accessLogFormat' is \"{\\n  \\\"requestId\\\": \\\"$context.requestId\\\",\\n  \\\"status\\\": \\\"$context.status\\\"\\n}\"; expected a format on one line: "
      + 'AWS refuses a line break in it but at its end ("Access Log format must be single line"); give JSON.stringify(...) of the fields without its indent.'],
    ['"${...}" in an access log format', {
      accessLogDestination: AccessLogDestination.newLogGroup(), accessLogFormat: AccessLogFormat.custom('$context.requestId ${context.path}'),
    }, "property 'accessLogFormat' is \"$context.requestId ${context.path}\"; expected text without \"${...}\" or \"%{...}\", which Terraform reads as a template"],
    ['"${...}" in a stage description', { stageDescription: 'serves ${stage}' }, "property 'stageDescription' is \"serves ${stage}\"; expected text without"],
    ['"%{...}" in a tag', { tags: { note: '100%{x}' } }, "property 'tags.note' is \"100%{x}\"; expected text without"],
    ['"${...}" in a deployment description', { description: 'release ${version}' }, "property 'description' is \"release ${version}\"; expected text without"],
  ])('%s is refused (terraform validate refused it, or AWS at apply)', (_name, props, message) => {
    expect(deploy(props)).toThrow(message);
  });

  test('a format ending in a line break, "$${...}" for the text itself, and a Terraform reference written as text are taken', () => {
    expect(deploy({
      accessLogDestination: AccessLogDestination.newLogGroup(),
      accessLogFormat: AccessLogFormat.custom('$context.requestId $context.status\n'),
      stageDescription: 'literally $${stage}',
      tags: { workspace: '${terraform.workspace}' },
    })).not.toThrow();
  });

  test("a KMS key set on the stage's log group afterwards is checked when the app is validated", () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, accessLogDestination: AccessLogDestination.newLogGroup() });
    deployment.deploymentStage.accessLogGroup!.kmsKeyId = 'alias/logs';

    expect(() => Testing.synth(stack, true)).toThrow("RestApiDeployment at 'stack/deploy': property 'accessLogDestination.kmsKeyId' is \"alias/logs\"; expected the ARN of a KMS key");
  });

  test('the limits themselves stay', () => {
    expect(deploy({
      tags: { ['k'.repeat(128)]: 'v'.repeat(256) },
      variables: { ['v'.repeat(64)]: 'x'.repeat(512) },
      throttlingBurstLimit: 2 ** 31 - 1,
      throttlingRateLimit: 1e6,
      accessLogDestination: AccessLogDestination.newLogGroup({ kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-4e5f' }),
    })).not.toThrow();
  });
});

test('CacheClusterSize.ALLOWED_SIZES is a copy: adding to it makes no size offered', () => {
  CacheClusterSize.ALLOWED_SIZES.push('999');
  try {
    expect(CacheClusterSize.of('999').isOffered).toBe(false);
  } finally {
    CacheClusterSize.ALLOWED_SIZES.pop();
  }
});

test.each([['US EAST'], [''], ['useast1']])('a region %j that is no AWS region is refused (terraform validate passed it; apply failed)', (region) => {
  const stack = new TerraformStack(Testing.app(), 'stack');

  expect(() => new RestApiStage(stack, 'stage', { restApiId: 'a1b2c3', deploymentId: 'd1', stageName: 'live', region }))
    .toThrow(`RestApiStage at 'stack/stage': property 'region' is ${JSON.stringify(region)}; expected an AWS region's name`);
  expect(() => new ApiGatewayCloudWatchRole(stack, 'logs', { region })).toThrow("expected an AWS region's name");
});

describe('a log destination or KMS key of another region than the stage (when the app is validated)', () => {
  let currentPets: PetsApi | undefined;
  /** Deploys a pets API in a us-east-1 stack with `props` (made once the API is, so that they can make resources beside it). */
  const deployIn = (props: Partial<RestApiDeploymentProps> | (() => Partial<RestApiDeploymentProps>)) => () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    currentPets = petsApi(stack);
    new RestApiDeployment(stack, 'deploy', { restApi: currentPets.api, cloudWatchRole: false, ...(typeof props === 'function' ? props() : props) });
    Testing.synth(stack, true);
  };

  test('a log group given by its ARN', () => {
    expect(deployIn({ accessLogDestination: AccessLogDestination.arn('arn:aws:logs:eu-west-1:123456789012:log-group:api') })).toThrow(
      "property 'accessLogDestination' is \"arn:aws:logs:eu-west-1:123456789012:log-group:api\"; expected a log group or Firehose stream of the stage's region, us-east-1 (this one is in eu-west-1");
    expect(deployIn({ accessLogDestination: AccessLogDestination.arn('arn:aws:logs:us-east-1:123456789012:log-group:api') })).not.toThrow();
  });

  test('an ARN with a literal region and a value known only at deploy time elsewhere (the account) is judged by its region, once', () => {
    const account = () => new DataAwsCallerIdentity(TerraformStack.of(currentPets!.api), 'me').accountId;
    const message = (() => {
      try {
        deployIn(() => ({ accessLogDestination: AccessLogDestination.arn(`arn:aws:logs:eu-west-1:${account()}:log-group:api`) }))();
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain("property 'accessLogDestination' is \"arn:aws:logs:eu-west-1:${data.aws_caller_identity.me.account_id}:log-group:api\"; "
      + "expected a log group or Firehose stream of the stage's region, us-east-1 (this one is in eu-west-1");
    // Once: the stage resource's check at synth does not repeat what the props' check said.
    expect(message.match(/\[stack\//g)).toHaveLength(1);
    expect(deployIn(() => ({ accessLogDestination: AccessLogDestination.arn(`arn:aws:logs:us-east-1:${account()}:log-group:api`) }))).not.toThrow();
    // A region known only at deploy time is not judged.
    expect(deployIn(() => ({ accessLogDestination: AccessLogDestination.arn(`arn:aws:logs:${new DataAwsRegion(TerraformStack.of(currentPets!.api), 'here').name}:123456789012:log-group:api`) }))).not.toThrow();
  });

  test("a log group of the app given by its arn, made with another region's provider (or its own region)", () => {
    const withGroup = (placement: (stack: TerraformStack) => { provider?: AwsProvider; region?: string }) => deployIn(() => {
      const stack = TerraformStack.of(currentPets!.api);
      return { accessLogDestination: AccessLogDestination.arn(new CloudwatchLogGroup(stack, 'group', { name: 'api-logs', ...placement(stack) }).arn) };
    });
    const ireland = (stack: TerraformStack) => ({ provider: new AwsProvider(stack, 'ireland', { region: 'eu-west-1', alias: 'ireland' }) });
    expect(withGroup(ireland)).toThrow("property 'accessLogDestination' is \"${aws_cloudwatch_log_group.group.arn}\"; expected a log group or Firehose stream "
      + "of the stage's account and region: 'stack/group' is made with the AWS provider 'stack/ireland' (region \"eu-west-1\"), the stage with the AWS provider "
      + "'stack/aws' (region \"us-east-1\") (API Gateway writes a stage's logs only to a destination of its region).");
    expect(withGroup(() => ({ region: 'eu-west-1' }))).toThrow("'stack/group' is made with the AWS provider 'stack/aws' and a region of its own, \"eu-west-1\"");
    expect(withGroup(() => ({}))).not.toThrow();
  });

  test('a web ACL of the app given by its arn: of CLOUDFRONT scope, or made in another region, refused; a log group read by a data source of another region too', () => {
    const acl = (scope: string, provider?: (stack: TerraformStack) => AwsProvider) => deployIn(() => {
      const stack = TerraformStack.of(currentPets!.api);
      return {
        webAclArn: new Wafv2WebAcl(stack, 'acl', {
          name: 'acl',
          scope,
          provider: provider?.(stack),
          defaultAction: { allow: {} },
          visibilityConfig: { cloudwatchMetricsEnabled: false, metricName: 'acl', sampledRequestsEnabled: false },
        }).arn,
      };
    });
    const ireland = (stack: TerraformStack) => new AwsProvider(stack, 'ireland', { region: 'eu-west-1', alias: 'ireland' });
    expect(acl('CLOUDFRONT')).toThrow("property 'webAclArn' is \"${aws_wafv2_web_acl.acl.arn}\"; expected the ARN of an AWS WAF web ACL of REGIONAL scope, "
      + "arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>: 'stack/acl' is of CLOUDFRONT scope, which protects CloudFront distributions, not API stages.");
    expect(acl('REGIONAL', ireland)).toThrow("expected a web ACL of the stage's account and region: 'stack/acl' is made with the AWS provider 'stack/ireland'");
    expect(acl('REGIONAL')).not.toThrow();
    expect(deployIn(() => {
      const stack = TerraformStack.of(currentPets!.api);
      const group = new DataAwsCloudwatchLogGroup(stack, 'group', { name: 'api', provider: ireland(stack) });
      return { accessLogDestination: AccessLogDestination.arn(new TerraformLocal(stack, 'group_arn', group.arn).asString) };
    })).toThrow("expected a log group or Firehose stream of the stage's account and region: 'stack/group' is made with the AWS provider 'stack/ireland'");
  });

  test("a new log group's KMS key", () => {
    expect(deployIn({ accessLogDestination: AccessLogDestination.newLogGroup({ kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/0a1b' }) })).toThrow(
      "property 'accessLogDestination.newLogGroup(options).kmsKeyId' is \"arn:aws:kms:eu-west-1:123456789012:key/0a1b\"; expected a KMS key of the stage's region, us-east-1");
  });
});

test('tag lengths are counted in characters (an emoji is one), as AWS counts them', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  expect(() => new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, tags: { ['😀'.repeat(128)]: '😀'.repeat(256) } })).not.toThrow();
});

test('"${...}" text as a stage name is refused pointing to tokens', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  expect(() => new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, stageName: '${terraform.workspace}' }))
    .toThrow('(a Terraform expression goes in as a token, such as a TerraformVariable\'s stringValue, not as "${...}" text)');
});

describe('a list, a set or a map given where Terraform takes one string (terraform validate: "string required")', () => {
  const deployWith = (build: (stack: TerraformStack, api: PetsApi) => void) => () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    build(stack, petsApi(stack));
    Testing.synth(stack, true);
  };
  const refused = (what: string, collection: string) => `expected ${what}: this is ${collection}, and Terraform takes one string here ("string required"); `
    + 'give one string, such as Fn.jsonencode(...) or Fn.join(",", ...) of it.';

  test.each<[string, (stack: TerraformStack, api: PetsApi) => void, string]>([
    ['a stage variable from split()', (stack, api) => {
      new RestApiDeployment(stack, 'deploy', { restApi: api.api, variables: { hosts: Token.asString(Fn.split(',', 'a,b')) } });
    }, "property 'variables.hosts' is \"${split(\\\",\\\", \\\"a,b\\\")}\"; " + refused('a stage variable value', 'split(...), a list')],
    ['a trigger from merge()', (stack, api) => {
      new RestApiDeployment(stack, 'deploy', { restApi: api.api }).addTrigger('config', Token.asString(Fn.merge([{ a: '1' }, { b: '2' }])));
    }, "property 'triggers.config' is \"${merge({\\\"a\\\" = \\\"1\\\"}, {\\\"b\\\" = \\\"2\\\"})}\"; " + refused('a string', 'merge(...), a map')],
    ['a trigger from a variable of type map', (stack, api) => {
      const config = new TerraformVariable(stack, 'config', { type: 'map(string)' });
      new RestApiDeployment(stack, 'deploy', { restApi: api.api, triggers: { config: Token.asString(config.value) } });
    }, "property 'triggers.config' is \"${var.config}\"; " + refused('a string', 'var.config, a variable of type map(string)')],
    ['a tag from a local value of a list', (stack, api) => {
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, tags: { owners: new TerraformLocal(stack, 'owners', ['a', 'b']).asString } });
      void api;
    }, "property 'tags.owners' is \"${local.owners}\"; " + refused('a tag value', 'local.owners, a list')],
    ['a stage name from keys()', (stack, api) => {
      new RestApiDeployment(stack, 'deploy', { restApi: api.api, stageName: Token.asString(Fn.keys({ a: '1' })) });
    }, "property 'stageName' is \"${keys({\\\"a\\\" = \\\"1\\\"})}\"; " + refused('a stage name', 'keys(...), a list')],
    ['a canary override from fileset()', (stack, api) => {
      new RestApiDeployment(stack, 'deploy', { restApi: api.api, canary: { percentTraffic: 10, stageVariableOverrides: { files: Token.asString(Fn.fileset('.', '*.vtl')) } } });
    }, "property 'canary.stageVariableOverrides.files' is \"${fileset(\\\".\\\", \\\"*.vtl\\\")}\"; " + refused('a stage variable value', 'fileset(...), a set')],
  ])('%s is refused at synth', (_name, build, message) => {
    expect(deployWith(build)).toThrow(message);
  });

  test('one string made of them, or a variable of type string, is taken', () => {
    expect(deployWith((stack, api) => {
      new RestApiDeployment(stack, 'deploy', {
        restApi: api.api,
        variables: { hosts: Fn.join(',', Fn.split(',', 'a,b')), backend: new TerraformVariable(stack, 'backend', { type: 'string' }).stringValue },
        triggers: { config: Fn.sha1(Fn.jsonencode(Fn.merge([{ a: '1' }]))) },
      });
    })).not.toThrow(/string required/);
  });

  test('an item of one (split(...)[0], {...}.key) is one string, and is taken', () => {
    expect(deployWith((stack, api) => {
      new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
      new RestApiDeployment(stack, 'deploy', {
        restApi: api.api,
        variables: { first: Token.asString(Fn.lookupNested(Fn.split(',', 'a,b'), [0])), owner: Token.asString(Fn.lookupNested({ owner: 'me' }, ['owner'])) },
        triggers: { first: Token.asString(Fn.lookupNested(Fn.merge([{ a: '1' }]), ['a'])) },
      });
    })).not.toThrow();
  });
});

describe('clientCertificateId', () => {
  function newStack(): TerraformStack {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    return stack;
  }

  test.each([
    ["the certificate's arn (REST)", (stack: TerraformStack) => new RestApiDeployment(stack, 'deploy', {
      restApi: petsApi(stack).api, clientCertificateId: new ApiGatewayClientCertificate(stack, 'cert', {}).arn,
    }), "property 'clientCertificateId' is \"${aws_api_gateway_client_certificate.cert.arn}\"; expected a client certificate's id"],
    ['a literal ARN (WebSocket)', (stack: TerraformStack) => new WebSocketApiDeployment(stack, 'deploy', {
      webSocketApi: chatWebSocketApi(stack).api, clientCertificateId: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc',
    }), "property 'clientCertificateId' is \"arn:aws:acm:eu-west-2:123456789012:certificate/abc\"; expected a client certificate's id"],
    ['an arn set on the stage resource afterwards', (stack: TerraformStack) => {
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      deployment.deploymentStage.stage.clientCertificateId = new ApiGatewayClientCertificate(stack, 'cert', {}).arn;
      Testing.synth(stack, true);
    }, "expected a client certificate's id (an aws_api_gateway_client_certificate's id, such as 'a1b2c3'), not an ARN"],
    ["an ACM certificate's id (its ARN)", (stack: TerraformStack) => new RestApiDeployment(stack, 'deploy', {
      restApi: petsApi(stack).api, clientCertificateId: new AcmCertificate(stack, 'acm', { domainName: 'a.example.com', validationMethod: 'DNS' }).id,
    }), "property 'clientCertificateId' is \"${aws_acm_certificate.acm.id}\"; expected a client certificate's id"],
    ["the certificate's arn through a local value", (stack: TerraformStack) => new RestApiDeployment(stack, 'deploy', {
      restApi: petsApi(stack).api, clientCertificateId: new TerraformLocal(stack, 'cert_ref', new ApiGatewayClientCertificate(stack, 'cert', {}).arn).asString,
    }), "property 'clientCertificateId' is \"${local.cert_ref}\"; expected a client certificate's id"],
  ])('%s: refused', (_case, make, message) => {
    expect(() => make(newStack())).toThrow(message);
  });

  test.each([
    ['REST, a certificate made with a provider of another region', (stack: TerraformStack) => {
      const east = new AwsProvider(stack, 'east', { region: 'us-east-1', alias: 'east' });
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, clientCertificateId: new ApiGatewayClientCertificate(stack, 'cert', { provider: east }).id });
    }],
    ['REST, a certificate of another region set on the stage resource afterwards', (stack: TerraformStack) => {
      const east = new AwsProvider(stack, 'east', { region: 'us-east-1', alias: 'east' });
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).deploymentStage.stage.clientCertificateId = new ApiGatewayClientCertificate(stack, 'cert', { provider: east }).id;
    }],
    ['WebSocket, a certificate with a region of its own', (stack: TerraformStack) => {
      new WebSocketApiDeployment(stack, 'deploy', {
        webSocketApi: chatWebSocketApi(stack).api, clientCertificateId: new ApiGatewayClientCertificate(stack, 'cert', { region: 'us-east-1' }).id,
      });
    }],
  ])("%s: refused at synth, as API Gateway looks for it in the stage's region", (_case, make) => {
    const stack = newStack();
    make(stack);
    expect(() => Testing.synth(stack, true)).toThrow("expected a client certificate of the stage's account and region: 'stack/cert' is made with");
  });

  test("a certificate of the stage's region, by its id: accepted", () => {
    const stack = newStack();
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, clientCertificateId: new ApiGatewayClientCertificate(stack, 'cert', {}).id });
    expect(onlyResource(JSON.parse(Testing.synth(stack, true)), 'aws_api_gateway_stage').client_certificate_id).toBe('${aws_api_gateway_client_certificate.cert.id}');
  });
});
