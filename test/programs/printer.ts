/**
 * The printer: a program as a short standalone TypeScript reproduction, a jest test file that
 * builds the same constructs as builder.ts (keep the two in step; `programs.test.ts` runs
 * printed programs and compares their output with the builder's).
 *
 * Imports: the library is imported as `'../../src'`, so the file works pasted into a folder one
 * level below `test/` (for example `test/scratch/repro.test.ts`); in an app, import
 * `'cdktf-api-gateway-deployment'` instead. Provider classes come from their modules, never
 * from the `@cdktf/provider-aws` index.
 *
 * With a mutation, `program(app, changed)` builds the original (`changed` false) or the mutated
 * program: a changed field is printed as `changed ? <mutated> : <original>`, another creation
 * order as a second function.
 */
import { ASSUME_LAMBDA, CERTIFICATE_ARN } from './builder';
import { LAMBDA_ZIP_BASE64, MODULE_SOURCE, TEMPLATE_FILE_NAME, TEMPLATE_SOURCE } from './fixtures';
import {
  ApiMove, DeploymentMove, DomainMove, Iteration, Move, NumberValue, Program, REGION, RouteSettingsModel, StageModel, StringValue, TriggerValue,
  dependenciesOf, stackIdOf,
} from './model';
import { Mutation, applyMutation } from './mutations';

/** What to print around the program. */
export interface PrintOptions {
  /** The mutation of a trigger-oracle failure. */
  readonly mutation?: Mutation;
  /** Comment lines at the top (the seed, the index, the failed check, its message). */
  readonly header?: readonly string[];
  /** The body of the jest test: statements using `program`, `synth`, `triggersOf`, `dependsOn`. */
  readonly testBody?: string;
  /** The test's name. */
  readonly testName?: string;
}

const PROVIDER_MODULES: Record<string, string> = {
  ApiGatewayRestApi: 'api-gateway-rest-api',
  ApiGatewayResource: 'api-gateway-resource',
  ApiGatewayMethod: 'api-gateway-method',
  ApiGatewayIntegration: 'api-gateway-integration',
  Apigatewayv2Api: 'apigatewayv2-api',
  Apigatewayv2Integration: 'apigatewayv2-integration',
  Apigatewayv2Route: 'apigatewayv2-route',
  Apigatewayv2DomainName: 'apigatewayv2-domain-name',
  Apigatewayv2ApiMapping: 'apigatewayv2-api-mapping',
  IamRole: 'iam-role',
  LambdaFunction: 'lambda-function',
  AwsProvider: 'provider',
};
const LIBRARY = ['RestApiDeployment', 'HttpApiDeployment', 'WebSocketApiDeployment', 'RestApiStage', 'HttpApiStage', 'WebSocketApiStage', 'MethodLoggingLevel'];
const CONSTRUCTS = ['Construct', 'IConstruct'];

/** The reproduction of `program` as a jest test file. */
export function printProgram(program: Program, options: PrintOptions = {}): string {
  const mutated = options.mutation ? applyMutation(program, options.mutation) : undefined;
  // An order that shrinking has made the same as the original's is no change: `changed` then builds the same program.
  const sameOrder = mutated !== undefined && mutated.moves.every((move, i) => move.id === program.moves[i].id);
  const reordered = options.mutation?.change.kind === 'order' && !sameOrder ? mutated : undefined;
  const printer = new StatementPrinter(program, reordered ? undefined : mutated);
  const body = printer.statements(program.moves);
  const second = reordered ? new StatementPrinter(reordered).statements(reordered.moves) : undefined;
  const testBody = options.testBody ?? 'synth();';
  const helpers = helperFunctions(testBody);
  const fromBody = [...LIBRARY, 'App'].filter((name) => new RegExp(`\\b${name}\\b`).test(testBody));
  const used = new Set([...printer.used, 'App', ...helpers.used, ...fromBody]);

  const lines: string[] = [];
  for (const line of options.header ?? []) {
    lines.push(`// ${line}`);
  }
  lines.push("// Paste into a test file one folder below test/ (e.g. test/scratch/repro.test.ts); in an app, import 'cdktf-api-gateway-deployment' instead of '../../src'.");
  lines.push(...importLines(used, printer.needsFixtures || testBody.includes('fs.') || helpers.text.includes('fs.')));
  lines.push('');
  if (printer.needsFixtures) {
    lines.push(...fixtureLines(printer));
    lines.push('');
  }
  lines.push(`function program(app: App, ${printer.usesChanged || reordered ? 'changed' : '_changed'}: boolean): void {`);
  if (second) {
    lines.push('  if (changed) {', '    return reordered(app);', '  }');
  }
  lines.push(...body.map((line) => `  ${line}`), '}', '');
  if (second) {
    lines.push('/** The same program, its constructs created in another order. */', 'function reordered(app: App): void {', ...second.map((line) => `  ${line}`), '}', '');
  }
  lines.push(...helpers.text.split('\n'));
  lines.push(`test(${quote(options.testName ?? `program ${program.seed}/${program.index}`)}, () => {`);
  lines.push(...testBody.split('\n').map((line) => `  ${line}`), '});', '');
  return lines.join('\n');
}

function importLines(used: ReadonlySet<string>, needsFs: boolean): string[] {
  const lines: string[] = [];
  if (needsFs) {
    lines.push("import * as fs from 'fs';", "import * as os from 'os';", "import * as path from 'path';");
  }
  for (const [name, module] of Object.entries(PROVIDER_MODULES).sort(([, a], [, b]) => a.localeCompare(b))) {
    if (used.has(name)) {
      lines.push(`import { ${name} } from '@cdktf/provider-aws/lib/${module}';`);
    }
  }
  const cdktf = [...used].filter((name) => !(name in PROVIDER_MODULES) && !LIBRARY.includes(name) && !CONSTRUCTS.includes(name)).sort();
  lines.push(`import { ${cdktf.join(', ')} } from 'cdktf';`);
  const constructs = CONSTRUCTS.filter((name) => used.has(name));
  if (constructs.length > 0) {
    lines.push(`import { ${constructs.join(', ')} } from 'constructs';`);
  }
  const library = LIBRARY.filter((name) => used.has(name));
  if (library.length > 0) {
    lines.push(`import { ${library.join(', ')} } from '../../src';`);
  }
  return lines;
}

function fixtureLines(printer: StatementPrinter): string[] {
  const lines = ["const fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'repro-fixtures-'));"];
  if (printer.usesModule) {
    lines.push("fs.mkdirSync(path.join(fixtures, 'api-module'));", `fs.writeFileSync(path.join(fixtures, 'api-module', 'main.tf'), ${quote(MODULE_SOURCE)});`);
  }
  if (printer.usesZip) {
    lines.push(`fs.writeFileSync(path.join(fixtures, 'lambda.zip'), Buffer.from(${quote(LAMBDA_ZIP_BASE64)}, 'base64'));`);
  }
  if (printer.usesTemplate) {
    lines.push(`fs.writeFileSync(path.join(os.tmpdir(), ${quote(TEMPLATE_FILE_NAME)}), ${quote(TEMPLATE_SOURCE)});`);
  }
  return lines;
}

/** The helper functions a test body uses, and the names they import. */
function helperFunctions(testBody: string): { text: string; used: string[] } {
  const parts: string[] = [];
  const used: string[] = [];
  const needsSynth = /\bsynth\(/.test(testBody);
  if (needsSynth) {
    used.push('App');
    parts.push([
      '/** Builds the program in a fresh App and runs `app.synth()` (as `cdktf synth` does); `before` runs first. */',
      'function synth(changed = false, before?: (app: App) => void): { app: App; outdir: string; stacks: Record<string, any>; manifest: any } {',
      "  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'repro-'));",
      '  const app = new App({ outdir });',
      '  program(app, changed);',
      '  before?.(app);',
      '  app.synth();',
      "  const names = fs.readdirSync(path.join(outdir, 'stacks'));",
      "  const stacks = Object.fromEntries(names.map((name) => [name, JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8'))]));",
      "  return { app, outdir, stacks, manifest: JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8')) };",
      '}',
      '',
    ].join('\n'));
  }
  if (/\btriggersOf\(/.test(testBody)) {
    parts.push([
      '/** The triggers of the deployment resource with construct path `at`. */',
      'function triggersOf(stacks: Record<string, any>, at: string): Record<string, string> {',
      "  const stack = stacks[at.split('/')[0]];",
      '  const all = [stack.resource?.aws_api_gateway_deployment, stack.resource?.aws_apigatewayv2_deployment].flatMap((byName) => Object.values<any>(byName ?? {}));',
      "  return all.find((block) => block['//'].metadata.path === at).triggers;",
      '}',
      '',
    ].join('\n'));
  }
  if (/\bdependsOn\(/.test(testBody)) {
    parts.push([
      '/** The stacks `stack` depends on, directly or not (manifest.json). */',
      'function dependsOn(manifest: any, stack: string): string[] {',
      '  const direct: string[] = manifest.stacks[stack].dependencies;',
      '  return [...direct, ...direct.flatMap((other) => dependsOn(manifest, other))];',
      '}',
      '',
    ].join('\n'));
  }
  return { text: parts.join('\n'), used };
}

/** Prints moves as statements; with `mutated`, a field that differs is printed as `changed ? new : old`. */
class StatementPrinter {
  readonly used = new Set<string>();
  /** Whether a printed statement reads `changed`. */
  usesChanged = false;
  needsFixtures = false;
  usesModule = false;
  usesZip = false;
  usesTemplate = false;
  private readonly byId: Map<string, Move>;
  private readonly mutatedById: Map<string, Move>;
  private referenced = new Set<string>();

  constructor(private readonly program: Program, mutated?: Program) {
    this.byId = new Map(program.moves.map((move) => [move.id, move]));
    this.mutatedById = new Map((mutated?.moves ?? []).map((move) => [move.id, move]));
  }

  statements(moves: readonly Move[]): string[] {
    // Only referenced constructs get a variable (the reproduction must compile with noUnusedLocals).
    this.referenced = new Set(moves.flatMap((move) => dependenciesOf(move)));
    for (const move of moves) {
      if (move.kind === 'restIntegration') {
        this.referenced.add((this.byId.get(move.method) as { resource: string }).resource);
      }
    }
    return moves.flatMap((move) => this.statement(move));
  }

  /** `const <id> = ` when something refers to the move's construct. */
  private declare(id: string): string {
    return this.referenced.has(id) ? `const ${id} = ` : '';
  }

  /** `render(move[key])`, or `changed ? render(mutated[key]) : render(move[key])` when the mutation changes it. */
  private field<M extends Move, K extends keyof M>(move: M, key: K, render: (value: M[K]) => string): string {
    const original = render(move[key]);
    const other = this.mutatedById.get(move.id) as M | undefined;
    if (other === undefined || JSON.stringify(other[key]) === JSON.stringify(move[key])) {
      return original;
    }
    this.usesChanged = true;
    return `(changed ? ${render(other[key])} : ${original})`;
  }

  private use(...names: string[]): void {
    names.forEach((name) => this.used.add(name));
  }

  private apiKind(id: string): ApiMove['apiKind'] {
    return (this.byId.get(id) as ApiMove).apiKind;
  }

  private apiIdOf(move: { api: string; apiIdVia?: string; apiIdFrom?: string }): string {
    if (move.apiIdFrom !== undefined) {
      return `${move.apiIdFrom}.${this.apiKind(move.api) === 'rest' ? 'restApiId' : 'apiId'}`;
    }
    return move.apiIdVia ?? `${move.api}.id`;
  }

  /** A REST integration's template: the literal, or `Fn.file` of the fixture. */
  private template(move: { templateFile?: boolean }, value: string): string {
    if (!move.templateFile) {
      return quote(value);
    }
    this.needsFixtures = this.usesTemplate = true;
    this.use('Fn');
    return `Fn.file(path.join(os.tmpdir(), ${quote(TEMPLATE_FILE_NAME)}))`;
  }

  private statement(move: Move): string[] {
    switch (move.kind) {
      case 'stack':
        this.use('TerraformStack', 'AwsProvider');
        return [`const ${move.id} = new TerraformStack(app, '${move.id}');`, `new AwsProvider(${move.id}, 'aws', { region: '${REGION}' });`];
      case 'scope':
        this.use('Construct');
        return [`${this.declare(move.id)}new Construct(${move.in}, '${move.id}');`];
      case 'api': {
        const kind = move.apiKind;
        this.use(kind === 'rest' ? 'ApiGatewayRestApi' : 'Apigatewayv2Api');
        const props = objectLiteral([
          ['name', this.field(move, 'title', quote)],
          ['description', this.field(move, 'description', literal)],
          ['tags', this.field(move, 'tags', literal)],
          ['disableExecuteApiEndpoint', this.field(move, 'disableExecuteApiEndpoint', literal)],
          ['protocolType', kind === 'rest' ? 'undefined' : quote(kind === 'http' ? 'HTTP' : 'WEBSOCKET')],
          ['routeSelectionExpression', kind === 'websocket' ? quote('$request.body.action') : 'undefined'],
        ]);
        return [`${this.declare(move.id)}new ${kind === 'rest' ? 'ApiGatewayRestApi' : 'Apigatewayv2Api'}(${move.in}, '${move.id}', ${props});`];
      }
      case 'variable':
        this.use('TerraformVariable');
        return [`${this.declare(move.id)}new TerraformVariable(${move.in}, '${move.id}', { type: '${move.type}', default: ${literal(move.default)} });`];
      case 'apiId': {
        const id = `${move.api}.id`;
        switch (move.via) {
          case 'local': this.use('TerraformLocal'); return [`const ${move.id} = new TerraformLocal(${move.in}, '${move.id}', ${id}).asString;`];
          case 'lower': this.use('Fn'); return [`const ${move.id} = Fn.lower(${id});`];
          case 'trimspace': this.use('Fn'); return [`const ${move.id} = Fn.trimspace(${id});`];
          default: this.use('Fn', 'Token'); return [`const ${move.id} = Token.asString(Fn.coalesce([${move.variable}.stringValue, ${id}]));`];
        }
      }
      case 'lambda': {
        this.use('IamRole', 'LambdaFunction');
        const lines = [`const ${move.id}_role = new IamRole(${move.in}, '${move.id}_role', { name: ${this.field(move, 'functionName', (name) => quote(`${name}-role`))}, assumeRolePolicy: ${quote(ASSUME_LAMBDA)} });`];
        let filename = quote('lambda.zip');
        if (move.code === 'asset') {
          this.use('TerraformAsset', 'AssetType');
          this.needsFixtures = this.usesZip = true;
          lines.push(`const ${move.id}_code = new TerraformAsset(${move.in}, '${move.id}_code', { path: path.join(fixtures, 'lambda.zip'), type: AssetType.FILE });`);
          filename = `${move.id}_code.path`;
        }
        const props = objectLiteral([
          ['functionName', this.field(move, 'functionName', quote)], ['role', `${move.id}_role.arn`], ['handler', quote('index.handler')],
          ['runtime', quote('nodejs20.x')], ['filename', filename], ['tags', this.field(move, 'tags', literal)],
        ]);
        lines.push(`${this.declare(move.id)}new LambdaFunction(${move.in}, '${move.id}', ${props});`);
        return lines;
      }
      case 'role':
        this.use('IamRole');
        return [`new IamRole(${move.in}, '${move.id}', { name: ${this.field(move, 'roleName', quote)}, assumeRolePolicy: ${quote(ASSUME_LAMBDA)} });`];
      case 'restResource': {
        this.use('ApiGatewayResource');
        const iterated = this.iteration(move, '', '');
        const props = objectLiteral([
          ...iterated.meta,
          ['restApiId', iterated.apiId ?? this.apiIdOf(move)],
          ['parentId', `${move.api}.rootResourceId`],
          ['pathPart', iterated.element ?? this.field(move, 'pathPart', quote)],
        ]);
        return [...iterated.lines, `${this.declare(move.id)}new ApiGatewayResource(${move.in}, '${move.id}', ${props});`];
      }
      case 'restMethod': {
        this.use('ApiGatewayMethod');
        const props = objectLiteral([
          ['restApiId', this.apiIdOf(move)], ['resourceId', `${move.resource}.id`], ['httpMethod', quote(move.httpMethod)],
          ['authorization', this.field(move, 'authorization', quote)], ['apiKeyRequired', this.field(move, 'apiKeyRequired', literal)],
        ]);
        return [`${this.declare(move.id)}new ApiGatewayMethod(${move.in}, '${move.id}', ${props});`];
      }
      case 'restIntegration': {
        this.use('ApiGatewayIntegration');
        const method = this.byId.get(move.method) as { resource: string };
        const props = objectLiteral([
          ['restApiId', this.apiIdOf(move)], ['resourceId', `${method.resource}.id`], ['httpMethod', `${move.method}.httpMethod`], ['type', quote(move.type)],
          ['requestTemplates', this.field(move, 'template', (value) => (value === undefined ? 'undefined' : `{ 'application/json': ${this.template(move, value)} }`))],
          ['integrationHttpMethod', move.type === 'MOCK' ? 'undefined' : quote(move.type === 'AWS_PROXY' ? 'POST' : 'GET')],
          ['uri', move.lambda ? `${move.lambda}.invokeArn` : this.field(move, 'uri', literal)],
          ['timeoutMilliseconds', this.field(move, 'timeoutMilliseconds', literal)],
        ]);
        return [`${this.declare(move.id)}new ApiGatewayIntegration(${move.in}, '${move.id}', ${props});`];
      }
      case 'v2Integration': {
        this.use('Apigatewayv2Integration');
        const http = this.apiKind(move.api) === 'http';
        const props = objectLiteral([
          ['apiId', this.apiIdOf(move)], ['integrationType', quote(move.type)],
          ['integrationMethod', move.type === 'MOCK' ? 'undefined' : quote(move.type === 'AWS_PROXY' ? 'POST' : 'ANY')],
          ['integrationUri', move.lambda ? `${move.lambda}.invokeArn` : this.field(move, 'uri', literal)],
          ['payloadFormatVersion', move.type === 'AWS_PROXY' && http ? quote('2.0') : 'undefined'],
          ['requestTemplates', this.field(move, 'template', (value) => (value === undefined ? 'undefined' : `{ $default: ${quote(value)} }`))],
          ['templateSelectionExpression', move.template === undefined ? 'undefined' : quote('\\$default')],
          ['timeoutMilliseconds', this.field(move, 'timeoutMilliseconds', literal)],
        ]);
        return [`${this.declare(move.id)}new Apigatewayv2Integration(${move.in}, '${move.id}', ${props});`];
      }
      case 'v2Route': {
        this.use('Apigatewayv2Route');
        const separator = this.apiKind(move.api) === 'http' ? '/' : '_';
        const iterated = this.iteration(move, move.routeKey, separator);
        const props = objectLiteral([
          ...iterated.meta,
          ['apiId', iterated.apiId ?? this.apiIdOf(move)],
          ['routeKey', iterated.element ?? this.field(move, 'routeKey', quote)],
          ['target', this.field(move, 'target', (target) => `\`integrations/\${${target}.id}\``)],
          ['apiKeyRequired', this.field(move, 'apiKeyRequired', literal)],
        ]);
        return [...iterated.lines, `${this.declare(move.id)}new Apigatewayv2Route(${move.in}, '${move.id}', ${props});`];
      }
      case 'module':
        this.use('TerraformHclModule');
        this.needsFixtures = this.usesModule = true;
        return [`new TerraformHclModule(${move.in}, '${move.id}', { source: path.join(fixtures, 'api-module'), variables: { api_id: ${move.api}.id } });`];
      case 'deployment': {
        const kind = this.apiKind(move.api);
        const type = kind === 'rest' ? 'RestApiDeployment' : kind === 'http' ? 'HttpApiDeployment' : 'WebSocketApiDeployment';
        this.use(type);
        const props: Array<[string, string]> = [
          [kind === 'rest' ? 'restApi' : kind === 'http' ? 'httpApi' : 'webSocketApi', move.api],
          ['stageName', literal(move.stageName)],
          ['cloudWatchRole', literal(move.cloudWatchRole)],
          ['triggers', this.field(move, 'triggers', (value) => this.triggers(value, move))],
        ];
        const other = this.mutatedById.get(move.id) as typeof move | undefined;
        const stageChanged = other !== undefined && JSON.stringify(other.stage) !== JSON.stringify(move.stage);
        this.usesChanged ||= stageChanged;
        const options = stageChanged
          ? `{ ...${objectLiteral(props)}, ...(changed ? ${objectLiteral(this.stage(other.stage))} : ${objectLiteral(this.stage(move.stage))}) }`
          : objectLiteral([...props, ...this.stage(move.stage)]);
        return [`${this.declare(move.id)}new ${type}(${move.in}, '${move.id}', ${options});`];
      }
      case 'addStage':
        return [`${move.deployment}.addStage(${quote(move.stageName)}, ${this.field(move, 'stage', (value) => objectLiteral(this.stage(value)))});`];
      case 'escapeHatch':
        switch (move.hatch) {
          case 'lifecycle': {
            const target = `${move.deployment}.${move.on === 'deployment' ? 'deployment' : 'deploymentStage.stage'}`;
            return [move.how === 'assign'
              ? `${target}.lifecycle = { ignoreChanges: ['description'] };`
              : `${target}.addOverride('lifecycle', { ignore_changes: ['description'] });`];
          }
          case 'overrideTrigger': return [`${move.deployment}.deployment.addOverride(${quote(`triggers.${move.key}`)}, ${this.field(move, 'value', literal)});`];
          case 'setTriggers': return [`${move.deployment}.deployment.triggers = ${this.field(move, 'entries', literal)};`];
          case 'output':
            this.use('TerraformOutput', 'TerraformStack');
            return [`new TerraformOutput(TerraformStack.of(${move.deployment}), '${move.id}', { value: ${move.deployment}.deployment.triggersInput });`];
          default:
            this.use('TerraformLocal', 'TerraformStack');
            return [`new TerraformLocal(TerraformStack.of(${move.deployment}), '${move.id}', ${move.deployment}.deployment.triggersInput);`];
        }
      case 'override':
        return [`${move.target}.addOverride(${quote(move.path)}, ${this.field(move, 'value', literal)});`];
      case 'setter': {
        const reset = `reset${move.property[0].toUpperCase()}${move.property.slice(1)}`;
        const other = this.mutatedById.get(move.id) as typeof move | undefined;
        const assign = (value: unknown) => (value === undefined ? `${move.target}.${reset}();` : `${move.target}.${move.property} = ${literal(value)};`);
        if (other !== undefined && JSON.stringify(other.value) !== JSON.stringify(move.value)) {
          this.usesChanged = true;
          return ['if (changed) {', `  ${assign(other.value)}`, '} else {', `  ${assign(move.value)}`, '}'];
        }
        return [assign(move.value)];
      }
      case 'standaloneStage': {
        const api = (this.byId.get(move.deployment) as DeploymentMove).api;
        const kind = this.apiKind(api);
        const type = kind === 'rest' ? 'RestApiStage' : kind === 'http' ? 'HttpApiStage' : 'WebSocketApiStage';
        this.use(type);
        const props: Array<[string, string]> = [
          [kind === 'rest' ? 'restApiId' : 'apiId', `${api}.id`], ['deploymentId', `${move.deployment}.deploymentId`], ['stageName', quote(move.stageName)],
        ];
        const options = this.field(move, 'stage', (stage) => objectLiteral([...props, ...this.stage(stage)]));
        return [`${this.declare(move.id)}new ${type}(${move.in}, '${move.id}', ${options});`];
      }
      case 'domain': {
        this.use('Apigatewayv2DomainName');
        const configuration = `{ certificateArn: ${quote(CERTIFICATE_ARN)}, endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' }`;
        return [`${this.declare(move.id)}new Apigatewayv2DomainName(${move.in}, '${move.id}', { domainName: ${this.field(move, 'domainName', quote)}, domainNameConfiguration: ${configuration} });`];
      }
      case 'mapping': {
        const domain = move.byName ? quote((this.byId.get(move.domain) as DomainMove).domainName) : `${move.domain}.domainName`;
        const options = this.field(move, 'key', (key) => (key === '' ? '{}' : `{ apiMappingKey: ${quote(key)} }`));
        const call = `${move.stage}.addApiMapping(${domain}, ${options})`;
        return move.keyAfter === undefined ? [`${call};`] : [`${call}.apiMappingKey = ${quote(move.keyAfter)};`];
      }
      case 'handMapping': {
        this.use('Apigatewayv2ApiMapping');
        const deployment = this.byId.get(move.deployment) as DeploymentMove;
        const props = objectLiteral([
          ['apiId', `${deployment.api}.id`], ['domainName', `${move.domain}.domainName`],
          ['stage', `${move.deployment}.deploymentStage.stage.${this.apiKind(deployment.api) === 'rest' ? 'stageName' : 'name'}`],
          ['apiMappingKey', this.field(move, 'key', (key) => (key === '' ? 'undefined' : quote(key)))],
        ]);
        return [`new Apigatewayv2ApiMapping(${move.in}, '${move.id}', ${props});`];
      }
      case 'crossRead': {
        this.use('TerraformOutput');
        const value = this.field(move, 'attribute', (attribute) => (attribute === 'triggersInput' ? `${move.deployment}.deployment.triggersInput` : `${move.deployment}.${attribute}`));
        return [`new TerraformOutput(${move.in}, '${move.id}', { value: ${value} });`];
      }
      case 'aspect':
        this.use('Aspects', 'TerraformStack', 'IConstruct');
        return [
          `Aspects.of(TerraformStack.of(${move.target})).add({`,
          '  visit(node: IConstruct) {',
          `    if (node === ${move.target}) {`,
          `      ${move.target}.timeoutMilliseconds = ${this.field(move, 'timeoutMilliseconds', literal)};`,
          '    }',
          '  },',
          '});',
        ];
    }
  }

  /**
   * `forEach`/`count` of a resource: the statement making the iterator (or count), the resource's
   * property for it, and the per-instance string (`<prefix><separator><value>`) as an expression.
   */
  private iteration(move: Move & { iterate?: Iteration }, prefix: string, separator: string) {
    const iteration = move.iterate;
    if (iteration === undefined) {
      return { lines: [] as string[], meta: [] as Array<[string, string]>, element: undefined, apiId: undefined };
    }
    const render = (it: Iteration) => (it.kind === 'count' ? `TerraformCount.of(${it.count})`
      : it.kind === 'list' ? `TerraformIterator.fromList(${literal(it.items)})`
        : it.kind === 'map' ? `TerraformIterator.fromMap(${literal(Object.fromEntries(it.entries))})`
          : `TerraformIterator.fromMap({ ${it.keys.map((key) => `${propertyName(key)}: { api: ${this.apiIdOf(move as { api: string; apiIdVia?: string; apiIdFrom?: string })}, value: ${quote(key)} }`).join(', ')} })`);
    const other = (this.mutatedById.get(move.id) as { iterate?: Iteration } | undefined)?.iterate;
    const iterationChanged = other !== undefined && JSON.stringify(other) !== JSON.stringify(iteration);
    this.usesChanged ||= iterationChanged;
    const source = iterationChanged ? `(changed ? ${render(other)} : ${render(iteration)})` : render(iteration);
    const name = `${move.id}_each`;
    const value = iteration.kind === 'count' ? `item\${${name}.index}` : iteration.kind === 'apiMap' ? `\${${name}.getString('value')}` : `\${${name}.value}`;
    this.use(iteration.kind === 'count' ? 'TerraformCount' : 'TerraformIterator');
    return {
      lines: [`const ${name} = ${source};`],
      meta: [[iteration.kind === 'count' ? 'count' : 'forEach', name]] as Array<[string, string]>,
      element: prefix === '' && iteration.kind !== 'count' ? (iteration.kind === 'apiMap' ? `${name}.getString('value')` : `${name}.value`)
        : `\`${prefix}${prefix === '' ? '' : separator}${value}\``,
      apiId: iteration.kind === 'apiMap' ? `${name}.getString('api')` : undefined,
    };
  }

  private triggers(triggers: Readonly<Record<string, TriggerValue>> | undefined, move: Extract<Move, { kind: 'deployment' }>): string {
    const entries: Array<[string, string]> = Object.entries(triggers ?? {}).map(([key, value]) => [key, this.triggerValue(value)]);
    if (move.collidingTrigger !== undefined) {
      const api = this.byId.get(move.api) as ApiMove;
      const type = api.apiKind === 'rest' ? 'aws_api_gateway_rest_api' : 'aws_apigatewayv2_api';
      const sameStack = stackIdOf(this.program, move.api) === stackIdOf(this.program, move.id);
      entries.push([`[\`${sameStack ? '' : `${stackIdOf(this.program, move.api)}/`}${type}.\${${move.api}.friendlyUniqueId}\`]`, quote(move.collidingTrigger)]);
    }
    return entries.length === 0 ? 'undefined' : `{ ${entries.map(([key, value]) => `${key.startsWith('[') ? key : propertyName(key)}: ${value}`).join(', ')} }`;
  }

  private triggerValue(value: TriggerValue): string {
    switch (value.kind) {
      case 'literal': return quote(value.text);
      case 'variable': return `${value.variable}.stringValue`;
      default: this.use('Fn'); return `Fn.sha1(${quote(value.text)})`;
    }
  }

  private stage(stage: StageModel): Array<[string, string]> {
    const text = (value: StringValue) => {
      if (typeof value === 'string') {
        return quote(value);
      }
      if ('split' in value) {
        this.use('Fn');
        this.use('Token');
        return `Token.asString(Fn.split(',', ${quote(value.split)}))`;
      }
      return `${value.variable}.stringValue`;
    };
    const perKey = (options: Readonly<Record<string, RouteSettingsModel>> | undefined) => (options === undefined ? 'undefined'
      : `{ ${Object.entries(options).map(([key, settings]) => `${quote(key)}: ${objectLiteral(this.settings(settings))}`).join(', ')} }`);
    return [
      ...this.settings(stage),
      ['stageDescription', literal(stage.stageDescription)],
      ['variables', stage.variables === undefined ? 'undefined' : `{ ${Object.entries(stage.variables).map(([key, value]) => `${propertyName(key)}: ${text(value)}`).join(', ')} }`],
      ['tags', literal(stage.tags)],
      ['routeOptions', perKey(stage.routeOptions)],
      ['methodOptions', perKey(stage.methodOptions)],
    ];
  }

  private settings(settings: RouteSettingsModel): Array<[string, string]> {
    const num = (value: NumberValue | undefined) => (value === undefined ? 'undefined' : typeof value === 'number' ? String(value) : `${value.variable}.numberValue`);
    if (settings.loggingLevel !== undefined) {
      this.use('MethodLoggingLevel');
    }
    return [
      ['throttlingBurstLimit', num(settings.throttlingBurstLimit)],
      ['throttlingRateLimit', num(settings.throttlingRateLimit)],
      ['detailedMetricsEnabled', literal(settings.detailedMetricsEnabled)],
      ['metricsEnabled', literal(settings.metricsEnabled)],
      ['loggingLevel', settings.loggingLevel === undefined ? 'undefined' : `MethodLoggingLevel.${settings.loggingLevel}`],
    ];
  }
}

/** `{ a: 1, b: 'x' }` of the properties whose expression is not `undefined`. */
function objectLiteral(properties: ReadonlyArray<readonly [string, string]>): string {
  const given = properties.filter(([, expression]) => expression !== 'undefined');
  return given.length === 0 ? '{}' : `{ ${given.map(([name, expression]) => `${propertyName(name)}: ${expression}`).join(', ')} }`;
}

function propertyName(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : quote(name);
}

/** A string as a single-quoted TypeScript literal. */
export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** A plain value (string, number, boolean, array, object, undefined) as a TypeScript expression. */
export function literal(value: unknown): string {
  if (value === undefined) {
    return 'undefined';
  }
  if (typeof value === 'string') {
    return quote(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map(literal).join(', ')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, nested]) => nested !== undefined);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([key, nested]) => `${propertyName(key)}: ${literal(nested)}`).join(', ')} }`;
  }
  return String(value);
}
