/**
 * An access log destination given as a Firehose stream's `arn` (a resource or a data source of the
 * app, `${aws_kinesis_firehose_delivery_stream.x.arn}`) is a Firehose stream, as a literal Firehose
 * ARN is: no CloudWatch Logs, so no warning about the account's CloudWatch role; and its name, when it
 * is a literal, must start with `amazon-apigateway-`, as a literal ARN's must (checked at synth, once
 * every construct is made).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DataAwsKinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/data-aws-kinesis-firehose-delivery-stream';
import { KinesisFirehoseDeliveryStream } from '@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { AccessLogDestination, HttpApiDeployment, RestApiDeployment, WebSocketApiDeployment } from '../src';
import { petsApi } from './support/api';
import { appAt } from './support/synth';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

const EXPECTED = 'expected AccessLogDestination.arn() with the ARN of a CloudWatch Logs log group (arn:aws:logs:<region>:<account>:log-group:<name>) '
  + "or of a Firehose stream whose name starts with 'amazon-apigateway-'";

function newStack(app: Construct = Testing.app(), id = 's'): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  return stack;
}

function stream(scope: Construct, name: string, id = 'fh'): KinesisFirehoseDeliveryStream {
  return new KinesisFirehoseDeliveryStream(scope, id, {
    name,
    destination: 'extended_s3',
    extendedS3Configuration: { bucketArn: 'arn:aws:s3:::logs', roleArn: 'arn:aws:iam::123456789012:role/firehose' },
  });
}

describe("a Firehose stream's arn as the access log destination", () => {
  test('REST: no warning about the CloudWatch role, and it synthesizes', () => {
    const stack = newStack();
    const destination = AccessLogDestination.arn(stream(stack, 'amazon-apigateway-logs').arn);
    new RestApiDeployment(stack, 'd', { restApi: petsApi(stack).api, stageName: 'beta', accessLogDestination: destination });

    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
    expect(() => Testing.synth(stack, true)).not.toThrow();
    expect(destination.isCloudWatchLogs).toBe(false);
  });

  test('WebSocket: refused (WebSocket APIs log to CloudWatch Logs only)', () => {
    const stack = newStack();
    expect(() => new WebSocketApiDeployment(stack, 'd', {
      webSocketApi: chatWebSocketApi(stack).api, accessLogDestination: AccessLogDestination.arn(stream(stack, 'amazon-apigateway-chat').arn),
    })).toThrow("WebSocketApiDeployment at 's/d': property 'accessLogDestination' is \"${aws_kinesis_firehose_delivery_stream.fh.arn}\"; expected the ARN of a "
      + 'CloudWatch Logs log group (or AccessLogDestination.newLogGroup()): WebSocket API stages write access logs to CloudWatch Logs only (a Firehose stream '
      + 'takes the access logs of REST APIs only).');
  });

  test("a data source's arn too", () => {
    const stack = newStack();
    const data = new DataAwsKinesisFirehoseDeliveryStream(stack, 'fh', { name: 'amazon-apigateway-logs' });
    new RestApiDeployment(stack, 'd', { restApi: petsApi(stack).api, accessLogDestination: AccessLogDestination.arn(data.arn) });

    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('a stream of another stack (read through its cross-stack output): no warning about the CloudWatch role when the app synthesizes', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'firehose-'));
    try {
      const app = new App({ outdir });
      const logs = newStack(app, 'logs');
      const api = newStack(app, 'api');
      new RestApiDeployment(api, 'd', { restApi: petsApi(api).api, accessLogDestination: AccessLogDestination.arn(stream(logs, 'amazon-apigateway-pets').arn) });
      app.synth();
      const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
      expect(manifest.stacks.api.annotations).toEqual([]);
      expect(RestApiDeployment.warningsOf(api)).toEqual([]);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  test("a log group's arn, or a variable, is still taken for CloudWatch Logs (the warning stays)", () => {
    const stack = newStack();
    const arn = new TerraformVariable(stack, 'destination', { type: 'string' }).stringValue;
    new RestApiDeployment(stack, 'd', { restApi: petsApi(stack).api, accessLogDestination: AccessLogDestination.arn(arn) });

    expect(RestApiDeployment.warningsOf(stack)).toEqual([expect.stringContaining('The stage "prod" writes logs to CloudWatch')]);
  });
});

describe("the stream's name must start with amazon-apigateway-, as a literal ARN's must", () => {
  test('a literal ARN with another name is refused at once (as before)', () => {
    const stack = newStack();
    expect(() => new RestApiDeployment(stack, 'd', {
      restApi: petsApi(stack).api, accessLogDestination: AccessLogDestination.arn('arn:aws:firehose:eu-west-1:123456789012:deliverystream/logs-x'),
    })).toThrow(`RestApiDeployment at 's/d': property 'accessLogDestination' is "arn:aws:firehose:eu-west-1:123456789012:deliverystream/logs-x"; ${EXPECTED}.`);
  });

  test("REST: a stream named 'logs-x' is refused at synth, with the same expectation", () => {
    const stack = newStack();
    new RestApiDeployment(stack, 'd', { restApi: petsApi(stack).api, accessLogDestination: AccessLogDestination.arn(stream(stack, 'logs-x').arn) });

    expect(() => Testing.synth(stack, true)).toThrow('RestApiDeployment at \'s/d\': property \'accessLogDestination\' is '
      + `"\${aws_kinesis_firehose_delivery_stream.fh.arn}"; ${EXPECTED}, not the ARN of 's/fh', named "logs-x".`);
  });

  test('a stream made after the stage, on an added stage, is checked as well', () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'd', { restApi: petsApi(stack).api });
    const late = new KinesisFirehoseDeliveryStream(stack, 'late', {
      name: 'logs-late',
      destination: 'extended_s3',
      extendedS3Configuration: { bucketArn: 'arn:aws:s3:::logs', roleArn: 'arn:aws:iam::123456789012:role/firehose' },
    });
    deployment.addStage('beta', { accessLogDestination: AccessLogDestination.arn(late.arn) });

    expect(() => Testing.synth(stack, true)).toThrow('RestApiDeployment at \'s/d\': property \'addStage(beta).accessLogDestination\' is '
      + `"\${aws_kinesis_firehose_delivery_stream.late.arn}"; ${EXPECTED}, not the ARN of 's/late', named "logs-late".`);
  });

  test.each<[string, (stack: TerraformStack, arn: string) => Construct]>([
    ['Rest', (stack, arn) => new RestApiDeployment(stack, 'd', { restApi: petsApi(stack).api, stageName: 'beta', accessLogDestination: AccessLogDestination.arn(arn) })],
  ])("%s: a stream's arn without the amazon-apigateway- prefix is refused", (kind, make) => {
    const stack = newStack();
    make(stack, stream(stack, 'logs-x').arn);

    expect(() => Testing.synth(stack, true)).toThrow(`${kind}ApiDeployment at 's/d': property 'accessLogDestination' is `
      + `"\${aws_kinesis_firehose_delivery_stream.fh.arn}"; ${EXPECTED}, not the ARN of 's/fh', named "logs-x".`);
  });

  test("a data source's name too", () => {
    const stack = newStack();
    const data = new DataAwsKinesisFirehoseDeliveryStream(stack, 'fh', { name: 'logs-x' });
    new RestApiDeployment(stack, 'd', { restApi: petsApi(stack).api, accessLogDestination: AccessLogDestination.arn(data.arn) });

    expect(() => Testing.synth(stack, true)).toThrow('property \'accessLogDestination\' is "${data.aws_kinesis_firehose_delivery_stream.fh.arn}"; '
      + `${EXPECTED}, not the ARN of 's/fh', named "logs-x".`);
  });

  test('a name from a variable is taken on trust', () => {
    const stack = newStack();
    const name = new TerraformVariable(stack, 'name', { type: 'string' }).stringValue;
    new RestApiDeployment(stack, 'd', { restApi: petsApi(stack).api, accessLogDestination: AccessLogDestination.arn(stream(stack, name).arn) });

    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('a stream of another stack: recognised, and its name checked when the app is synthesized', () => {
    const synthWith = (name: string) => {
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'firehose-'));
      try {
        const app = appAt(outdir);
        const logs = stream(newStack(app, 'logs'), name);
        const stack = newStack(app, 'api');
        new RestApiDeployment(stack, 'd', { restApi: petsApi(stack).api, accessLogDestination: AccessLogDestination.arn(logs.arn) });
        expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
        app.synth();
      } finally {
        fs.rmSync(outdir, { recursive: true, force: true });
      }
    };

    expect(() => synthWith('amazon-apigateway-logs')).not.toThrow();
    expect(() => synthWith('logs-x')).toThrow('RestApiDeployment at \'api/d\': property \'accessLogDestination\' is ');
    expect(() => synthWith('logs-x')).toThrow(`${EXPECTED}, not the ARN of 'logs/fh', named "logs-x".`);
  });
});

test('a Firehose stream as the access log destination of an HTTP API is refused (HTTP APIs log to CloudWatch Logs only)', () => {
  const arn = 'arn:aws:firehose:eu-west-2:123456789012:deliverystream/amazon-apigateway-logs';
  const stack = new TerraformStack(Testing.app(), 'stack');
  expect(() => new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, accessLogDestination: AccessLogDestination.arn(arn) })).toThrow(
    `HttpApiDeployment at 'stack/deploy': property 'accessLogDestination' is "${arn}"; expected the ARN of a CloudWatch Logs log group `
    + '(or AccessLogDestination.newLogGroup()): HTTP API stages write access logs to CloudWatch Logs only (a Firehose stream takes the access logs '
    + 'of REST APIs only).');
});
