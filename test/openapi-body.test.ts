import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Fn, TerraformStack, Testing } from 'cdktf';
import { RestApiDeployment } from '../src';
import { changedTriggerKeys, synthesize, triggersOf, TerraformJson } from './support/synth';

const DOCUMENT = {
  openapi: '3.0.1',
  info: { title: 'example', version: '1.0' },
  paths: {
    '/path1': {
      get: {
        'x-amazon-apigateway-integration': {
          httpMethod: 'GET',
          payloadFormatVersion: '1.0',
          type: 'HTTP_PROXY',
          uri: 'https://ip-ranges.amazonaws.com/ip-ranges.json',
        },
      },
    },
  },
};

const YAML_DOCUMENT = `
openapi: 3.0.1
info:
  title: example
  version: "1.0"
paths:
  /path1:
    get:
      x-amazon-apigateway-integration:
        httpMethod: GET
        payloadFormatVersion: "1.0"
        type: HTTP_PROXY
        uri: https://ip-ranges.amazonaws.com/ip-ranges.json
`;

/** Synthesizes an OpenAPI-defined API with the given body. */
function withBody(body: string | ((stack: TerraformStack) => string)): TerraformJson {
  return synthesize((stack) => {
    const api = new ApiGatewayRestApi(stack, 'api', { name: 'example', body: typeof body === 'string' ? body : body(stack) });
    new RestApiDeployment(stack, 'deploy', { restApi: api });
  });
}

describe('OpenAPI body', () => {
  test('a body gets its own entry next to the REST API entry', () => {
    const triggers = triggersOf(withBody(JSON.stringify(DOCUMENT)));

    expect(Object.keys(triggers)).toEqual(['aws_api_gateway_rest_api.api', 'aws_api_gateway_rest_api.api.body']);
    expect(triggers['aws_api_gateway_rest_api.api.body']).toMatch(/^[0-9a-f]{32}$/);
  });

  test('key order and whitespace of a JSON body do not redeploy', () => {
    const compact = withBody(JSON.stringify(DOCUMENT));
    const reordered = withBody(JSON.stringify({ paths: DOCUMENT.paths, info: { version: '1.0', title: 'example' }, openapi: '3.0.1' }, null, 4));

    expect(changedTriggerKeys(compact, reordered)).toEqual([]);
  });

  test('the same document as YAML and as JSON have the same entry', () => {
    expect(changedTriggerKeys(withBody(JSON.stringify(DOCUMENT)), withBody(YAML_DOCUMENT))).toEqual([]);
  });

  test('a real change to a JSON body changes only the body entry', () => {
    const changed = JSON.parse(JSON.stringify(DOCUMENT));
    changed.paths['/path1'].get['x-amazon-apigateway-integration'].uri = 'https://example.com/';

    expect(changedTriggerKeys(withBody(JSON.stringify(DOCUMENT)), withBody(JSON.stringify(changed))))
      .toEqual(['aws_api_gateway_rest_api.api.body']);
  });

  test('a real change to a YAML body changes only the body entry', () => {
    expect(changedTriggerKeys(withBody(YAML_DOCUMENT), withBody(YAML_DOCUMENT.replace('GET\n', 'POST\n'))))
      .toEqual(['aws_api_gateway_rest_api.api.body']);
  });

  test('YAML anchors are expanded before hashing', () => {
    const anchored = `
openapi: 3.0.1
info: {title: example, version: "1.0"}
x-integration: &integration
  type: MOCK
paths:
  /a: {get: {x-amazon-apigateway-integration: *integration}}
`;
    const expanded = anchored.replace('*integration', '{type: MOCK}');
    expect(changedTriggerKeys(withBody(anchored), withBody(expanded))).toEqual([]);
  });

  test.each([
    ['Fn.jsonencode', (_stack: TerraformStack) => Fn.jsonencode(DOCUMENT)],
    ['Fn.file', (_stack: TerraformStack) => Fn.file('${path.module}/openapi.yaml')],
    ['Fn.templatefile', (_stack: TerraformStack) => Fn.templatefile('${path.module}/openapi.yaml.tpl', { stage: 'prod' })],
  ])('a body computed by %s is hashed by Terraform at plan time', (_name, body) => {
    const triggers = triggersOf(withBody(body));

    expect(triggers['aws_api_gateway_rest_api.api.body']).toBe('${sha1(aws_api_gateway_rest_api.api.body)}');
  });

  test('a literal document with an interpolated value is hashed by Terraform too', () => {
    const body = (stack: TerraformStack) => {
      const other = new ApiGatewayRestApi(stack, 'backend', { name: 'backend' });
      return JSON.stringify({ ...DOCUMENT, servers: [{ url: `https://${other.id}.example.com` }] });
    };
    expect(triggersOf(withBody(body))['aws_api_gateway_rest_api.api.body']).toBe('${sha1(aws_api_gateway_rest_api.api.body)}');
  });

  test('a token body never puts the document into the triggers', () => {
    const triggers = triggersOf(withBody(() => Fn.jsonencode(DOCUMENT)));

    expect(JSON.stringify(triggers)).not.toContain('ip-ranges');
  });

  test('swagger 2.0 documents are accepted', () => {
    expect(triggersOf(withBody('{"swagger": "2.0", "info": {"title": "x", "version": "1"}, "paths": {}}'))['aws_api_gateway_rest_api.api.body'])
      .toMatch(/^[0-9a-f]{32}$/);
  });
});

describe("a body imported with the 'basepath' parameter: its paths are served under the base path", () => {
  const swagger = (basePath: string) => JSON.stringify({
    swagger: '2.0',
    info: { title: 'pets', version: '1' },
    basePath,
    paths: { '/pets': { get: { 'x-amazon-apigateway-integration': { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' } } } } },
  });
  const openApi3 = JSON.stringify({
    openapi: '3.0.1',
    info: { title: 'pets', version: '1' },
    servers: [{ url: 'https://{restapi_id}.execute-api.eu-west-2.amazonaws.com/{basePath}', variables: { basePath: { default: '/v1' } } }],
    paths: { '/pets': { get: { 'x-amazon-apigateway-integration': { type: 'mock', requestTemplates: { 'application/json': '{"statusCode": 200}' } } } } },
  });
  const deployWith = (body: string, basepath: string | undefined, methodPath: string) => () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    const api = new ApiGatewayRestApi(stack, 'api', { name: 'pets', body, ...(basepath ? { parameters: { basepath } } : {}) });
    new RestApiDeployment(stack, 'deploy', { restApi: api, methodOptions: { [methodPath]: { metricsEnabled: true } } });
    Testing.synth(stack, true);
  };

  test.each([
    ['prepend (Swagger 2 basePath)', swagger('/v1'), 'prepend', '/v1/pets/GET', '/pets/GET'],
    ['split (the base path but its first segment)', swagger('/stage/v1'), 'split', '/v1/pets/GET', '/stage/v1/pets/GET'],
    ['prepend (OpenAPI 3 server URL, its basePath variable)', openApi3, 'prepend', '/v1/pets/GET', '/pets/GET'],
    ['ignore (the default)', swagger('/v1'), undefined, '/pets/GET', '/v1/pets/GET'],
    ['prepend (OpenAPI 3: the one basePath variable, even where the URL does not name it)', JSON.stringify({
      ...JSON.parse(openApi3), servers: [{ url: 'https://api.example.com', variables: { basePath: { default: 'v1' } } }],
    }), 'prepend', '/v1/pets/GET', '/pets/GET'],
  ])('%s', (_case, body, basepath, served, unserved) => {
    expect(deployWith(body, basepath, served)).not.toThrow();
    expect(deployWith(body, basepath, unserved)).toThrow(`property 'methodOptions.${unserved}' is "${unserved}"; expected a method path that aws_api_gateway_rest_api.api serves (one of "${served}")`);
  });
});
