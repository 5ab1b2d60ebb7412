/** Running the harness's external commands with errors that say what to do. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** A failure of the harness itself (a missing tool, a failed build), not of a test's assertion. */
export class HarnessError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HarnessError';
  }
}

/** Fails with `advice` when `command` is not an executable file in a folder of PATH. */
export function commandOnPath(command: string, advice: string): void {
  const found = (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return fs.statSync(path.join(dir, command)).isFile();
    } catch {
      return false;
    }
  });
  if (!found) {
    throw new HarnessError(`'${command}' was not found on PATH. ${advice}`);
  }
}

/** Options of {@link run}. */
export interface RunOptions {
  /** What the command does, for the error message. */
  readonly what: string;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** @default 10 minutes */
  readonly timeoutMs?: number;
  /** Exit codes that are not failures. @default [0] */
  readonly okExitCodes?: number[];
}

/** The result of {@link run}. */
export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/** Runs a command; returns its standard output, or throws with its output when it fails. */
export function run(command: string, args: string[], options: RunOptions): string {
  return runWithStatus(command, args, options).stdout;
}

/** Runs a command; returns its output and exit code, or throws when the code is not an accepted one. */
export function runWithStatus(command: string, args: string[], options: RunOptions): RunResult {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: options.timeoutMs ?? 10 * 60_000,
  });
  if (result.error) {
    throw new HarnessError(`${options.what}: ${command} could not run: ${result.error.message}`);
  }
  const status = result.status ?? -1;
  if (!(options.okExitCodes ?? [0]).includes(status)) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-60).join('\n');
    throw new HarnessError(`${options.what} failed: \`${command} ${args.join(' ')}\` exited with ${status}${result.signal ? ` (${result.signal})` : ''}${options.cwd ? ` in ${options.cwd}` : ''}:\n${output}`);
  }
  return { stdout: result.stdout, stderr: result.stderr, status };
}
