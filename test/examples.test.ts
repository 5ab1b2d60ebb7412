import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXAMPLES, synthesizeExample } from '../examples/synth-all';

/**
 * The example's stacks without cdktf's `//` metadata, and with the checkout's directory
 * (in the default local backend's state path) written as `<checkout>`.
 */
function synthesized(name: string): Record<string, any> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `example-${name}-`));
  const stacks = synthesizeExample(name, outdir);
  const text = JSON.stringify(stacks, (key, value) => (key === '//' ? undefined : value));
  return JSON.parse(text.split(JSON.stringify(process.cwd()).slice(1, -1)).join('<checkout>'));
}

describe.each(Object.keys(EXAMPLES))('examples/%s', (name) => {
  test('synthesizes the same stack as before (snapshot)', () => {
    expect(synthesized(name)).toMatchSnapshot();
  });

  test('synthesizes without a warning (an example prints none a user would have to read past)', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `example-${name}-`));
    synthesizeExample(name, outdir);
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    const messages = Object.values<any>(manifest.stacks)
      .flatMap((stack) => stack.annotations.map((annotation: { message: string }) => annotation.message));
    expect(messages).toEqual([]);
  });
});

test('examples/resources redeploys on its Lambda through an entry keyed by the function', () => {
  const triggers: Record<string, string> = Object.values<any>(synthesized('resources').resources.resource.aws_api_gateway_deployment)[0].triggers;

  expect(triggers['aws_lambda_function.hello']).toBe('${sha1(jsonencode([aws_lambda_function.hello.invoke_arn]))}');
  expect(Object.keys(triggers)).toEqual(expect.arrayContaining([
    'aws_api_gateway_integration.hello_any_integration',
    'aws_api_gateway_method.hello_any',
    'aws_api_gateway_resource.hello_resource',
  ]));
});

test('examples/resources grants API Gateway the right to invoke the Lambda without depending on the deployment', () => {
  const json = synthesized('resources').resources;

  expect(json.resource.aws_lambda_permission.hello_invoke.source_arn).toBe('${aws_api_gateway_rest_api.example.execution_arn}/example/*/hello');
});
