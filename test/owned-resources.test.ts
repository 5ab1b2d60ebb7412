/**
 * The resources the constructs own keep what the constructs rely on, whatever the user does with
 * them: every setter, `reset…()` and `put…()` of the provider's class (enumerated from the class,
 * so a provider release that adds one is tried too), `addOverride` of every argument, and
 * `lifecycle` assignments, overrides and in-place changes. Each move either fails with the library's
 * error (at the call, or when the stack is validated at synth) or synthesizes a resource that still
 * has its API, deployment, name, key and region, `create_before_destroy` (and `ignore_changes` where
 * the construct needs it) and, for a deployment, every automatic trigger entry.
 */
import * as fs from 'fs';
import * as os from 'os';
import { join } from 'path';
import { ApiGatewayAccount } from '@cdktf/provider-aws/lib/api-gateway-account';
import { ApiGatewayBasePathMapping } from '@cdktf/provider-aws/lib/api-gateway-base-path-mapping';
import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { ApiGatewayDomainName } from '@cdktf/provider-aws/lib/api-gateway-domain-name';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { Apigatewayv2ApiMapping } from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping';
import { Apigatewayv2Deployment } from '@cdktf/provider-aws/lib/apigatewayv2-deployment';
import { Apigatewayv2DomainName } from '@cdktf/provider-aws/lib/apigatewayv2-domain-name';
import { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';
import { App, Fn, TerraformIterator, TerraformLocal, TerraformResource, TerraformStack, Testing } from 'cdktf';
import { AccessLogDestination, ApiGatewayCloudWatchRole, HttpApiDeployment, HttpApiStage, MethodLoggingLevel, RestApiDeployment, RestApiStage, WebSocketApiDeployment } from '../src';
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
    relied: ['restApiId', 'deploymentId', 'stageName', 'region', 'canarySettings'],
    createBeforeDestroy: true,
  },
  'the main HTTP stage': {
    providerClass: Apigatewayv2Stage,
    make: (stack) => new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack, regional).api }).deploymentStage.stage,
    relied: ['apiId', 'deploymentId', 'name', 'region', 'autoDeploy', 'defaultRouteSettings', 'routeSettings'],
    createBeforeDestroy: true,
  },
  'a WebSocket stage added with addStage': {
    providerClass: Apigatewayv2Stage,
    make: (stack) => new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack, regional).api }).addStage('beta').stage,
    relied: ['apiId', 'deploymentId', 'name', 'region', 'autoDeploy', 'defaultRouteSettings', 'routeSettings'],
    createBeforeDestroy: true,
  },
  'an HTTP stage made on its own': {
    providerClass: Apigatewayv2Stage,
    make: (stack) => new HttpApiStage(stack, 'stage', { apiId: petsHttpApi(stack, regional).api.id, deploymentId: 'deployment-id', stageName: 'live', region: REGION }).stage,
    relied: ['apiId', 'deploymentId', 'name', 'region', 'autoDeploy', 'defaultRouteSettings', 'routeSettings'],
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
  "a REST stage's web ACL association": {
    providerClass: Wafv2WebAclAssociation,
    make: (stack) => new RestApiDeployment(stack, 'deploy', {
      restApi: petsApi(stack, regional).api, webAclArn: 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/pets/a1b2',
    }).deploymentStage.node.findChild('WebAcl') as TerraformResource,
    relied: ['resourceArn', 'webAclArn', 'region'],
    createBeforeDestroy: false,
  },
  "a stage's access log group": {
    providerClass: CloudwatchLogGroup,
    make: (stack) => new RestApiDeployment(stack, 'deploy', {
      restApi: petsApi(stack, regional).api, accessLogDestination: AccessLogDestination.newLogGroup(),
    }).deploymentStage.accessLogGroup!,
    relied: ['region'],
    createBeforeDestroy: false,
  },
  "the CloudWatch role's role": {
    providerClass: IamRole,
    make: (stack) => new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack, regional).api, cloudWatchRole: true }).cloudWatchRole!.role,
    relied: ['assumeRolePolicy', 'name', 'managedPolicyArns'],
    createBeforeDestroy: false,
  },
  "the CloudWatch role's policy attachment": {
    providerClass: IamRolePolicyAttachment,
    make: (stack) => new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack, regional).api, cloudWatchRole: true })
      .cloudWatchRole!.node.findChild('PushToCloudWatchLogs') as TerraformResource,
    relied: ['role', 'policyArn'],
    createBeforeDestroy: false,
  },
  "the CloudWatch role's account setting (made on its own)": {
    providerClass: ApiGatewayAccount,
    make: (stack) => new ApiGatewayCloudWatchRole(stack, 'logs', { region: REGION }).account,
    relied: ['cloudwatchRoleArn', 'region'],
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
  const blocks = names.filter((name) => /^put[A-Z]/.test(name)).map((name) => `${name[3].toLowerCase()}${name.slice(4)}`);
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
    // cdktf's dynamic blocks, which render beside the argument of the same name.
    ...[...setters, ...blocks].map((name): [string, (resource: any) => void] => [`addOverride('dynamic.${snakeCase(name)}')`, (resource) => {
      resource.addOverride(`dynamic.${snakeCase(name)}`, { for_each: [1], content: { changed: 'value' } });
    }]),
    ...[...setters, ...blocks].map((name): [string, (resource: any) => void] => [`addOverride('dynamic', { ${snakeCase(name)} })`, (resource) => {
      resource.addOverride('dynamic', { [snakeCase(name)]: { for_each: [1], content: { changed: 'value' } } });
    }]),
    // Moves out of the configuration.
    ["moveToId('<type>.elsewhere')", (resource) => resource.moveToId(`${resource.terraformResourceType}.elsewhere`)],
    ["moveTo('elsewhere') (a resource of the same type marked with addMoveTarget)", (resource) => {
      const target = new (owned.providerClass as any)(TerraformStack.of(resource), 'elsewhere', configOf(resource, prototype));
      target.addMoveTarget('elsewhere');
      resource.moveTo('elsewhere');
    }],
    // Own properties that shadow what the class guards, and the class itself swapped.
    ...['lifecycle', 'provider', 'count', 'forEach'].map((name): [string, (resource: any) => void] => [`Object.defineProperty(resource, '${name}', ...)`, (resource) => {
      const values: Record<string, () => unknown> = {
        lifecycle: () => ({ createBeforeDestroy: false }),
        provider: () => new AwsProvider(TerraformStack.of(resource), 'other', { region: 'us-east-1', alias: 'other' }),
        count: () => 2,
        forEach: () => TerraformIterator.fromList(['a', 'b']),
      };
      Object.defineProperty(resource, name, { value: values[name](), configurable: true, writable: true });
    }]),
    ['Object.setPrototypeOf(resource, the provider class), then lifecycle = { createBeforeDestroy: false }', (resource) => {
      Object.setPrototypeOf(resource, prototype);
      resource.lifecycle = { createBeforeDestroy: false };
    }],
    ...owned.relied.map((name): [string, (resource: any) => void] => [`Object.setPrototypeOf(resource, the provider class), then addOverride('${snakeCase(name)}')`, (resource) => {
      Object.setPrototypeOf(resource, prototype);
      resource.addOverride(snakeCase(name), changedValue(resource, name));
    }]),
  ];
}

/** The stack with the resource made, and its synthesized block. */
function build(owned: Owned): { stack: TerraformStack; resource: TerraformResource } {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AwsProvider(stack, 'aws', { region: REGION });
  return { stack, resource: owned.make(stack) };
}

/** The arguments a resource was made with (what its provider class requires to make another). */
function configOf(resource: any, prototype: object): Record<string, unknown> {
  const names = Object.getOwnPropertyNames(prototype)
    .filter((name) => name.endsWith('Input') && resource[name] !== undefined);
  return Object.fromEntries(names.map((name) => [name.slice(0, -'Input'.length), resource[name]]));
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
    const key = snakeCase(name);
    expect([name, block[key], block.dynamic?.[key]]).toEqual([name, expected[key], expected.dynamic?.[key]]);
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
  // (prevent_destroy is refused on a deployment, which each redeploy replaces: test/owned-lifecycle.test.ts)
  resource.lifecycle = { ignoreChanges: ['description'] };

  expect(blockOf(stack, resource).lifecycle).toEqual({ create_before_destroy: true, ignore_changes: ['description', 'triggers'] });
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

/** The validation errors of a synth, or the synthesized JSON. */
function synthOf(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack, true));
}

function restDeployment(stack: TerraformStack): RestApiDeployment {
  new AwsProvider(stack, 'aws', { region: REGION });
  return new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack, regional).api, methodOptions: { '/pets/GET': { metricsEnabled: true } } });
}

function httpDeployment(stack: TerraformStack): HttpApiDeployment {
  new AwsProvider(stack, 'aws', { region: REGION });
  return new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack, regional).api });
}

const newStack = () => new TerraformStack(Testing.app(), 'stack');

describe('an override of a dynamic block is one of the block', () => {
  test.each([
    ['dynamic.canary_settings', { for_each: [1], content: { deployment_id: 'x', percent_traffic: 50 } }],
    ['dynamic.canary_settings.content.percent_traffic', 50],
    ['dynamic', { canary_settings: { for_each: [1], content: { percent_traffic: 50 } } }],
  ])("REST stage: addOverride('%s', ...)", (path, value) => {
    const stage = restDeployment(newStack()).deploymentStage.stage;
    expect(() => stage.addOverride(path, value)).toThrow(`RestApiDeployment at 'stack/deploy': property 'deploymentStage.stage.addOverride(${path})' is `);
    expect(() => stage.addOverride(path, value)).toThrow("expected the resource to keep its 'canarySettings' as the construct set it: "
      + "the construct's canary settings send the canary traffic to its canary deployment (set them with the construct's 'canary').");
  });

  test.each([
    ['dynamic.default_route_settings', 'defaultRouteSettings'],
    ['dynamic.route_settings', 'routeSettings'],
  ])("HTTP stage: addOverride('%s', ...)", (path, name) => {
    const stage = httpDeployment(newStack()).deploymentStage.stage;
    expect(() => stage.addOverride(path, { for_each: [1], content: { detailed_metrics_enabled: true } }))
      .toThrow(`HttpApiDeployment at 'stack/deploy': property 'deploymentStage.stage.addOverride(${path})' is {"for_each":[1],"content":{"detailed_metrics_enabled":true}}; `
        + `expected the resource to keep its '${name}' as the construct set it: the construct writes route settings with both throttling limits`);
  });

  test('a dynamic block of an argument the construct does not rely on stays the user\'s', () => {
    const stack = newStack();
    const stage = restDeployment(stack).deploymentStage.stage;
    stage.addOverride('dynamic.access_log_settings', { for_each: [1], content: { destination_arn: 'arn', format: '$context.requestId' } });

    expect(Object.values(synthOf(stack).resource.aws_api_gateway_stage as Record<string, any>)[0].dynamic.access_log_settings.for_each).toEqual([1]);
  });
});

describe('removing a construct between the owner and its resource is seen at synth', () => {
  test("the deployment's stage construct", () => {
    const stack = newStack();
    const deployment = restDeployment(stack);
    deployment.node.tryRemoveChild('Stage');

    expect(() => synthOf(stack)).toThrow("RestApiDeployment at 'stack/deploy': property 'deploymentStage.stage' is "
      + "\"removed with 'stack/deploy/Stage' ('stack/deploy/Stage/Default')\"; expected the resource the construct made");
  });

  test("the stage's web ACL association", () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, webAclArn: 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/pets/a1b2' });
    deployment.deploymentStage.node.tryRemoveChild('WebAcl');

    expect(() => synthOf(stack)).toThrow("RestApiDeployment at 'stack/deploy': property 'webAclArn' is \"removed ('stack/deploy/Stage/WebAcl')\"; "
      + 'expected the resource the construct made');
  });

  test("the deployment's CloudWatch role", () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, cloudWatchRole: true });
    deployment.node.tryRemoveChild('CloudWatchRole');

    expect(() => synthOf(stack)).toThrow("RestApiDeployment at 'stack/deploy': property 'cloudWatchRole' is \"removed with 'stack/deploy/CloudWatchRole' "
      + "('stack/deploy/CloudWatchRole/Role')\"; expected the resource the construct made");
  });

  test("the stage's access log group", () => {
    const stack = newStack();
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, accessLogDestination: AccessLogDestination.newLogGroup() });
    deployment.deploymentStage.node.tryRemoveChild('AccessLogs');

    expect(() => synthOf(stack)).toThrow(/RestApiDeployment at 'stack\/deploy': property '[^']*accessLogDestination[^']*' is "removed \('stack\/deploy\/Stage\/AccessLogs'\)"; expected the resource the construct made/);
  });

  test("the stage's method settings container", () => {
    const stack = newStack();
    const deployment = restDeployment(stack);
    deployment.deploymentStage.node.tryRemoveChild('MethodSettings');

    expect(() => synthOf(stack)).toThrow("RestApiDeployment at 'stack/deploy': property 'methodOptions./pets/GET' is "
      + "\"removed with 'stack/deploy/Stage/MethodSettings' ('stack/deploy/Stage/MethodSettings/pets_GET')\"; "
      + 'expected the resource the construct made: what it makes refers to it (make another construct instead of removing it).');
  });
});

describe('moves of an owned resource', () => {
  test.each([
    ['moveToId', (resource: TerraformResource) => resource.moveToId('aws_api_gateway_deployment.elsewhere')],
    ['moveTo', (resource: TerraformResource) => resource.moveTo('elsewhere')],
  ])('%s is refused', (move, apply) => {
    const deployment = restDeployment(newStack()).deployment;
    expect(() => apply(deployment)).toThrow(`RestApiDeployment at 'stack/deploy': property 'deployment.${move}()' is `);
    expect(() => apply(deployment)).toThrow('expected the resource to stay where the construct made it: what the construct makes refers to its address, '
      + "and the moves of its resources are the construct's business (to hand its state to another resource, remove the construct and call "
      + "moveFromId('<this address>') on that resource; to keep a resource's state under this one, call moveFromId('<that address>') on it).");
  });

  test('moveFromId (adopting an address) stays allowed', () => {
    const stack = newStack();
    const deployment = restDeployment(stack).deployment;
    deployment.moveFromId('aws_api_gateway_deployment.old');

    expect(synthOf(stack).moved).toEqual([{ from: 'aws_api_gateway_deployment.old', to: `aws_api_gateway_deployment.${deployment.friendlyUniqueId}` }]);
  });

  test('moveFromId from a resource still declared (the hand-written deployment left in place when adopting): refused at synth', () => {
    const stack = newStack();
    const construct = restDeployment(stack);
    new ApiGatewayDeployment(stack, 'old', { restApiId: 'a1b2c3', lifecycle: { createBeforeDestroy: true } });
    construct.deployment.moveFromId('aws_api_gateway_deployment.old');

    expect(() => synthOf(stack)).toThrow("RestApiDeployment at 'stack/deploy': property 'deployment.moveFromId' is \"aws_api_gateway_deployment.old\"; expected "
      + "the address of a resource no longer declared: 'stack/old' is still declared there, and terraform plan fails (\"Moved object still exists\"); remove it "
      + 'from the program (the moved block hands its state to this resource).');
  });

  test("a move that bypasses the guard (the provider class's method) is seen at synth", () => {
    const stack = newStack();
    const stage = restDeployment(stack).deploymentStage.stage;
    ApiGatewayStage.prototype.moveToId.call(stage, 'aws_api_gateway_stage.elsewhere');

    expect(() => synthOf(stack)).toThrow("RestApiDeployment at 'stack/deploy': property 'deploymentStage.stage' is \"moved away ('stack/deploy/Stage/Default')\"; "
      + 'expected the resource to stay where the construct made it');
  });
});

describe('the validation at synth checks what the resource renders', () => {
  test('an own lifecycle property shadowing the guarded one', () => {
    const stack = newStack();
    const deployment = restDeployment(stack).deployment;
    Object.defineProperty(deployment, 'lifecycle', { value: { createBeforeDestroy: false } });

    expect(() => synthOf(stack)).toThrow("RestApiDeployment at 'stack/deploy': property 'deployment.lifecycle' is {\"create_before_destroy\":false}; "
      + 'expected the resource to keep create_before_destroy: a new deployment is created before the stages move to it');
  });

  test.each([
    ['provider', (stack: TerraformStack) => new AwsProvider(stack, 'other', { region: 'us-east-1', alias: 'other' }), '"aws.other"'],
    ['count', () => 2, '2'],
  ])('an own %s property shadowing the guarded one', (name, value, shown) => {
    const stack = newStack();
    const stage = restDeployment(stack).deploymentStage.stage;
    Object.defineProperty(stage, name, { value: value(stack) });

    expect(() => synthOf(stack)).toThrow(`RestApiDeployment at 'stack/deploy': property 'deploymentStage.stage.${name}' is ${shown}; `
      + `expected the resource to keep its '${name}' as the construct set it: `);
  });

  test('the provider class put back with Object.setPrototypeOf', () => {
    const stack = newStack();
    const stage = restDeployment(stack).deploymentStage.stage;
    Object.setPrototypeOf(stage, ApiGatewayStage.prototype);
    stage.deploymentId = 'another';

    expect(() => synthOf(stack)).toThrow(/property 'deploymentStage.stage.lifecycle' is undefined; expected the resource to keep create_before_destroy: [\s\S]*property 'deploymentStage.stage.deploymentId' is "another"; expected the resource to keep its 'deploymentId' as the construct set it/);
  });
});

describe('under App.synth, the validation reads what the prepare pass rendered', () => {
  function appWith(make: (stack: TerraformStack) => void): () => void {
    const outdir = fs.mkdtempSync(join(os.tmpdir(), 'owned-'));
    const app = new App({ outdir });
    make(new TerraformStack(app, 'stack'));
    return () => {
      try {
        app.synth();
      } finally {
        fs.rmSync(outdir, { recursive: true, force: true });
      }
    };
  }
  test('a change that bypasses the guards is seen there as by Testing.synth', () => {
    const synth = appWith((stack) => {
      const stage = restDeployment(stack).deploymentStage.stage;
      Object.setPrototypeOf(stage, ApiGatewayStage.prototype);
      stage.deploymentId = 'another';
    });

    expect(synth).toThrow(/property 'deploymentStage.stage.lifecycle' is undefined; expected the resource to keep create_before_destroy: [\s\S]*property 'deploymentStage.stage.deploymentId' is "another"; expected the resource to keep its 'deploymentId' as the construct set it/);
  });

  test('an account setting made after the logging stage: it waits for it, and the validation finds nothing broken', () => {
    let stageOf: () => TerraformResource;
    const synth = appWith((stack) => {
      const deployment = restDeployment(stack);
      const logging = deployment.addStage('logging', { loggingLevel: MethodLoggingLevel.INFO });
      new ApiGatewayCloudWatchRole(stack, 'logs');
      stageOf = () => logging.stage;
    });

    expect(synth).not.toThrow();
    expect(stageOf!().dependsOn).toEqual([expect.stringMatching(/^aws_api_gateway_account\./)]);
  });
});

describe('method settings written by hand beside the construct\'s for one method path of its stage', () => {
  const withSettings = (adopt: boolean) => () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, throttlingBurstLimit: 100, throttlingRateLimit: 50 });
    if (adopt) {
      deployment.deploymentStage.methodSettings[0].moveFromId('aws_api_gateway_method_settings.all');
    } else {
      new ApiGatewayMethodSettings(stack, 'all', {
        restApiId: deployment.restApiId, stageName: deployment.deploymentStage.stage.stageName, methodPath: '*/*', settings: { throttlingBurstLimit: 10, throttlingRateLimit: 5 },
      });
    }
    return JSON.parse(Testing.synth(stack, true));
  };

  test('refused at synth: every apply would flip the two', () => {
    expect(withSettings(false)).toThrow("RestApiDeployment at 'stack/deploy': property 'deploymentStage.methodSettings' is \"*/*\"; expected method settings no other method "
      + "settings of the stage have: 'stack/all' (aws_api_gateway_method_settings.all, written by hand) sets the method path \"*/*\" of this stage too, and each "
      + "apply flips the two; give the settings in the stage's options only, and, adopting it, remove it from the program and call "
      + "moveFromId('aws_api_gateway_method_settings.all') on deploymentStage.methodSettings[0].");
  });

  test("a stage addStage made, a stage made on its own, settings of another stack, a method path through a local: the advice names each's place", () => {
    const withSettingsIn = (how: 'added' | 'own' | 'other stack' | 'local') => () => {
      const app = Testing.app();
      const stack = new TerraformStack(app, 'stack');
      new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
      const api = petsApi(stack).api;
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: api });
      const options = { methodOptions: { '/pets/GET': { metricsEnabled: true } } };
      const stage = how === 'added' ? deployment.addStage('beta', { ...options, metricsEnabled: true }).stage
        : how === 'own' ? new RestApiStage(stack, 'beta', { restApiId: api.id, deploymentId: deployment.deploymentId, stageName: 'beta', ...options }).stage
          : deployment.addStage('beta', options).stage;
      const where = how === 'other stack' ? new TerraformStack(app, 'other') : stack;
      if (where !== stack) {
        new AwsProvider(where, 'aws', { region: 'eu-west-2' });
      }
      const methodPath = how === 'local' ? new TerraformLocal(stack, 'path', 'pets/GET').asString : 'pets/GET';
      new ApiGatewayMethodSettings(where, 'hand', { restApiId: api.id, stageName: stage.stageName, methodPath, settings: { metricsEnabled: true } });
      Testing.synth(stack, true);
      Testing.synth(where, true);
    };
    expect(withSettingsIn('added')).toThrow("moveFromId('aws_api_gateway_method_settings.hand') on addStage(beta).methodSettings[1].");
    expect(withSettingsIn('own')).toThrow("RestApiStage at 'stack/beta': property 'methodOptions./pets/GET' is \"/pets/GET\"; expected method settings no other method settings "
      + "of the stage have: 'stack/hand' (aws_api_gateway_method_settings.hand, written by hand) sets the method path \"pets/GET\" of this stage too, and each apply "
      + "flips the two; give the settings in the stage's options only, and, adopting it, remove it from the program and call "
      + "moveFromId('aws_api_gateway_method_settings.hand') on methodSettings[0].");
    expect(withSettingsIn('other stack')).toThrow("and remove it from the program (it is in the stack 'other': its next apply destroys it, and the construct's settings take its place)");
    expect(withSettingsIn('local')).toThrow('sets the method path "pets/GET" of this stage too');
  });

  test('for a method the API does not serve, or a nested path written with plain slashes: warned', () => {
    const warningsWith = (methodPath: string) => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
      const pets = petsApi(stack);
      const byId = new ApiGatewayResource(stack, 'by_id', { restApiId: pets.api.id, parentId: pets.pets.id, pathPart: '{id}' });
      const get = new ApiGatewayMethod(stack, 'get_by_id', { restApiId: pets.api.id, resourceId: byId.id, httpMethod: 'GET', authorization: 'NONE' });
      new ApiGatewayIntegration(stack, 'get_by_id_integration', { restApiId: pets.api.id, resourceId: byId.id, httpMethod: get.httpMethod, type: 'MOCK' });
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: pets.api, cloudWatchRole: false });
      new ApiGatewayMethodSettings(stack, 'hand', {
        restApiId: deployment.restApiId, stageName: deployment.deploymentStage.stage.stageName, methodPath, settings: { metricsEnabled: true },
      });
      return RestApiDeployment.warningsOf(stack);
    };
    expect(warningsWith('pets/PATCH')).toEqual(["The method settings 'stack/hand' (aws_api_gateway_method_settings.hand, written by hand) name the method path "
      + '"pets/PATCH" of the stage "prod", which aws_api_gateway_rest_api.api does not serve: AWS refuses settings for a method that does not exist. Name one '
      + 'of its methods, or add the method to the API.']);
    expect(warningsWith('pets/{id}/GET')).toEqual([expect.stringContaining('name the method path "pets/{id}/GET", whose resource path has several levels: '
      + 'API Gateway does not read it as the method\'s')]);
    expect(warningsWith('~1pets~1{id}/GET')).toEqual([]);
    expect(warningsWith('pets/GET')).toEqual([]);
    expect(warningsWith('*/GET')).toEqual([]);
    for (const path of ['pets/get', 'GET']) {
      expect(warningsWith(path)).toEqual([`The method settings 'stack/hand' (aws_api_gateway_method_settings.hand, written by hand) name the method path "${path}", `
        + "which API Gateway does not read as a method's: write '{resource path}/{HTTP METHOD}', the method in upper case ('pets/GET', '~1/GET' for the root "
        + "resource, '*/*' for every method)."]);
    }
  });

  test.each(['/pets/GET', '~1pets/GET'])('a method path written with the resource path\'s leading slash (%s): the same method, refused too', (methodPath) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, methodOptions: { '/pets/GET': { metricsEnabled: true } } });
    new ApiGatewayMethodSettings(stack, 'hand', {
      restApiId: deployment.restApiId, stageName: deployment.deploymentStage.stage.stageName, methodPath, settings: { metricsEnabled: true },
    });
    expect(() => Testing.synth(stack, true)).toThrow(`'stack/hand' (aws_api_gateway_method_settings.hand, written by hand) sets the method path "${methodPath}" of this stage too`);
  });

  test('the stage named through a function of its name, or a raw "${...}" string naming it: found too', () => {
    for (const name of [(stage: ApiGatewayStage) => Fn.trimspace(stage.stageName), (stage: ApiGatewayStage) => `\${aws_api_gateway_stage.${stage.friendlyUniqueId}.stage_name}`]) {
      const stack = new TerraformStack(Testing.app(), 'stack');
      new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, throttlingBurstLimit: 100, throttlingRateLimit: 50 });
      new ApiGatewayMethodSettings(stack, 'all', {
        restApiId: deployment.restApiId, stageName: name(deployment.deploymentStage.stage), methodPath: '*/*', settings: { metricsEnabled: true },
      });
      expect(() => Testing.synth(stack, true)).toThrow("'stack/all' (aws_api_gateway_method_settings.all, written by hand) sets the method path \"*/*\" of this stage too");
    }
  });

  test("adopted: the construct's method settings, moved from the hand-written address", () => {
    const json = withSettings(true)();
    expect(json.moved).toEqual([{ from: 'aws_api_gateway_method_settings.all', to: expect.stringMatching(/^aws_api_gateway_method_settings\.deploy_Stage_MethodSettings_AllMethods_\w+$/) }]);
  });
});

describe("a web ACL association written by hand beside the construct's for its stage", () => {
  const withAssociation = (adopt: boolean) => () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, webAclArn: 'arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/pets/abc' });
    if (adopt) {
      deployment.deploymentStage.webAclAssociation!.moveFromId('aws_wafv2_web_acl_association.waf');
    } else {
      new Wafv2WebAclAssociation(stack, 'waf', { resourceArn: deployment.deploymentStage.stage.arn, webAclArn: 'arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/legacy/def' });
    }
    return JSON.parse(Testing.synth(stack, true));
  };

  test('refused at synth: each apply would flip the two', () => {
    expect(withAssociation(false)).toThrow("RestApiDeployment at 'stack/deploy': property 'webAclArn' is \"'stack/waf' (aws_wafv2_web_acl_association.waf, "
      + 'written by hand)"; expected one web ACL association for the stage: a stage has one web ACL, and each apply would flip the two; give the web ACL in '
      + "webAclArn only, and remove it from the program and call moveFromId('aws_wafv2_web_acl_association.waf') on deploymentStage.webAclAssociation, so that "
      + 'Terraform moves it there.');
  });

  test('named by a raw "${...}" string of the stage\'s arn: refused too', () => {
    expect(() => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, webAclArn: 'arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/pets/abc' });
      new Wafv2WebAclAssociation(stack, 'waf', {
        resourceArn: `\${aws_api_gateway_stage.${deployment.deploymentStage.stage.friendlyUniqueId}.arn}`, webAclArn: 'arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/legacy/def',
      });
      Testing.synth(stack, true);
    }).toThrow('expected one web ACL association for the stage');
  });

  test("adopted: the construct's association, moved from the hand-written address", () => {
    expect(withAssociation(true)().moved).toEqual([{ from: 'aws_wafv2_web_acl_association.waf', to: expect.stringMatching(/^aws_wafv2_web_acl_association\.deploy_Stage_WebAcl_\w+$/) }]);
  });
});
