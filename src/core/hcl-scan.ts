/** Reading the HCL expressions cdktf renders: where a bracket closes, the arguments of a call. */

/**
 * A call of a function, whole (`join(",", x)`, not `split(",", x)[0]`): its name, the expressions of its
 * arguments, and whether the last is expanded (`concat(lists...)`).
 */
export function callOf(expression: string): { readonly name: string; readonly args: readonly string[]; readonly expands: boolean } | undefined {
  const name = /^([a-z][a-z0-9_]*)\(/.exec(expression)?.[1];
  if (name === undefined) {
    return undefined;
  }
  const scanned = scan(expression, name.length);
  if (scanned === undefined || scanned.end !== expression.length - 1) {
    return undefined;
  }
  const args = partsOf(expression, scanned);
  return { name, args: args.filter((arg) => arg !== ''), expands: args.some((arg) => arg.endsWith('...')) };
}

/** Whether the bracket or quote `expression` starts with closes at its end (`[a, b]`, not `[a, b][0]`). */
export function closesAtEnd(expression: string): boolean {
  return scan(expression, 0)?.end === expression.length - 1;
}

/** The parts between the brackets `scan` found, split at their commas, trimmed. */
export function partsOf(text: string, scanned: { readonly start: number; readonly end: number; readonly commas: readonly number[] }): string[] {
  const bounds = [scanned.start, ...scanned.commas, scanned.end];
  return bounds.slice(1).map((end, index) => text.slice(bounds[index] + 1, end).trim());
}

const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/**
 * The bracket that closes the one at `open` in an HCL expression, and the commas directly inside it,
 * past quoted strings and their interpolations; undefined when it is not closed.
 */
export function scan(text: string, open: number): { start: number; end: number; commas: number[] } | undefined {
  const expected: string[] = [];
  const commas: number[] = [];
  for (let index = open; index < text.length; index++) {
    const char = text[index];
    if (expected[expected.length - 1] === '"') {
      if (char === '\\' || text.startsWith('$${', index) || text.startsWith('%%{', index)) {
        index += char === '\\' ? 1 : 2;
      } else if (char === '"') {
        expected.pop();
        if (expected.length === 0) {
          return { start: open, end: index, commas };
        }
      } else if ((char === '$' || char === '%') && text[index + 1] === '{') {
        expected.push('}');
        index++;
      }
    } else if (char === '"') {
      expected.push('"');
    } else if (CLOSERS[char] !== undefined) {
      expected.push(CLOSERS[char]);
    } else if (char === ')' || char === ']' || char === '}') {
      if (expected.pop() !== char) {
        return undefined;
      }
      if (expected.length === 0) {
        return { start: open, end: index, commas };
      }
    } else if (char === ',' && expected.length === 1) {
      commas.push(index);
    }
    if (index === open && expected.length === 0) {
      return undefined;
    }
  }
  return undefined;
}
