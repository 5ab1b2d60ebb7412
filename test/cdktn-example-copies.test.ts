/**
 * The cdktn copies of the Python, Java and Go examples (scripts/cdktn-example.ts), which the
 * end-to-end scripts build and run: they must name only cdktn packages, and go.mod's replaces
 * must point where scripts/package-go.sh writes the generated modules.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CDKTN_EXAMPLE_LANGUAGES, CDKTN_GO_BINDINGS, writeCdktnExample } from '../scripts/cdktn-example';

const ROOT = path.resolve(__dirname, '..');

/** Every file of a directory, as path relative to it -> text. */
function filesOf(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const file of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, file);
    if (fs.statSync(full).isFile()) {
      files[file] = fs.readFileSync(full, 'utf8');
    }
  }
  return files;
}

/** Names of the cdktf packages, modules and imports in each language. */
const CDKTF_NAMES = [
  'from cdktf import', 'cdktf_cdktf_provider_aws', 'cdktf_api_gateway_deployment',
  'com.hashicorp', 'cdktf-provider-aws', 'cdktf-api-gateway-deployment',
  'terraform-cdk-go', 'cdktfapigatewaydeployment', 'cdktf.New',
];

let workDir: string;
beforeEach(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktn-example-'));
});
afterEach(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

test.each(CDKTN_EXAMPLE_LANGUAGES)('the cdktn copy of examples/%s names no cdktf package', (language) => {
  const copy = filesOf(writeCdktnExample(language, path.join(workDir, 'examples', language)));
  const original = filesOf(path.join(ROOT, 'examples', language));

  expect(Object.keys(copy).length).toBeGreaterThan(0);
  for (const [file, text] of Object.entries(copy)) {
    for (const name of CDKTF_NAMES) {
      expect({ file, names: text.includes(name) ? name : undefined }).toEqual({ file, names: undefined });
    }
  }
  // Only names change: the copy has the original's files and, line for line, its program.
  for (const file of Object.keys(copy).filter((name) => /\.(py|java|go)$/.test(name))) {
    expect(copy[file].split('\n').length).toBe(original[file].split('\n').length);
  }
});

test('the Java copy depends on the cdktn packages at the flavour versions and finds them where the release rehearsal and package:java put them', () => {
  const pom = fs.readFileSync(path.join(writeCdktnExample('java', path.join(workDir, 'examples', 'java')), 'pom.xml'), 'utf8');
  const main = filesOf(path.join(workDir, 'examples', 'java'))[path.join('src', 'main', 'java', 'example', 'Main.java')];

  expect(pom).toMatch(/<groupId>io\.cdktn<\/groupId>\s*<artifactId>cdktn<\/artifactId>\s*<version>0\.24\.0<\/version>/);
  expect(pom).toMatch(/<groupId>io\.cdktn<\/groupId>\s*<artifactId>cdktn-provider-aws<\/artifactId>\s*<version>25\.7\.0<\/version>/);
  expect(pom).toMatch(/<artifactId>cdktn-api-gateway-deployment<\/artifactId>\s*<version>\$\{library\.version\}<\/version>/);
  expect(pom).toContain('<url>file://${project.basedir}/../../../../build/registries/maven</url>');
  expect(pom).toContain('<url>file://${project.basedir}/../../../../build/cdktn-java-dependencies</url>');
  expect(main).toContain('import io.cdktn.cdktn.App;');
  expect(main).toContain('import io.cdktn.providers.aws.api_gateway_rest_api.ApiGatewayRestApi;');
  expect(main).toContain('import io.github.cdktn_api_gateway_deployment.RestApiDeployment;');
});

test('the Go copy replaces every generated module with the directory package-go.sh writes', () => {
  const dir = writeCdktnExample('go', path.join(workDir, 'examples', 'go'));
  const goMod = fs.readFileSync(path.join(dir, 'go.mod'), 'utf8');
  const replaces = Object.fromEntries([...goMod.matchAll(/^replace (\S+) => (\S+)$/gm)]
    .map(([, module, target]) => [module, path.resolve(dir, target)]));

  expect(replaces).toEqual({
    'github.com/cdktn-api-gateway-deployment/cdktn-api-gateway-deployment-go/cdktnapigatewaydeployment':
      path.join(ROOT, 'dist', 'cdktn', 'go', 'cdktnapigatewaydeployment'),
    'github.com/cdktn-io/cdktn-provider-aws-go/aws/v25': path.join(CDKTN_GO_BINDINGS, 'aws'),
    'github.com/open-constructs/cdk-terrain-go/cdktn': path.join(CDKTN_GO_BINDINGS, 'cdktn'),
    'github.com/aws/constructs-go/constructs/v10': path.join(CDKTN_GO_BINDINGS, 'constructs'),
  });
  expect(goMod).toMatch(/^module example\.com\/api-gateway-deployment-go-example-cdktn$/m);
  expect(goMod).toContain('github.com/cdktn-io/cdktn-provider-aws-go/aws/v25 v25.7.0');
  expect(goMod).toContain('github.com/open-constructs/cdk-terrain-go/cdktn v0.24.0');
});

test('the Python copy has the Lambda function code next to it, as examples/python has', () => {
  writeCdktnExample('python', path.join(workDir, 'examples', 'python'));

  expect(fs.readFileSync(path.join(workDir, 'examples', 'resources', 'lambda', 'index.js'), 'utf8'))
    .toBe(fs.readFileSync(path.join(ROOT, 'examples', 'resources', 'lambda', 'index.js'), 'utf8'));
});

test('an unknown language is refused with the languages there are', () => {
  expect(() => writeCdktnExample('rust', path.join(workDir, 'rust'))).toThrow('language: expected one of python, java, go, got "rust"');
});

test('an example that no longer has what a rename expects is refused, and no copy is left', () => {
  const drifted = path.join(workDir, 'drifted-go');
  fs.cpSync(path.join(ROOT, 'examples', 'go'), drifted, { recursive: true });
  fs.writeFileSync(path.join(drifted, 'main.go'), fs.readFileSync(path.join(drifted, 'main.go'), 'utf8').replace(/\bcdktf\./g, 'cdk.'));
  const to = path.join(workDir, 'examples', 'go');

  expect(() => writeCdktnExample('go', to, drifted)).toThrow(
    /drifted-go no longer contains what these go renames expect \(update scripts\/cdktn-example\.ts\): \/\\bcdktf\\\.\(\?=\[A-Z\]\)\/g/);
  expect(fs.existsSync(to)).toBe(false);
});
