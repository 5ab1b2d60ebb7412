/**
 * Writes the CDK Terrain copy of one of the other-language examples (examples/python,
 * examples/java, examples/go) to build/cdktn/examples/<language>: the same program with only
 * the package, module and import names of cdktf, @cdktf/provider-aws and this library renamed
 * to their cdktn counterparts, the rename the README's "Moving from cdktf to cdktn" describes.
 * The end-to-end scripts (examples/<language>/*.sh) build, run and compare these copies.
 *
 * Every rename must apply somewhere: an example that drifts from this table fails here, not
 * later as a copy that silently still uses cdktf.
 *
 *   ts-node scripts/cdktn-example.ts python|java|go
 */
import * as fs from 'fs';
import * as path from 'path';
import { CDKTN_DIR, CDKTN_VERSIONS, copyTransformed } from './cdktn-flavour';

const ROOT = path.resolve(__dirname, '..');

/** A text replacement applied to every file of the example copy whose name matches `files`. */
interface Rename {
  readonly from: RegExp;
  readonly to: string;
  readonly files: RegExp;
}

const ANY_FILE = /./;
const literally = (text: string): RegExp => new RegExp(text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'g');
const rename = (from: string | RegExp, to: string, files = ANY_FILE): Rename =>
  ({ from: typeof from === 'string' ? literally(from) : from, to, files });

/** A Maven dependency's coordinates in pom.xml, rewritten whatever version the cdktf example names. */
const mavenDependency = (groupId: string, artifactId: string, to: { groupId: string; artifactId: string; version: string }): Rename =>
  rename(new RegExp(`<groupId>${groupId}</groupId>(\\s*)<artifactId>${artifactId}</artifactId>(\\s*)<version>[^<]+</version>`, 'g'),
    `<groupId>${to.groupId}</groupId>$1<artifactId>${to.artifactId}</artifactId>$2<version>${to.version}</version>`, /^pom\.xml$/);

/** Where the generated Go bindings of cdktn, constructs and the provider subset are (scripts/package-go.sh). */
export const CDKTN_GO_BINDINGS = path.join(ROOT, 'build', 'cdktn-go-bindings', 'go');
const CDKTN = CDKTN_VERSIONS.cdktn;
const PROVIDER = CDKTN_VERSIONS['@cdktn/provider-aws'];

const RENAMES: Record<string, readonly Rename[]> = {
  python: [
    rename(/^from cdktf import/gm, 'from cdktn import'),
    rename('cdktf_cdktf_provider_aws', 'cdktn_provider_aws'),
    rename('cdktf_api_gateway_deployment', 'cdktn_api_gateway_deployment'),
    // cdktn's CLI reads cdktf.json too (the file keeps its name).
    rename('"projectId": "cdktf-api-gateway-deployment-', '"projectId": "cdktn-api-gateway-deployment-', /^cdktf\.json$/),
  ],
  java: [
    rename('import com.hashicorp.cdktf.providers.aws.', 'import io.cdktn.providers.aws.'),
    rename('import com.hashicorp.cdktf.', 'import io.cdktn.cdktn.'),
    rename('import io.github.cdktf_api_gateway_deployment.', 'import io.github.cdktn_api_gateway_deployment.'),
    mavenDependency('io.github.cdktf-api-gateway-deployment', 'cdktf-api-gateway-deployment',
      { groupId: 'io.github.cdktn-api-gateway-deployment', artifactId: 'cdktn-api-gateway-deployment', version: '${library.version}' }),
    mavenDependency('com.hashicorp', 'cdktf', { groupId: 'io.cdktn', artifactId: 'cdktn', version: CDKTN }),
    mavenDependency('com.hashicorp', 'cdktf-provider-aws', { groupId: 'io.cdktn', artifactId: 'cdktn-provider-aws', version: PROVIDER }),
    // The packages `scripts/package-java.sh cdktn` builds, seen from build/cdktn/examples/java.
    rename('${project.basedir}/../../build/registries/maven', '${project.basedir}/../../../../build/registries/maven', /^pom\.xml$/),
    rename('${project.basedir}/../../build/java-dependencies', '${project.basedir}/../../../../build/cdktn-java-dependencies', /^pom\.xml$/),
  ],
  go: [
    rename('github.com/cdktf-api-gateway-deployment/cdktf-api-gateway-deployment-go/cdktfapigatewaydeployment',
      'github.com/cdktn-api-gateway-deployment/cdktn-api-gateway-deployment-go/cdktnapigatewaydeployment'),
    rename(/\bcdktfapigatewaydeployment\./g, 'cdktnapigatewaydeployment.', /\.go$/),
    rename(/(github\.com\/cdktf\/cdktf-provider-aws-go\/aws\/v21) v[0-9.]+/g, `$1 v${PROVIDER}`, /^go\.mod$/),
    rename('github.com/cdktf/cdktf-provider-aws-go/aws/v21', 'github.com/cdktn-io/cdktn-provider-aws-go/aws/v25'),
    rename(/(github\.com\/hashicorp\/terraform-cdk-go\/cdktf) v[0-9.]+/g, `$1 v${CDKTN}`, /^go\.mod$/),
    rename('github.com/hashicorp/terraform-cdk-go/cdktf', 'github.com/open-constructs/cdk-terrain-go/cdktn'),
    rename(/\bcdktf\.(?=[A-Z])/g, 'cdktn.', /\.go$/),
    // go.mod: its own module name; its replaces and their comment give way to goReplaces().
    rename(/^module (.+)$/m, 'module $1-cdktn', /^go\.mod$/),
    rename(/^(\/\/ .*\n)*replace .*\n(\nreplace .*\n)*/m, '', /^go\.mod$/),
  ],
};

/** Replaces in go.mod once the renames above ran: the generated modules, none of which the Go proxy serves. */
function goReplaces(exampleDir: string): string {
  const modules: Array<[string, string]> = [
    ['github.com/cdktn-api-gateway-deployment/cdktn-api-gateway-deployment-go/cdktnapigatewaydeployment', path.join(ROOT, 'dist', 'cdktn', 'go', 'cdktnapigatewaydeployment')],
    ['github.com/cdktn-io/cdktn-provider-aws-go/aws/v25', path.join(CDKTN_GO_BINDINGS, 'aws')],
    ['github.com/open-constructs/cdk-terrain-go/cdktn', path.join(CDKTN_GO_BINDINGS, 'cdktn')],
    ['github.com/aws/constructs-go/constructs/v10', path.join(CDKTN_GO_BINDINGS, 'constructs')],
  ];
  return [
    '// Generated by scripts/cdktn-example.ts: the library\'s cdktn module and the bindings of cdktn,',
    '// constructs and the provider subset, all generated by scripts/package-go.sh cdktn.',
    ...modules.map(([module, dir]) => `replace ${module} => ${path.relative(exampleDir, dir)}`),
    '',
  ].join('\n');
}

/** Build output, and the scripts that build and run the cdktf example (the cdktn copy is run by them). */
const SKIPPED = new Set(['target', '__pycache__', 'go.sum', 'e2e.sh', 'build.sh']);

/** The languages that have a cdktn copy. */
export const CDKTN_EXAMPLE_LANGUAGES = Object.keys(RENAMES);

/**
 * Writes the cdktn copy of examples/<language> (or of `from`) to `to` (by default
 * build/cdktn/examples/<language>, where the end-to-end scripts expect it) and returns its path.
 */
export function writeCdktnExample(language: string, to = path.join(CDKTN_DIR, 'examples', language),
  from = path.join(ROOT, 'examples', language)): string {
  const renames = RENAMES[language];
  if (!renames) {
    throw new Error(`language: expected one of ${CDKTN_EXAMPLE_LANGUAGES.join(', ')}, got "${language}"`);
  }
  fs.rmSync(to, { recursive: true, force: true });
  const applied = new Set<Rename>();
  const renamed = (fileName: string, text: string) => renames.filter(({ files }) => files.test(fileName)).reduce((before, item) => {
    const after = before.replace(item.from, item.to);
    if (after !== before) {
      applied.add(item);
    }
    return after;
  }, text);
  copyTransformed(from, to, renamed, SKIPPED);
  const unused = renames.filter((item) => !applied.has(item));
  if (unused.length > 0) {
    fs.rmSync(to, { recursive: true, force: true });
    throw new Error(`${path.relative(ROOT, from)} no longer contains what these ${language} renames expect `
      + `(update scripts/cdktn-example.ts): ${unused.map((item) => item.from).join(', ')}`);
  }
  if (language === 'go') {
    fs.appendFileSync(path.join(to, 'go.mod'), goReplaces(to));
  }
  if (language === 'python') {
    // The Lambda functions' code (main.py's and websocket.py's), next to the examples as in examples/.
    for (const example of ['resources', 'websocket']) {
      fs.cpSync(path.join(ROOT, 'examples', example, 'lambda'), path.join(to, '..', example, 'lambda'), { recursive: true });
    }
  }
  return to;
}

if (require.main === module) {
  console.log(`wrote ${path.relative(ROOT, writeCdktnExample(process.argv[2]))}`);
}
