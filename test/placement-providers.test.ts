/**
 * What the placement check makes of the AWS providers of two stacks: a stack with AWS providers of
 * aliases only (Terraform makes a resource without a provider with an implicit one, configured from
 * the environment) gets a warning; the roles a provider assumes (`assume_role`,
 * `assume_role_with_web_identity`) are compared by the account of their role ARN.
 */
import { AwsProvider, AwsProviderConfig } from '@cdktf/provider-aws/lib/provider';
import { AnnotationMetadataEntryType, TerraformProvider, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { ApiGatewayCloudWatchRole, HttpApiDeployment, HttpApiStage, RestApiDeployment, RestApiStage, WebSocketApiDeployment } from '../src';
import { petsApi } from './support/api';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

type Kind = 'REST' | 'HTTP' | 'WebSocket';
const KINDS: Kind[] = ['REST', 'HTTP', 'WebSocket'];
const API_ID: Record<Kind, string> = { REST: 'api', HTTP: 'http_api', WebSocket: 'ws_api' };
const API_PROPERTY: Record<Kind, string> = { REST: 'restApi', HTTP: 'httpApi', WebSocket: 'webSocketApi' };

function apiOf(kind: Kind, stack: TerraformStack): TerraformResource {
  return kind === 'REST' ? petsApi(stack).api : kind === 'HTTP' ? petsHttpApi(stack).api : chatWebSocketApi(stack).api;
}

function deploy(kind: Kind, stack: TerraformStack, api: TerraformResource): void {
  if (kind === 'REST') {
    new RestApiDeployment(stack, 'deploy', { restApi: api as any, cloudWatchRole: false });
  } else if (kind === 'HTTP') {
    new HttpApiDeployment(stack, 'deploy', { httpApi: api as any });
  } else {
    new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: api as any, cloudWatchRole: false });
  }
}

const warningsOf = (kind: Kind, scope: TerraformStack) =>
  (kind === 'REST' ? RestApiDeployment : kind === 'HTTP' ? HttpApiDeployment : WebSocketApiDeployment).warningsOf(scope);

/** `apis` with a default AwsProvider of `apisProvider`; `deploys` with the providers `deploysProviders` (by id). */
function twoStacks(apisProvider: AwsProviderConfig, deploysProviders: Record<string, AwsProviderConfig>) {
  const app = Testing.app();
  const apis = new TerraformStack(app, 'apis');
  new AwsProvider(apis, 'aws', apisProvider);
  const deploys = new TerraformStack(app, 'deploys');
  Object.entries(deploysProviders).forEach(([id, config]) => new AwsProvider(deploys, id, config));
  return { apis, deploys };
}

describe("a deployment construct in a stack whose AWS providers all have an alias (Terraform's implicit provider)", () => {
  test.each(KINDS)('%s: a warning, naming the stack and its aliases', (kind) => {
    const { apis, deploys } = twoStacks({ region: 'eu-west-2' }, { other: { region: 'eu-west-2', alias: 'other' } });
    deploy(kind, deploys, apiOf(kind, apis));

    expect(() => Testing.synth(deploys, true)).not.toThrow();
    expect(warningsOf(kind, deploys)).toEqual([`'deploys/deploy' makes the deployment and stages of 'apis/${API_ID[kind]}' with the stack's default AWS `
      + 'provider, and the API is made with the AWS provider \'apis/aws\' (region "eu-west-2"); \'deploys\' has no AwsProvider without alias (only '
      + "'aws.other'), so Terraform makes them with an implicit aws provider configured only from the environment (AWS_REGION, AWS_PROFILE, ...): "
      + 'whether they are one account and region is known only at deploy time. If they are not, AWS finds no such API there (NotFoundException). '
      + "Add an AwsProvider without alias to 'deploys' (with the settings of the API's), or make the construct in the API's stack."]);
  });

  test('a stage made on its own for the API of another stack: the same warning (cdktf prints it at synth)', () => {
    const { apis, deploys } = twoStacks({ region: 'eu-west-2' }, { a: { region: 'eu-west-2', alias: 'a' }, b: { region: 'us-east-1', alias: 'b' } });
    const stage = new HttpApiStage(deploys, 'stage', { apiId: petsHttpApi(apis).api.id, deploymentId: 'd', stageName: 'live' });

    expect(() => Testing.synth(deploys, true)).not.toThrow();
    expect(stage.node.metadata.filter((entry) => entry.type === AnnotationMetadataEntryType.WARN).map((entry) => entry.data)).toEqual([
      expect.stringContaining("'deploys' has no AwsProvider without alias (only 'aws.a', 'aws.b'), so Terraform makes them with an implicit aws provider"),
    ]);
  });

  test('with a default provider beside the aliased one: no warning', () => {
    const { apis, deploys } = twoStacks({ region: 'eu-west-2' }, { aws: { region: 'eu-west-2' }, other: { region: 'us-east-1', alias: 'other' } });
    deploy('HTTP', deploys, apiOf('HTTP', apis));

    expect(() => Testing.synth(deploys, true)).not.toThrow();
    expect(warningsOf('HTTP', deploys)).toEqual([]);
  });
});

describe('the roles the providers assume, compared by the account of their role ARN', () => {
  const role = (account: string, name = 'deployer') => `arn:aws:iam::${account}:role/${name}`;

  test.each(KINDS)('%s: web identity roles of two accounts fail at synth', (kind) => {
    const { apis, deploys } = twoStacks(
      { region: 'eu-west-2', assumeRoleWithWebIdentity: [{ roleArn: role('111111111111'), webIdentityTokenFile: '/token' }] },
      { aws: { region: 'eu-west-2', assumeRoleWithWebIdentity: [{ roleArn: role('222222222222'), webIdentityTokenFile: '/token' }] } },
    );
    deploy(kind, deploys, apiOf(kind, apis));

    expect(() => Testing.synth(deploys, true)).toThrow(`property '${API_PROPERTY[kind]}' is "apis/${API_ID[kind]}"; expected an API in the account and `
      + 'region where this construct makes the deployment and its stages');
    expect(() => Testing.synth(deploys, true)).toThrow('which differ in assumeRoleWithWebIdentity ({"account":"111111111111"} for the API, '
      + '{"account":"222222222222"} here): AWS finds no such API there (NotFoundException); give the AWS provider \'deploys/aws\' the settings of the AWS '
      + "provider 'apis/aws' ('assumeRoleWithWebIdentity'), or make the construct in the API's stack.");
  });

  test.each<[string, AwsProviderConfig, AwsProviderConfig]>([
    ['two web identity roles of one account',
      { region: 'eu-west-2', assumeRoleWithWebIdentity: [{ roleArn: role('111111111111', 'a'), webIdentityTokenFile: '/token' }] },
      { region: 'eu-west-2', assumeRoleWithWebIdentity: [{ roleArn: role('111111111111', 'b'), webIdentityTokenFile: '/other-token' }] }],
    ['two assumed roles of one account, with other session names',
      { region: 'eu-west-2', assumeRole: [{ roleArn: role('111111111111', 'a'), sessionName: 'x' }] },
      { region: 'eu-west-2', assumeRole: [{ roleArn: role('111111111111', 'b'), sessionName: 'y' }] }],
    ['a chain of roles ending in the account of the other',
      { region: 'eu-west-2', assumeRole: [{ roleArn: role('333333333333', 'hop') }, { roleArn: role('111111111111') }] },
      { region: 'eu-west-2', assumeRole: [{ roleArn: role('111111111111') }] }],
  ])('%s: one place, no error, no warning', (_name, apisProvider, deploysProvider) => {
    const { apis, deploys } = twoStacks(apisProvider, { aws: deploysProvider });
    deploy('HTTP', deploys, apiOf('HTTP', apis));

    expect(() => Testing.synth(deploys, true)).not.toThrow();
    expect(warningsOf('HTTP', deploys)).toEqual([]);
  });

  test('assumed roles of two accounts still fail', () => {
    const { apis, deploys } = twoStacks(
      { region: 'eu-west-2', assumeRole: [{ roleArn: role('111111111111') }] },
      { aws: { region: 'eu-west-2', assumeRole: [{ roleArn: role('222222222222') }] } },
    );
    deploy('REST', deploys, apiOf('REST', apis));

    expect(() => Testing.synth(deploys, true)).toThrow('which differ in assumeRole ({"account":"111111111111"} for the API, {"account":"222222222222"} here)');
  });

  test('forbidden account ids that differ say nothing: no error', () => {
    const { apis, deploys } = twoStacks(
      { region: 'eu-west-2', forbiddenAccountIds: ['999999999999'] },
      { aws: { region: 'eu-west-2', forbiddenAccountIds: ['888888888888'] } },
    );
    deploy('HTTP', deploys, apiOf('HTTP', apis));

    expect(() => Testing.synth(deploys, true)).not.toThrow();
  });
});

describe('a provider given to a stage made on its own, or to the CloudWatch role, is an AWS provider of its stack', () => {
  function stacks() {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    const other = new TerraformStack(app, 'other');
    return { stack, otherProvider: new AwsProvider(other, 'aws', { region: 'eu-west-2', alias: 'london' }) };
  }
  class NullProvider extends TerraformProvider {
    constructor(scope: TerraformStack, id: string) {
      super(scope, id, { terraformResourceType: 'null', terraformGeneratorMetadata: { providerName: 'null' }, terraformProviderSource: 'hashicorp/null' });
    }
  }

  test.each<[string, (stack: TerraformStack, provider: TerraformProvider) => void, string]>([
    ['RestApiStage', (stack, provider) => {
      const api = petsApi(stack).api;
      new RestApiStage(stack, 'manual', { restApiId: api.id, deploymentId: 'd1', stageName: 'manual', provider });
    }, "RestApiStage at 'stack/manual': property 'provider'"],
    ['HttpApiStage', (stack, provider) => {
      new HttpApiStage(stack, 'manual', { apiId: petsHttpApi(stack).api.id, deploymentId: 'd1', stageName: 'manual', provider });
    }, "HttpApiStage at 'stack/manual': property 'provider'"],
    ['ApiGatewayCloudWatchRole', (stack, provider) => {
      new ApiGatewayCloudWatchRole(stack, 'role', { provider });
    }, "ApiGatewayCloudWatchRole at 'stack/role': property 'provider'"],
  ])('%s: one of another stack, or not an AWS provider, is refused', (_name, make, where) => {
    const { stack, otherProvider } = stacks();
    expect(() => make(stack, otherProvider)).toThrow(`${where} is "other/aws"; expected an AWS provider of the construct's stack 'stack' (this one is of 'other', `
      + 'and Terraform configures a provider per stack): make one with the same settings in this stack.');
    const { stack: again } = stacks();
    expect(() => make(again, new NullProvider(again, 'null'))).toThrow(`${where} is "stack/null"; expected an AWS provider (AwsProvider), not one of null.`);
  });
});
