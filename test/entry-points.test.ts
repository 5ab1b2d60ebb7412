/**
 * What Python, Java, Go and plain JavaScript callers can pass to any public constructor or method:
 * every entry point of the jsii assembly is called with `undefined`, `null`, a string, a number and
 * an array in each position (the others valid), and either works or fails with the library's error
 * (construct path, argument, value, what is expected), never a TypeError, at the call or at synth.
 * The entry points come from the assembly, so a method added later is called here without anyone
 * listing it; a parameter this file has no valid value for fails the test until one is added.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DataAwsLambdaFunction } from '@cdktf/provider-aws/lib/data-aws-lambda-function';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { entryPointsSource } from '../scripts/entry-points';
import * as library from '../src';
import { petsApi } from './support/api';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

interface JsiiParameter { readonly name: string; readonly optional?: boolean; readonly type: { readonly primitive?: string; readonly fqn?: string } }
interface JsiiCallable { readonly name?: string; readonly static?: boolean; readonly parameters?: readonly JsiiParameter[] }
interface JsiiClass {
  readonly kind: string;
  readonly name: string;
  readonly abstract?: boolean;
  readonly initializer?: JsiiCallable;
  readonly methods?: readonly JsiiCallable[];
}

const ROOT = path.resolve(__dirname, '..');
const assembly = JSON.parse(fs.readFileSync(path.join(ROOT, '.jsii'), 'utf8'));
const classes = (Object.values(assembly.types) as JsiiClass[]).filter((type) => type.kind === 'class');
const exported = library as unknown as Record<string, any>;

/** The library's error: `<Class> at '<path>'` (or `<Class>.<method>`), the property, the value and what is expected. */
const LIBRARY_ERROR = /^[\w.]+( at '[^']*')?: property '[^']+' is .+; expected [\s\S]+\.$/;
/** In cdktf's message for failed validations, each failure is the library's error. */
const VALIDATION_FAILURE = /\[[^\]]*\] ([\s\S]*?)(?=\n\s*\[|\n\nIf you wish|$)/g;

/** A stack with a provider, and one API of each kind, for valid arguments. */
function fixture() {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const rest = petsApi(stack).api;
  const http = petsHttpApi(stack).api;
  const webSocket = chatWebSocketApi(stack).api;
  return { stack, rest, http, webSocket };
}
type Fixture = ReturnType<typeof fixture>;

/** A valid value for each string parameter, by name. */
const STRINGS: Record<string, string> = {
  id: 'made',
  stageName: 'beta',
  domainName: 'api.example.com',
  key: 'team',
  value: 'payments',
  method: 'GET',
  path: '/pets',
  stage: 'prod',
  routeKey: '$connect',
  format: '$context.requestId',
  destinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:api',
  size: '0.5',
  metricName: 'IntegrationLatency',
};

/** A valid props struct for each class's constructor, and valid options for the rest. */
function validStruct(fqn: string, x: Fixture): unknown {
  const name = fqn.split('.').pop()!;
  const props: Record<string, () => unknown> = {
    RestApiDeploymentProps: () => ({ restApi: x.rest }),
    HttpApiDeploymentProps: () => ({ httpApi: x.http }),
    WebSocketApiDeploymentProps: () => ({ webSocketApi: x.webSocket }),
    RestApiStageProps: () => ({ restApiId: x.rest.id, deploymentId: 'deployment-id', stageName: 'standalone' }),
    HttpApiStageProps: () => ({ apiId: x.http.id, deploymentId: 'deployment-id', stageName: 'standalone' }),
    WebSocketApiStageProps: () => ({ apiId: x.webSocket.id, deploymentId: 'deployment-id', stageName: 'standalone' }),
  };
  return props[name]?.() ?? {};
}

function validValue(parameter: JsiiParameter, x: Fixture): unknown {
  const { primitive, fqn } = parameter.type;
  if (primitive === 'string') {
    if (!(parameter.name in STRINGS)) {
      throw new Error(`test/entry-points.test.ts has no valid value for the string parameter '${parameter.name}': add one to STRINGS`);
    }
    return STRINGS[parameter.name];
  }
  if (primitive === 'any') {
    return {};
  }
  if (fqn === 'constructs.Construct' || fqn === 'constructs.IConstruct') {
    return x.stack;
  }
  if (fqn === 'cdktf.TerraformResource') {
    return new S3Bucket(x.stack, `bucket${x.stack.node.children.length}`, {});
  }
  if (fqn !== undefined && assembly.types[fqn]?.datatype) {
    return validStruct(fqn, x);
  }
  throw new Error(`test/entry-points.test.ts has no valid value for ${parameter.name} (${JSON.stringify(parameter.type)}): add one`);
}

/** The concrete class whose instances have the methods `type` declares. */
const CONCRETE: Record<string, string> = { ApiDeploymentBase: 'HttpApiDeployment', StageBase: 'HttpApiStage' };

/** An instance of the class `name` (one of its subclasses for an abstract one), made with valid arguments. */
function instanceOf(name: string, x: Fixture): any {
  const type = classes.find((candidate) => candidate.name === (CONCRETE[name] ?? name))!;
  if (type.initializer === undefined) {
    // The classes without a public constructor are made by their static methods.
    const factories: Record<string, () => unknown> = { AccessLogFormat: () => library.AccessLogFormat.clf() };
    return factories[type.name]!();
  }
  return new exported[type.name](...(type.initializer.parameters ?? []).map((parameter) => validValue(parameter, x)));
}

/** Every call of every entry point with one bad value in one position. */
const BAD_VALUES: Array<[string, unknown]> = [['undefined', undefined], ['null', null], ['a string', 'a string'], ['a number', 42], ['an array', [1, 2]]];
const CALLS = classes.flatMap((type) => {
  const entries: Array<{ name: string; callable: JsiiCallable; kind: 'constructor' | 'static' | 'method' }> = [];
  if (type.initializer !== undefined && !type.abstract) {
    entries.push({ name: `new ${type.name}`, callable: type.initializer, kind: 'constructor' });
  }
  for (const method of type.methods ?? []) {
    entries.push({ name: `${type.name}.${method.name}`, callable: method, kind: method.static ? 'static' : 'method' });
  }
  return entries.flatMap((entry) => (entry.callable.parameters ?? []).flatMap((parameter, position) =>
    BAD_VALUES.map(([label, bad]) => ({ type, entry, position, parameter, label, bad }))));
});

/** The error a call (or the synth after it) threw, if any; fails on any that is not the library's. */
function expectLibraryErrorOrNone(run: () => void): void {
  let error: unknown;
  try {
    run();
  } catch (caught) {
    error = caught;
  }
  if (error === undefined) {
    return;
  }
  expect(error).toBeInstanceOf(Error);
  const { name, message } = error as Error;
  expect(name).toBe('Error');
  const failures = message.startsWith('Validation failed') ? [...message.matchAll(VALIDATION_FAILURE)].map((match) => match[1].trim()) : [message];
  expect(failures.filter((failure) => !LIBRARY_ERROR.test(failure))).toEqual([]);
}

test('the assembly has entry points to call', () => {
  expect(CALLS.length).toBeGreaterThan(200);
});

test('src/core/entry-points.ts is the assembly\'s (`npx projen entry-points` after a change of the API)', () => {
  expect(fs.readFileSync(path.join(ROOT, 'src', 'core', 'entry-points.ts'), 'utf8')).toBe(entryPointsSource(assembly));
});

test.each(CALLS.map((call) => [`${call.entry.name}: ${call.parameter.name} (position ${call.position + 1}) ${call.label}`, call]))('%s', (_name, call) => {
  const { type, entry, position, bad } = call as typeof CALLS[number];
  const x = fixture();
  expectLibraryErrorOrNone(() => {
    const args = (entry.callable.parameters ?? []).map((parameter) => validValue(parameter, x));
    args[position] = bad;
    if (entry.kind === 'constructor') {
      new exported[type.name](...args);
    } else if (entry.kind === 'static') {
      exported[type.name][entry.callable.name!](...args);
    } else {
      instanceOf(type.name, x)[entry.callable.name!](...args);
    }
    Testing.synth(x.stack, true);
  });
});

test('a null optional argument is taken as left out', () => {
  const x = fixture();
  const deployment = new library.HttpApiDeployment(x.stack, 'deploy', { httpApi: x.http });
  expect(() => deployment.addStage('beta', null as any)).not.toThrow();
  expect(() => Testing.synth(x.stack, true)).not.toThrow();
});

test('the messages name the construct, the argument and what is expected', () => {
  const x = fixture();
  const deployment = new library.RestApiDeployment(x.stack, 'deploy', { restApi: x.rest });
  expect(() => deployment.addStage(undefined as any)).toThrow(
    "RestApiDeployment at 'stack/deploy': property 'addStage(stageName)' is undefined; expected a string (it is required).");
  expect(() => deployment.addStage('beta', 'fast' as any)).toThrow(
    "RestApiDeployment at 'stack/deploy': property 'addStage(options)' is \"fast\"; expected an object of StageOptions.");
  expect(() => new library.HttpApiDeployment(x.stack, 'http', undefined as any)).toThrow(
    "HttpApiDeployment at 'stack/http': property 'props' is undefined; expected an object of HttpApiDeploymentProps (it is required).");
  expect(() => new library.RestApiStage(x.stack, 'stage', { restApiId: x.rest.id, stageName: 'prod' } as any)).toThrow(
    "RestApiStage at 'stack/stage': property 'deploymentId' is undefined; expected a value: RestApiStageProps requires 'deploymentId'.");
  expect(() => new library.HttpApiDeployment('stack' as any, 'http', { httpApi: x.http })).toThrow(
    "HttpApiDeployment: property 'scope' is \"stack\"; expected a construct (a stack, or a construct in one).");
  expect(() => library.AccessLogDestination.arn(42 as any)).toThrow(
    "AccessLogDestination.arn: property 'destinationArn' is 42; expected a string.");
  expect(() => library.HttpApiDeployment.warningsOf(undefined as any)).toThrow(
    "HttpApiDeployment.warningsOf: property 'scope' is undefined; expected a construct (a stack, or a construct in one) (it is required).");
});

test('the value in a message is shown as what it is: a list as a list, a data source as data.<type>', () => {
  const x = fixture();
  expect(() => new library.RestApiDeployment(x.stack, 'listed', [x.rest] as any)).toThrow(
    "RestApiDeployment at 'stack/listed': property 'props' is [the construct 'stack/api' (aws_api_gateway_rest_api)]; expected an object of RestApiDeploymentProps.");
  const deployment = new library.RestApiDeployment(x.stack, 'deploy', { restApi: x.rest });
  const lambda = new DataAwsLambdaFunction(x.stack, 'fn', { functionName: 'pets' });
  expect(() => deployment.addResource(lambda as any)).toThrow(
    "RestApiDeployment at 'stack/deploy': property 'addResource(resource)' is the construct 'stack/fn' (data.aws_lambda_function); expected a Terraform resource "
    + "(one of the provider's resource constructs); a data source is read, not made: give the attribute that should redeploy the API as a trigger (triggers: { name: source.attribute }).");
});

test('a scope outside any stack (the App, a construct made in it) is refused in the library\'s words, not cdktf\'s', () => {
  const app = Testing.app();
  expect(() => new library.RestApiDeployment(app, 'deploy', { restApiId: 'a1b2c3' })).toThrow(
    "RestApiDeployment at 'deploy': property 'scope' is the App; expected a stack, or a construct in one (new TerraformStack(app, ...)): the resources it makes belong to a stack.");
  expect(() => new library.HttpApiStage(new Construct(app, 'group'), 'stage', { apiId: 'a1b2c3', deploymentId: 'd', stageName: 'beta' })).toThrow(
    "HttpApiStage at 'group/stage': property 'scope' is the construct 'group'; expected a stack, or a construct in one (new TerraformStack(app, ...)): the resources it makes belong to a stack.");
});
