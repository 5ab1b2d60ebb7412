import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiGatewayAccount } from '@cdktf/provider-aws/lib/api-gateway-account';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformLocal, TerraformResource, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  AccessLogDestination, AccessLogFormat, ApiGatewayCloudWatchRole, MethodLoggingLevel, RestApiDeployment, RestApiDeploymentProps, RestApiStage,
  WebSocketApiDeployment, WebSocketApiStage,
} from '../src';
import { petsApi } from './support/api';
import { onlyResource, resourcesOfType, synthesize, synthesizeStack } from './support/synth';
import { chatWebSocketApi } from './support/v2-api';

const ROLE_WARNING = (stage: string) =>
  `The stage "${stage}" writes logs to CloudWatch, which API Gateway does only once the account's CloudWatch role is set in this region ` +
  '(aws_api_gateway_account); without it the stage fails to deploy with "CloudWatch Logs role ARN must be set in account settings to enable logging". ' +
  "Set 'cloudWatchRole: true' to create and set the role in this stack (one stack per account and region), " +
  "or 'cloudWatchRole: false' when it is set elsewhere.";

/** The warnings of a pets API deployed with `props`, after `extra` ran on the deployment. */
function warningsWith(props: Omit<RestApiDeploymentProps, 'restApi'>, extra: (deployment: RestApiDeployment) => void = () => undefined): string[] {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, ...props });
  extra(deployment);
  return RestApiDeployment.warningsOf(stack);
}

describe('cloudWatchRole: true', () => {
  const json = synthesize((stack) => {
    const deployment = new RestApiDeployment(stack, 'deploy', {
      restApi: petsApi(stack).api,
      cloudWatchRole: true,
      loggingLevel: MethodLoggingLevel.INFO,
    });
    deployment.addStage('beta', { accessLogDestination: AccessLogDestination.newLogGroup() });
  });
  const account = onlyResource(json, 'aws_api_gateway_account');
  const accountAddress = `aws_api_gateway_account.${Object.keys(resourcesOfType(json, 'aws_api_gateway_account'))[0]}`;

  test('creates a role API Gateway assumes, with the managed policy for pushing to CloudWatch Logs', () => {
    const role = onlyResource(json, 'aws_iam_role');
    const attachment = onlyResource(json, 'aws_iam_role_policy_attachment');

    expect(JSON.parse(role.assume_role_policy)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    expect(attachment.policy_arn).toMatch(/^arn:\$\{data\.aws_partition\.\w+\.partition\}:iam::aws:policy\/service-role\/AmazonAPIGatewayPushToCloudWatchLogs$/);
    expect(attachment.role).toMatch(/^\$\{aws_iam_role\.\w+\.name\}$/);
  });

  test('sets it as the account\'s CloudWatch role once the policy is attached', () => {
    expect(account.cloudwatch_role_arn).toMatch(/^\$\{aws_iam_role\.\w+\.arn\}$/);
    expect(account.depends_on).toEqual([expect.stringMatching(/^aws_iam_role_policy_attachment\./)]);
  });

  test('the deployment, every stage and their method settings wait for the account setting', () => {
    expect(onlyResource(json, 'aws_api_gateway_deployment').depends_on).toEqual([accountAddress]);
    const stages = Object.values<any>(resourcesOfType(json, 'aws_api_gateway_stage'));
    expect(stages).toHaveLength(2);
    for (const resource of [...stages, ...Object.values<any>(resourcesOfType(json, 'aws_api_gateway_method_settings'))]) {
      expect(resource.depends_on).toEqual([accountAddress]);
    }
  });

  test('the canary deployment waits for it too', () => {
    const canary = synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, cloudWatchRole: true, canary: { percentTraffic: 5 } });
    });

    for (const deployment of Object.values<any>(resourcesOfType(canary, 'aws_api_gateway_deployment'))) {
      expect(deployment.depends_on).toEqual([expect.stringMatching(/^aws_api_gateway_account\./)]);
    }
  });

  test('exposes the role and the account resource', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, cloudWatchRole: true });

    expect(deployment.cloudWatchRole).toBeInstanceOf(ApiGatewayCloudWatchRole);
    expect(deployment.cloudWatchRole!.account.terraformResourceType).toBe('aws_api_gateway_account');
  });
});

describe('without cloudWatchRole', () => {
  test('creates no role and no account setting', () => {
    const json = synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, accessLogDestination: AccessLogDestination.newLogGroup() });
    });

    expect(resourcesOfType(json, 'aws_api_gateway_account')).toEqual({});
    expect(resourcesOfType(json, 'aws_iam_role')).toEqual({});
    expect(onlyResource(json, 'aws_api_gateway_deployment').depends_on).toBeUndefined();
  });

  test.each([
    ['access logs to a created log group', { accessLogDestination: AccessLogDestination.newLogGroup() }],
    ['access logs to a log group of yours', { accessLogDestination: AccessLogDestination.arn('arn:aws:logs:eu-west-1:123456789012:log-group:api') }],
    ['execution logs (INFO)', { loggingLevel: MethodLoggingLevel.INFO }],
    ['execution logs (ERROR) on one method', { methodOptions: { '/pets/GET': { loggingLevel: MethodLoggingLevel.ERROR } } }],
    ['full request logging', { dataTraceEnabled: true }],
  ])('a stage with %s gets a warning that names the stage, the failure and both fixes', (_name, settings) => {
    expect(warningsWith({ stageName: 'prod', ...settings })).toEqual([ROLE_WARNING('prod')]);
  });

  test('a logging level or full request logging known only at deploy time may log: the warning too', () => {
    const logging = (make: (stack: TerraformStack) => Partial<RestApiDeploymentProps>) => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, stageName: 'prod', ...make(stack) });
      return RestApiDeployment.warningsOf(stack);
    };

    expect(logging((stack) => ({ loggingLevel: new TerraformVariable(stack, 'level', { type: 'string' }).stringValue as MethodLoggingLevel }))).toEqual([ROLE_WARNING('prod')]);
    expect(logging((stack) => ({ dataTraceEnabled: new TerraformVariable(stack, 'trace', { type: 'bool' }).booleanValue as unknown as boolean }))).toEqual([ROLE_WARNING('prod')]);
  });

  test('an added stage that logs gets the warning too', () => {
    expect(warningsWith({ stageName: 'prod' }, (deployment) => deployment.addStage('beta', { accessLogDestination: AccessLogDestination.newLogGroup() }))).toEqual([ROLE_WARNING('beta')]);
  });

  test.each([
    ['no logging at all', {}],
    ['metrics and logging OFF', { metricsEnabled: true, loggingLevel: MethodLoggingLevel.OFF }],
    ['access logs to a Firehose stream', { accessLogDestination: AccessLogDestination.arn('arn:aws:firehose:eu-west-1:123456789012:deliverystream/amazon-apigateway-logs'), accessLogFormat: AccessLogFormat.clf() }],
  ])('%s: no warning', (_name, settings) => {
    expect(warningsWith(settings)).toEqual([]);
  });

  test('cloudWatchRole: false (set elsewhere) silences the warning and creates nothing', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, cloudWatchRole: false, accessLogDestination: AccessLogDestination.newLogGroup() })
      .addStage('beta', { loggingLevel: MethodLoggingLevel.ERROR });

    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
    expect(resourcesOfType(synthesizeStack(stack), 'aws_api_gateway_account')).toEqual({});
  });

  describe("the account's CloudWatch role set in another stack of the app (a base stack), with the same provider settings", () => {
    /** The warnings of a logging stage in stack 'api' with the role set in stack 'base' by hand or by the library. */
    function warningsWithRoleIn(base: 'hand-written' | 'library', dependsOn: boolean): string[] {
      const app = Testing.app();
      const baseStack = new TerraformStack(app, 'base');
      const stack = new TerraformStack(app, 'api');
      new AwsProvider(baseStack, 'aws', { region: 'eu-west-1' });
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      if (base === 'hand-written') {
        new ApiGatewayAccount(baseStack, 'account', { cloudwatchRoleArn: 'arn:aws:iam::123456789012:role/api-gateway-logs' });
      } else {
        new ApiGatewayCloudWatchRole(baseStack, 'account');
      }
      if (dependsOn) {
        stack.addDependency(baseStack);
      }
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, stageName: 'prod', loggingLevel: MethodLoggingLevel.INFO });
      return RestApiDeployment.warningsOf(stack);
    }

    test.each(['hand-written', 'library'] as const)('%s, in a stack this one depends on: no warning (it is set first)', (base) => {
      expect(warningsWithRoleIn(base, true)).toEqual([]);
    });

    test.each(['hand-written', 'library'] as const)('%s, in a stack this one does not depend on: the warning says to depend on it, not to set the role here', (base) => {
      expect(warningsWithRoleIn(base, false)).toEqual([
        ROLE_WARNING('prod').slice(0, ROLE_WARNING('prod').indexOf('Set ')) +
        `The role is set in stack 'base' ('base/account${base === 'library' ? '/Account' : ''}'), which stack 'api' does not depend on, so this stage may be ` +
        "deployed first: make stack 'api' depend on it (addDependency), or, where the order is ensured otherwise, set 'cloudWatchRole: false' on 'api/deploy'.",
      ]);
    });
  });

  test('cloudWatchRole: true needs no warning', () => {
    const props = { cloudWatchRole: true, accessLogDestination: AccessLogDestination.newLogGroup(), loggingLevel: MethodLoggingLevel.INFO };
    expect(warningsWith(props)).toEqual([]);
  });
});

test('ApiGatewayCloudWatchRole on its own, for a stack that owns the account setting for other stacks, uses the given provider', () => {
  const json = synthesize((stack) => {
    const ireland = new AwsProvider(stack, 'ireland', { region: 'eu-west-1', alias: 'ireland' });
    new ApiGatewayCloudWatchRole(stack, 'logs_role', { provider: ireland });
  });

  for (const type of ['aws_api_gateway_account', 'aws_iam_role', 'aws_iam_role_policy_attachment']) {
    expect(onlyResource(json, type).provider).toBe('aws.ireland');
  }
  expect(Object.values<any>(json.data.aws_partition)[0].provider).toBe('aws.ireland');
});

describe('RestApiDeployment.warningsOf', () => {
  test('gives the warnings of every deployment in a scope, before any synth, without duplicates after one', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const api = petsApi(stack);
    new ApiGatewayMethod(stack, 'pets_post', { restApiId: api.api.id, resourceId: api.pets.id, httpMethod: 'POST', authorization: 'NONE' });
    new RestApiDeployment(stack, 'deploy', { restApi: api.api, accessLogDestination: AccessLogDestination.newLogGroup() });

    const before = RestApiDeployment.warningsOf(stack);
    Testing.synth(stack);

    // The role's warning comes once every construct is made (a role made after the deployment counts): after the discovery's.
    expect(before).toEqual([
      "The method aws_api_gateway_method.pets_post ('stack/pets_post') has no aws_api_gateway_integration: " +
      'the deployment will fail with "No integration defined for method". Add an integration for it.',
      ROLE_WARNING('prod'),
    ]);
    expect(RestApiDeployment.warningsOf(stack)).toEqual(before);
  });

  test('is empty for a scope without deployments', () => {
    expect(RestApiDeployment.warningsOf(new TerraformStack(Testing.app(), 'empty'))).toEqual([]);
  });
});

test('ApiGatewayCloudWatchRole checks its props as the deployment constructs do', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  expect(() => new ApiGatewayCloudWatchRole(stack, 'misspelt', { Region: 'us-east-1' } as any))
    .toThrow("ApiGatewayCloudWatchRole at 'stack/misspelt': property 'Region' is \"us-east-1\"; expected no 'Region': ApiGatewayCloudWatchRoleProps has no such property (did you mean 'region'?).");
  expect(() => new ApiGatewayCloudWatchRole(stack, 'provider', { provider: 'aws' } as any))
    .toThrow("ApiGatewayCloudWatchRole at 'stack/provider': property 'provider' is \"aws\"; expected a TerraformProvider (an AwsProvider).");
  expect(() => new ApiGatewayCloudWatchRole(stack, 'region', { region: 5 } as any))
    .toThrow("ApiGatewayCloudWatchRole at 'stack/region': property 'region' is 5; expected a string.");
});

describe("an account setting of the library's in the stack (an ApiGatewayCloudWatchRole, or another construct's cloudWatchRole: true)", () => {
  function newStack(app = Testing.app(), id = 'stack'): TerraformStack {
    const stack = new TerraformStack(app, id);
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    return stack;
  }

  const addressOf = (role: ApiGatewayCloudWatchRole) => `aws_api_gateway_account.${role.account.friendlyUniqueId}`;

  test.each([
    ['made before the deployment', true],
    ['made after the deployment', false],
  ])('%s: the stages that log wait for it, with no warning', (_name, roleFirst) => {
    const stack = newStack();
    const before = roleFirst ? new ApiGatewayCloudWatchRole(stack, 'logs') : undefined;
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, loggingLevel: MethodLoggingLevel.INFO });
    const quiet = deployment.addStage('quiet');
    const role = before ?? new ApiGatewayCloudWatchRole(stack, 'logs');

    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
    const json = JSON.parse(Testing.synth(stack, true));
    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
    expect(resourcesOfType(json, 'aws_api_gateway_stage')[deployment.deploymentStage.stage.friendlyUniqueId].depends_on).toEqual([addressOf(role)]);
    expect(Object.values<any>(resourcesOfType(json, 'aws_api_gateway_method_settings')).map((settings) => settings.depends_on)).toEqual([[addressOf(role)]]);
    // A stage that does not log needs none; the deployment itself waits for nothing.
    expect(resourcesOfType(json, 'aws_api_gateway_stage')[quiet.stage.friendlyUniqueId].depends_on).toBeUndefined();
    expect(onlyResource(json, 'aws_api_gateway_deployment').depends_on).toBeUndefined();
  });

  test('cloudWatchRole: false (set elsewhere) waits for it too; a dependsOn assigned later keeps it', () => {
    const stack = newStack();
    const role = new ApiGatewayCloudWatchRole(stack, 'logs');
    const deployment = new RestApiDeployment(stack, 'deploy', {
      restApi: petsApi(stack).api, cloudWatchRole: false, accessLogDestination: AccessLogDestination.newLogGroup(),
    });
    deployment.deploymentStage.stage.dependsOn = ['aws_cloudwatch_log_group.x'];

    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
    expect(onlyResource(synthesizeStack(stack), 'aws_api_gateway_stage').depends_on).toEqual(['aws_cloudwatch_log_group.x', addressOf(role)]);
  });

  test("another construct's cloudWatchRole: true in the stack, made after", () => {
    const stack = newStack();
    const api = petsApi(stack);
    const logging = new RestApiDeployment(stack, 'logging', { restApi: api.api, stageName: 'live', dataTraceEnabled: true });
    const owner = new RestApiDeployment(stack, 'owner', { restApi: api.api, stageName: 'other', cloudWatchRole: true });

    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
    expect(resourcesOfType(synthesizeStack(stack), 'aws_api_gateway_stage')[logging.deploymentStage.stage.friendlyUniqueId].depends_on)
      .toEqual([addressOf(owner.cloudWatchRole!)]);
  });

  test('a WebSocket stage that logs waits for it too', () => {
    const stack = newStack();
    const deployment = new WebSocketApiDeployment(stack, 'deploy', {
      webSocketApi: chatWebSocketApi(stack).api, accessLogDestination: AccessLogDestination.newLogGroup(),
    });
    const role = new ApiGatewayCloudWatchRole(stack, 'logs');

    expect(WebSocketApiDeployment.warningsOf(stack)).toEqual([]);
    expect(resourcesOfType(synthesizeStack(stack), 'aws_apigatewayv2_stage')[deployment.deploymentStage.stage.friendlyUniqueId].depends_on)
      .toEqual([addressOf(role)]);
  });

  test('one of another region of the stack is not it: the warning stays, and nothing waits for it', () => {
    const stack = newStack();
    new ApiGatewayCloudWatchRole(stack, 'logs', { region: 'us-east-1' });
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, loggingLevel: MethodLoggingLevel.INFO });

    expect(RestApiDeployment.warningsOf(stack)).toEqual([ROLE_WARNING('prod')]);
    expect(onlyResource(synthesizeStack(stack), 'aws_api_gateway_stage').depends_on).toBeUndefined();
  });

  test("one of another stack (Terraform cannot wait across states): the warning says to depend on that stack; 'cloudWatchRole: false' silences it", () => {
    const app = Testing.app();
    new ApiGatewayCloudWatchRole(newStack(app, 'account'), 'logs');
    const stack = newStack(app, 'api');
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, loggingLevel: MethodLoggingLevel.INFO });
    new RestApiDeployment(stack, 'quiet', { restApi: petsApi(stack, {}, 'other_').api, loggingLevel: MethodLoggingLevel.INFO, cloudWatchRole: false });

    expect(RestApiDeployment.warningsOf(stack)).toEqual([expect.stringContaining(
      "The role is set in stack 'account' ('account/logs/Account'), which stack 'api' does not depend on, so this stage may be deployed first")]);
    expect(Object.values<any>(resourcesOfType(synthesizeStack(stack), 'aws_api_gateway_stage')).map((stage) => stage.depends_on)).toEqual([undefined, undefined]);
  });

  test('without one, cdktf synth still prints the warning (recorded when the app is validated)', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'role-warning-'));
    try {
      const app = new App({ outdir });
      const stack = newStack(app);
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, loggingLevel: MethodLoggingLevel.INFO });
      app.synth();
      const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
      expect(manifest.stacks.stack.annotations).toContainEqual(expect.objectContaining({ constructPath: 'stack/deploy', message: ROLE_WARNING('prod') }));
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('a stage made on its own that logs to CloudWatch', () => {
  test.each([
    ['a RestApiStage (its method settings too)', (stack: TerraformStack) => {
      const api = petsApi(stack).api;
      new RestApiStage(stack, 'stage', {
        restApiId: api.id, deploymentId: 'a1b2c3', stageName: 'live', loggingLevel: MethodLoggingLevel.INFO, accessLogDestination: AccessLogDestination.newLogGroup(),
      });
      return ['aws_api_gateway_stage', 'aws_api_gateway_method_settings'];
    }],
    ['a WebSocketApiStage', (stack: TerraformStack) => {
      new WebSocketApiStage(stack, 'stage', { apiId: chatWebSocketApi(stack).api.id, deploymentId: 'a1b2c3', stageName: 'live', accessLogDestination: AccessLogDestination.newLogGroup() });
      return ['aws_apigatewayv2_stage'];
    }],
  ])('%s waits for the ApiGatewayCloudWatchRole of its stack, made before or after it', (_name, make) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    const types = make(stack);
    const role = new ApiGatewayCloudWatchRole(stack, 'logs');

    const json = JSON.parse(Testing.synth(stack, true));
    for (const type of types) {
      expect(Object.values<any>(resourcesOfType(json, type)).map((resource) => resource.depends_on)).toEqual([[`aws_api_gateway_account.${role.account.friendlyUniqueId}`]]);
    }
  });
});

test('an aws_api_gateway_account written by hand in the stack: the logging stages wait for it, and no warning says to set the role', () => {
  for (const make of [(stack: TerraformStack) => new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, loggingLevel: MethodLoggingLevel.ERROR }),
    (stack: TerraformStack) => new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api, accessLogDestination: AccessLogDestination.newLogGroup() })]) {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    const account = new ApiGatewayAccount(stack, 'account', { cloudwatchRoleArn: 'arn:aws:iam::123456789012:role/apigw-logs' });
    const deployment = make(stack);

    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
    expect(WebSocketApiDeployment.warningsOf(stack)).toEqual([]);
    const stage = deployment.deploymentStage.stage as TerraformResource;
    expect(resourcesOfType(JSON.parse(Testing.synth(stack, true)), stage.terraformResourceType)[stage.friendlyUniqueId].depends_on)
      .toEqual([`aws_api_gateway_account.${account.friendlyUniqueId}`]);
  }
});

test('a stage name known only at deploy time is shown in the warning as the expression it is, never as a token', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const stageName = new TerraformVariable(stack, 'stage', { type: 'string' }).stringValue;
  new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, stageName, loggingLevel: MethodLoggingLevel.INFO });

  expect(RestApiDeployment.warningsOf(stack)).toEqual([ROLE_WARNING('${var.stage}')]);
});

describe('logging turned on past the props (the stage resource, method settings written by hand for the stage): decided at synth', () => {
  const LOG_GROUP = 'arn:aws:logs:eu-west-1:123456789012:log-group:api';
  const FORMAT = '{"requestId":"$context.requestId"}';

  function newStack(): TerraformStack {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    return stack;
  }

  test.each([
    ['access logs set on the REST stage resource', (stack: TerraformStack) => {
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      deployment.deploymentStage.stage.putAccessLogSettings({ destinationArn: LOG_GROUP, format: FORMAT });
      return RestApiDeployment.warningsOf(stack);
    }],
    ['access logs overridden on the REST stage resource', (stack: TerraformStack) => {
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      deployment.deploymentStage.stage.addOverride('access_log_settings', { destination_arn: LOG_GROUP, format: FORMAT });
      return RestApiDeployment.warningsOf(stack);
    }],
    ['access logs set on the WebSocket stage resource', (stack: TerraformStack) => {
      const deployment = new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api });
      deployment.deploymentStage.stage.putAccessLogSettings({ destinationArn: LOG_GROUP, format: FORMAT });
      return WebSocketApiDeployment.warningsOf(stack);
    }],
    ['execution logs of method settings written by hand for the stage', (stack: TerraformStack) => {
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      new ApiGatewayMethodSettings(stack, 'settings', {
        restApiId: deployment.restApiId, stageName: deployment.deploymentStage.stage.stageName, methodPath: '*/*', settings: { loggingLevel: 'ERROR' },
      });
      return RestApiDeployment.warningsOf(stack);
    }],
  ])('%s: the warning, as for the props', (_name, make) => {
    expect(make(newStack())).toEqual([ROLE_WARNING('prod')]);
  });

  test.each([
    ['access logs to a Firehose stream on the stage resource', (stack: TerraformStack) => {
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      deployment.deploymentStage.stage.putAccessLogSettings({ destinationArn: 'arn:aws:firehose:eu-west-1:123456789012:deliverystream/amazon-apigateway-logs', format: FORMAT });
    }],
    ['method settings written by hand with logging OFF', (stack: TerraformStack) => {
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      new ApiGatewayMethodSettings(stack, 'settings', {
        restApiId: deployment.restApiId, stageName: deployment.deploymentStage.stage.stageName, methodPath: '*/*', settings: { loggingLevel: 'OFF', metricsEnabled: true },
      });
    }],
  ])('%s: no warning, nothing waits', (_name, make) => {
    const stack = newStack();
    make(stack);
    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
    const json = synthesizeStack(stack);
    expect(onlyResource(json, 'aws_api_gateway_stage').depends_on).toBeUndefined();
  });

  test("with the account's CloudWatch role in the stack, the stage and the method settings written by hand for it wait for it", () => {
    const stack = newStack();
    const role = new ApiGatewayCloudWatchRole(stack, 'logs');
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    deployment.deploymentStage.stage.putAccessLogSettings({ destinationArn: LOG_GROUP, format: FORMAT });
    const settings = new ApiGatewayMethodSettings(stack, 'settings', {
      restApiId: deployment.restApiId, stageName: deployment.deploymentStage.stage.stageName, methodPath: '*/*', settings: { dataTraceEnabled: true },
    });
    const address = `aws_api_gateway_account.${role.account.friendlyUniqueId}`;

    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
    const json = JSON.parse(Testing.synth(stack, true));
    expect(onlyResource(json, 'aws_api_gateway_stage').depends_on).toEqual([address]);
    expect(resourcesOfType(json, 'aws_api_gateway_method_settings')[settings.friendlyUniqueId].depends_on).toEqual([address]);
  });

  test('cloudWatchRole: true: method settings written by hand for a stage of the construct wait for its role', () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, cloudWatchRole: true });
    const settings = new ApiGatewayMethodSettings(stack, 'settings', {
      restApiId: deployment.restApiId, stageName: deployment.deploymentStage.stage.stageName, methodPath: '*/*', settings: { loggingLevel: 'INFO' },
    });

    const json = JSON.parse(Testing.synth(stack, true));
    expect(resourcesOfType(json, 'aws_api_gateway_method_settings')[settings.friendlyUniqueId].depends_on)
      .toEqual([`aws_api_gateway_account.${deployment.cloudWatchRole!.account.friendlyUniqueId}`]);
  });
});

describe('method settings written by hand for a stage, elsewhere', () => {
  test('full request logging turned on by a variable (a bool token): the warning too', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    new ApiGatewayMethodSettings(stack, 'settings', {
      restApiId: deployment.restApiId,
      stageName: deployment.deploymentStage.stage.stageName,
      methodPath: '*/*',
      settings: { dataTraceEnabled: new TerraformVariable(stack, 'trace', { type: 'bool' }).booleanValue },
    });

    expect(RestApiDeployment.warningsOf(stack)).toEqual([ROLE_WARNING('prod')]);
  });

  test("named through a local value holding the stage's name: the warning too", () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    const stage = new TerraformLocal(stack, 'stage', deployment.deploymentStage.stage.stageName);
    new ApiGatewayMethodSettings(stack, 'settings', { restApiId: deployment.restApiId, stageName: stage.asString, methodPath: '*/*', settings: { loggingLevel: 'INFO' } });

    expect(RestApiDeployment.warningsOf(stack)).toEqual([ROLE_WARNING('prod')]);
  });

  test('in a stack that sets the role beside them: they wait for it, and the stage (which does not log) gets no warning', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ops-stack-'));
    try {
      const app = new App({ outdir });
      const api = new TerraformStack(app, 'api');
      new AwsProvider(api, 'aws', { region: 'eu-west-1' });
      const deployment = new RestApiDeployment(api, 'deploy', { restApi: petsApi(api).api });
      const ops = new TerraformStack(app, 'ops');
      new AwsProvider(ops, 'aws', { region: 'eu-west-1' });
      const role = new ApiGatewayCloudWatchRole(ops, 'role');
      new ApiGatewayMethodSettings(ops, 'settings', {
        restApiId: deployment.restApiId, stageName: deployment.deploymentStage.stage.stageName, methodPath: '*/*', settings: { loggingLevel: 'INFO' },
      });

      expect(RestApiDeployment.warningsOf(api)).toEqual([]);
      app.synth();
      const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'ops', 'cdk.tf.json'), 'utf8'));
      expect(json.resource.aws_api_gateway_method_settings.settings.depends_on).toEqual([`aws_api_gateway_account.${role.account.friendlyUniqueId}`]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
