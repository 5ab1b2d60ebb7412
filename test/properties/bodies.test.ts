import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import * as fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { anyText, libraryOutcome, parameters } from './support';
import { RestApiDeployment } from '../../src';
import { synthesize, triggersOf } from '../support/synth';

function deployBody(body: string) {
  return () => synthesize((stack) => {
    new RestApiDeployment(stack, 'deploy', { restApi: new ApiGatewayRestApi(stack, 'api', { name: 'x', body }) });
  });
}

const document = fc.record({
  openapi: fc.constantFrom('3.0.1', '3.1.0'),
  info: fc.record({ title: anyText(20), version: fc.constantFrom('1', '2.0') }),
  paths: fc.dictionary(fc.string({ unit: 'binary', maxLength: 12 }).map((p) => `/${p}`), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 }),
});

const bodies = fc.oneof(
  document.map((doc) => JSON.stringify(doc)),
  document.map((doc) => toYaml(doc)),
  fc.tuple(document.map((doc) => JSON.stringify(doc, null, 2)), fc.nat()).map(([text, cut]) => text.slice(0, cut % text.length)),
  fc.tuple(anyText(10), anyText(10)).map(([a, b]) =>
    `openapi: 3.0.1\ninfo: {title: ${JSON.stringify(a)}, version: "1"}\nx-shared: &shared\n  type: MOCK\n  note: ${JSON.stringify(b)}\npaths:\n  /a: {get: {x-amazon-apigateway-integration: *shared}}\n  /b: {get: {x-amazon-apigateway-integration: *shared}}\n`),
  fc.jsonValue().filter((value) => value === null || typeof value !== 'object' || Array.isArray(value)).map((value) => JSON.stringify(value)),
  fc.constantFrom(
    '{"openapi": "3.0.1", "openapi": "3.0.2", "paths": {}}',
    'openapi: 3.0.1\nopenapi: 3.0.2\n',
    '{"openapi": "3.0.1", "paths": {"/ü": {}, "/😀": {}}}',
    `{"openapi": "3.0.1", "x": ${'['.repeat(600)}${']'.repeat(600)}}`,
    '*unknown-alias',
    '---\n---\n',
  ),
  anyText(200),
);

describe('property: OpenAPI bodies either synthesize or fail with the library error', () => {
  test('valid, truncated, YAML with anchors, non-object, unicode, duplicate keys, random text', () => {
    fc.assert(fc.property(bodies, (body) => {
      libraryOutcome('restApi.body', deployBody(body));
    }), parameters());
  });

  test('a valid document always synthesizes, whether written as JSON or YAML, with the same entry', () => {
    // A document with "${" or "%{" in it is a Terraform template, hashed at plan time instead.
    const literalDocument = document.filter((doc) => !/[$%]\{/.test(JSON.stringify(doc)));
    fc.assert(fc.property(literalDocument, (doc) => {
      const fromJson = triggersOf(deployBody(JSON.stringify(doc))());
      const fromYaml = triggersOf(deployBody(toYaml(doc))());
      expect(fromJson['aws_api_gateway_rest_api.api.body']).toMatch(/^[0-9a-f]{32}$/);
      expect(fromYaml).toEqual(fromJson);
    }), parameters());
  });

  test('a 5 MB body synthesizes and its entry is a digest', () => {
    const paths: Record<string, unknown> = {};
    for (let i = 0; paths && JSON.stringify(paths).length < 5 * 1024 * 1024; i++) {
      for (let j = 0; j < 1000; j++) {
        paths[`/p${i}_${j}`] = { get: { 'x-amazon-apigateway-integration': { type: 'MOCK', requestTemplates: { 'application/json': `{"n": ${j}}` } } } };
      }
    }
    const body = JSON.stringify({ openapi: '3.0.1', info: { title: 'big', version: '1' }, paths });
    expect(body.length).toBeGreaterThan(5 * 1024 * 1024);

    expect(libraryOutcome('restApi.body', deployBody(body))).toBe('synthesized');
    expect(triggersOf(deployBody(body)())['aws_api_gateway_rest_api.api.body']).toMatch(/^[0-9a-f]{32}$/);
  });
});
