/**
 * Versions of `examples/resources` as a user would edit it, one change after another: the
 * example as shipped, with the edits made through the L1 resources' own setters (what
 * changing a prop in the example's source would synthesize).
 */
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { App } from 'cdktf';
import { ResourcesExampleStack } from '../../../examples/resources/main';

/** The stack's name in `cdktf.out/stacks/`. */
export const RESOURCES_STACK = 'resources';

/** Edits to the example, each independent of the others. */
export interface ResourcesEdits {
  /** GET /example's MOCK request template. */
  readonly exampleTemplate?: string;
  /** Adds GET /status with a MOCK integration. */
  readonly statusMethod?: boolean;
  /** A new name for the Lambda function behind ANY /hello (replaces the function). */
  readonly functionName?: string;
  /** Tags on the REST API and the Lambda function. */
  readonly tags?: Record<string, string>;
}

/** A function that builds the example with `edits` into `outdir`. */
export function resourcesExample(edits: ResourcesEdits = {}): (outdir: string) => App {
  return (outdir) => {
    const app = new App({ outdir });
    const stack = new ResourcesExampleStack(app, RESOURCES_STACK);
    const api = stack.node.findChild('example') as ApiGatewayRestApi;
    const hello = stack.node.findChild('hello') as LambdaFunction;
    if (edits.exampleTemplate !== undefined) {
      (stack.node.findChild('example_get_integration') as ApiGatewayIntegration).requestTemplates = { 'application/json': edits.exampleTemplate };
    }
    if (edits.functionName !== undefined) {
      hello.functionName = edits.functionName;
    }
    if (edits.tags !== undefined) {
      api.tags = edits.tags;
      hello.tags = edits.tags;
    }
    if (edits.statusMethod) {
      const status = new ApiGatewayResource(stack, 'status_resource', { restApiId: api.id, parentId: api.rootResourceId, pathPart: 'status' });
      const get = new ApiGatewayMethod(stack, 'status_get', { restApiId: api.id, resourceId: status.id, httpMethod: 'GET', authorization: 'NONE' });
      new ApiGatewayIntegration(stack, 'status_get_integration', {
        restApiId: api.id,
        resourceId: status.id,
        httpMethod: get.httpMethod,
        type: 'MOCK',
        requestTemplates: { 'application/json': '{"statusCode": 200}' },
      });
    }
    return app;
  };
}
