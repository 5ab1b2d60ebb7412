import { IConstruct } from 'constructs';

/**
 * Formats a value for an error message: strings quoted, everything else as JSON,
 * long values shortened so a 5 MB body never ends up in a terminal.
 */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * The error every bad input raises: it names the construct path, the property,
 * the value given and what was expected.
 */
export function invalidProperty(scope: IConstruct, property: string, value: unknown, expected: string): Error {
  return new Error(
    `${scope.constructor.name} at '${scope.node.path}': property '${property}' is ${describeValue(value)}; expected ${expected}.`,
  );
}
