/**
 * The URL and ARN helpers refuse what matches nothing in API Gateway: the `$default` stage in a REST
 * API's execute-api ARN (only HTTP APIs have that stage), and an empty segment (`//`) in a URL path
 * (a trailing `/` stays: clients may call it).
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { HttpApiDeployment, RestApiDeployment, WebSocketApiDeployment } from '../src';
import { petsApi } from './support/api';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
  return stack;
}

function outputOf(stack: TerraformStack, value: string): string {
  new TerraformOutput(stack, 'out', { value });
  return JSON.parse(Testing.synth(stack)).output.out.value;
}

describe("arnForExecuteApi's stage", () => {
  test("a REST API has no '$default' stage: refused", () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });

    expect(() => deployment.arnForExecuteApi('GET', '/pets', '$default')).toThrow("RestApiDeployment at 'stack/deploy': property "
      + "'arnForExecuteApi(stage)' is \"$default\"; expected a stage name of a REST API (letters, digits, '-' and '_'), or '*' for every stage: "
      + "'$default' is a stage of HTTP APIs, and this API has none of that name (its stage names are 1 to 128 letters, digits, '-' and '_'), "
      + 'so the ARN would match nothing.');
  });

  test("a REST API's named stages and '*' stay", () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });

    expect(outputOf(stack, deployment.arnForExecuteApi('GET', '/pets', '*'))).toBe('${aws_api_gateway_rest_api.api.execution_arn}/*/GET/pets');
    expect(deployment.arnForExecuteApi('GET', '/pets', 'beta')).toContain('/beta/GET/pets');
  });

  test("an HTTP API's '$default' stage stays", () => {
    const stack = newStack();
    const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, stageName: 'live' });

    expect(outputOf(stack, deployment.arnForExecuteApi('GET', '/pets', '$default'))).toBe('${aws_apigatewayv2_api.http_api.execution_arn}/$default/GET/pets');
  });

  test("a WebSocket API has no '$default' stage either (its stage names refuse it): refused; its named stages stay", () => {
    const stack = newStack();
    const deployment = new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api });

    expect(() => deployment.arnForExecuteApi('$connect', '$default')).toThrow("WebSocketApiDeployment at 'stack/deploy': property "
      + "'arnForExecuteApi(stage)' is \"$default\"; expected a stage name of a WebSocket API (letters, digits, '-' and '_'), or '*' for every stage: "
      + "'$default' is a stage of HTTP APIs, and this API has none of that name");
    expect(outputOf(stack, deployment.arnForExecuteApi('$connect', 'beta'))).toBe('${aws_apigatewayv2_api.ws_api.execution_arn}/beta/$connect');
  });

  test('a stage name longer than 128 characters is refused (no stage has it)', () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });

    expect(() => deployment.arnForExecuteApi('GET', '/pets', 's'.repeat(129))).toThrow(/property 'arnForExecuteApi\(stage\)' is "s+\.\.\.; expected a stage name/);
    expect(deployment.arnForExecuteApi('GET', '/pets', 's'.repeat(128))).toContain(`/${'s'.repeat(128)}/GET/pets`);
  });
});

describe('urlForPath: no empty segment', () => {
  const EXPECTED = 'expected a path without an empty segment ("//"): API Gateway matches no resource or route with one (a trailing "/" is kept, '
    + 'as clients may call it).';

  test.each(['//pets', '/pets//1', '/pets//', '//'])('%j is refused', (path) => {
    const stack = newStack();
    const rest = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    const http = new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api });

    expect(() => rest.urlForPath(path)).toThrow(`RestApiDeployment at 'stack/deploy': property 'urlForPath(path)' is ${JSON.stringify(path)}; ${EXPECTED}`);
    expect(() => rest.deploymentStage.urlForPath(path)).toThrow(`RestApiDeployment at 'stack/deploy': property 'urlForPath(path)' is ${JSON.stringify(path)}; ${EXPECTED}`);
    expect(() => http.urlForPath(path)).toThrow(`HttpApiDeployment at 'stack/http': property 'urlForPath(path)' is ${JSON.stringify(path)}; ${EXPECTED}`);
  });

  test('a trailing "/", "//" in the query or fragment, and a token between two "/" stay', () => {
    const stack = newStack();
    const rest = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    const id = new TerraformVariable(stack, 'id', { type: 'string' }).stringValue;
    const urls = [rest.urlForPath('/pets/'), rest.urlForPath('/pets?next=https://example.com//x'), rest.urlForPath('/pets#//top'), rest.urlForPath('/'),
      rest.urlForPath(`/pets/${id}/`)];
    new TerraformOutput(stack, 'urls', { value: urls });

    const rendered: string[] = JSON.parse(Testing.synth(stack)).output.urls.value;
    expect(rendered.map((url) => url.slice(url.indexOf('}') + 1))).toEqual(['/pets/', '/pets?next=https://example.com//x', '/pets#//top', '/', '/pets/${var.id}/']);
  });
});

describe('urlForPath: no dot segment', () => {
  test.each(['/../x', '/./x', '/pets/..', '/pets/./1', '/..'])('%j is refused (a client resolves it first)', (path) => {
    const stack = newStack();
    const rest = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });

    expect(() => rest.urlForPath(path)).toThrow(`RestApiDeployment at 'stack/deploy': property 'urlForPath(path)' is ${JSON.stringify(path)}; `
      + 'expected a path without a "." or ".." segment: clients resolve them before they call (".." drops the stage from the URL), so the URL would reach another path.');
  });

  test('dots inside a segment, in the query, or next to a token stay', () => {
    const stack = newStack();
    const rest = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    const id = new TerraformVariable(stack, 'id', { type: 'string' }).stringValue;
    new TerraformOutput(stack, 'urls', { value: [rest.urlForPath('/pets/v1.2'), rest.urlForPath('/pets/...'), rest.urlForPath('/pets?up=..'), rest.urlForPath(`/pets/..${id}`)] });

    const rendered: string[] = JSON.parse(Testing.synth(stack)).output.urls.value;
    expect(rendered.map((url) => url.slice(url.indexOf('}') + 1))).toEqual(['/pets/v1.2', '/pets/...', '/pets?up=..', '/pets/..${var.id}']);
  });
});

test("arnForExecuteApi writes a path parameter as '*' around a variable in the path too", () => {
  const stack = newStack();
  const rest = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
  const part = new TerraformVariable(stack, 'part', { type: 'string' }).stringValue;

  expect(outputOf(stack, rest.arnForExecuteApi('GET', `/pets/{id}/${part}`))).toBe('${aws_api_gateway_rest_api.api.execution_arn}/prod/GET/pets/*/${var.part}');
});
