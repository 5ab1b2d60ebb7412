import * as crypto from 'crypto';

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
export function canonicalJson(value: unknown, omitTopLevel?: (key: string) => boolean): string {
  return write(value, 0, omitTopLevel);
}

function write(value: unknown, depth: number, omit?: (key: string) => boolean): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value) ?? 'null';
  }
  if (depth > MAX_NESTING_DEPTH) {
    throw new NestingTooDeepError();
  }
  // Built by concatenation, without intermediate arrays: this runs over every block of an API.
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index++) {
      text += (index === 0 ? '' : ',') + write(value[index], depth + 1);
    }
    return text + ']';
  }
  const record = value as Record<string, unknown>;
  let text = '{';
  // The default sort orders by UTF-16 code units, as `compare` does.
  for (const key of Object.keys(record).sort()) {
    const member = record[key];
    if (member !== undefined && !omit?.(key)) {
      text += (text.length === 1 ? '' : ',') + JSON.stringify(key) + ':' + write(member, depth + 1);
    }
  }
  return text + '}';
}

/** Ordinal string comparison, the same on every machine and locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Length of a digest in hex characters: 128 bits, plenty to notice any change. */
const DIGEST_LENGTH = 32;

/** A short SHA-256 digest of a text, as hex. */
export function digest(text: string): string {
  return sha256Hex(text).slice(0, DIGEST_LENGTH);
}

type OneShotHash = (algorithm: string, data: string, outputEncoding: 'hex') => string;

/** `crypto.hash` (Node 20.12+) is about three times faster than a Hash object for short texts. */
const oneShotHash = (crypto as unknown as { hash?: OneShotHash }).hash;

/** The SHA-256 of a text, in hex. */
export function sha256Hex(text: string): string {
  return oneShotHash
    ? oneShotHash('sha256', text, 'hex')
    : crypto.createHash('sha256').update(text).digest('hex');
}

/** The digest of a value's canonical JSON (without the top-level keys `omitTopLevel` says). */
export function canonicalDigest(value: unknown, omitTopLevel?: (key: string) => boolean): string {
  return digest(canonicalJson(value, omitTopLevel));
}
