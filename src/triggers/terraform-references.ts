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
const SCANNER = new RegExp(`${STRING_LITERAL}|(?<![A-Za-z0-9_.\\])])(${ROOT})`, 'g');
/** One attribute or literal index step, matched where `lastIndex` says (sticky: no copy of the rest of the text). */
const ATTRIBUTE_STEP = new RegExp(`(?:\\.${IDENTIFIER}|\\.\\*|\\[\\*\\]|\\[\\d+\\]|\\[${STRING_LITERAL}\\])`, 'y');

/** The marker put where a reference indexes with a value known only inside its resource (`[count.index]`). */
export const ANY_INSTANCE = '[*]';

/**
 * All references in a resolved value (strings nested anywhere in objects and arrays),
 * unique and sorted. An index that is not a literal (`aws_x.y[count.index].arn`) is
 * replaced by `ANY_INSTANCE`.
 *
 * @param omitTopLevel the top-level keys of an object `value` whose values are left out
 */
export function findReferences(value: unknown, omitTopLevel?: (key: string) => boolean): string[] {
  const found = new Set<string>();
  if (omitTopLevel && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const key of Object.keys(value)) {
      if (!omitTopLevel(key)) {
        collectEntry(key, (value as Record<string, unknown>)[key], found, undefined);
      }
    }
  } else {
    collect(value, found, undefined);
  }
  return found.size === 0 ? [] : [...found].sort();
}

/**
 * Adds the references of every template string in `value` to `found`, but those rooted at a name
 * in `bound` (the iterators of the dynamic blocks around it). (Recursive: the values are blocks
 * cdktf resolved recursively, with deeper stacks per level, so they nest less than a stack can.)
 */
function collect(value: unknown, found: Set<string>, bound: ReadonlySet<string> | undefined): void {
  if (typeof value === 'string') {
    if (value.includes('${') || value.includes('%{')) {
      for (const reference of referencesInTemplate(value)) {
        if (bound === undefined || !bound.has(rootName(reference))) {
          found.add(reference);
        }
      }
    }
    return;
  }
  if (value === null || typeof value !== 'object') {
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      collect(item, found, bound);
    }
    return;
  }
  for (const key of Object.keys(value)) {
    collectEntry(key, (value as Record<string, unknown>)[key], found, bound);
  }
}

/**
 * One entry of a block: a `dynamic` entry's blocks bind their iterator (`iterator`, or the block's
 * label) inside them: `response_parameters.value` there is no resource.
 */
function collectEntry(key: string, value: unknown, found: Set<string>, bound: ReadonlySet<string> | undefined): void {
  // Terraform reads a key of a map as a template too (`{ "method.request.header.${var.name}" = true }`).
  collect(key, found, bound);
  if (key !== 'dynamic' || value === null || typeof value !== 'object' || Array.isArray(value)) {
    collect(value, found, bound);
    return;
  }
  for (const [label, block] of Object.entries(value)) {
    collect(block, found, new Set([...bound ?? [], ...dynamicIterators(label, block)]));
  }
}

/** The names a dynamic block binds: its iterator, and its label (the iterator's default). */
export function dynamicIterators(label: string, block: unknown): string[] {
  const iterator = block !== null && typeof block === 'object' ? (block as { iterator?: unknown }).iterator : undefined;
  return typeof iterator === 'string' ? [iterator, label] : [label];
}

/** The first name of a reference: `aws_x` of `aws_x.y.z`, `each` of `each.value`. */
function rootName(reference: string): string {
  return reference.split(/[.[]/)[0];
}

/** The references of each template string seen, by string: the same strings recur across an API's resources. */
const REFERENCES_OF_TEMPLATE = new Map<string, readonly string[]>();
const TEMPLATE_CACHE_LIMIT = 20_000;

function referencesInTemplate(text: string): readonly string[] {
  let references = REFERENCES_OF_TEMPLATE.get(text);
  if (references === undefined) {
    // The names a `for` binds, in the code of the expressions only: literal text ("scan for data in the table") binds none.
    const expressions = templateExpressions(text);
    const code = expressions.join('\n');
    references = narrowedByFor(withoutBoundNames(expressions.flatMap(referencesInExpression), text), code);
    if (REFERENCES_OF_TEMPLATE.size >= TEMPLATE_CACHE_LIMIT) {
      REFERENCES_OF_TEMPLATE.clear();
    }
    REFERENCES_OF_TEMPLATE.set(text, references);
  }
  return references;
}

/** The names a `for` expression or a `%{ for }` directive binds: `for item in ...`, `for key, value in ...`. */
const FOR_BINDING = new RegExp(`\\bfor\\s+(${IDENTIFIER})(?:\\s*,\\s*(${IDENTIFIER}))?\\s+in\\b`, 'g');

/**
 * `references` without those whose root is a name a `for` of the template binds
 * (`backend_item.url` in `[for backend_item in var.backends : backend_item.url]`): a
 * resource type has the same shape, but the name is no object of the configuration.
 */
function withoutBoundNames(references: string[], text: string): string[] {
  if (references.length === 0) {
    return references;
  }
  const bound = forBoundNames(text);
  return bound.size === 0 ? references : references.filter((reference) => !bound.has(rootName(reference)));
}

/** A `for` over a whole resource or data source (or its `values(...)`), with the name its value is bound to: `for k, f in aws_x.fns :`. */
const FOR_OVER_OBJECT = new RegExp(
  `\\bfor\\s+(${IDENTIFIER})(?:\\s*,\\s*(${IDENTIFIER}))?\\s+in\\s+(?:values\\(\\s*)?((?:data\\.)?[a-z][a-z0-9]*_[a-z0-9_]*\\.[\\w-]+)\\s*\\)?\\s*:`, 'g');

/**
 * `references` with a whole resource or data source that a `for` iterates narrowed to the attributes the
 * `for` reads of each instance (`[for f in aws_x.fns : f.invoke_arn]` reads `aws_x.fns[*].invoke_arn`),
 * as a `for_each` over it is: every attribute of every instance (tags, `last_modified`) is no reason to
 * redeploy. Kept whole where the bound value is used whole, or not at all (only the keys).
 */
function narrowedByFor(references: string[], text: string): string[] {
  if (references.length === 0 || !text.includes('for')) {
    return references;
  }
  let narrowed = references;
  for (const match of text.matchAll(FOR_OVER_OBJECT)) {
    const value = match[2] ?? match[1];
    const object = match[3];
    const body = text.slice(match.index! + match[0].length);
    const uses = [...body.matchAll(new RegExp(`(?<![\\w.])${value}\\b(\\s*\\.\\s*(${IDENTIFIER}))?`, 'g'))];
    if (!narrowed.includes(object) || uses.length === 0 || uses.some((use) => use[2] === undefined)) {
      continue;
    }
    const read = [...new Set(uses.map((use) => `${object}${ANY_INSTANCE}.${use[2]}`))];
    const at = narrowed.indexOf(object);
    narrowed = [...narrowed.slice(0, at), ...read, ...narrowed.slice(at + 1)];
  }
  return narrowed;
}

/** The names the `for` expressions and `%{ for }` directives of a template string bind (in their code: its literal text binds none). */
export function forBoundNames(text: string): Set<string> {
  const bound = new Set<string>();
  if (text.includes('for')) {
    for (const match of templateExpressions(text).join('\n').matchAll(FOR_BINDING)) {
      bound.add(match[1]);
      if (match[2] !== undefined) {
        bound.add(match[2]);
      }
    }
  }
  return bound;
}

/** True when a string holds at least one Terraform interpolation or directive. */
export function hasInterpolation(text: string): boolean {
  return templateExpressions(text).length > 0;
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
export function closingBrace(text: string, start: number): number {
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
export function closingQuote(text: string, start: number): number {
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
  // The expressions of the indexes a reference is read with (`var.env` of `var.backends[var.env]`): read too.
  const indexes: string[] = [];
  SCANNER.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = SCANNER.exec(code)) !== null) {
    const root = match[1];
    if (root === undefined || LOCAL_ONLY_ROOTS.has(root.slice(0, root.indexOf('.')))) {
      continue;
    }
    if (code[match.index - 1] === '-' && continuesName(code, match.index - 1)) {
      continue; // `my-var.x`: the rest of a name with a hyphen, not a reference after a minus
    }
    const { steps, end } = attributeSteps(code, match.index + root.length, indexes);
    SCANNER.lastIndex = end;
    if (code[end] === '(' || code.startsWith('::', end)) {
      continue; // a namespaced function call, not a traversal
    }
    // `values(aws_x.y)[0].arn`, `values(aws_x.y)[*].arn`: the instances' attribute, not every attribute of every instance.
    const close = end + (/^\s*/.exec(code.slice(end))?.[0].length ?? 0);
    const read = steps === '' && /values\(\s*$/.test(code.slice(0, match.index)) && code[close] === ')' ? instancesRead(code, close + 1) : undefined;
    references.push(root + (read ?? steps));
  }
  // After the scan: each index is scanned with the same (global) scanner.
  return indexes.length === 0 ? references : [...references, ...indexes.flatMap(referencesInExpression)];
}

/**
 * Whether the `-` at `minus` joins a name (`my-var`, `aws_x.a-local`): the text before it ends in a name's
 * characters that are not a number (`100-var.n`, `-var.n`, `length(x)-var.n` are subtractions and negations).
 */
function continuesName(code: string, minus: number): boolean {
  let start = minus;
  while (start > 0 && /[A-Za-z0-9_-]/.test(code[start - 1])) {
    start--;
  }
  const before = code.slice(start, minus);
  return before !== '' && !/^\d+$/.test(before);
}

/**
 * After `values(<object>)`, at `start`: an index and the attribute steps that follow it (`[0].invoke_arn`)
 * as the steps of any instance (`[*].invoke_arn`); undefined when no attribute follows the index.
 */
function instancesRead(code: string, start: number): string | undefined {
  const { steps } = attributeSteps(code, start, []);
  const index = /^(\[\d+\]|\[\*\]|\[[^\]]*\])/.exec(steps);
  const rest = index === null ? '' : steps.slice(index[0].length);
  return rest.startsWith('.') ? `${ANY_INSTANCE}${rest}` : undefined;
}

/**
 * The attribute and index steps that follow a traversal root, and where they end; the code of each
 * index that is no literal (written `ANY_INSTANCE`) is added to `indexes`.
 */
function attributeSteps(code: string, start: number, indexes: string[]): { steps: string; end: number } {
  let steps = '';
  let index = start;
  for (;;) {
    ATTRIBUTE_STEP.lastIndex = index;
    const step = ATTRIBUTE_STEP.exec(code);
    // `[""]` is what is left of a key that is a template (`["svc-${var.env}"]`, its template taken out): no literal key.
    if (step && step[0] !== '[""]') {
      steps += step[0];
      index += step[0].length;
      continue;
    }
    if (code[index] === '[') {
      const close = closingDelimiter(code, index + 1, '[', ']');
      if (code.startsWith('[""]', index)) {
        steps += ANY_INSTANCE;
        index = close + 1;
        continue;
      }
      if (close < code.length) {
        indexes.push(code.slice(index + 1, close));
        steps += ANY_INSTANCE;
        index = close + 1;
        continue;
      }
    }
    return { steps, end: index };
  }
}

/**
 * Index of the `close` (`]`, `)`) that matches an `open` whose contents start at `start`, skipping
 * string literals and nested pairs; the code's length when it is never closed.
 */
export function closingDelimiter(code: string, start: number, open: string, close: string): number {
  let depth = 0;
  for (let index = start; index < code.length; index++) {
    const char = code[index];
    if (char === '"') {
      index = closingQuote(code, index + 1);
    } else if (char === open) {
      depth++;
    } else if (char === close) {
      if (depth === 0) {
        return index;
      }
      depth--;
    }
  }
  return code.length;
}
