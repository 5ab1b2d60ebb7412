import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsLambdaFunction } from '@cdktf/provider-aws/lib/data-aws-lambda-function';
import { LambdaAlias } from '@cdktf/provider-aws/lib/lambda-alias';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { Fn, TerraformIterator, TerraformLocal, TerraformResource, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { RestApiDeployment } from '../src';
import { petsApi } from './support/api';
import { EVERY_DISCOVERED_TYPE } from './support/every-resource-type';
import { beforeAndAfter, changedTriggerKeys, synthesize, triggersOf } from './support/synth';

/** The expressions hashed by a Terraform-evaluated entry, without `${sha1(jsonencode([` and `]))}`. */
function referencesIn(triggers: Record<string, string>, key: string): string[] {
  const match = /^\$\{sha1\(jsonencode\(\[(.*)\]\)\)\}$/.exec(triggers[key] ?? '');
  if (!match) {
    throw new Error(`the "${key}" entry has an unexpected shape: ${triggers[key]}`);
  }
  return match[1].split(', ');
}

/** The ids of the API's resources that the `resource_ids` entry reads. */
function idsIn(triggers: Record<string, string>): string[] {
  return referencesIn(triggers, 'resource_ids');
}

describe('one trigger entry per API resource', () => {
  test('keys are Terraform addresses, values are digests, plus one entry over the resource ids', () => {
    const triggers = triggersOf(synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    }));

    expect(Object.keys(triggers)).toEqual([
      'aws_api_gateway_integration.pets_get_integration',
      'aws_api_gateway_method.pets_get',
      'aws_api_gateway_resource.pets',
      'aws_api_gateway_rest_api.api',
      'resource_ids',
    ]);
    for (const [key, value] of Object.entries(triggers)) {
      if (key !== 'resource_ids') {
        expect(value).toMatch(/^[0-9a-f]{32}$/);
      }
    }
  });

  test.each(Object.keys(EVERY_DISCOVERED_TYPE))('a change to an %s redeploys, and only its entry changes', (type) => {
    // GIVEN the same API twice, differing in one setting of one resource of this type
    const [before, after] = beforeAndAfter((stack, changed) => {
      const api = petsApi(stack);
      EVERY_DISCOVERED_TYPE[type](stack, api, changed);
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    });

    // THEN exactly the entry of that resource differs
    expect(triggersOf(before)[`${type}.subject`]).toBeDefined();
    expect(changedTriggerKeys(before, after)).toEqual([`${type}.subject`]);
  });

  test.each(Object.keys(EVERY_DISCOVERED_TYPE))('adding an %s redeploys', (type) => {
    const [before, after] = beforeAndAfter((stack, changed) => {
      const api = petsApi(stack);
      if (changed) {
        EVERY_DISCOVERED_TYPE[type](stack, api, false);
      }
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    });

    expect(changedTriggerKeys(before, after)).toEqual([`${type}.subject`, 'resource_ids']);
  });

  test.each(Object.keys(EVERY_DISCOVERED_TYPE))('the resource_ids entry orders the deployment after an %s through an attribute the type has', (type) => {
    // GIVEN an API with one resource of this type
    let subject: TerraformResource | undefined;
    const triggers = triggersOf(synthesize((stack) => {
      const api = petsApi(stack);
      subject = EVERY_DISCOVERED_TYPE[type](stack, api, false);
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    }));

    // THEN the reference to it names an attribute its L1 class (generated from the provider schema) exposes
    const reference = idsIn(triggers).find((candidate) => candidate.startsWith(`${type}.subject.`))!;
    const attribute = reference.slice(`${type}.subject.`.length);
    const getter = attribute.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());
    expect(getter in subject!).toBe(true);
  });

  test('an aws_api_gateway_rest_api_put, which has no id, is referenced by its rest_api_id', () => {
    const triggers = triggersOf(synthesize((stack) => {
      const api = petsApi(stack);
      EVERY_DISCOVERED_TYPE.aws_api_gateway_rest_api_put(stack, api, false);
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    }));

    expect(idsIn(triggers)).toContain('aws_api_gateway_rest_api_put.subject.rest_api_id');
    expect(idsIn(triggers)).not.toContain('aws_api_gateway_rest_api_put.subject.id');
  });

  test('a change to the REST API itself (binary media types) changes its entry', () => {
    const [before, after] = beforeAndAfter((stack, changed) => {
      const { api } = petsApi(stack, { binaryMediaTypes: changed ? ['image/png'] : undefined });
      new RestApiDeployment(stack, 'deploy', { restApi: api });
    });

    expect(changedTriggerKeys(before, after)).toEqual(['aws_api_gateway_rest_api.api']);
  });

  test('resources inside nested constructs are discovered like any other', () => {
    const [before, after] = beforeAndAfter((stack, changed) => {
      const api = petsApi(stack);
      const nested = new Construct(new Construct(stack, 'routes'), 'orders');
      new ApiGatewayResource(nested, 'orders', { restApiId: api.api.id, parentId: api.api.rootResourceId, pathPart: changed ? 'order' : 'orders' });
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    });

    expect(changedTriggerKeys(before, after)).toEqual(['aws_api_gateway_resource.routes_orders_68AB923D']);
  });

  test('resources created after the deployment are discovered too', () => {
    const triggers = triggersOf(synthesize((stack) => {
      const api = petsApi(stack);
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
      new ApiGatewayResource(stack, 'late', { restApiId: api.api.id, parentId: api.api.rootResourceId, pathPart: 'late' });
    }));

    expect(triggers['aws_api_gateway_resource.late']).toMatch(/^[0-9a-f]{32}$/);
  });

  test('escape-hatch overrides count as configuration', () => {
    const [before, after] = beforeAndAfter((stack, changed) => {
      const api = petsApi(stack);
      if (changed) {
        api.integration.addOverride('timeout_milliseconds', 5000);
      }
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    });

    expect(changedTriggerKeys(before, after)).toEqual(['aws_api_gateway_integration.pets_get_integration']);
  });

  test('count decides what exists, so changing it redeploys', () => {
    const [before, after] = beforeAndAfter((stack, changed) => {
      const api = petsApi(stack);
      const extra = new ApiGatewayResource(stack, 'extra', { restApiId: api.api.id, parentId: api.api.rootResourceId, pathPart: 'extra' });
      extra.count = changed ? 2 : 1;
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    });

    expect(changedTriggerKeys(before, after)).toEqual(['aws_api_gateway_resource.extra']);
    expect(idsIn(triggersOf(after))).toContain('aws_api_gateway_resource.extra[*].id');
  });

  test('resources with for_each are referenced through values()', () => {
    const triggers = triggersOf(synthesize((stack) => {
      const api = petsApi(stack);
      const paths = TerraformIterator.fromList(['a', 'b']);
      new ApiGatewayResource(stack, 'many', {
        forEach: paths,
        restApiId: api.api.id,
        parentId: api.api.rootResourceId,
        pathPart: paths.value,
      });
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    }));

    expect(idsIn(triggers)).toContain('values(aws_api_gateway_resource.many)[*].id');
    expect(idsIn(triggers).some((reference) => reference.startsWith('each.'))).toBe(false);
  });
});

describe('never redeploy for', () => {
  test('tag changes on the REST API', () => {
    const [before, after] = beforeAndAfter((stack, changed) => {
      const { api } = petsApi(stack, { tags: { team: changed ? 'checkout' : 'pets' } });
      new RestApiDeployment(stack, 'deploy', { restApi: api });
    });

    expect(changedTriggerKeys(before, after)).toEqual([]);
  });

  test('the REST API name and description', () => {
    const [before, after] = beforeAndAfter((stack, changed) => {
      const { api } = petsApi(stack, { name: changed ? 'pets-v2' : 'pets', description: changed ? 'new' : 'old' });
      new RestApiDeployment(stack, 'deploy', { restApi: api });
    });

    expect(changedTriggerKeys(before, after)).toEqual([]);
  });

  test('stage settings: variables, stage description, stage name', () => {
    const [before, after] = beforeAndAfter((stack, changed) => {
      new RestApiDeployment(stack, 'deploy', {
        restApi: petsApi(stack).api,
        variables: { backend: changed ? 'b' : 'a' },
        stageDescription: changed ? 'two' : 'one',
        stageName: changed ? 'live' : 'prod',
      });
    });

    expect(changedTriggerKeys(before, after)).toEqual([]);
  });

  test('method settings on the stage', () => {
    const [before, after] = beforeAndAfter((stack, changed) => {
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      new ApiGatewayMethodSettings(stack, 'settings', {
        restApiId: deployment.restApiId,
        stageName: deployment.deploymentStage.stage.stageName,
        methodPath: '*/*',
        settings: { metricsEnabled: changed, loggingLevel: changed ? 'INFO' : 'OFF' },
      });
    });

    expect(changedTriggerKeys(before, after)).toEqual([]);
  });

  test("another API's resources", () => {
    const [before, after] = beforeAndAfter((stack, changed) => {
      const mine = petsApi(stack);
      const other = petsApi(stack, { name: 'other' }, 'other_');
      other.integration.addOverride('request_templates', { 'application/json': changed ? '{"v": 2}' : '{"v": 1}' });
      new RestApiDeployment(stack, 'deploy', { restApi: mine.api });
    });

    expect(changedTriggerKeys(before, after)).toEqual([]);
    expect(Object.keys(triggersOf(after)).some((key) => key.includes('other_'))).toBe(false);
  });

  test('unrelated resources', () => {
    const [before, after] = beforeAndAfter((stack, changed) => {
      new SnsTopic(stack, 'alerts', { name: changed ? 'alerts-v2' : 'alerts' });
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    });

    expect(changedTriggerKeys(before, after)).toEqual([]);
  });

  test('the order in which constructs were created', () => {
    const [first, second] = beforeAndAfter((stack, reversed) => {
      const api = petsApi(stack);
      const makeOrders = () => new ApiGatewayResource(stack, 'orders', { restApiId: api.api.id, parentId: api.api.rootResourceId, pathPart: 'orders' });
      const makeDeployment = () => new RestApiDeployment(stack, 'deploy', { restApi: api.api });
      if (reversed) {
        makeDeployment();
        makeOrders();
      } else {
        makeOrders();
        makeDeployment();
      }
    });

    expect(JSON.stringify(triggersOf(first))).toBe(JSON.stringify(triggersOf(second)));
  });

  test('depends_on, lifecycle and provider meta-arguments of API resources', () => {
    const [before, after] = beforeAndAfter((stack, changed) => {
      const api = petsApi(stack);
      if (changed) {
        const topic = new SnsTopic(stack, 'topic', { name: 't' });
        api.get.dependsOn = [topic.fqn];
        api.get.lifecycle = { createBeforeDestroy: true };
      }
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    });

    expect(changedTriggerKeys(before, after)).toEqual([]);
  });
});

describe('values known only at plan or apply time', () => {
  function withLambda(stack: TerraformStack, uri: (fn: LambdaFunction, alias: LambdaAlias) => string) {
    const api = petsApi(stack);
    const fn = new LambdaFunction(stack, 'fn', { functionName: 'pets', role: 'arn:aws:iam::123456789012:role/pets', filename: 'pets.zip', handler: 'index.handler', runtime: 'nodejs20.x' });
    const alias = new LambdaAlias(stack, 'live', { name: 'live', functionName: fn.functionName, functionVersion: '$LATEST' });
    new ApiGatewayIntegration(stack, 'lambda', {
      restApiId: api.api.id,
      resourceId: api.pets.id,
      httpMethod: 'POST',
      type: 'AWS_PROXY',
      integrationHttpMethod: 'POST',
      uri: uri(fn, alias),
    });
    new ApiGatewayMethod(stack, 'post', { restApiId: api.api.id, resourceId: api.pets.id, httpMethod: 'POST', authorization: 'NONE' });
    new RestApiDeployment(stack, 'deploy', { restApi: api.api });
  }

  test('a value indexed by another known at plan time: an entry for the index too, and the whole map (a splat over a map fails the plan)', () => {
    const triggers = triggersOf(synthesize((stack) => {
      const backends = new TerraformVariable(stack, 'backends', { type: 'map(string)' });
      const env = new TerraformVariable(stack, 'env', { type: 'string' });
      const routes = new TerraformLocal(stack, 'routes', { pets: { uri: 'https://pets.example.com' } });
      const api = petsApi(stack);
      api.integration.addOverride('uri', `\${var.${backends.friendlyUniqueId}[var.${env.friendlyUniqueId}]}`);
      const each = TerraformIterator.fromMap(routes.asAnyMap);
      new ApiGatewayIntegration(stack, 'each', {
        forEach: each,
        restApiId: api.api.id,
        resourceId: api.pets.id,
        httpMethod: 'GET',
        type: 'HTTP_PROXY',
        integrationHttpMethod: 'GET',
        uri: Token.asString(Fn.lookupNested(routes.asAnyMap, [each.key, 'uri'])),
      });
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    }));

    expect(triggers['var.backends']).toBe('${sha1(jsonencode([var.backends]))}');
    expect(triggers['var.env']).toBe('${sha1(jsonencode([var.env]))}');
    expect(triggers['local.routes']).toBe('${sha1(jsonencode([local.routes]))}');
  });

  test('a Lambda invoke ARN gets an entry of its own, keyed by the function, so a replaced function redeploys', () => {
    const triggers = triggersOf(synthesize((stack) => withLambda(stack, (fn) => fn.invokeArn)));

    expect(triggers['aws_lambda_function.fn']).toBe('${sha1(jsonencode([aws_lambda_function.fn.invoke_arn]))}');
  });

  test('a for_each over whole functions (TerraformIterator.fromResources) hashes the attributes read through each.value, not every attribute', () => {
    const triggers = triggersOf(synthesize((stack) => {
      const api = petsApi(stack);
      const fns = new LambdaFunction(stack, 'fns', {
        forEach: TerraformIterator.fromList(['a', 'b']), functionName: 'pets', role: 'arn:aws:iam::123456789012:role/pets', filename: 'pets.zip', handler: 'index.handler', runtime: 'nodejs20.x',
      });
      const each = TerraformIterator.fromResources(fns);
      new ApiGatewayIntegration(stack, 'lambda', {
        forEach: each, restApiId: api.api.id, resourceId: api.pets.id, httpMethod: 'GET', type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: each.getString('invoke_arn'),
      });
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    }));

    // A tag of a function, or its last_modified, is no reason to redeploy (and hashing them made plans inconsistent with applies).
    expect(triggers['aws_lambda_function.fns']).toBe('${sha1(jsonencode([values(aws_lambda_function.fns)[*].invoke_arn]))}');
  });

  test('one instance of a for_each function read through values() hashes that attribute of the instances, not every attribute', () => {
    const triggers = triggersOf(synthesize((stack) => {
      const api = petsApi(stack);
      new LambdaFunction(stack, 'fns', {
        forEach: TerraformIterator.fromList(['a', 'b']), functionName: 'pets', role: 'arn:aws:iam::123456789012:role/pets', filename: 'pets.zip', handler: 'index.handler', runtime: 'nodejs20.x',
      });
      new ApiGatewayIntegration(stack, 'lambda', {
        restApiId: api.api.id, resourceId: api.pets.id, httpMethod: 'GET', type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: '${values(aws_lambda_function.fns)[0].invoke_arn}',
      });
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    }));

    // Every attribute of every instance (tags, last_modified) redeployed for a tag, and made plans inconsistent with applies.
    expect(triggers['aws_lambda_function.fns']).toBe('${sha1(jsonencode([values(aws_lambda_function.fns)[*].invoke_arn]))}');
  });

  test('a for_each over data sources (TerraformIterator.fromDataSources) hashes the attributes read through each.value too', () => {
    const triggers = triggersOf(synthesize((stack) => {
      const api = petsApi(stack);
      const fns = new DataAwsLambdaFunction(stack, 'fns', { forEach: TerraformIterator.fromList(['a', 'b']), functionName: '${each.value}' });
      const each = TerraformIterator.fromDataSources(fns);
      new ApiGatewayIntegration(stack, 'lambda', {
        forEach: each, restApiId: api.api.id, resourceId: api.pets.id, httpMethod: 'GET', type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: each.getString('invoke_arn'),
      });
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    }));

    // A code deploy of a function (its last_modified, source_code_hash) is no reason to redeploy the API.
    expect(triggers['data.aws_lambda_function.fns']).toBe('${sha1(jsonencode([values(data.aws_lambda_function.fns)[*].invoke_arn]))}');
  });

  test('a function counted to 0 or 1 and picked by a conditional: its entry reads it through try(), so the plan works where it does not exist', () => {
    const triggers = triggersOf(synthesize((stack) => {
      const api = petsApi(stack);
      const useV2 = new TerraformVariable(stack, 'use_v2', { type: 'bool', default: false });
      for (const [id, count] of [['v1', Fn.conditional(useV2.booleanValue, 0, 1)], ['v2', Fn.conditional(useV2.booleanValue, 1, 0)]] as const) {
        new LambdaFunction(stack, id, { count: Token.asNumber(count), functionName: id, role: 'arn:aws:iam::123456789012:role/r', runtime: 'nodejs20.x', handler: 'index.handler', filename: 'x.zip' });
      }
      new ApiGatewayIntegration(stack, 'lambda', {
        restApiId: api.api.id,
        resourceId: api.pets.id,
        httpMethod: 'GET',
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: '${var.use_v2 ? aws_lambda_function.v2[0].invoke_arn : aws_lambda_function.v1[0].invoke_arn}',
      });
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    }));

    // Without try(), `terraform plan` failed: "Invalid index ... aws_lambda_function.v2 is empty tuple" (run by hand with Terraform 1.x).
    expect(triggers['aws_lambda_function.v2']).toBe('${sha1(jsonencode([try(aws_lambda_function.v2[0].invoke_arn, null)]))}');
    expect(triggers['aws_lambda_function.v1']).toBe('${sha1(jsonencode([try(aws_lambda_function.v1[0].invoke_arn, null)]))}');
  });

  test("a dynamic block's iterator is no object of the configuration: no entry for it, one for what it iterates", () => {
    const triggers = triggersOf(synthesize((stack) => {
      const api = petsApi(stack);
      new TerraformVariable(stack, 'server_names', { type: 'map(string)' });
      api.integration.addOverride('dynamic.tls_config', { for_each: '${var.server_names}', content: { insecure_skip_verification: '${tls_config.value == ""}' } });
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    }));

    expect(Object.keys(triggers).filter((key) => !key.startsWith('aws_api_gateway_'))).toEqual(['resource_ids', 'var.server_names']);
  });

  test('a reference embedded in a longer string (an alias ARN in an invoke URI) is found', () => {
    const triggers = triggersOf(synthesize((stack) => withLambda(stack, (_fn, alias) =>
      `arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${alias.arn}/invocations`)));

    expect(referencesIn(triggers, 'aws_lambda_alias.live')).toEqual(['aws_lambda_alias.live.arn']);
  });

  test('switching the integration to another function changes its entry, and the entries of both functions', () => {
    const [before, after] = beforeAndAfter((stack, changed) =>
      withLambda(stack, (fn, alias) => (changed ? alias.invokeArn : fn.invokeArn)));

    expect(changedTriggerKeys(before, after)).toEqual(['aws_api_gateway_integration.lambda', 'aws_lambda_alias.live', 'aws_lambda_function.fn']);
  });

  test('variables, locals and data sources get an entry each; each, count and self do not', () => {
    const triggers = triggersOf(synthesize((stack) => {
      const api = petsApi(stack);
      const backend = new TerraformVariable(stack, 'backend', { type: 'string' });
      const version = new TerraformLocal(stack, 'version', 'v1');
      const me = new DataAwsCallerIdentity(stack, 'me');
      const many = new ApiGatewayIntegration(stack, 'counted', {
        restApiId: api.api.id,
        resourceId: api.pets.id,
        httpMethod: 'PUT',
        type: 'HTTP',
        integrationHttpMethod: 'PUT',
        uri: `https://${backend.stringValue}/${version.asString}/${me.accountId}/\${count.index}`,
      });
      many.count = 2;
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    }));

    expect(referencesIn(triggers, 'var.backend')).toEqual(['var.backend']);
    expect(referencesIn(triggers, 'local.version')).toEqual(['local.version']);
    expect(referencesIn(triggers, 'data.aws_caller_identity.me')).toEqual(['data.aws_caller_identity.me.account_id']);
    expect(Object.keys(triggers).filter((key) => /^(each|count|self)\./.test(key))).toEqual([]);
  });

  test('a changed variable reference redeploys, and the plan names both variables', () => {
    const [before, after] = beforeAndAfter((stack, changed) => {
      const api = petsApi(stack);
      const a = new TerraformVariable(stack, 'a', { type: 'string' });
      const b = new TerraformVariable(stack, 'b', { type: 'string' });
      api.integration.addOverride('uri', `https://${(changed ? b : a).stringValue}/pets`);
      api.integration.addOverride('type', 'HTTP');
      api.integration.addOverride('integration_http_method', 'GET');
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    });

    expect(changedTriggerKeys(before, after)).toEqual(['aws_api_gateway_integration.pets_get_integration', 'var.a', 'var.b']);
    expect(triggersOf(after)['var.b']).toBe('${sha1(jsonencode([var.b]))}');
    expect(triggersOf(after)['var.a']).toBeUndefined();
  });

  test('the ids of every discovered resource are referenced, ordering the deployment after them', () => {
    const triggers = triggersOf(synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    }));

    expect(idsIn(triggers)).toEqual(expect.arrayContaining([
      'aws_api_gateway_method.pets_get.id',
      'aws_api_gateway_integration.pets_get_integration.id',
      'aws_api_gateway_resource.pets.id',
    ]));
  });

  test('a function call result in a template is evaluated at plan time, its inputs referenced', () => {
    const triggers = triggersOf(synthesize((stack) => {
      const api = petsApi(stack);
      const topic = new SnsTopic(stack, 'topic', { name: 't' });
      api.integration.addOverride('request_templates', { 'application/json': `{"topic": "${Fn.lower(topic.arn)}"}` });
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    }));

    expect(referencesIn(triggers, 'aws_sns_topic.topic')).toEqual(['aws_sns_topic.topic.arn']);
  });
});

describe('trigger values never hold configuration values', () => {
  test('headers, templates and bodies appear only as digests', () => {
    const secret = 'sk_live_0123456789abcdef';
    const json = synthesize((stack) => {
      const api = petsApi(stack, {
        body: JSON.stringify({ openapi: '3.0.1', info: { title: secret, version: '1' }, paths: {} }),
      });
      api.integration.addOverride('request_parameters', { 'integration.request.header.X-Api-Key': `'${secret}'` });
      api.integration.addOverride('request_templates', { 'application/json': `{"key": "${secret}"}` });
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
    });

    expect(JSON.stringify(triggersOf(json))).not.toContain(secret);
    expect(JSON.stringify(triggersOf(json))).not.toContain('sk_live');
  });
});

describe("an argument the resource's lifecycle ignores", () => {
  const triggersWith = (uri: string, ignoreChanges: string[] | 'all') => triggersOf(synthesize((stack) => {
    const api = petsApi(stack);
    api.integration.addOverride('type', 'HTTP_PROXY');
    api.integration.addOverride('uri', uri);
    api.integration.lifecycle = { ignoreChanges };
    new RestApiDeployment(stack, 'deploy', { restApi: api.api });
  }))['aws_api_gateway_integration.pets_get_integration'];

  test('redeploys nothing when it changes (Terraform never sends the change)', () => {
    expect(triggersWith('https://a.example.com/', ['uri'])).toBe(triggersWith('https://b.example.com/', ['uri']));
    expect(triggersWith('https://a.example.com/', 'all')).toBe(triggersWith('https://b.example.com/', 'all'));
  });

  test('a part of an argument ignored leaves the argument deployed', () => {
    expect(triggersWith('https://a.example.com/', ['request_templates["application/json"]'])).not.toBe(triggersWith('https://b.example.com/', ['request_templates["application/json"]']));
    expect(triggersWith('https://a.example.com/', ['timeout_milliseconds'])).not.toBe(triggersWith('https://b.example.com/', ['timeout_milliseconds']));
  });
});
