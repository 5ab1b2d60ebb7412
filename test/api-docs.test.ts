/**
 * API.md (jsii-docgen) shows what the jsii assembly documents: every optional prop states its
 * default (`@default`), every optional parameter says "Default:" in its description, and every
 * public type and member has a summary.
 */
import * as fs from 'fs';
import * as path from 'path';

const assembly = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '.jsii'), 'utf8'));
const ownTypes = Object.values<any>(assembly.types).filter((type) => type.fqn.startsWith(`${assembly.name}.`));

test('the assembly has the library\'s types', () => {
  expect(ownTypes.map((type) => type.name)).toEqual(expect.arrayContaining(['RestApiDeployment', 'RestApiDeploymentProps', 'ApiGatewayCloudWatchRole']));
});

test('every optional prop of a props struct states its default', () => {
  const missing = ownTypes.filter((type) => type.datatype).flatMap((type) => (type.properties ?? [])
    .filter((property: any) => property.optional && property.docs?.default === undefined)
    .map((property: any) => `${type.name}.${property.name}`));

  expect(missing).toEqual([]);
});

test('every optional parameter says its default', () => {
  const callables = ownTypes.flatMap((type) => [
    ...(type.initializer ? [{ name: `${type.name}.constructor`, callable: type.initializer }] : []),
    ...(type.methods ?? []).map((method: any) => ({ name: `${type.name}.${method.name}`, callable: method })),
  ]);
  const missing = callables.flatMap(({ name, callable }) => (callable.parameters ?? [])
    .filter((parameter: any) => parameter.optional && !/Default:|@default/.test(`${parameter.docs?.summary ?? ''} ${parameter.docs?.remarks ?? ''}`))
    .map((parameter: any) => `${name}(${parameter.name})`));

  expect(missing).toEqual([]);
});

test('every public type, prop and method has a summary', () => {
  const members = ownTypes.flatMap((type) => [
    { name: type.name, docs: type.docs },
    ...(type.properties ?? []).map((property: any) => ({ name: `${type.name}.${property.name}`, docs: property.docs })),
    ...(type.methods ?? []).map((method: any) => ({ name: `${type.name}.${method.name}()`, docs: method.docs })),
  ]);

  expect(members.filter((member) => !member.docs?.summary).map((member) => member.name)).toEqual([]);
});

test('API.md shows no raw {@link ...}: jsii-docgen does not render it', () => {
  const apiMd = fs.readFileSync(path.join(__dirname, '..', 'API.md'), 'utf8');

  expect(apiMd.match(/\{@link[^}]*\}/g) ?? []).toEqual([]);
});

test.each([
  ['RestApiDeployment', 'StageOptions'],
  ['HttpApiDeployment', 'HttpStageOptions'],
  ['WebSocketApiDeployment', 'WebSocketStageOptions'],
])('%s: the main stage and addStage take one set of stage options (%s); the deployment options are shared', (construct, stageOptions) => {
  const fqn = (name: string) => `${assembly.name}.${name}`;
  const addStage = assembly.types[fqn(construct)].methods.find((method: any) => method.name === 'addStage');

  expect(assembly.types[fqn(`${construct}Props`)].interfaces).toEqual([fqn(stageOptions), fqn('DeploymentOptions')]);
  expect(addStage.parameters[1].type).toEqual({ fqn: fqn(stageOptions) });
});

test('every deprecated name says what replaces it and when it goes', () => {
  const deprecated = ownTypes.flatMap((type) => [
    { name: type.name, docs: type.docs },
    ...(type.properties ?? []).map((property: any) => ({ name: `${type.name}.${property.name}`, docs: property.docs })),
  ]).filter((member) => member.docs?.deprecated !== undefined);

  expect(deprecated.length).toBeGreaterThan(0);
  expect(deprecated.filter((member) => !/^(use|set) .*removed in 0\.3\.0$/.test(member.docs.deprecated)).map((member) => member.name)).toEqual([]);
});

test('no summary is cut short: jsii takes the first sentence, which a ";" or ":" ends too early', () => {
  const documented = ownTypes.flatMap((type) => [
    { name: type.name, docs: type.docs },
    ...(type.properties ?? []).map((property: any) => ({ name: `${type.name}.${property.name}`, docs: property.docs })),
    ...(type.members ?? []).map((member: any) => ({ name: `${type.name}.${member.name}`, docs: member.docs })),
    ...[type.initializer, ...(type.methods ?? [])].filter(Boolean).flatMap((callable: any) => [
      { name: `${type.name}.${callable.name ?? 'constructor'}()`, docs: callable.docs },
      ...(callable.parameters ?? []).map((parameter: any) => ({ name: `${type.name}.${callable.name ?? 'constructor'}(${parameter.name})`, docs: parameter.docs })),
    ]),
  ]);
  const cut = documented.filter(({ docs }) => /[;:,]$/.test(docs?.summary?.trim() ?? '')).map(({ name, docs }) => `${name}: ${docs.summary}`);

  expect(cut).toEqual([]);
});
