import { ApiGatewayAccount } from '@cdktf/provider-aws/lib/api-gateway-account';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { ApiGatewayCloudWatchRole, RestApiDeployment, WebSocketApiDeployment } from '../src';
import { petsApi } from './support/api';
import { chatWebSocketApi } from './support/v2-api';

/** A stack with its own AWS provider. */
function stackIn(app: App, id: string, provider: { region: string; allowedAccountIds?: string[] } = { region: 'eu-west-2' }): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, 'aws', provider);
  return stack;
}

describe("the account's CloudWatch role is one per account and region", () => {
  test('two cloudWatchRole: true in one stack: the second is refused at once', () => {
    const stack = stackIn(Testing.app(), 'stack');
    new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack).api, cloudWatchRole: true });

    expect(() => new WebSocketApiDeployment(stack, 'websocket', { webSocketApi: chatWebSocketApi(stack).api, cloudWatchRole: true }))
      .toThrow("WebSocketApiDeployment at 'stack/websocket': property 'cloudWatchRole' is true; expected one owner per account and region of the " +
        "account's CloudWatch role: 'stack/rest/CloudWatchRole/Account' already sets it (aws_api_gateway_account) with the AWS provider 'stack/aws' (region \"eu-west-2\"), and this one with the AWS provider "
        + "'stack/aws' (region \"eu-west-2\"); keep one ('cloudWatchRole: false' on a deployment construct says it is set elsewhere).");
  });

  test('a standalone ApiGatewayCloudWatchRole and cloudWatchRole: true in one stack', () => {
    const stack = stackIn(Testing.app(), 'stack');
    new ApiGatewayCloudWatchRole(stack, 'logs');

    expect(() => new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack).api, cloudWatchRole: true }))
      .toThrow("RestApiDeployment at 'stack/rest': property 'cloudWatchRole' is true; expected one owner per account and region");
  });

  test('a hand-written aws_api_gateway_account beside it fails cdktf synth and warningsOf', () => {
    const build = (app: App) => {
      const stack = stackIn(app, 'stack');
      new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack).api, cloudWatchRole: true });
      new ApiGatewayAccount(stack, 'account', { cloudwatchRoleArn: 'arn:aws:iam::123456789012:role/logs' });
      return stack;
    };

    const app = Testing.app();
    const stack = build(app);
    expect(() => RestApiDeployment.warningsOf(stack)).toThrow("RestApiDeployment at 'stack/rest': property 'cloudWatchRole' is true; expected one owner " +
      "per account and region of the account's CloudWatch role: 'stack/account' already sets it");
    expect(() => app.synth()).toThrow("'stack/account' already sets it");
  });

  test('two providers of one stack (an alias for another region) may each have one', () => {
    const stack = stackIn(Testing.app(), 'stack');
    const ireland = new AwsProvider(stack, 'ireland', { region: 'eu-west-1', alias: 'ireland' });
    new ApiGatewayCloudWatchRole(stack, 'london');
    new ApiGatewayCloudWatchRole(stack, 'dublin', { provider: ireland });

    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('two stacks whose providers have the same literal settings: one account and region, refused', () => {
    const app = Testing.app();
    const production = stackIn(app, 'production');
    new RestApiDeployment(production, 'rest', { restApi: petsApi(production).api, cloudWatchRole: true });
    const staging = stackIn(app, 'staging');

    expect(() => new RestApiDeployment(staging, 'rest', { restApi: petsApi(staging).api, cloudWatchRole: true }))
      .toThrow("RestApiDeployment at 'staging/rest': property 'cloudWatchRole' is true; expected one owner per account and region of the account's " +
        "CloudWatch role: 'production/rest/CloudWatchRole/Account' already sets it (aws_api_gateway_account) with the same provider settings; keep one " +
        "('cloudWatchRole: false' on a deployment construct says it is set elsewhere), or, if the stacks deploy to different accounts, say so in each " +
        "stack's AwsProvider ('allowedAccountIds').");
  });

  const mayBeTheSame =
    "The account's CloudWatch role set here ('staging/rest/CloudWatchRole/Account') may be the same account setting that " +
    "'production/rest/CloudWatchRole/Account' sets: API Gateway has one per account and region, so if both stacks deploy to one account " +
    'and region, the last apply wins and destroying either resets it for every API there. Let one stack own it (set ' +
    "'cloudWatchRole: false' on the others), or, if the stacks deploy to different accounts or regions, say so in each stack's AwsProvider " +
    "('allowedAccountIds', a literal 'region').";
  test.each<[string, (stack: TerraformStack) => { region: string; allowedAccountIds?: string[] }, string[]]>([
    ['a region from a variable: a warning naming both and the fixes', (stack) =>
      ({ region: new TerraformVariable(stack, 'region', { type: 'string' }).stringValue, allowedAccountIds: ['111111111111'] }), [mayBeTheSame]],
    ['an account named in one provider only: a warning', () => ({ region: 'eu-west-2' }), [mayBeTheSame]],
    ['another region: none', () => ({ region: 'eu-west-1', allowedAccountIds: ['111111111111'] }), []],
    ['another account named in allowedAccountIds: none', () => ({ region: 'eu-west-2', allowedAccountIds: ['222222222222'] }), []],
  ])('two stacks: %s', (_case, stagingProvider, warnings) => {
    const app = Testing.app();
    const production = stackIn(app, 'production', { region: 'eu-west-2', allowedAccountIds: ['111111111111'] });
    new RestApiDeployment(production, 'rest', { restApi: petsApi(production).api, cloudWatchRole: true });
    const staging = new TerraformStack(app, 'staging');
    new AwsProvider(staging, 'aws', stagingProvider(staging));
    new RestApiDeployment(staging, 'rest', { restApi: petsApi(staging).api, cloudWatchRole: true });

    expect(RestApiDeployment.warningsOf(staging)).toEqual(warnings);
  });
});

describe('a stage name is one per API, whichever stack deploys it', () => {
  test('the same API and stage name deployed from two stacks is refused', () => {
    const app = Testing.app();
    const shared = stackIn(app, 'shared');
    const api = petsApi(shared).api;
    new RestApiDeployment(stackIn(app, 'first'), 'deploy', { restApi: api, stageName: 'live' });

    expect(() => new RestApiDeployment(stackIn(app, 'second'), 'deploy', { restApi: api, stageName: 'live' }))
      .toThrow("RestApiDeployment at 'second/deploy': property 'stageName' is \"live\"; expected a stage name not yet used for this REST API: " +
        "'first/deploy' already creates the stage \"live\".");
  });

  test('one literal API id in two stacks is one API', () => {
    const app = Testing.app();
    new RestApiDeployment(stackIn(app, 'first'), 'deploy', { restApiId: 'a1b2c3', triggers: { release: '1' } });

    expect(() => new RestApiDeployment(stackIn(app, 'second'), 'deploy', { restApiId: 'a1b2c3', triggers: { release: '1' } }))
      .toThrow("'first/deploy' already creates the stage \"prod\"");
  });

  test('an id from a variable of each stack may be two APIs', () => {
    const app = Testing.app();
    for (const id of ['first', 'second']) {
      const stack = stackIn(app, id);
      const apiId = new TerraformVariable(stack, 'api_id', { type: 'string' });
      expect(() => new RestApiDeployment(stack, 'deploy', { restApiId: apiId.stringValue, triggers: { release: '1' } })).not.toThrow();
    }
  });
});
