/** The names converted so far: a few dozen argument names, converted for every resource a construct owns. */
const SNAKE_CASES = new Map<string, string>();

/** `restApiId` -> `rest_api_id`: a provider class's property name as Terraform names the argument. */
export function snakeCase(name: string): string {
  let converted = SNAKE_CASES.get(name);
  if (converted === undefined) {
    converted = name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    if (SNAKE_CASES.size < 1000) {
      SNAKE_CASES.set(name, converted);
    }
  }
  return converted;
}

/** `rest_api_id` -> `restApiId`: a Terraform argument's name as the provider class names its property. */
export function camelCase(name: string): string {
  return name.replace(/_(\w)/g, (_match, letter: string) => letter.toUpperCase());
}
