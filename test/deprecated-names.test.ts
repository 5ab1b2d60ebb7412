/**
 * The names the 0.2.0 API review replaced keep working until 0.3.0: each synthesizes exactly
 * what its replacement does, with a synth warning naming the replacement; given together with
 * its replacement it is an error.
 */
import { TerraformStack, Testing } from 'cdktf';
import {
  AccessLogDestination,
  AccessLogFormat,
  MethodLoggingLevel,
  MethodSettingsOptions,
  RestApiDeployment,
  RestApiDeploymentProps,
  StageOptions,
  StageSettings,
} from '../src';
import { petsApi } from './support/api';

function synthWith(props: Partial<RestApiDeploymentProps>, stageOptions?: StageOptions) {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, cloudWatchRole: false, ...props });
  if (stageOptions) {
    deployment.addStage('beta', stageOptions);
  }
  return { json: JSON.parse(Testing.synth(stack)), warnings: RestApiDeployment.warningsOf(stack) };
}

const LOG_GROUP_ARN = 'arn:aws:logs:eu-west-1:123456789012:log-group:api';

describe.each<[string, Partial<RestApiDeploymentProps>, Partial<RestApiDeploymentProps>, string]>([
  ['xrayTracingEnabled', { xrayTracingEnabled: true }, { tracingEnabled: true }, "'tracingEnabled'"],
  ['accessLogSettings',
    { accessLogSettings: { destinationArn: LOG_GROUP_ARN, format: AccessLogFormat.clf() } },
    { accessLogDestination: AccessLogDestination.arn(LOG_GROUP_ARN), accessLogFormat: AccessLogFormat.clf() },
    "'accessLogDestination: AccessLogDestination.arn(destinationArn)' and 'accessLogFormat'"],
  ['accessLogging',
    { accessLogging: { retentionInDays: 30, kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' } },
    { accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays: 30, kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' }) },
    "'accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays, kmsKeyId })' and 'accessLogFormat'"],
  ['methodSettings',
    { methodSettings: { metricsEnabled: true, loggingLevel: MethodLoggingLevel.ERROR }, methodOptions: { '/pets/GET': { throttlingRateLimit: 5 } } },
    { metricsEnabled: true, loggingLevel: MethodLoggingLevel.ERROR, methodOptions: { '/pets/GET': { throttlingRateLimit: 5 } } },
    "the same fields on the stage options themselves ('loggingLevel', 'metricsEnabled', ...)"],
])('the deprecated %s', (name, deprecated, current, replacement) => {
  test('synthesizes what its replacement does, on the main stage and on an added stage', () => {
    expect(synthWith(deprecated, deprecated as StageOptions).json).toEqual(synthWith(current, current as StageOptions).json);
  });

  test('gets a synth warning that names its replacement', () => {
    const warning = `'${name}' is deprecated and will be removed in 0.3.0: use ${replacement}.`;
    expect(synthWith(deprecated).warnings).toEqual([warning]);
    expect(synthWith({}, deprecated as StageOptions).warnings).toEqual([warning.replace(`'${name}'`, `'addStage(beta).${name}'`)]);
    expect(synthWith(current).warnings).toEqual([]);
  });

  test('together with its replacement is an error', () => {
    expect(() => synthWith({ ...deprecated, ...current })).toThrow(
      `RestApiDeployment at 'stack/deploy': property '${name}' is `);
    expect(() => synthWith({ ...deprecated, ...current })).toThrow(
      `; expected no '${name}' together with '`);
  });
});

test('accessLogSettings together with accessLogging is an error', () => {
  expect(() => synthWith({ accessLogSettings: { destinationArn: LOG_GROUP_ARN }, accessLogging: {} })).toThrow(
    "RestApiDeployment at 'stack/deploy': property 'accessLogSettings' is {\"destinationArn\":\"" + LOG_GROUP_ARN + '"}; ' +
    "expected no 'accessLogSettings' together with 'accessLogging'");
});

test('accessLogSettings with an empty destination is an error', () => {
  expect(() => synthWith({ accessLogSettings: { destinationArn: '' } })).toThrow(
    "RestApiDeployment at 'stack/deploy': property 'accessLogSettings.destinationArn' is \"\"; " +
    'expected the ARN of a CloudWatch log group or Firehose stream: a format needs a destination.');
});

test('mainStage and stage are the deployment stage and its aws_api_gateway_stage', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });

  expect(deployment.mainStage).toBe(deployment.deploymentStage);
  expect(deployment.stage).toBe(deployment.deploymentStage.stage);
});

test("addStage's description (before 0.2.0) is an error naming stageDescription: in StageOptions it could not keep its meaning", () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });

  expect(() => deployment.addStage('beta', { description: 'beta testers' } as StageOptions)).toThrow(
    "RestApiDeployment at 'stack/deploy': property 'addStage(beta).description' is \"beta testers\"; " +
    "expected 'stageDescription' for the stage's description (the name the main stage uses too).");
});

test('the deprecated type names still name the same shapes', () => {
  const settings: MethodSettingsOptions = { metricsEnabled: true };
  const stageSettings: StageSettings = { ...settings, stageDescription: 'beta' };

  expect(synthWith({}, stageSettings).json).toEqual(synthWith({}, { metricsEnabled: true, stageDescription: 'beta' }).json);
});
