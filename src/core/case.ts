/** `restApiId` -> `rest_api_id`: a provider class's property name as Terraform names the argument. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** `rest_api_id` -> `restApiId`: a Terraform argument's name as the provider class names its property. */
export function camelCase(name: string): string {
  return name.replace(/_(\w)/g, (_match, letter: string) => letter.toUpperCase());
}
