/**
 * Check 3, batched: `terraform validate` of many synthesized stacks at once. Terraform is slow to
 * start (it loads the provider's schema), so the stacks are copied into one folder as child
 * modules of one root module (`module "p12_stack1" { source = "./p12_stack1" }`), `terraform init`
 * runs once and `terraform validate -json` once, and each diagnostic is mapped back to its
 * program by its file's folder. Each copy loses what a child module cannot have or what would
 * make the call need arguments: its `terraform.backend`, and a missing `default` of a variable
 * (`null`). Its `provider` blocks move to the root (all are `{ region: "eu-west-2" }`): a child
 * module's own provider configuration would start one provider process per module.
 */
import * as fs from 'fs';
import * as path from 'path';
import { run, runWithStatus } from '../terraform/support/commands';
import { harnessState, terraformEnvironment } from '../terraform/support/harness-state';

/** One synthesized stack of one program. */
export interface StackToValidate {
  readonly program: number;
  readonly stack: string;
  /** The synthesized stack's folder (`cdktf.out/stacks/<stack>`). */
  readonly dir: string;
}

/** One diagnostic of `terraform validate -json`. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  readonly detail?: string;
  readonly range?: { readonly filename: string; readonly start: { readonly line: number } };
  readonly snippet?: { readonly context?: string; readonly code?: string };
}

/** What a batch found, and how long it took. */
export interface BatchResult {
  /** The diagnostics of each program (by index), with the stack they are in. */
  readonly byProgram: ReadonlyMap<number, ReadonlyArray<Diagnostic & { readonly stack: string }>>;
  /** Diagnostics no file of a program's stack is named in. */
  readonly unattributed: readonly Diagnostic[];
  readonly stacks: number;
  readonly initMillis: number;
  readonly validateMillis: number;
}

/** The folder name of a stack copy. */
export function moduleName(program: number, stack: string): string {
  return `p${program}_${stack.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/**
 * Validates `stacks` in a fresh `workDir` (removed first): all as child modules of one root, but a
 * stack with `import` blocks (which Terraform allows in the root module only) as a root of its own.
 */
export function validateBatch(stacks: readonly StackToValidate[], workDir: string): BatchResult {
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  const rootOnly = stacks.filter((stack) => readStack(stack).import !== undefined);
  const batched = stacks.filter((stack) => !rootOnly.includes(stack));
  const results = [validateAsModules(batched, path.join(workDir, 'batch'))];
  for (const stack of rootOnly) {
    results.push(validateAsRoot(stack, path.join(workDir, `${moduleName(stack.program, stack.stack)}-root`)));
  }
  const byProgram = new Map<number, Array<Diagnostic & { stack: string }>>();
  for (const [program, diagnostics] of results.flatMap((result) => [...result.byProgram])) {
    byProgram.set(program, [...byProgram.get(program) ?? [], ...diagnostics]);
  }
  return {
    byProgram,
    unattributed: results.flatMap((result) => result.unattributed),
    stacks: stacks.length,
    initMillis: results.reduce((sum, result) => sum + result.initMillis, 0),
    validateMillis: results.reduce((sum, result) => sum + result.validateMillis, 0),
  };
}

function readStack(stack: StackToValidate): any {
  return JSON.parse(fs.readFileSync(path.join(stack.dir, 'cdk.tf.json'), 'utf8'));
}

/** A stack's copy in `target` without its backend (and its assets beside it). */
function copyStack(stack: StackToValidate, target: string, adapt: (json: any) => void): void {
  fs.mkdirSync(target, { recursive: true });
  if (fs.existsSync(path.join(stack.dir, 'assets'))) {
    fs.cpSync(path.join(stack.dir, 'assets'), path.join(target, 'assets'), { recursive: true });
  }
  const json = readStack(stack);
  delete json.terraform?.backend;
  adapt(json);
  fs.writeFileSync(path.join(target, 'cdk.tf.json'), JSON.stringify(json, null, 2));
}

function validateAsModules(stacks: readonly StackToValidate[], workDir: string): BatchResult {
  const { providerVersion } = harnessState();
  fs.mkdirSync(workDir, { recursive: true });
  const modules: Record<string, { source: string }> = {};
  const owners = new Map<string, StackToValidate>();
  const providers: unknown[] = [];
  for (const stack of stacks) {
    const name = moduleName(stack.program, stack.stack);
    copyStack(stack, path.join(workDir, name), (json) => {
      for (const variable of Object.values<any>(json.variable ?? {})) {
        if (!('default' in variable)) {
          variable.default = null;
        }
      }
      for (const configuration of [json.provider?.aws ?? []].flat()) {
        if (!providers.some((known) => JSON.stringify(known) === JSON.stringify(configuration))) {
          providers.push(configuration);
        }
      }
      delete json.provider;
    });
    modules[name] = { source: `./${name}` };
    owners.set(name, stack);
  }
  if (providers.length > 1) {
    throw new Error(`validate-batch: the stacks configure the AWS provider in ${providers.length} ways (${JSON.stringify(providers)}); the root module can hold one`);
  }
  fs.writeFileSync(path.join(workDir, 'main.tf.json'), JSON.stringify({
    terraform: { required_providers: { aws: { source: 'aws', version: providerVersion } } },
    provider: { aws: providers.length === 0 ? [{}] : providers },
    module: modules,
  }, null, 2));
  const { diagnostics, initMillis, validateMillis } = validateFolder(workDir, `${stacks.length} stacks`);
  const byProgram = new Map<number, Array<Diagnostic & { stack: string }>>();
  const unattributed: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const owner = diagnostic.range ? owners.get(diagnostic.range.filename.split(/[\\/]/)[0]) : undefined;
    if (owner === undefined) {
      unattributed.push(diagnostic);
    } else {
      byProgram.set(owner.program, [...byProgram.get(owner.program) ?? [], { ...diagnostic, stack: owner.stack }]);
    }
  }
  return { byProgram, unattributed, stacks: stacks.length, initMillis, validateMillis };
}

function validateAsRoot(stack: StackToValidate, workDir: string): BatchResult {
  copyStack(stack, workDir, () => undefined);
  const { diagnostics, initMillis, validateMillis } = validateFolder(workDir, `the stack ${stack.stack}`);
  const attributed = diagnostics.map((diagnostic) => ({ ...diagnostic, stack: stack.stack }));
  const byProgram = new Map(attributed.length > 0 ? [[stack.program, attributed]] : []);
  return { byProgram, unattributed: [], stacks: 1, initMillis, validateMillis };
}

/** `terraform init` and `terraform validate -json` in `dir`. */
function validateFolder(dir: string, what: string): { diagnostics: Diagnostic[]; initMillis: number; validateMillis: number } {
  const env = terraformEnvironment();
  const started = Date.now();
  run('terraform', ['init', '-backend=false', '-input=false', '-no-color'], { what: `terraform init of ${what}`, cwd: dir, env });
  const initialized = Date.now();
  const result = runWithStatus('terraform', ['validate', '-json', '-no-color'], {
    what: `terraform validate of ${what}`, cwd: dir, env, okExitCodes: [0, 1],
  });
  return { diagnostics: JSON.parse(result.stdout).diagnostics ?? [], initMillis: initialized - started, validateMillis: Date.now() - initialized };
}
