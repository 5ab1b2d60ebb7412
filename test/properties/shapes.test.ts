import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { TerraformStack, Testing } from 'cdktf';
import * as fc from 'fast-check';
import { parameters } from './support';
import { RestApiDeployment } from '../../src';

/** A random API: paths, each with some methods, each method with an integration carrying headers and a template. */
interface ApiShape {
  readonly paths: Array<{
    readonly part: string;
    readonly methods: Array<{ readonly verb: string; readonly header: string; readonly template: string }>;
  }>;
}

const shapes: fc.Arbitrary<ApiShape> = fc.record({
  paths: fc.uniqueArray(fc.record({
    part: fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/),
    methods: fc.uniqueArray(fc.record({
      verb: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
      header: fc.string({ minLength: 12, maxLength: 40 }).map((s) => `secret-${s}`),
      template: fc.string({ minLength: 12, maxLength: 60 }).map((s) => `{"secret": ${JSON.stringify(s)}}`),
    }), { minLength: 1, maxLength: 3, selector: (m) => m.verb }),
  }), { minLength: 1, maxLength: 5, selector: (p) => p.part }),
});

/** Synthesizes the shape, creating its constructs in the order `order` gives. */
function synthesizeShape(shape: ApiShape, order: number[]): string {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const api = new ApiGatewayRestApi(stack, 'api', { name: 'shape' });
  const steps: Array<() => void> = [() => new RestApiDeployment(stack, 'deploy', { restApi: api })];
  for (const path of shape.paths) {
    steps.push(() => {
      const resource = new ApiGatewayResource(stack, `r_${path.part}`, { restApiId: api.id, parentId: api.rootResourceId, pathPart: path.part });
      for (const method of path.methods) {
        new ApiGatewayMethod(stack, `m_${path.part}_${method.verb}`, { restApiId: api.id, resourceId: resource.id, httpMethod: method.verb, authorization: 'NONE' });
        new ApiGatewayIntegration(stack, `i_${path.part}_${method.verb}`, {
          restApiId: api.id,
          resourceId: resource.id,
          httpMethod: method.verb,
          type: 'MOCK',
          requestParameters: { 'integration.request.header.X-Key': `'${method.header}'` },
          requestTemplates: { 'application/json': method.template },
        });
      }
    });
  }
  order.map((index) => index % steps.length).filter((index, position, all) => all.indexOf(index) === position)
    .concat(steps.map((_, index) => index)).filter((index, position, all) => all.indexOf(index) === position)
    .forEach((index) => steps[index]());
  return Testing.synth(stack);
}

describe('property: random API shapes', () => {
  test('synthesize byte-identical output twice, whatever order their constructs are created in', () => {
    fc.assert(fc.property(shapes, fc.array(fc.nat(), { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 8 }), (shape, first, second) => {
      expect(synthesizeShape(shape, second)).toBe(synthesizeShape(shape, first));
    }), parameters(50));
  });

  test('never put a configured header, template or body text into the triggers', () => {
    fc.assert(fc.property(shapes, (shape) => {
      const json = JSON.parse(synthesizeShape(shape, []));
      const triggers = JSON.stringify(Object.values<any>(json.resource.aws_api_gateway_deployment)[0].triggers);
      for (const method of shape.paths.flatMap((p) => p.methods)) {
        expect(triggers).not.toContain(method.header);
        expect(triggers).not.toContain(JSON.stringify(method.template).slice(1, -1));
      }
      expect(triggers).not.toContain('secret');
    }), parameters());
  });
});
