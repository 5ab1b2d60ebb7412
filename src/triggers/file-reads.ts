import { closingBrace, closingDelimiter, closingQuote, dynamicIterators, forBoundNames } from './terraform-references';

/**
 * Terraform functions whose value depends on files read at plan time: the configuration's text
 * (`file("openapi.json")`) stays the same when the file changes, so its digest cannot see it.
 */
const FILE_FUNCTIONS = new Set([
  'file', 'filebase64', 'templatefile', 'fileset', 'fileexists',
  'filemd5', 'filesha1', 'filesha256', 'filesha512', 'filebase64sha256', 'filebase64sha512',
]);
const CALL = /(?<![A-Za-z0-9_.-])(file[a-z0-9]*|templatefile)\s*\(/g;
const QUICK_TEST = /(?:file[a-z0-9]*|templatefile)\s*\(/;
/** A root that only exists inside the resource that uses it: a call using one cannot be evaluated elsewhere. */
const LOCAL_ONLY = /(?<![A-Za-z0-9_.\-"/])(?:each|count|self)\.[A-Za-z_]/;

/** The file reads of one resource's configuration. */
export interface FileReads {
  /** The calls, as Terraform expressions (`file("openapi.json")`), sorted and unique. */
  readonly calls: readonly string[];
  /** Whether every call can be evaluated outside the resource (none uses `each`, `count` or `self`). */
  readonly evaluable: boolean;
}

/**
 * The calls of file-reading functions in the template strings of a resolved configuration,
 * nested anywhere in it; undefined when there is none.
 *
 * @param omitTopLevel the top-level keys whose values are left out
 */
export function fileReadsIn(config: Record<string, unknown>, omitTopLevel: (key: string) => boolean): FileReads | undefined {
  const found = new Map<string, boolean>();
  for (const key of Object.keys(config)) {
    if (!omitTopLevel(key)) {
      collectEntry(key, config[key], found, []);
    }
  }
  if (found.size === 0) {
    return undefined;
  }
  const calls = [...found.keys()].sort();
  return { calls, evaluable: [...found.values()].every((evaluable) => evaluable) };
}

/**
 * Adds the calls of `value` to `found`, each with whether it can be evaluated outside the resource:
 * not when it uses `each`, `count`, `self`, a name a `for` of its template binds, or the iterator of
 * a dynamic block around it (`bound`).
 */
function collect(value: unknown, found: Map<string, boolean>, bound: readonly string[]): void {
  if (typeof value === 'string') {
    if ((value.includes('${') || value.includes('%{')) && QUICK_TEST.test(value)) {
      const calls = new Set<string>();
      callsInTemplate(value, calls);
      const names = [...bound, ...forBoundNames(value)];
      calls.forEach((call) => found.set(call, (found.get(call) ?? true) && !LOCAL_ONLY.test(call) && !names.some((name) => usesName(call, name))));
    }
  } else if (Array.isArray(value)) {
    value.forEach((item) => collect(item, found, bound));
  } else if (value !== null && typeof value === 'object') {
    Object.entries(value).forEach(([key, item]) => collectEntry(key, item, found, bound));
  }
}

/** One entry of a block: the blocks of a `dynamic` entry bind their iterator inside them. */
function collectEntry(key: string, value: unknown, found: Map<string, boolean>, bound: readonly string[]): void {
  if (key === 'dynamic' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    Object.entries(value).forEach(([label, block]) => collect(block, found, [...bound, ...dynamicIterators(label, block)]));
  } else {
    collect(value, found, bound);
  }
}

/** Whether `call` uses `name` as a variable (not inside a longer name, an attribute or a path). */
function usesName(call: string, name: string): boolean {
  return new RegExp(`(?<![A-Za-z0-9_.\\-"/])${name.replace(/[-]/g, '\\-')}(?![A-Za-z0-9_-])`).test(call);
}

/** The calls in every `${...}` and `%{...}` of a template string (escaped `$${`, `%%{` are text). */
function callsInTemplate(text: string, found: Set<string>): void {
  let index = 0;
  while (index < text.length - 1) {
    const char = text[index];
    if ((char === '$' || char === '%') && text[index + 1] === char && text[index + 2] === '{') {
      index += 3;
    } else if ((char === '$' || char === '%') && text[index + 1] === '{') {
      const end = closingBrace(text, index + 2);
      callsInCode(text.slice(index + 2, end), found);
      index = end + 1;
    } else {
      index++;
    }
  }
}

/** The calls in expression code: outside its string literals, and in the templates inside them. */
function callsInCode(code: string, found: Set<string>): void {
  let index = 0;
  while (index < code.length) {
    const quote = code.indexOf('"', index);
    const end = quote < 0 ? code.length : quote;
    callsOutsideStrings(code, index, end, found);
    if (quote < 0) {
      return;
    }
    const close = closingQuote(code, quote + 1);
    callsInTemplate(code.slice(quote + 1, close), found);
    index = close + 1;
  }
}

function callsOutsideStrings(code: string, start: number, end: number, found: Set<string>): void {
  CALL.lastIndex = start;
  let match: RegExpExecArray | null;
  while ((match = CALL.exec(code)) !== null && match.index < end) {
    if (!FILE_FUNCTIONS.has(match[1])) {
      continue;
    }
    const close = Math.min(closingDelimiter(code, match.index + match[0].length, '(', ')'), code.length - 1);
    found.add(code.slice(match.index, close + 1));
    // The rest of the code after the call is scanned by the caller's loop from its next quote on.
    CALL.lastIndex = close + 1;
  }
}
