/**
 * The supervisor: runs the oracle in a child process (child.ts), one program at a time, and
 * stops it when a program takes longer than the timeout. The library's code runs synchronously,
 * so a program that makes it loop (or grow without end) would otherwise hang the whole run
 * without a word; here it becomes a failure naming the phase it hung in ("calling
 * HttpApiDeployment.warningsOf"), and the next program gets a fresh process.
 */
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { Failure } from './checks';
import { Program } from './model';
import { Mutation } from './mutations';
import { CheckedProgram, FRESH_APP } from './oracle';
import { FLAVOUR_NODE_ARGS } from '../support/flavour';

/** Options of one check. */
export interface SupervisedCheckOptions {
  readonly keep?: boolean;
  readonly mutation?: Mutation | null;
  /** @default the supervisor's timeout */
  readonly timeoutMillis?: number;
}

interface Pending {
  readonly id: number;
  readonly program: Program;
  readonly resolve: (result: CheckedProgram) => void;
  readonly reject: (error: Error) => void;
  phase: string;
  timer?: NodeJS.Timeout;
}

/** The oracle's process; `check` programs one at a time, `stop` at the end. */
export class OracleProcess {
  /** How often the process was started (1 + the programs that hung). */
  starts = 0;
  private child?: ChildProcess;
  private pending?: Pending;
  private nextId = 0;
  private answers = '';
  private output: string[] = [];
  private ready: Promise<void> = Promise.resolve();
  private onReady?: () => void;

  /** @param timeoutMillis how long one program may take */
  constructor(private readonly timeoutMillis = 10_000) {}

  /** Runs the oracle on `program` (checks 1, 2, 4-11); a program that takes too long gets a failure saying where it hung. */
  async check(program: Program, options: SupervisedCheckOptions = {}): Promise<CheckedProgram> {
    if (this.pending !== undefined) {
      throw new Error('OracleProcess.check: one program at a time');
    }
    const child = this.child ?? this.start();
    await this.ready;
    const timeout = options.timeoutMillis ?? this.timeoutMillis;
    return new Promise<CheckedProgram>((resolve, reject) => {
      const pending: Pending = { id: this.nextId++, program, resolve, reject, phase: 'starting' };
      this.pending = pending;
      pending.timer = setTimeout(() => this.hung(pending, timeout), timeout);
      child.stdin!.write(`${JSON.stringify({ id: pending.id, program, options: { keep: options.keep, mutation: options.mutation } })}\n`);
    });
  }

  /** Stops the process. */
  stop(): void {
    this.child?.kill('SIGKILL');
    this.child = undefined;
  }

  private start(): ChildProcess {
    this.starts++;
    const child = spawn(process.execPath, [...FLAVOUR_NODE_ARGS, '-r', require.resolve('ts-node/register/transpile-only'), path.join(__dirname, 'child.ts')], {
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      env: { ...process.env, TS_NODE_PROJECT: path.resolve(__dirname, '..', 'tsconfig.json') },
    });
    this.answers = '';
    this.output = [];
    this.ready = new Promise<void>((resolve, reject) => {
      const fail = (why: string) => reject(new Error(`the oracle's process ${why}:\n${this.output.join('\n')}`));
      const timer = setTimeout(() => fail('did not start in 120 s'), 120_000);
      this.onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        fail(`ended (${signal ?? code}) before it was ready`);
      });
    });
    this.ready.catch(() => undefined); // check() awaits it; no unhandled rejection when nobody does
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString().split('\n'));
      this.output = this.output.slice(-40);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => this.receive(chunk.toString()));
    child.on('exit', (code, signal) => {
      if (this.child === child) {
        this.child = undefined;
        const pending = this.pending;
        if (pending !== undefined) {
          this.finish(pending);
          pending.reject(new Error(`the oracle's process ended (${signal ?? code}) while ${pending.phase} program ${pending.program.seed}/${pending.program.index}:\n${this.output.join('\n')}`));
        }
      }
    });
    this.child = child;
    return child;
  }

  private receive(text: string): void {
    this.answers += text;
    let newline = this.answers.indexOf('\n');
    while (newline !== -1) {
      const message = JSON.parse(this.answers.slice(0, newline));
      this.answers = this.answers.slice(newline + 1);
      newline = this.answers.indexOf('\n');
      if (message.ready) {
        this.onReady?.();
        continue;
      }
      const pending = this.pending;
      if (pending === undefined || message.id !== pending.id) {
        continue;
      }
      if (message.phase !== undefined) {
        pending.phase = message.phase;
      } else if (message.result !== undefined) {
        this.finish(pending);
        pending.resolve(message.result);
      } else {
        this.finish(pending);
        pending.reject(new Error(`the oracle failed on program ${pending.program.seed}/${pending.program.index}: ${message.error}`));
      }
    }
  }

  private finish(pending: Pending): void {
    clearTimeout(pending.timer);
    this.pending = undefined;
  }

  private hung(pending: Pending, timeout: number): void {
    this.finish(pending);
    this.stop();
    pending.resolve({
      program: pending.program, outcome: 'rejected', failures: [hangFailure(pending.phase, timeout)], stacks: [], millis: timeout,
    });
  }
}

/** The failure of a program that did not finish `phase` within `timeout` ms. */
export function hangFailure(phase: string, timeout: number): Failure {
  const seconds = Math.round(timeout / 1000);
  const warnings = /calling (\w+)\.warningsOf/.exec(phase);
  const check = warnings ? 'warnings' : phase.includes('mutated') ? 'triggers' : phase.includes('third') || phase.includes('after warningsOf') ? 'determinism' : 'synth';
  const repro = warnings
    ? `${FRESH_APP}\n${warnings[1]}.warningsOf(app); // does not return`
    : phase.includes('after warningsOf')
      ? 'synth(false, (app) => [RestApiDeployment, HttpApiDeployment, WebSocketApiDeployment].forEach((kind) => kind.warningsOf(app))); // does not return'
      : `synth(${phase.includes('mutated')}); // does not return`;
  return {
    check,
    kind: `hangs while ${phase}`,
    message: `the oracle's process gave no answer in ${seconds} s while ${phase}, and was stopped`,
    repro,
  };
}
