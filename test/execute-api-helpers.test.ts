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
      + "'$default' is a stage of HTTP APIs, and a REST API has none of that name (its stage names are 1 to 128 letters, digits, '-' and '_'), "
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

  test("a WebSocket API's is as it was ('$default' taken)", () => {
    const stack = newStack();
    const deployment = new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api });

    expect(outputOf(stack, deployment.arnForExecuteApi('$connect', '$default'))).toBe('${aws_apigatewayv2_api.ws_api.execution_arn}/$default/$connect');
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
