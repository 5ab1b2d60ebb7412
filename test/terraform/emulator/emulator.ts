/**
 * moto's server as the AWS the scenarios apply against: started on 127.0.0.1 on a free port
 * from the project's Python environment (`.venv`, prepared by `npm run test:terraform`), with
 * the patches in `moto_server.py`, and stopped at the end of each test file.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { HarnessError } from '../support/commands';

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..');
export const VENV_PYTHON = path.join(REPOSITORY_ROOT, '.venv', 'bin', 'python');
/** The region every scenario's provider uses (the examples' own). */
export const EMULATED_REGION = 'eu-west-2';

/** The services the provider is pointed at; every other endpoint stays unreachable. */
const EMULATED_SERVICES = ['apigateway', 'apigatewayv2', 'cloudwatch', 'cloudwatchlogs', 'iam', 'kms', 'lambda', 'sts', 'wafv2'];

/** The API Gateway operations a scenario can make fail once (moto_faults.py, FAULTABLE_OPERATIONS). */
export type FaultableOperation = 'update_stage' | 'put_integration' | 'create_deployment';

/** A running emulator. */
export class Emulator {
  /** Starts moto's server and waits until it answers. */
  static async start(): Promise<Emulator> {
    if (!fs.existsSync(VENV_PYTHON)) {
      throw new HarnessError(`${VENV_PYTHON} is missing: run \`npm run test:terraform\`, which installs moto into .venv (test/terraform/emulator/requirements.txt).`);
    }
    const port = await freePort();
    const faultsFile = path.join(os.tmpdir(), `cdktf-agd-emulator-faults-${port}.json`);
    fs.rmSync(faultsFile, { force: true });
    const server = spawn(VENV_PYTHON, [path.join(__dirname, 'moto_server.py'), String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // AWS managed policies (AWSLambdaBasicExecutionRole, ...) exist only when moto loads them.
      env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true', MOTO_FAULTS_FILE: faultsFile },
    });
    const output: string[] = [];
    server.stdout!.on('data', (chunk) => output.push(String(chunk)));
    server.stderr!.on('data', (chunk) => output.push(String(chunk)));
    const emulator = new Emulator(server, port, output, faultsFile);
    await emulator.waitUntilReady();
    return emulator;
  }

  /** The emulator's base URL. */
  readonly endpoint: string;
  private client?: APIGatewayClient;
  private cloudWatchClient?: CloudWatchClient;
  private v2Client?: ApiGatewayV2Client;

  private constructor(
    private readonly server: ChildProcess,
    readonly port: number,
    private readonly output: string[],
    private readonly faultsFile: string,
  ) {
    this.endpoint = `http://127.0.0.1:${port}`;
  }

  /** The provider settings that point Terraform at the emulator, offline (dummy keys, no checks). */
  providerSettings(): Record<string, unknown> {
    return {
      region: EMULATED_REGION,
      access_key: 'emulated',
      secret_key: 'emulated',
      skip_credentials_validation: true,
      skip_requesting_account_id: true,
      skip_metadata_api_check: true,
      skip_region_validation: true,
      // An operation the emulator lacks fails in seconds instead of being retried for minutes.
      max_retries: 2,
      endpoints: [Object.fromEntries(EMULATED_SERVICES.map((service) => [service, this.endpoint]))],
    };
  }

  /** An AWS SDK client for reading the emulated API Gateway state back. */
  apiGateway(): APIGatewayClient {
    this.client ??= new APIGatewayClient({
      region: EMULATED_REGION,
      endpoint: this.endpoint,
      credentials: { accessKeyId: 'emulated', secretAccessKey: 'emulated' },
    });
    return this.client;
  }

  /** An AWS SDK client for reading the emulated API Gateway v2 (HTTP and WebSocket APIs) back. */
  apiGatewayV2(): ApiGatewayV2Client {
    this.v2Client ??= new ApiGatewayV2Client({
      region: EMULATED_REGION,
      endpoint: this.endpoint,
      credentials: { accessKeyId: 'emulated', secretAccessKey: 'emulated' },
    });
    return this.v2Client;
  }

  /** An AWS SDK client for reading the emulated CloudWatch alarms and dashboards back. */
  cloudWatch(): CloudWatchClient {
    this.cloudWatchClient ??= new CloudWatchClient({
      region: EMULATED_REGION,
      endpoint: this.endpoint,
      credentials: { accessKeyId: 'emulated', secretAccessKey: 'emulated' },
    });
    return this.cloudWatchClient;
  }

  /**
   * Makes the next call of an API Gateway operation fail with a 400 the provider does not retry
   * (moto_faults.py), once; the calls after it work.
   */
  failNext(operation: FaultableOperation): void {
    const faults = fs.existsSync(this.faultsFile) ? JSON.parse(fs.readFileSync(this.faultsFile, 'utf8')) : {};
    faults[operation] = (faults[operation] ?? 0) + 1;
    fs.writeFileSync(this.faultsFile, JSON.stringify(faults));
  }

  /** What the server printed: requests and errors, for a failed scenario's message. */
  log(): string {
    return this.output.join('');
  }

  /** Stops the server (also when a test failed). */
  async stop(): Promise<void> {
    this.client?.destroy();
    this.cloudWatchClient?.destroy();
    this.v2Client?.destroy();
    fs.rmSync(this.faultsFile, { force: true });
    if (this.server.exitCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => this.server.once('exit', resolve));
    this.server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    if (this.server.exitCode === null) {
      this.server.kill('SIGKILL');
    }
  }

  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.server.exitCode !== null) {
        throw new HarnessError(`moto's server exited with ${this.server.exitCode}:\n${this.log()}`);
      }
      try {
        const response = await fetch(`${this.endpoint}/moto-api/`);
        if (response.ok) {
          return;
        }
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await this.stop();
    throw new HarnessError(`moto's server did not answer on ${this.endpoint} within 30 s:\n${this.log()}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const port = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts an emulator before the tests of the calling file and stops it after them (also when
 * one fails); returns a function that gives the running emulator.
 */
export function emulatorForThisFile(): () => Emulator {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await Emulator.start();
  });
  afterAll(() => emulator?.stop());
  return () => {
    if (!emulator) {
      throw new HarnessError('the emulator is not running: call emulatorForThisFile() at the top of the test file');
    }
    return emulator;
  };
}
