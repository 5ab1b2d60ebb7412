/**
 * Synthesizing a program as `cdktf synth` does (a real `App`, `app.synth()` into a temp outdir),
 * reading what it wrote, and telling the library's errors from any other throw.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { BuiltProgram, ModelError, buildProgram } from './builder';
import { Program } from './model';

/** What synthesizing a program gave. */
export interface Synthesis {
  /** The program's constructs (undefined when building it threw). */
  readonly built?: BuiltProgram;
  /** The error thrown while building or synthesizing. */
  readonly error?: unknown;
  /** Where it threw. */
  readonly phase?: 'build' | 'synth';
  /** Each stack's `cdk.tf.json` text, by stack name. */
  readonly stacks: Readonly<Record<string, string>>;
  /** Each stack's parsed JSON, by stack name. */
  readonly json: Readonly<Record<string, any>>;
  /** `manifest.json` (stack dependencies). */
  readonly manifest?: any;
  /** The outdir, when kept for `terraform validate` (else removed). */
  readonly outdir?: string;
}

/** Options of {@link synthesizeProgram}. */
export interface SynthesizeOptions {
  /** Keep the outdir (for `terraform validate`); the caller removes it. */
  readonly keep?: boolean;
  /** Called after building and before `app.synth()` (e.g. `warningsOf`). */
  readonly beforeSynth?: (built: BuiltProgram) => void;
}

/** Builds `program` into a fresh `App` and synthesizes it; never throws (errors are returned). */
export function synthesizeProgram(program: Program, options: SynthesizeOptions = {}): Synthesis {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'user-program-'));
  let built: BuiltProgram | undefined;
  let phase: 'build' | 'synth' = 'build';
  try {
    built = buildProgram(program, new App({ outdir }));
    options.beforeSynth?.(built);
    phase = 'synth';
    built.app.synth();
  } catch (error) {
    fs.rmSync(outdir, { recursive: true, force: true });
    if (error instanceof ModelError) {
      throw error;
    }
    return { built, error, phase, stacks: {}, json: {} };
  }
  const stacks: Record<string, string> = {};
  const json: Record<string, any> = {};
  const stacksDir = path.join(outdir, 'stacks');
  for (const name of fs.existsSync(stacksDir) ? fs.readdirSync(stacksDir).sort() : []) {
    stacks[name] = fs.readFileSync(path.join(stacksDir, name, 'cdk.tf.json'), 'utf8');
    json[name] = JSON.parse(stacks[name]);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
  if (!options.keep) {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  return { built, stacks, json, manifest, outdir: options.keep ? outdir : undefined };
}

/** The library's error format (src/core/errors.ts): `<ClassName> at '<path>': property '<name>' is <value>; expected <what>.` */
export const LIBRARY_ERROR = /(\w+) at '([^']*)': property '([^']*)' is ([\s\S]*?); expected ([\s\S]*?)\./;

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Object && 'message' in error ? String((error as Error).message) : String(error);
}

/** What a rejection's error must not be: each problem's short form is used to group failures. */
export const REJECTION_PROBLEMS = {
  notError: 'threw something that is not an Error',
  typeError: 'threw a TypeError or RangeError',
  format: "the message is not in the library's format `<ClassName> at '<path>': property '<name>' is <value>; expected <what>.`",
  token: 'the message shows an unresolved token (TfToken[...])',
  doubled: "the message says 'Resolution error:' twice",
} as const;

/**
 * Why `error` is not an acceptable rejection (undefined when it is): it must be an `Error` (not a
 * `TypeError` or `RangeError`) in the library's format, with no `TfToken[` and no doubled
 * `Resolution error:`; with `properties`, the property it names must contain one of them.
 */
export function rejectionProblem(error: unknown, properties?: readonly string[]): string | undefined {
  const isError = Object.prototype.toString.call(error) === '[object Error]' || error instanceof Error;
  if (!isError) {
    return REJECTION_PROBLEMS.notError;
  }
  const name = [(error as Error).name, (error as Error).constructor?.name];
  if (name.includes('TypeError') || name.includes('RangeError')) {
    return REJECTION_PROBLEMS.typeError;
  }
  const message = messageOf(error);
  const match = LIBRARY_ERROR.exec(message);
  if (match === null) {
    return REJECTION_PROBLEMS.format;
  }
  if (message.includes('TfToken[')) {
    return REJECTION_PROBLEMS.token;
  }
  if (message.split('Resolution error:').length > 2) {
    return REJECTION_PROBLEMS.doubled;
  }
  if (properties !== undefined && !properties.some((property) => match[3].includes(property))) {
    return `the error names property '${match[3]}', expected one naming ${properties.map((property) => `'${property}'`).join(' or ')}`;
  }
  return undefined;
}
