import { createHash } from 'crypto';

/** How deep a document may nest before it is refused instead of overflowing the stack. */
export const MAX_NESTING_DEPTH = 512;

/** Raised when a value nests deeper than `MAX_NESTING_DEPTH`. */
export class NestingTooDeepError extends Error {
  constructor() {
    super(`nests deeper than ${MAX_NESTING_DEPTH} levels`);
  }
}

/**
 * JSON with object keys sorted at every level, so that two values that mean the same
 * produce the same text whatever order their keys were written in. `undefined`
 * members are dropped, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  return write(value, 0);
}

function write(value: unknown, depth: number): string {
  if (depth > MAX_NESTING_DEPTH) {
    throw new NestingTooDeepError();
  }
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => write(item, depth + 1)).join(',')}]`;
  }
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${write(record[key], depth + 1)}`);
  return `{${members.join(',')}}`;
}

/** Ordinal string comparison, the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Length of a digest in hex characters: 128 bits, plenty to notice any change. */
const DIGEST_LENGTH = 32;

/** A short SHA-256 digest of a text, as hex. */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, DIGEST_LENGTH);
}

/** The digest of a value's canonical JSON. */
export function canonicalDigest(value: unknown): string {
  return digest(canonicalJson(value));
}
