import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { AccessLogDestination, HttpApiDeployment, RestApiDeployment, WebSocketApiDeployment } from '../src';
import { petsApi } from './support/api';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

type Stage = { [name: string]: any; addOverride(path: string, value: unknown): void };

/** A deployment construct of `kind` with access logs, and its main stage resource. */
function deployed(kind: string): { stack: TerraformStack; stage: Stage; variables: string; construct: string } {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const logs = { accessLogDestination: AccessLogDestination.arn('arn:aws:logs:eu-west-1:123456789012:log-group:api'), cloudWatchRole: false };
  if (kind === 'REST') {
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, ...logs });
    return { stack, stage: deployment.deploymentStage.stage as unknown as Stage, variables: 'variables', construct: 'RestApiDeployment' };
  }
  const deployment = kind === 'HTTP'
    ? new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, accessLogDestination: logs.accessLogDestination })
    : new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api, ...logs });
  return { stack, stage: deployment.deploymentStage.stage as unknown as Stage, variables: 'stageVariables', construct: `${kind === 'HTTP' ? 'Http' : 'WebSocket'}ApiDeployment` };
}

describe("the stage's arguments the construct checks from its props are checked again when set on the stage resource (setter or override)", () => {
  test.each(['REST', 'HTTP', 'WebSocket'])('%s: description with "${...}", a tag key starting with aws:, a bad stage variable, a multi-line access log format', (kind) => {
    const cases: Array<[(stage: Stage, variables: string) => void, string]> = [
      [(stage) => { stage.description = 'built from ${GIT_SHA}'; }, 'property \'deploymentStage.stage.description\' is "built from ${GIT_SHA}"; expected text without "${...}"'],
      [(stage) => { stage.tags = { 'aws:team': 'x' }; }, "property 'deploymentStage.stage.tags.aws:team' is \"x\"; expected a tag key of 1 to 128 characters that does not start with 'aws:'"],
      [(stage, variables) => { stage[variables] = { 'bad key': 'a' }; }, "stage.${variables}.bad key' is \"a\"; expected a variable name of letters, digits and '_' only"],
      [(stage) => stage.addOverride('access_log_settings.format', '{"requestId":"$context.requestId",\n"ip":"$context.identity.sourceIp"}'),
        "property 'deploymentStage.stage.accessLogSettings.format' is \"{\\\"requestId\\\":\\\"$context.requestId\\\",\\n\\\"ip\\\":\\\"$context.identity.sourceIp\\\"}\"; expected a format on one line"],
    ];
    for (const [change, message] of cases) {
      const { stack, stage, variables, construct } = deployed(kind);
      change(stage, variables);
      expect(() => Testing.synth(stack, true)).toThrow(message.replace('${variables}', variables));
      expect(() => Testing.synth(stack, true)).toThrow(`${construct} at 'stack/deploy'`);
    }
  });

  test("the deployment's description set on its resource is checked as the construct's 'description' is", () => {
    for (const kind of ['REST', 'HTTP']) {
      const { stack } = deployed(kind);
      const deployment = stack.node.findChild('deploy') as RestApiDeployment | HttpApiDeployment;
      (deployment.deployment as unknown as Stage).description = 'release ${version}';
      expect(() => Testing.synth(stack, true)).toThrow("property 'deployment.description' is \"release ${version}\"; expected text without \"${...}\"");
    }
    const { stack } = deployed('HTTP');
    ((stack.node.findChild('deploy') as HttpApiDeployment).deployment as unknown as Stage).description = 'x'.repeat(1025);
    expect(() => Testing.synth(stack, true)).toThrow("property 'deployment.description' is \"xxx");
  });

  test('access log settings put on the stage resource: a Firehose stream for an HTTP API, a literal ARN of another region', () => {
    const firehose = 'arn:aws:firehose:eu-west-1:123456789012:deliverystream/amazon-apigateway-x';
    const http = deployed('HTTP');
    http.stage.putAccessLogSettings({ destinationArn: firehose, format: '$context.requestId' });
    expect(() => Testing.synth(http.stack, true)).toThrow(`property 'deploymentStage.stage.accessLogSettings.destinationArn' is "${firehose}"; expected the ARN `
      + 'of a CloudWatch Logs log group (or AccessLogDestination.newLogGroup()): HTTP API stages write access logs to CloudWatch Logs only');
    const rest = deployed('REST');
    rest.stage.putAccessLogSettings({ destinationArn: 'arn:aws:logs:us-east-1:123456789012:log-group:api', format: '$context.requestId' });
    expect(() => Testing.synth(rest.stack, true)).toThrow("property 'deploymentStage.stage.accessLogSettings.destinationArn' is "
      + "\"arn:aws:logs:us-east-1:123456789012:log-group:api\"; expected a log group or Firehose stream of the stage's region, eu-west-1");
  });

  test("method settings put on their resource are checked as the construct's methodOptions are", () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, methodOptions: { '/pets/GET': { metricsEnabled: true } } });
    const settings = stack.node.findAll().find((construct) => (construct as { terraformResourceType?: string }).terraformResourceType === 'aws_api_gateway_method_settings');
    (settings as unknown as { putSettings(value: object): void }).putSettings({ metricsEnabled: true, cacheTtlInSeconds: 7200 });

    expect(() => Testing.synth(stack, true)).toThrow("RestApiDeployment at 'stack/deploy': property 'methodOptions./pets/GET.settings.cacheTtl' is 7200; "
      + 'expected a whole number from 0 to 3600.');
  });

  test("an HTTP stage resource's client certificate, and the access log group's retention, set after the construct: refused at synth", () => {
    const http = deployed('HTTP');
    http.stage.clientCertificateId = 'abc123';
    expect(() => Testing.synth(http.stack, true)).toThrow("property 'deploymentStage.stage.clientCertificateId' is \"abc123\"; expected no client certificate");

    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, accessLogDestination: AccessLogDestination.newLogGroup() });
    (deployment.deploymentStage.accessLogGroup as unknown as { retentionInDays: number }).retentionInDays = 2;
    expect(() => Testing.synth(stack, true)).toThrow("property 'accessLogDestination.retentionInDays' is 2; expected one of 0, 1, 3, 5");
  });

  test('a valid value set on the stage resource passes', () => {
    const { stack, stage } = deployed('HTTP');
    stage.description = 'built from $${GIT_SHA}';
    stage.tags = { team: 'pets' };

    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});
