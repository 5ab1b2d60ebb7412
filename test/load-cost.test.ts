import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { PACKAGE_DIR, PROVIDER_PACKAGE } from './support/flavour';

describe('loading the library', () => {
  test(`does not load the ${PROVIDER_PACKAGE} index, only the resource modules it uses`, () => {
    // The package's entry point as users load it (npm test compiles it first), in a fresh
    // process, so that no other test has filled the require cache.
    const entryPoint = path.join(PACKAGE_DIR, JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')).main);
    const script = `
      require(${JSON.stringify(entryPoint)});
      const loaded = Object.keys(require.cache).filter((file) => file.includes(${JSON.stringify(`${PROVIDER_PACKAGE}/`)}));
      console.log(JSON.stringify(loaded.map((file) => file.split(${JSON.stringify(`${PROVIDER_PACKAGE}/`)})[1])));
    `;
    const output = execFileSync(process.execPath, ['-e', script], { cwd: PACKAGE_DIR, encoding: 'utf8' });
    const loaded: string[] = JSON.parse(output.trim().split('\n').pop()!);

    expect(loaded).not.toContain('lib/index.js');
    expect(loaded.sort()).toEqual([
      'lib/api-gateway-account/index.js', // cloudWatchRole
      'lib/api-gateway-deployment/index.js',
      'lib/api-gateway-method-settings/index.js',
      'lib/api-gateway-stage/index.js',
      'lib/apigatewayv2-deployment/index.js', // HttpApiDeployment, WebSocketApiDeployment
      'lib/apigatewayv2-stage/index.js',
      'lib/cloudwatch-log-group/index.js',
      'lib/data-aws-partition/index.js', // cloudWatchRole
      'lib/iam-role-policy-attachment/index.js', // cloudWatchRole
      'lib/iam-role/index.js', // cloudWatchRole
      'lib/wafv2-web-acl-association/index.js',
    ]);
  });
});
