import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

describe('loading the library', () => {
  test('does not load the @cdktf/provider-aws index, only the resource modules it uses', () => {
    // The package's entry point as users load it (npm test compiles it first), in a fresh
    // process, so that no other test has filled the require cache.
    const root = path.join(__dirname, '..');
    const entryPoint = path.join(root, JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).main);
    const script = `
      require(${JSON.stringify(entryPoint)});
      const loaded = Object.keys(require.cache).filter((file) => file.includes('@cdktf/provider-aws'));
      console.log(JSON.stringify(loaded.map((file) => file.split('@cdktf/provider-aws/')[1])));
    `;
    const output = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    const loaded: string[] = JSON.parse(output.trim().split('\n').pop()!);

    expect(loaded).not.toContain('lib/index.js');
    expect(loaded.sort()).toEqual([
      'lib/api-gateway-account/index.js', // cloudWatchRole
      'lib/api-gateway-deployment/index.js',
      'lib/api-gateway-method-settings/index.js',
      'lib/api-gateway-stage/index.js',
      'lib/cloudwatch-log-group/index.js',
      'lib/data-aws-partition/index.js', // cloudWatchRole
      'lib/iam-role-policy-attachment/index.js', // cloudWatchRole
      'lib/iam-role/index.js', // cloudWatchRole
      'lib/wafv2-web-acl-association/index.js',
    ]);
  });
});
