/**
 * A scratch copy of one synthesized stack where Terraform runs: `cdk.tf.json` and its assets,
 * plus an `override.tf.json` that points the AWS provider at the emulator (offline settings,
 * dummy keys) and keeps the state in the folder. The examples stay as users write them.
 * Loading a new version of the stack keeps `.terraform` and the state, as a user's next
 * `cdktf deploy` would.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { run, runWithStatus } from './commands';
import { terraformCommand, terraformEnvironment } from './harness-state';
import { TerraformPlan } from './terraform-plan';
import type { Emulator } from '../emulator/emulator';

const WORK_ROOT = path.resolve(__dirname, '..', '..', '..', 'build', 'terraform');

/** Synthesizes `app` and returns the folder of stack `stack` (cdk.tf.json and assets). */
export function synthesizeStack(buildApp: (outdir: string) => App, stack: string): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktf-out-'));
  buildApp(outdir).synth();
  return path.join(outdir, 'stacks', stack);
}

/** One Terraform working folder. */
export class TerraformWorkdir {
  readonly dir: string;
  private readonly env: NodeJS.ProcessEnv;
  /** `terraform`, or the OpenTofu binary under `TF_HARNESS_CLI=tofu`. */
  private readonly command = terraformCommand().command;

  /** A fresh folder `build/terraform/<name>` (`<name>-tofu` under OpenTofu, so both can run at once). */
  constructor(name: string, private readonly emulator: Emulator) {
    this.dir = path.join(WORK_ROOT, terraformCommand().name === 'tofu' ? `${name}-tofu` : name);
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.mkdirSync(this.dir, { recursive: true });
    this.env = terraformEnvironment();
  }

  /**
   * Replaces the configuration with the synthesized stack folder `stackDir` (keeps state and
   * `.terraform`); `variables` are given the stack's input variables, as `--var` would.
   */
  load(stackDir: string, variables: Record<string, string> = {}): this {
    for (const entry of ['cdk.tf.json', 'assets']) {
      fs.rmSync(path.join(this.dir, entry), { recursive: true, force: true });
      if (fs.existsSync(path.join(stackDir, entry))) {
        fs.cpSync(path.join(stackDir, entry), path.join(this.dir, entry), { recursive: true });
      }
    }
    const providers = Object.keys(this.config().provider ?? {});
    fs.writeFileSync(path.join(this.dir, 'override.tf.json'), JSON.stringify({
      terraform: { backend: { local: { path: 'terraform.tfstate' } } },
      provider: Object.fromEntries(providers.map((name) => [name, this.emulator.providerSettings()])),
      ...(Object.keys(variables).length > 0 ? { variable: mapValues(variables, (value) => ({ default: value })) } : {}),
    }, null, 2));
    return this;
  }

  /** The loaded `cdk.tf.json`. */
  config(): any {
    return JSON.parse(fs.readFileSync(path.join(this.dir, 'cdk.tf.json'), 'utf8'));
  }

  init(): string {
    return this.terraform(['init', '-no-color'], 'terraform init');
  }

  validate(): string {
    return this.terraform(['validate', '-no-color'], 'terraform validate');
  }

  /**
   * `terraform plan -out`, read back with `terraform show -json`. The text is what the plan command
   * printed (the same rendering `terraform show` gives, after the refresh lines).
   */
  plan(): TerraformPlan {
    const text = this.terraform(['plan', '-no-color', '-out=tfplan'], 'terraform plan');
    const json = JSON.parse(this.terraform(['show', '-json', 'tfplan'], 'terraform show -json'));
    return new TerraformPlan(json, text, this.config());
  }

  /** Applies the last saved plan; returns Terraform's log of the apply. */
  apply(): string {
    return this.terraform(['apply', '-no-color', 'tfplan'], 'terraform apply');
  }

  /** Applies the last saved plan where the apply must fail; returns what Terraform printed (its errors included). */
  applyFailing(): string {
    const result = runWithStatus(this.command, ['apply', '-no-color', 'tfplan'], {
      what: 'terraform apply (expected to fail)', cwd: this.dir, env: this.env, okExitCodes: [1],
    });
    return `${result.stdout}\n${result.stderr}`;
  }

  /** `terraform plan -detailed-exitcode`: 0 when nothing would change, 2 when something would. */
  planExitCode(): { code: number; output: string } {
    const result = runWithStatus(this.command, ['plan', '-no-color', '-detailed-exitcode'], {
      what: 'terraform plan -detailed-exitcode', cwd: this.dir, env: this.env, okExitCodes: [0, 2],
    });
    return { code: result.status, output: result.stdout };
  }

  /** `terraform providers schema -json` of the initialized folder. */
  providersSchema(): any {
    return JSON.parse(this.terraform(['providers', 'schema', '-json'], 'terraform providers schema -json'));
  }

  destroy(): string {
    return this.terraform(['destroy', '-no-color', '-auto-approve'], 'terraform destroy');
  }

  /** The attribute values of every resource in the state, by address (`terraform show -json`). */
  state(): Record<string, any> {
    const json = JSON.parse(this.terraform(['show', '-json'], 'terraform show -json'));
    return Object.fromEntries((json.values?.root_module?.resources ?? []).map((resource: any) => [resource.address, resource.values]));
  }

  private terraform(args: string[], what: string): string {
    try {
      return run(this.command, args, { what, cwd: this.dir, env: this.env });
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- emulator log (last lines) ---\n${this.emulator.log().split('\n').slice(-30).join('\n')}`);
    }
  }
}

function mapValues<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}
