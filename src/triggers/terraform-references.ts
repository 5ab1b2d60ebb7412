/**
 * Finds the Terraform references (`aws_lambda_function.fn.invoke_arn`, `data.x.y.z`,
 * `var.name`, `local.name`, `module.m.out`) inside synthesized configuration values, so
 * that values only known at plan or apply time can take part in the redeploy triggers.
 */

/** Roots that only exist inside the resource that uses them; they cannot be referenced from elsewhere. */
const LOCAL_ONLY_ROOTS = new Set(['each', 'count', 'self', 'path', 'terraform']);

const IDENTIFIER = '[A-Za-z_][A-Za-z0-9_-]*';
/** Resource types always carry their provider prefix: `aws_lambda_function`, `random_id`. */
const RESOURCE_TYPE = '[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_-]*';
const ROOT = `(?:data\\.${IDENTIFIER}\\.${IDENTIFIER}|module\\.${IDENTIFIER}|var\\.${IDENTIFIER}|local\\.${IDENTIFIER}|${RESOURCE_TYPE}\\.${IDENTIFIER})`;
const STRING_LITERAL = '"(?:[^"\\\\]|\\\\.)*"';

/**
 * Either a string literal (matched so that it is skipped) or a traversal root that is
 * not itself the attribute of something else (`foo.aws_x.y`, `f().aws_x.y`).
 */
const SCANNER = new RegExp(`${STRING_LITERAL}|(?<![A-Za-z0-9_.\\])-])(${ROOT})`, 'g');
const ATTRIBUTE_STEP = new RegExp(`^(?:\\.${IDENTIFIER}|\\.\\*|\\[\\*\\]|\\[\\d+\\]|\\[${STRING_LITERAL}\\])`);

/** The marker put where a reference indexes with a value known only inside its resource (`[count.index]`). */
export const ANY_INSTANCE = '[*]';

/**
 * All references in a resolved value (strings nested anywhere in objects and arrays),
 * unique and sorted. An index that is not a literal (`aws_x.y[count.index].arn`) is
 * replaced by `ANY_INSTANCE`.
 */
export function findReferences(value: unknown): string[] {
  const found = new Set<string>();
  visitStrings(value, (text) => {
    if (text.includes('${') || text.includes('%{')) {
      for (const code of templateExpressions(text)) {
        for (const reference of referencesInExpression(code)) {
          found.add(reference);
        }
      }
    }
  });
  return [...found].sort();
}

/** True when a string holds at least one Terraform interpolation or directive. */
export function hasInterpolation(text: string): boolean {
  return templateExpressions(text).length > 0;
}

function visitStrings(value: unknown, visit: (text: string) => void): void {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      visit(item);
    } else if (Array.isArray(item)) {
      pending.push(...item);
    } else if (item !== null && typeof item === 'object') {
      pending.push(...Object.values(item));
    }
  }
}

/**
 * The code of every `${...}` and `%{...}` in a template string, including templates
 * nested in the string literals of those expressions. Escaped `$${` and `%%{` are text.
 */
function templateExpressions(text: string): string[] {
  const expressions: string[] = [];
  let index = 0;
  while (index < text.length - 1) {
    const char = text[index];
    if ((char === '$' || char === '%') && text[index + 1] === char && text[index + 2] === '{') {
      index += 3;
      continue;
    }
    if ((char === '$' || char === '%') && text[index + 1] === '{') {
      const end = closingBrace(text, index + 2);
      const code = text.slice(index + 2, end);
      expressions.push(stripNestedTemplates(code, expressions));
      index = end + 1;
      continue;
    }
    index++;
  }
  return expressions;
}

/**
 * Index of the `}` that closes an expression starting at `start`, skipping string
 * literals and nested braces; the text's length when it is never closed.
 */
function closingBrace(text: string, start: number): number {
  let depth = 0;
  let index = start;
  while (index < text.length) {
    const char = text[index];
    if (char === '"') {
      index = closingQuote(text, index + 1) + 1;
      continue;
    }
    if (char === '{') {
      depth++;
    } else if (char === '}') {
      if (depth === 0) {
        return index;
      }
      depth--;
    }
    index++;
  }
  return text.length;
}

/** Index of the quote that closes a string literal whose content starts at `start`. */
function closingQuote(text: string, start: number): number {
  let index = start;
  while (index < text.length) {
    const char = text[index];
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (char === '"') {
      return index;
    }
    if ((char === '$' || char === '%') && text[index + 1] === '{') {
      index = closingBrace(text, index + 2) + 1;
      continue;
    }
    index++;
  }
  return text.length;
}

/**
 * Moves templates found inside an expression's string literals out into `collected`,
 * leaving the literal without them, so that the literal's text is never taken for code.
 */
function stripNestedTemplates(code: string, collected: string[]): string {
  let stripped = '';
  let index = 0;
  while (index < code.length) {
    const quote = code.indexOf('"', index);
    if (quote < 0) {
      break;
    }
    const end = closingQuote(code, quote + 1);
    const inner = code.slice(quote + 1, end);
    stripped += code.slice(index, quote);
    if (inner.includes('${') || inner.includes('%{')) {
      collected.push(...templateExpressions(inner));
      stripped += '""';
    } else {
      stripped += `"${inner}"`;
    }
    index = end + 1;
  }
  return stripped + code.slice(index);
}

function referencesInExpression(code: string): string[] {
  const references: string[] = [];
  SCANNER.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = SCANNER.exec(code)) !== null) {
    const root = match[1];
    if (root === undefined || LOCAL_ONLY_ROOTS.has(root.split('.')[0])) {
      continue;
    }
    const { steps, end } = attributeSteps(code, match.index + root.length);
    SCANNER.lastIndex = end;
    if (code[end] === '(' || code.startsWith('::', end)) {
      continue; // a namespaced function call, not a traversal
    }
    references.push(root + steps);
  }
  return references;
}

/** The attribute and index steps that follow a traversal root, and where they end. */
function attributeSteps(code: string, start: number): { steps: string; end: number } {
  let steps = '';
  let index = start;
  for (;;) {
    const rest = code.slice(index);
    const step = ATTRIBUTE_STEP.exec(rest);
    if (step) {
      steps += step[0];
      index += step[0].length;
      continue;
    }
    if (rest.startsWith('[')) {
      const close = closingBracket(code, index + 1);
      if (close < code.length) {
        steps += ANY_INSTANCE;
        index = close + 1;
        continue;
      }
    }
    return { steps, end: index };
  }
}

function closingBracket(code: string, start: number): number {
  let depth = 0;
  for (let index = start; index < code.length; index++) {
    const char = code[index];
    if (char === '"') {
      index = closingQuote(code, index + 1);
    } else if (char === '[') {
      depth++;
    } else if (char === ']') {
      if (depth === 0) {
        return index;
      }
      depth--;
    }
  }
  return code.length;
}
