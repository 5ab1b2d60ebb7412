import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FLAVOUR_NODE_ARGS, PACKAGE_DIR, PROVIDER_PACKAGE } from './support/flavour';

const ENTRY_POINT = path.join(PACKAGE_DIR, JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')).main);

/**
 * Runs `app` in a fresh process (so that no other test has filled the require cache) with the
 * package's entry point as users load it (npm test compiles it first); returns the provider
 * modules loaded by the entry point itself, and those the library loaded while the app built
 * and synthesized its stack (the ones the app's own `require`s loaded left out).
 */
function providerModulesLoaded(app: string): { byEntryPoint: string[]; byTheLibrary: string[] } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'load-cost-'));
  const script = `
    const loaded = () => Object.keys(require.cache).filter((file) => file.includes(${JSON.stringify(`${PROVIDER_PACKAGE}/`)}))
      .map((file) => file.split(${JSON.stringify(`${PROVIDER_PACKAGE}/`)})[1]);
    const before = new Set(loaded());
    const library = require(${JSON.stringify(ENTRY_POINT)});
    const byEntryPoint = loaded().filter((file) => !before.has(file));
    const { App, TerraformStack } = require('cdktf');
    const ownModules = new Set(loaded());
    const provider = (name) => {
      const module = require('@cdktf/provider-aws/lib/' + name);
      loaded().forEach((file) => ownModules.add(file));
      return module;
    };
    const stack = new TerraformStack(new App({ outdir: ${JSON.stringify(outdir)}, skipValidation: true }), 'stack');
    ${app}
    stack.node.root.synth();
    console.log(JSON.stringify({ byEntryPoint, byTheLibrary: loaded().filter((file) => !ownModules.has(file)).sort() }));
  `;
  try {
    const output = execFileSync(process.execPath, [...FLAVOUR_NODE_ARGS, '-e', script], { cwd: PACKAGE_DIR, encoding: 'utf8' });
    return JSON.parse(output.trim().split('\n').pop()!);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe(`loading the library: never the ${PROVIDER_PACKAGE} index, each resource module when first used`, () => {
  test('an HTTP API loads the v2 deployment and stage modules, none of the REST ones', () => {
    const loaded = providerModulesLoaded(`
      const { Apigatewayv2Api } = provider('apigatewayv2-api');
      const { Apigatewayv2Integration } = provider('apigatewayv2-integration');
      const { Apigatewayv2Route } = provider('apigatewayv2-route');
      const api = new Apigatewayv2Api(stack, 'api', { name: 'pets', protocolType: 'HTTP' });
      const integration = new Apigatewayv2Integration(stack, 'integration', { apiId: api.id, integrationType: 'HTTP_PROXY', integrationMethod: 'GET', integrationUri: 'https://example.com' });
      new Apigatewayv2Route(stack, 'route', { apiId: api.id, routeKey: 'GET /pets', target: 'integrations/' + integration.id });
      new library.HttpApiDeployment(stack, 'deploy', { httpApi: api });
    `);

    expect(loaded).toEqual({
      byEntryPoint: [],
      byTheLibrary: ['lib/apigatewayv2-deployment/index.js', 'lib/apigatewayv2-stage/index.js'],
    });
  });

  test('a REST API loads the REST deployment and stage modules; logging and method settings theirs', () => {
    const loaded = providerModulesLoaded(`
      const { ApiGatewayRestApi } = provider('api-gateway-rest-api');
      const { ApiGatewayMethod } = provider('api-gateway-method');
      const { ApiGatewayIntegration } = provider('api-gateway-integration');
      const api = new ApiGatewayRestApi(stack, 'api', { name: 'pets' });
      const method = new ApiGatewayMethod(stack, 'get', { restApiId: api.id, resourceId: api.rootResourceId, httpMethod: 'GET', authorization: 'NONE' });
      new ApiGatewayIntegration(stack, 'integration', { restApiId: api.id, resourceId: api.rootResourceId, httpMethod: method.httpMethod, type: 'MOCK' });
      new library.RestApiDeployment(stack, 'deploy', {
        restApi: api,
        cloudWatchRole: true,
        accessLogDestination: library.AccessLogDestination.newLogGroup(),
        methodOptions: { '*/*': { throttlingRateLimit: 10 } },
      });
    `);

    expect(loaded).toEqual({
      byEntryPoint: [],
      byTheLibrary: [
        'lib/api-gateway-account/index.js', // cloudWatchRole
        'lib/api-gateway-deployment/index.js',
        'lib/api-gateway-method-settings/index.js',
        'lib/api-gateway-stage/index.js',
        'lib/cloudwatch-log-group/index.js', // the access log group
        'lib/data-aws-partition/index.js', // cloudWatchRole
        'lib/iam-role-policy-attachment/index.js', // cloudWatchRole
        'lib/iam-role/index.js', // cloudWatchRole
      ],
    });
  });
});
