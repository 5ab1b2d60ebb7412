/**
 * The resources the constructs own keep what the constructs rely on, whatever the user does with
 * them: every setter, `reset…()` and `put…()` of the provider's class (enumerated from the class,
 * so a provider release that adds one is tried too), `addOverride` of every argument, and
 * `lifecycle` assignments, overrides and in-place changes. Each move either fails with the library's
 * error (at the call, or when the stack is validated at synth) or synthesizes a resource that still
 * has its API, deployment, name, key and region, `create_before_destroy` (and `ignore_changes` where
 * the construct needs it) and, for a deployment, every automatic trigger entry.
 */
import { ApiGatewayBasePathMapping } from '@cdktf/provider-aws/lib/api-gateway-base-path-mapping';
import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { ApiGatewayDomainName } from '@cdktf/provider-aws/lib/api-gateway-domain-name';
import { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { Apigatewayv2ApiMapping } from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping';
import { Apigatewayv2Deployment } from '@cdktf/provider-aws/lib/apigatewayv2-deployment';
import { Apigatewayv2DomainName } from '@cdktf/provider-aws/lib/apigatewayv2-domain-name';
import { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformIterator, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { HttpApiDeployment, HttpApiStage, RestApiDeployment, WebSocketApiDeployment } from '../src';
import { petsApi } from './support/api';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

/** One resource a construct owns, and what the construct relies on in it. */
interface Owned {
  readonly providerClass: Function;
  readonly make: (stack: TerraformStack) => TerraformResource;
  /** The arguments the construct relies on, by their name in the provider class. */
  readonly relied: readonly string[];
  readonly createBeforeDestroy: boolean;
  readonly ignoreChanges?: readonly string[];
  readonly deployment?: boolean;
}

const REGION = 'eu-west-1';
const regional = { region: REGION };
const OWNED: Record<string, Owned> = {
  'the REST deployment': {
    providerClass: ApiGatewayDeployment,
    make: (stack) => new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack, regional).api }).deployment,
    relied: ['restApiId', 'region'],
    createBeforeDestroy: true,
    deployment: true,
  },
  'the main REST deployment beside a canary': {
    providerClass: ApiGatewayDeployment,
    make: (stack) => new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack, regional).api, canary: { percentTraffic: 10 } }).deployment,
    relied: ['restApiId', 'region'],
    createBeforeDestroy: true,
    ignoreChanges: ['triggers'],
    deployment: true,
  },
  'the canary deployment': {
    providerClass: ApiGatewayDeployment,
    make: (stack) => new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack, regional).api, canary: { percentTraffic: 10 } }).canaryDeployment!,
    relied: ['restApiId', 'region'],
    createBeforeDestroy: true,
    deployment: true,
  },
  'the HTTP deployment': {
    providerClass: Apigatewayv2Deployment,
    make: (stack) => new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack, regional).api }).deployment,
    relied: ['apiId', 'region'],
    createBeforeDestroy: true,
    deployment: true,
  },
  'the WebSocket deployment': {
    providerClass: Apigatewayv2Deployment,
    make: (stack) => new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack, regional).api }).deployment,
    relied: ['apiId', 'region'],
    createBeforeDestroy: true,
    deployment: true,
  },
  'the main REST stage': {
    providerClass: ApiGatewayStage,
    make: (stack) => new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack, regional).api }).deploymentStage.stage,
    relied: ['restApiId', 'deploymentId', 'stageName', 'region'],
    createBeforeDestroy: true,
  },
  'the main HTTP stage': {
    providerClass: Apigatewayv2Stage,
    make: (stack) => new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack, regional).api }).deploymentStage.stage,
    relied: ['apiId', 'deploymentId', 'name', 'region', 'autoDeploy'],
    createBeforeDestroy: true,
  },
  'a WebSocket stage added with addStage': {
    providerClass: Apigatewayv2Stage,
    make: (stack) => new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack, regional).api }).addStage('beta').stage,
    relied: ['apiId', 'deploymentId', 'name', 'region', 'autoDeploy'],
    createBeforeDestroy: true,
  },
  'an HTTP stage made on its own': {
    providerClass: Apigatewayv2Stage,
    make: (stack) => new HttpApiStage(stack, 'stage', { apiId: petsHttpApi(stack, regional).api.id, deploymentId: 'deployment-id', stageName: 'live', region: REGION }).stage,
    relied: ['apiId', 'deploymentId', 'name', 'region', 'autoDeploy'],
    createBeforeDestroy: true,
  },
  'the method settings of a REST stage': {
    providerClass: ApiGatewayMethodSettings,
    make: (stack) => {
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack, regional).api, methodOptions: { '/pets/GET': { metricsEnabled: true } } });
      return deployment.deploymentStage.node.findAll().find((construct) => construct instanceof ApiGatewayMethodSettings) as TerraformResource;
    },
    relied: ['restApiId', 'stageName', 'methodPath', 'region'],
    createBeforeDestroy: false,
  },
  'an API mapping': {
    providerClass: Apigatewayv2ApiMapping,
    make: (stack) => {
      const domain = new Apigatewayv2DomainName(stack, 'domain', {
        domainName: 'api.example.com',
        region: REGION,
        domainNameConfiguration: { certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/x', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
      });
      return new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack, regional).api }).addApiMapping(domain.domainName, { apiMappingKey: 'orders' });
    },
    relied: ['apiId', 'stage', 'domainName', 'apiMappingKey', 'region'],
    createBeforeDestroy: false,
  },
  'a base path mapping': {
    providerClass: ApiGatewayBasePathMapping,
    make: (stack) => {
      const domain = new ApiGatewayDomainName(stack, 'domain', {
        domainName: 'api.example.com', regionalCertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/x', endpointConfiguration: { types: ['REGIONAL'] }, region: REGION,
      });
      return new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack, regional).api }).addBasePathMapping(domain.domainName, { basePath: 'orders' });
    },
    relied: ['apiId', 'stageName', 'domainName', 'domainNameId', 'basePath', 'region'],
    createBeforeDestroy: false,
  },
};

/** The library's error, alone or in cdktf's list of failed validations. */
const LIBRARY_ERROR = /property '[^']+' is [\s\S]+; expected /;

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** A value of the argument's type that differs from what it has. */
function changedValue(resource: any, name: string): unknown {
  const current = resource[`${name}Input`];
  if (typeof current === 'boolean' || /^(autoDeploy|.*Enabled)$/.test(name)) {
    return current !== true;
  }
  if (typeof current === 'number') {
    return current + 1;
  }
  if ((current !== undefined && typeof current === 'object') || /^(tags|tagsAll|variables|stageVariables|triggers)$/.test(name)) {
    return { changed: 'value' };
  }
  return 'changed-value';
}

/** Every move on the resource the provider's class allows, by name. */
function movesOf(owned: Owned): Array<[string, (resource: any) => void]> {
  const prototype = owned.providerClass.prototype;
  const names = Object.getOwnPropertyNames(prototype);
  const setters = names.filter((name) => Object.getOwnPropertyDescriptor(prototype, name)?.set !== undefined);
  return [
    ...setters.map((name): [string, (resource: any) => void] => [`set ${name}`, (resource) => {
      resource[name] = changedValue(resource, name);
    }]),
    ...names.filter((name) => /^reset[A-Z]/.test(name)).map((name): [string, (resource: any) => void] => [`${name}()`, (resource) => resource[name]()]),
    ...names.filter((name) => /^put[A-Z]/.test(name)).map((name): [string, (resource: any) => void] => [`${name}({})`, (resource) => resource[name]({})]),
    ...setters.map((name): [string, (resource: any) => void] => [`addOverride('${snakeCase(name)}')`, (resource) => {
      resource.addOverride(snakeCase(name), changedValue(resource, name));
    }]),
    ['lifecycle = { ignoreChanges: [description] }', (resource) => {
      resource.lifecycle = { ignoreChanges: ['description'] };
    }],
    ['lifecycle = { createBeforeDestroy: false }', (resource) => {
      resource.lifecycle = { createBeforeDestroy: false };
    }],
    ['lifecycle = undefined', (resource) => {
      resource.lifecycle = undefined;
    }],
    ['lifecycle.createBeforeDestroy = false (in place)', (resource) => {
      if (resource.lifecycle) {
        resource.lifecycle.createBeforeDestroy = false;
      }
    }],
    ['lifecycle.ignoreChanges = [] (in place)', (resource) => {
      if (resource.lifecycle) {
        resource.lifecycle.ignoreChanges = [];
      }
    }],
    ["addOverride('lifecycle', { ignore_changes: [description] })", (resource) => resource.addOverride('lifecycle', { ignore_changes: ['description'] })],
    ["addOverride('lifecycle.create_before_destroy', false)", (resource) => resource.addOverride('lifecycle.create_before_destroy', false)],
    ["addOverride('lifecycle', undefined)", (resource) => resource.addOverride('lifecycle', undefined)],
    ["addOverride('lifecycle.ignore_changes', [])", (resource) => resource.addOverride('lifecycle.ignore_changes', [])],
    // The meta-arguments every resource has: where it is made, and how many there are.
    ['provider = another AwsProvider', (resource) => {
      resource.provider = new AwsProvider(TerraformStack.of(resource), 'other', { region: 'us-east-1', alias: 'other' });
    }],
    ["addOverride('provider', 'aws.other')", (resource) => resource.addOverride('provider', 'aws.other')],
    ['count = 2', (resource) => {
      resource.count = 2;
    }],
    ["addOverride('count', 0)", (resource) => resource.addOverride('count', 0)],
    ['forEach = TerraformIterator.fromList([a, b])', (resource) => {
      resource.forEach = TerraformIterator.fromList(['a', 'b']);
    }],
    ["addOverride('for_each', ...)", (resource) => resource.addOverride('for_each', '${toset(["a", "b"])}')],
    ['node.tryRemoveChild (from its scope)', (resource) => resource.node.scope!.node.tryRemoveChild(resource.node.id)],
  ];
}

/** The stack with the resource made, and its synthesized block. */
function build(owned: Owned): { stack: TerraformStack; resource: TerraformResource } {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AwsProvider(stack, 'aws', { region: REGION });
  return { stack, resource: owned.make(stack) };
}

function blockOf(stack: TerraformStack, resource: TerraformResource): any {
  return JSON.parse(Testing.synth(stack, true)).resource[resource.terraformResourceType][resource.friendlyUniqueId];
}

const CASES = Object.entries(OWNED).flatMap(([name, owned]) => movesOf(owned).map(([move, apply]) => [`${name}: ${move}`, owned, apply] as const));

test('every owned resource has moves to try', () => {
  expect(Object.values(OWNED).every((owned) => movesOf(owned).length > 10)).toBe(true);
});

/** The block each owned resource has when nothing is done to it, synthesized once. */
const UNTOUCHED = new Map<Owned, any>();
function untouched(owned: Owned): any {
  if (!UNTOUCHED.has(owned)) {
    const before = build(owned);
    UNTOUCHED.set(owned, blockOf(before.stack, before.resource));
  }
  return UNTOUCHED.get(owned);
}

test.each(CASES)('%s', (_name, owned, apply) => {
  const expected = untouched(owned);
  const { stack, resource } = build(owned);
  let block: any;
  try {
    apply(resource);
    block = blockOf(stack, resource);
  } catch (error) {
    expect((error as Error).name).toBe('Error');
    expect((error as Error).message).toMatch(LIBRARY_ERROR);
    return;
  }
  expect(block).toBeDefined();
  for (const name of [...owned.relied, 'provider', 'count', 'forEach']) {
    expect([name, block[snakeCase(name)]]).toEqual([name, expected[snakeCase(name)]]);
  }
  if (owned.createBeforeDestroy) {
    expect(block.lifecycle?.create_before_destroy).toBe(true);
  }
  for (const ignored of owned.ignoreChanges ?? []) {
    expect(block.lifecycle?.ignore_changes).toContain(ignored);
  }
  if (owned.deployment) {
    const automatic = Object.keys(expected.triggers ?? {});
    expect(automatic.length).toBeGreaterThan(0);
    expect(automatic.filter((key) => !(key in (block.triggers ?? {})))).toEqual([]);
  }
});

test('a lifecycle of the user is merged with what the construct needs', () => {
  const { stack, resource } = build(OWNED['the main REST deployment beside a canary']);
  resource.lifecycle = { ignoreChanges: ['description'], preventDestroy: true };

  expect(blockOf(stack, resource).lifecycle).toEqual({ create_before_destroy: true, ignore_changes: ['description', 'triggers'], prevent_destroy: true });
});

test('the messages say what the construct relies on', () => {
  const { resource } = build(OWNED['the main HTTP stage']);
  expect(() => {
    (resource as Apigatewayv2Stage).deploymentId = 'another';
  }).toThrow("HttpApiDeployment at 'stack/deploy': property 'deploymentStage.stage.deploymentId' is \"another\"; "
    + "expected the resource to keep its 'deploymentId' as the construct set it: it is the construct's deployment, which its triggers redeploy.");
  expect(() => {
    resource.lifecycle = { createBeforeDestroy: false };
  }).toThrow("HttpApiDeployment at 'stack/deploy': property 'deploymentStage.stage.lifecycle.createBeforeDestroy' is false; "
    + 'expected the resource to keep create_before_destroy: a renamed stage is created before what points at it (mappings, usage plans) moves to it, '
    + 'and the old one is deleted after (AWS refuses to delete a stage a mapping points at).');
});
