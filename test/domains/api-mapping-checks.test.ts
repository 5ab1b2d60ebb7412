/**
 * The app-wide checks of custom domain mappings where a program's order, its tokens or the domain
 * resource's own settings decide: providers made after the mappings, the same mapping twice from one
 * deployment, a caught error, a domain named by a variable, keys partly known, and what the domain
 * resource can serve.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiGatewayBasePathMapping } from '@cdktf/provider-aws/lib/api-gateway-base-path-mapping';
import { ApiGatewayDomainName, ApiGatewayDomainNameConfig } from '@cdktf/provider-aws/lib/api-gateway-domain-name';
import { Apigatewayv2ApiMapping } from '@cdktf/provider-aws/lib/apigatewayv2-api-mapping';
import { Apigatewayv2DomainName } from '@cdktf/provider-aws/lib/apigatewayv2-domain-name';
import { DataAwsApiGatewayDomainName } from '@cdktf/provider-aws/lib/data-aws-api-gateway-domain-name';
import { DataAwsApigatewayv2Api } from '@cdktf/provider-aws/lib/data-aws-apigatewayv2-api';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformIterator, TerraformLocal, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { HttpApiDeployment, RestApiDeployment, WebSocketApiDeployment } from '../../src';
import { petsApi } from '../support/api';
import { resourcesOfType, synthesize, synthesizeApp, synthesizeStack } from '../support/synth';
import { chatWebSocketApi, petsHttpApi } from '../support/v2-api';

/** Two stacks each mapping `v1` of api.example.com, their providers (in `regions`) made only after the mappings; synthesized as `cdktf synth` does. */
function appWithLateProviders(regions: [string, string]): () => void {
  return () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'late-providers-')) });
    const stacks = regions.map((_region, index) => {
      const stack = new TerraformStack(app, `stack${index}`);
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping('api.example.com', { apiMappingKey: 'v1' });
      return stack;
    });
    stacks.forEach((stack, index) => new AwsProvider(stack, 'aws', { region: regions[index] }));
    app.synth();
  };
}

function restDomain(stack: TerraformStack, config: Partial<ApiGatewayDomainNameConfig>): ApiGatewayDomainName {
  return new ApiGatewayDomainName(stack, 'domain', { domainName: 'api.example.com', ...config });
}

describe('mappings compared across stacks whose providers come after them', () => {
  test('two regions: one key on each is no conflict, whichever was made first', () => {
    expect(appWithLateProviders(['us-east-1', 'eu-west-1'])).not.toThrow();
  });

  test('one region: the key mapped twice fails when the app is validated (cdktf synth), naming both', () => {
    expect(appWithLateProviders(['eu-west-2', 'eu-west-2'])).toThrow("HttpApiDeployment at 'stack0/deploy': property 'addApiMapping.apiMappingKey' "
      + "is \"v1\"; expected a key no other mapping of the domain \"api.example.com\" has: 'stack1/deploy' (addApiMapping) maps the key \"v1\" "
      + "of it (AWS answers ConflictException); if the two stacks deploy to different accounts or regions, say so in each stack's AwsProvider "
      + "('allowedAccountIds', 'region').");
  });

  test("each stack's own validation (Testing.synth with validations) finds it, whichever mapping came first", () => {
    const app = Testing.app();
    const stacks = ['a', 'b'].map((id) => new TerraformStack(app, id));
    for (const stack of stacks) {
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping('api.example.com', { apiMappingKey: 'v1' });
    }
    stacks.forEach((stack) => new AwsProvider(stack, 'aws', { region: 'eu-west-2' }));

    expect(() => Testing.synth(stacks[0], true)).toThrow("'b/deploy' (addApiMapping) maps the key \"v1\"");
    expect(() => Testing.synth(stacks[1], true)).toThrow("'a/deploy' (addApiMapping) already maps the key \"v1\"");
  });

  test('a variable of the same name in two stacks is two keys', () => {
    expect(() => synthesizeApp((app) => {
      for (const id of ['a', 'b']) {
        const stack = new TerraformStack(app, id);
        new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
        const prefix = new TerraformVariable(stack, 'prefix', { type: 'string' }).stringValue;
        new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping('api.example.com', { apiMappingKey: prefix });
      }
    })).not.toThrow();
  });
});

describe('a domain renamed after it was mapped', () => {
  const v2Domain = (stack: TerraformStack) => new Apigatewayv2DomainName(stack, 'domain', {
    domainName: 'a.example.com',
    domainNameConfiguration: { certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
  });

  test.each<[string, (domain: Apigatewayv2DomainName) => void, string]>([
    ['by its setter', (domain) => { domain.domainName = 'b.example.com'; }, '"b.example.com" now (its domainName was set since)'],
    ['by an override', (domain) => domain.addOverride('domain_name', 'b.example.com'), '"b.example.com" now (an override of domain_name)'],
    ['to a name AWS refuses', (domain) => { domain.domainName = 'B.Example.com.'; }, '"B.Example.com." now (its domainName was set since)'],
  ])('%s fails at synth: the checks of the call compared the old name', (_case, rename, now) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const domain = v2Domain(stack);
    const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });
    deployment.addApiMapping(domain.domainName, { apiMappingKey: 'v1' });
    rename(domain);
    deployment.addStage('beta').addApiMapping('b.example.com', { apiMappingKey: 'v1' });

    expect(() => Testing.synth(stack, true)).toThrow("HttpApiDeployment at 'stack/deploy': property 'addApiMapping(domainName)' is \"${aws_apigatewayv2_domain_name.domain.domain_name}\"; "
      + `expected a domain named as it was when the mapping was made: 'stack/domain' was named "a.example.com" then and is named ${now}; name the domain before mapping it.`);
  });
});

describe('one deployment, one domain, one key', () => {
  test('the same key twice, given once by resource and once by name, fails with the library\'s error, not a construct id clash', () => {
    expect(() => synthesize((stack) => {
      const domain = new Apigatewayv2DomainName(stack, 'domain', {
        domainName: 'api.example.com',
        domainNameConfiguration: { certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
      });
      const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });
      deployment.addApiMapping(domain.domainName, { apiMappingKey: 'a' });
      deployment.addApiMapping('api.example.com', { apiMappingKey: 'a' });
    })).toThrow("HttpApiDeployment at 'stack/deploy': property 'addApiMapping.apiMappingKey' is \"a\"; expected a key no other mapping of the domain "
      + "\"api.example.com\" has: 'stack/deploy' (addApiMapping) already maps the key \"a\" of it (AWS answers ConflictException).");
  });

  test('a key moved from the main stage to an added stage is the same mapping (updated in place, no ConflictException)', () => {
    const mappings = (onBeta: boolean) => resourcesOfType(synthesize((stack) => {
      const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });
      const beta = deployment.addStage('beta');
      (onBeta ? beta : deployment).addApiMapping('api.example.com');
    }), 'aws_apigatewayv2_api_mapping');
    const [before, after] = [mappings(false), mappings(true)];

    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(Object.values(before)[0].stage).not.toEqual(Object.values(after)[0].stage);
  });

  test('a conflict that is caught leaves no mapping behind', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api }).addApiMapping('api.example.com');
    const chat = new WebSocketApiDeployment(stack, 'chat', { webSocketApi: chatWebSocketApi(stack).api, stageName: 'prod' });

    expect(() => chat.addApiMapping('api.example.com', { apiMappingKey: 'chat' })).toThrow('AWS does not serve WebSocket APIs and REST or HTTP APIs');
    expect(Object.keys(resourcesOfType(synthesizeStack(stack), 'aws_apigatewayv2_api_mapping'))).toHaveLength(1);
  });
});

describe('domains and keys with tokens', () => {
  test('a domain resource named by a variable and that variable are one domain', () => {
    expect(() => synthesize((stack) => {
      const name = new TerraformVariable(stack, 'domain_name', { type: 'string' }).stringValue;
      const domain = new Apigatewayv2DomainName(stack, 'domain', {
        domainName: name,
        domainNameConfiguration: { certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
      });
      new HttpApiDeployment(stack, 'one', { httpApi: petsHttpApi(stack).api }).addApiMapping(domain.domainName, { apiMappingKey: 'a' });
      new HttpApiDeployment(stack, 'two', { httpApi: petsHttpApi(stack, {}, 'two').api }).addApiMapping(name, { apiMappingKey: 'a' });
    })).toThrow("HttpApiDeployment at 'stack/two': property 'addApiMapping.apiMappingKey' is \"a\"; expected a key no other mapping of the domain "
      + "${var.domain_name} has: 'stack/one' (addApiMapping) already maps the key \"a\" of it (AWS answers ConflictException).");
  });

  test.each([
    ["the domain resource's name", (stack: TerraformStack, domain: Apigatewayv2DomainName) => new TerraformLocal(stack, 'dn', domain.domainName).asString],
    ['the literal name', (stack: TerraformStack) => new TerraformLocal(stack, 'dn', 'api.example.com').asString],
    ['a local holding a local of the name', (stack: TerraformStack, domain: Apigatewayv2DomainName) =>
      new TerraformLocal(stack, 'outer', new TerraformLocal(stack, 'inner', domain.domainName).asString).asString],
  ])('a local value holding %s is that domain: one key twice on it fails', (_name, local) => {
    expect(() => synthesize((stack) => {
      const domain = new Apigatewayv2DomainName(stack, 'domain', {
        domainName: 'api.example.com',
        domainNameConfiguration: { certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
      });
      new HttpApiDeployment(stack, 'one', { httpApi: petsHttpApi(stack).api }).addApiMapping(domain.domainName, { apiMappingKey: 'v1' });
      new HttpApiDeployment(stack, 'two', { httpApi: petsHttpApi(stack, {}, 'two').api }).addApiMapping(local(stack, domain), { apiMappingKey: 'v1' });
    })).toThrow(/HttpApiDeployment at 'stack\/two': property 'addApiMapping.apiMappingKey' is "v1"; expected a key no other mapping of the domain "api.example.com" has: 'stack\/one' \(addApiMapping\) already maps the key "v1"/);
  });

  test.each([
    ['the same local value', (name: string) => name],
    ['the literal name', () => 'api.example.com'],
  ])('a domain resource named by a local value holding a literal is the domain of that name: mapped again by %s, one key twice fails', (_name, second) => {
    expect(() => synthesize((stack) => {
      const name = new TerraformLocal(stack, 'domain_name', 'api.example.com').asString;
      const domain = new Apigatewayv2DomainName(stack, 'domain', {
        domainName: name,
        domainNameConfiguration: { certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
      });
      new HttpApiDeployment(stack, 'one', { httpApi: petsHttpApi(stack).api }).addApiMapping(domain.domainName, { apiMappingKey: 'v1' });
      new HttpApiDeployment(stack, 'two', { httpApi: petsHttpApi(stack, {}, 'two').api }).addApiMapping(second(name), { apiMappingKey: 'v1' });
    })).toThrow(/HttpApiDeployment at 'stack\/two': property 'addApiMapping.apiMappingKey' is "v1"; expected a key no other mapping of the domain "api.example.com" has: 'stack\/one' \(addApiMapping\) already maps the key "v1"/);
  });

  test('the literal text around a variable in a domain name is checked (lower case)', () => {
    const mapTo = (name: (zone: string) => string) => () => synthesize((stack) => {
      const zone = new TerraformVariable(stack, 'zone', { type: 'string' }).stringValue;
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping(name(zone), { apiMappingKey: 'v1' });
    });

    expect(mapTo((zone) => `API.${zone}`)).toThrow("HttpApiDeployment at 'stack/deploy': property 'addApiMapping(domainName)' is \"API.${var.zone}\"; "
      + 'expected a domain name of lower-case letters, digits, hyphens and dots around the expression');
    expect(mapTo((zone) => `api.${zone}`)).not.toThrow();
  });

  test('the known parts of a key with a token are checked', () => {
    const mapWith = (key: (version: string) => string, kind: 'HTTP' | 'WebSocket') => () => synthesize((stack) => {
      const version = new TerraformVariable(stack, 'version', { type: 'string' }).stringValue;
      const deployment = kind === 'HTTP'
        ? new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api })
        : new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api, stageName: 'prod' });
      deployment.addApiMapping('api.example.com', { apiMappingKey: key(version) });
    });

    expect(mapWith((version) => `bad key/${version}`, 'HTTP')).toThrow("property 'addApiMapping.apiMappingKey' is \"bad key/${var.version}\"; expected levels");
    expect(mapWith((version) => `chat/${version}`, 'WebSocket')).toThrow("property 'addApiMapping.apiMappingKey' is \"chat/${var.version}\"; expected a key");
    expect(mapWith((version) => `orders/${version}`, 'HTTP')).not.toThrow();
    expect(mapWith((version) => `chat-${version}`, 'WebSocket')).not.toThrow();
    expect(mapWith((version) => `${'a'.repeat(300)}${version}`, 'HTTP')).toThrow('at most 300 characters');
  });

  test('the known parts of a base path with a token are checked', () => {
    const mapWith = (basePath: (version: string) => string) => () => synthesize((stack) => {
      const version = new TerraformVariable(stack, 'version', { type: 'string' }).stringValue;
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addBasePathMapping('api.example.com', { basePath: basePath(version) });
    });

    expect(mapWith((version) => `${version}/x`)).toThrow("property 'addBasePathMapping.basePath' is \"${var.version}/x\"; expected a single path segment");
    expect(mapWith((version) => `a b${version}`)).toThrow('expected a single path segment');
    expect(mapWith((version) => `v-${version}`)).not.toThrow();
  });

  test('a private domain named by its id attribute keeps one address, and its base path twice fails', () => {
    const build = (unrelatedTokenFirst: boolean, twice: boolean) => () => synthesize((stack) => {
      if (unrelatedTokenFirst) {
        new TerraformVariable(stack, 'unrelated', { type: 'string' });
      }
      const domain = restDomain(stack, { domainName: 'private.example.com', certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointConfiguration: { types: ['PRIVATE'] } });
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      for (const _ of twice ? [1, 2] : [1]) {
        deployment.addBasePathMapping(domain.domainName, { basePath: 'pets', domainNameId: domain.domainNameId });
      }
    });
    const addresses = (json: Record<string, any>) => Object.keys(resourcesOfType(json, 'aws_api_gateway_base_path_mapping'));

    expect(addresses(build(true, false)())).toEqual(addresses(build(false, false)()));
    expect(build(false, true)).toThrow('already maps the key "pets" of it (AWS answers ConflictException)');
  });
});

describe('what the domain resource can serve', () => {
  const regional = { regionalCertificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointConfiguration: { types: ['REGIONAL'] } };

  test('an HTTP API on an edge-optimized domain fails, naming the domain resource', () => {
    expect(() => synthesize((stack) => {
      const domain = restDomain(stack, { certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' });
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping(domain.domainName);
    })).toThrow("HttpApiDeployment at 'stack/deploy': property 'addApiMapping(domainName)' is \"${aws_api_gateway_domain_name.domain.domain_name}\"; "
      + "expected a Regional custom domain with the TLS 1.2 security policy: 'stack/domain' is edge-optimized, and AWS serves an HTTP API only on a "
      + "Regional domain with TLS 1.2 (endpointConfiguration: { types: ['REGIONAL'] }, regionalCertificateArn, securityPolicy: 'TLS_1_2').");
  });

  test('an HTTP API mapped by a literal name on an edge-optimized domain of another stack named through a local value: refused at synth', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'edge-'));
    const app = new App({ outdir });
    expect(() => {
      const domains = new TerraformStack(app, 'domains');
      new AwsProvider(domains, 'aws', { region: 'eu-west-2' });
      restDomain(domains, { domainName: new TerraformLocal(domains, 'name', 'api.example.com').asString, certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' });
      const stack = new TerraformStack(app, 'api');
      new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping('api.example.com', { apiMappingKey: 'orders' });
      app.synth();
    }).toThrow("'domains/domain' is edge-optimized, and AWS serves an HTTP API only on a Regional domain with TLS 1.2");
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  test('a WebSocket API on an edge-optimized or TLS 1.0 domain fails, the domain named by its resource (at the call) or by its literal name (at synth)', () => {
    const mapChat = (config: Partial<ApiGatewayDomainNameConfig>, byName: boolean) => () => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      new AwsProvider(stack, 'aws', { region: 'us-east-1' });
      const domain = restDomain(stack, config);
      new WebSocketApiDeployment(stack, 'chat', { webSocketApi: chatWebSocketApi(stack).api, stageName: 'prod' })
        .addApiMapping(byName ? 'api.example.com' : domain.domainName);
      // A domain named by its literal name is looked up when the app is validated, with every domain resource of the app made.
      Testing.synth(stack, true);
    };

    expect(mapChat({ certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' }, true))
      .toThrow("'stack/domain' is edge-optimized, and AWS serves a WebSocket API only on a Regional domain with TLS 1.2");
    expect(mapChat({ ...regional, securityPolicy: 'TLS_1_0' }, false)).toThrow("'stack/domain' has the security policy 'TLS_1_0'");
    expect(mapChat({ ...regional, securityPolicy: 'TLS_1_2' }, true)).not.toThrow();
  });

  test('a key of several levels on a TLS 1.0 domain fails; one level there, and several on a TLS 1.2 Regional domain, pass', () => {
    const mapRest = (config: Partial<ApiGatewayDomainNameConfig>, apiMappingKey: string) => () => synthesize((stack) => {
      const domain = restDomain(stack, config);
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addApiMapping(domain.domainName, { apiMappingKey });
    });

    expect(mapRest({ ...regional, securityPolicy: 'TLS_1_0' }, 'orders/v1'))
      .toThrow("'stack/domain' has the security policy 'TLS_1_0', and AWS serves a mapping key of several levels only on a Regional domain with TLS 1.2");
    expect(mapRest({ ...regional, securityPolicy: 'TLS_1_0' }, 'orders')).not.toThrow();
    expect(mapRest({ ...regional, securityPolicy: 'TLS_1_2' }, 'orders/v1')).not.toThrow();
  });
});

describe('private custom domain names', () => {
  const privateDomain = (stack: TerraformStack) => restDomain(stack, {
    certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointConfiguration: { types: ['PRIVATE'] }, securityPolicy: 'TLS_1_2',
  });

  test('an API mapping to a private domain fails, pointing to addBasePathMapping', () => {
    expect(() => synthesize((stack) => {
      const domain = privateDomain(stack);
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping(domain.domainName);
    })).toThrow("HttpApiDeployment at 'stack/deploy': property 'addApiMapping(domainName)' is \"${aws_api_gateway_domain_name.domain.domain_name}\"; "
      + "expected a public custom domain name: 'stack/domain' is a private custom domain name (endpoint type PRIVATE), which an API mapping "
      + "(aws_apigatewayv2_api_mapping) cannot name; map a private REST API's stage to it with addBasePathMapping (the library passes the domain's "
      + 'domainNameId).');
  });

  test("a base path mapping to a private domain resource names it by its domain_name_id; a literal name is the public domain's", () => {
    const json = synthesize((stack) => {
      const domain = privateDomain(stack);
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      deployment.addBasePathMapping(domain.domainName, { basePath: 'orders' });
      deployment.addBasePathMapping('api.example.com', { basePath: 'orders' });
    });

    const mappings = Object.values<any>(resourcesOfType(json, 'aws_api_gateway_base_path_mapping'));
    expect(mappings.map((mapping) => [mapping.domain_name, mapping.domain_name_id ?? null]).sort()).toEqual([
      ['${aws_api_gateway_domain_name.domain.domain_name}', '${aws_api_gateway_domain_name.domain.domain_name_id}'],
      ['api.example.com', null],
    ]);
  });
});

test("a private domain resource given by its id (the provider's '<name>/<domain_name_id>') fails, pointing to its domain_name", () => {
  expect(() => synthesize((stack) => {
    const domain = restDomain(stack, {
      certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointConfiguration: { types: ['PRIVATE'] }, securityPolicy: 'TLS_1_2',
    });
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addBasePathMapping(domain.id, { basePath: 'v1' });
  })).toThrow("RestApiDeployment at 'stack/deploy': property 'addBasePathMapping(domainName)' is \"${aws_api_gateway_domain_name.domain.id}\"; "
    + "expected the custom domain's name (its domain_name), not its id: a private custom domain's id is '<domain name>/<domain_name_id>' "
    + "(the provider's resource id), which names no domain.");
});

describe('a refused mapping whose error is caught', () => {
  test('leaves nothing behind: the app synthesizes without it', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api }).addApiMapping('api.example.com', { apiMappingKey: 'orders' });
    const webSocket = new WebSocketApiDeployment(stack, 'ws', { webSocketApi: chatWebSocketApi(stack).api });
    expect(() => webSocket.addApiMapping('api.example.com', { apiMappingKey: 'chat' })).toThrow('AWS does not serve WebSocket APIs and REST or HTTP APIs on one domain name');

    const json = JSON.parse(Testing.synth(stack, true));
    expect(Object.keys(json.resource.aws_apigatewayv2_api_mapping)).toHaveLength(1);
  });
});

describe('a key known only at deploy time', () => {
  test('beside other mappings of the domain: a warning names them; alone on it: none', () => {
    const keyed = (beside: boolean) => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
      const key = new TerraformVariable(stack, 'key', { type: 'string' });
      const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });
      deployment.addApiMapping('api.example.com', { apiMappingKey: key.stringValue });
      if (beside) {
        deployment.addStage('beta').addApiMapping('api.example.com', { apiMappingKey: 'v1' });
      }
      Testing.synth(stack, true);
      return HttpApiDeployment.warningsOf(stack);
    };

    expect(keyed(true)).toEqual([
      'The apiMappingKey of addApiMapping, "${var.key}", is known only at deploy time, so it cannot be compared with the keys of the other mappings ' +
      'of the domain "api.example.com" (\'stack/deploy\' (addStage(beta).addApiMapping) maps the key "v1"): if it is one of them, or if any of them is the empty key ' +
      'of a REST base path mapping, AWS answers ConflictException. A literal key lets the library check it.',
    ]);
    expect(keyed(false)).toEqual([]);
  });
});

describe('a literal name whose only domain in the app is private', () => {
  test('warns: AWS finds a private domain only by its id, so the mapping names a public domain made elsewhere or none', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    restDomain(stack, { certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointConfiguration: { types: ['PRIVATE'] }, securityPolicy: 'TLS_1_2' });
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addBasePathMapping('api.example.com', { basePath: 'orders' });
    Testing.synth(stack, true);

    expect(RestApiDeployment.warningsOf(stack)).toEqual([
      "addBasePathMapping(\"api.example.com\") maps the public custom domain of that name, but the app's domain 'stack/domain' of that name is private " +
      '(endpoint type PRIVATE), and AWS finds a private domain only by its id: unless a public domain of that name is made elsewhere, AWS answers ' +
      'NotFoundException; to map the private one, give the domain itself and its id: addBasePathMapping(domain.domainName, { domainNameId: domain.domainNameId }).',
    ]);
  });

  test('no warning when the app has a public domain of the name too', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    restDomain(stack, { certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointConfiguration: { types: ['PRIVATE'] }, securityPolicy: 'TLS_1_2' });
    new ApiGatewayDomainName(stack, 'public', { domainName: 'api.example.com', regionalCertificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointConfiguration: { types: ['REGIONAL'] } });
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addBasePathMapping('api.example.com', { basePath: 'orders' });
    Testing.synth(stack, true);

    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
  });
});

describe('where the domain is', () => {
  test("a domain resource made with another region's provider than the stage fails, naming both providers", () => {
    expect(() => synthesize((stack) => {
      new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
      const east = new AwsProvider(stack, 'east', { region: 'us-east-1', alias: 'east' });
      const domain = new Apigatewayv2DomainName(stack, 'domain', {
        provider: east,
        domainName: 'api.example.com',
        domainNameConfiguration: { certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
      });
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping(domain.domainName, { apiMappingKey: 'v1' });
    })).toThrow("HttpApiDeployment at 'stack/deploy': property 'addApiMapping(domainName)' is \"${aws_apigatewayv2_domain_name.domain.domain_name}\"; "
      + "expected a custom domain name in the stage's account and region (AWS looks it up where the mapping is made): 'stack/domain' is made with "
      + "the AWS provider 'stack/east' (region \"us-east-1\"), the mapping with the AWS provider 'stack/aws' (region \"eu-west-2\"); make the domain name "
      + "with the stage's AWS provider and region.");
  });

  test.each([
    ["another region's provider", (stack: TerraformStack) => ({ provider: new AwsProvider(stack, 'east', { region: 'us-east-1', alias: 'east' }) }),
      "the AWS provider 'stack/east' (region \"us-east-1\")"],
    ['a region of its own', () => ({ region: 'us-east-1' }), "the AWS provider 'stack/aws' and a region of its own, \"us-east-1\""],
  ])('a data source that looks the domain up with %s than the stage fails, naming both', (_name, placement, where) => {
    expect(() => synthesize((stack) => {
      new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
      const lookup = new DataAwsApiGatewayDomainName(stack, 'lookup', { domainName: 'api.example.com', ...placement(stack) });
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addApiMapping(lookup.domainName, { apiMappingKey: 'v1' });
    })).toThrow("RestApiDeployment at 'stack/deploy': property 'addApiMapping(domainName)' is \"${data.aws_api_gateway_domain_name.lookup.domain_name}\"; "
      + "expected a custom domain name in the stage's account and region (AWS looks it up where the mapping is made): 'stack/lookup' looks the domain up "
      + `with ${where}, the mapping with the AWS provider 'stack/aws' (region "eu-west-2"); look up the domain name with the stage's AWS provider and region.`);
  });

  test('a data source that looks the domain up where the stage is passes', () => {
    expect(() => synthesize((stack) => {
      new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
      const lookup = new DataAwsApiGatewayDomainName(stack, 'lookup', { domainName: 'api.example.com', region: 'eu-west-2' });
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addApiMapping(lookup.domainName, { apiMappingKey: 'v1' });
    })).not.toThrow();
  });

  test('the same provider for the API and the domain, or a provider made after the mapping in the same region, passes', () => {
    expect(() => synthesize((stack) => {
      const east = new AwsProvider(stack, 'east', { region: 'us-east-1', alias: 'east' });
      const domain = new Apigatewayv2DomainName(stack, 'domain', {
        provider: east,
        domainName: 'api.example.com',
        domainNameConfiguration: { certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
      });
      const api = petsHttpApi(stack).api;
      api.provider = east;
      new HttpApiDeployment(stack, 'deploy', { httpApi: api }).addApiMapping(domain.domainName, { apiMappingKey: 'v1' });
    })).not.toThrow();
  });
});

describe('mapping addresses and options', () => {
  test("a domain resource's name written as a literal or as a variable gives the mapping one address", () => {
    const mappingAddress = (byVariable: boolean) => Object.keys(resourcesOfType(synthesize((stack) => {
      const name = byVariable ? new TerraformVariable(stack, 'domain_name', { type: 'string' }).stringValue : 'api.example.com';
      const domain = new Apigatewayv2DomainName(stack, 'domain', {
        domainName: name,
        domainNameConfiguration: { certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
      });
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping(domain.domainName, { apiMappingKey: 'orders' });
    }), 'aws_apigatewayv2_api_mapping'));

    expect(mappingAddress(true)).toEqual(mappingAddress(false));
  });

  test("'(none)' as a key, the other mapping's option name, and a domain resource whose name AWS refuses, fail with what to write", () => {
    const mapHttp = (map: (deployment: HttpApiDeployment, stack: TerraformStack) => void) => () => synthesize((stack) => {
      map(new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }), stack);
    });

    expect(mapHttp((deployment) => deployment.addApiMapping('api.example.com', { apiMappingKey: '(none)' })))
      .toThrow("property 'addApiMapping.apiMappingKey' is \"(none)\"; expected a key, or no apiMappingKey to map the domain's root "
        + "('(none)' is how AWS names the empty key).");
    expect(mapHttp((deployment) => deployment.addApiMapping('api.example.com', { basePath: 'v1' } as any)))
      .toThrow("property 'addApiMapping.basePath' is \"v1\"; expected no 'basePath': ApiMappingOptions has no such property (a base path "
        + "mapping's, of addBasePathMapping; an API mapping's key is 'apiMappingKey').");
    expect(() => synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addBasePathMapping('api.example.com', { apiMappingKey: 'v1' } as any);
    })).toThrow("expected no 'apiMappingKey': BasePathMappingOptions has no such property (an API mapping's key, of addApiMapping; a base path "
      + "mapping's is 'basePath').");
    expect(mapHttp((deployment, stack) => deployment.addApiMapping(new Apigatewayv2DomainName(stack, 'domain', {
      domainName: 'API.example.com',
      domainNameConfiguration: { certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
    }).domainName))).toThrow("such as 'api.example.com': 'stack/domain' is named \"API.example.com\".");
    expect(mapHttp((deployment) => deployment.addApiMapping('api.example.-com'))).toThrow('is "api.example.-com"; expected a domain name of labels');
  });
});

describe('APIs and domains with their own region (provider v6)', () => {
  const domainIn = (stack: TerraformStack, region?: string) => new Apigatewayv2DomainName(stack, `domain${region ?? ''}`, {
    region,
    domainName: 'api.example.com',
    domainNameConfiguration: { certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
  });
  const httpApiIn = (stack: TerraformStack, id: string, region?: string) => petsHttpApi(stack, { region }, id).api;

  test('one key on the same domain name in two regions is two mappings, each in its region; a domain in another region than the API fails', () => {
    const json = synthesize((stack) => {
      new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
      new HttpApiDeployment(stack, 'east', { httpApi: httpApiIn(stack, 'east', 'us-east-1') })
        .addApiMapping(domainIn(stack, 'us-east-1').domainName, { apiMappingKey: 'v1' });
      new HttpApiDeployment(stack, 'home', { httpApi: httpApiIn(stack, 'home') }).addApiMapping(domainIn(stack).domainName, { apiMappingKey: 'v1' });
    });
    const mappings = Object.values<any>(resourcesOfType(json, 'aws_apigatewayv2_api_mapping'));
    expect(mappings.map((mapping) => [mapping.domain_name, mapping.region ?? null]).sort()).toEqual([
      ['${aws_apigatewayv2_domain_name.domain.domain_name}', null],
      ['${aws_apigatewayv2_domain_name.domainus-east-1.domain_name}', 'us-east-1'],
    ]);

    expect(() => synthesize((stack) => {
      new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
      new HttpApiDeployment(stack, 'east', { httpApi: httpApiIn(stack, 'east', 'us-east-1') }).addApiMapping(domainIn(stack).domainName);
    })).toThrow("'stack/domain' is made with the AWS provider 'stack/aws' (region \"eu-west-2\"), the mapping with the AWS provider 'stack/aws' "
      + 'and a region of its own, "us-east-1"');
  });

  test("a domain's region given by an override is its region too", () => {
    expect(() => synthesize((stack) => {
      new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
      const domain = domainIn(stack);
      domain.addOverride('region', 'us-east-1');
      new HttpApiDeployment(stack, 'home', { httpApi: httpApiIn(stack, 'home') }).addApiMapping(domain.domainName);
    })).toThrow("'stack/domain' is made with the AWS provider 'stack/aws' and a region of its own, \"us-east-1\", the mapping with the AWS provider 'stack/aws' "
      + '(region "eu-west-2")');
  });
});

describe('domains found by name, and private domains, where the mapping is', () => {
  test("an edge-optimized domain of the same name in another region is not the stage's domain", () => {
    expect(() => synthesize((stack) => {
      new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
      new ApiGatewayDomainName(stack, 'edge', {
        domainName: 'api.example.com', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', region: 'us-east-1',
      });
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping('api.example.com');
    })).not.toThrow();
  });

  test('a private domain in another region than the stage fails, and two base paths on it name the domain by its expression', () => {
    const privateDomain = (stack: TerraformStack, region?: string) => restDomain(stack, {
      certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointConfiguration: { types: ['PRIVATE'] }, securityPolicy: 'TLS_1_2', region,
    });
    expect(() => synthesize((stack) => {
      new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
      const domain = privateDomain(stack, 'us-east-1');
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addBasePathMapping(domain.domainName, { basePath: 'v1' });
    })).toThrow("'stack/domain' is made with the AWS provider 'stack/aws' and a region of its own, \"us-east-1\", the mapping with the AWS provider 'stack/aws' "
      + '(region "eu-west-2")');

    expect(() => synthesize((stack) => {
      const domain = privateDomain(stack);
      new RestApiDeployment(stack, 'one', { restApi: petsApi(stack).api }).addBasePathMapping(domain.domainName, { basePath: 'v1' });
      new RestApiDeployment(stack, 'two', { restApi: petsApi(stack, {}, 'two').api }).addBasePathMapping(domain.domainName, { basePath: 'v1' });
    })).toThrow('expected a key no other mapping of the domain ${aws_api_gateway_domain_name.domain.domain_name} (private, '
      + "${aws_api_gateway_domain_name.domain.domain_name_id}) has: 'stack/one' (addBasePathMapping) already maps the key \"v1\"");
  });
});

describe('what can be compared only at deploy time gets a warning', () => {
  test('a domain named by a variable beside a mapping of the same key on a literal domain', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    const name = new TerraformVariable(stack, 'domain_name', { type: 'string' }).stringValue;
    new HttpApiDeployment(stack, 'one', { httpApi: petsHttpApi(stack).api }).addApiMapping(name, { apiMappingKey: 'v1' });
    new HttpApiDeployment(stack, 'two', { httpApi: petsHttpApi(stack, {}, 'two').api }).addApiMapping('api.example.com', { apiMappingKey: 'v1' });
    Testing.synth(stack, true);

    expect(HttpApiDeployment.warningsOf(stack)).toContainEqual(expect.stringContaining(
      'The domain name of addApiMapping, ${var.domain_name}, is known only at deploy time, so it cannot be compared with the domains of the mappings AWS '
      + 'may refuse beside it (\'stack/two\' (addApiMapping) on "api.example.com": the key "v1")'));
  });

  test("a domain resource whose own name is known only at deploy time (a certificate's domainName), beside the literal name with the same key", () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    const name = new TerraformVariable(stack, 'domain_name', { type: 'string' }).stringValue;
    const domain = new Apigatewayv2DomainName(stack, 'domain', {
      domainName: name,
      domainNameConfiguration: { certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
    });
    new HttpApiDeployment(stack, 'one', { httpApi: petsHttpApi(stack).api }).addApiMapping('api.example.com', { apiMappingKey: 'v1' });
    new HttpApiDeployment(stack, 'two', { httpApi: petsHttpApi(stack, {}, 'two').api }).addApiMapping(domain.domainName, { apiMappingKey: 'v1' });

    expect(HttpApiDeployment.warningsOf(stack)).toEqual([
      'The domain name of addApiMapping, ${var.domain_name}, is known only at deploy time, so it cannot be compared with the domains of the mappings '
      + "AWS may refuse beside it ('stack/one' (addApiMapping) on \"api.example.com\": the key \"v1\"): if it is one of them, AWS answers ConflictException. "
      + "A literal name of 'stack/domain' lets the library check it.",
    ]);
  });

  test('two domain resources of the app, each named by a variable: two domains (AWS refuses a second domain of one name), no warning', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    const domainOf = (id: string) => new Apigatewayv2DomainName(stack, id, {
      domainName: new TerraformVariable(stack, `${id}_name`, { type: 'string' }).stringValue,
      domainNameConfiguration: { certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
    });
    new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api }).addApiMapping(domainOf('http_domain').domainName);
    new WebSocketApiDeployment(stack, 'ws', { webSocketApi: chatWebSocketApi(stack).api }).addApiMapping(domainOf('ws_domain').domainName);

    expect([...HttpApiDeployment.warningsOf(stack), ...WebSocketApiDeployment.warningsOf(stack)]).toEqual([]);
  });

  test('a WebSocket API mapped on a domain known only at deploy time beside an HTTP API on a literal domain: the warning names the kind', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    const name = new TerraformVariable(stack, 'domain_name', { type: 'string' }).stringValue;
    new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api }).addApiMapping('api.example.com', { apiMappingKey: 'v1' });
    new WebSocketApiDeployment(stack, 'ws', { webSocketApi: chatWebSocketApi(stack).api }).addApiMapping(name, { apiMappingKey: 'chat' });

    expect(WebSocketApiDeployment.warningsOf(stack)).toContainEqual(expect.stringContaining(
      "cannot be compared with the domains of the mappings AWS may refuse beside it ('stack/http' (addApiMapping) on \"api.example.com\": an HTTP API)"));
  });

  test('one key on one domain from two stacks whose providers differ only in profile', () => {
    const app = Testing.app();
    const stacks = ['a', 'b'].map((id) => {
      const stack = new TerraformStack(app, id);
      new AwsProvider(stack, 'aws', { region: 'eu-west-2', profile: id });
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addApiMapping('rest.example.com', { apiMappingKey: 'x' });
      return stack;
    });
    stacks.forEach((stack) => Testing.synth(stack, true));

    expect(RestApiDeployment.warningsOf(stacks[1])).toContainEqual(expect.stringContaining(
      "addApiMapping maps the key \"x\" of the domain \"rest.example.com\", as 'a/deploy' (addApiMapping) does with the AWS provider 'a/aws' (region \"eu-west-2\"), "
      + "while this mapping is made with the AWS provider 'b/aws' (region \"eu-west-2\"): whether they are one account and region is known only at deploy time."));
  });
});

test('a domain resource whose region is known only at deploy time, mapped from a stage of a literal region, gets a warning', () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'stack');
  new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
  const domain = new Apigatewayv2DomainName(stack, 'domain', {
    domainName: 'api.example.com',
    region: new TerraformVariable(stack, 'domain_region', { type: 'string' }).stringValue,
    domainNameConfiguration: { certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
  });
  new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping(domain.domainName, { apiMappingKey: 'v1' });
  Testing.synth(stack, true);

  expect(HttpApiDeployment.warningsOf(stack)).toContainEqual(expect.stringContaining(
    "Whether the domain \"api.example.com\" of addApiMapping ('stack/domain', with the AWS provider 'stack/aws' and a region of its own, \"${var.domain_region}\") is in the account and region of the mapping"));
});

describe('mappings written by hand are compared with the library\'s as the library\'s are with each other', () => {
  /** A stack with an HTTP API deployed and mapped on api.example.com with the key "orders", and `extra` beside it. */
  function withHandWritten(extra: (stack: TerraformStack) => void): () => void {
    return () => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping('api.example.com', { apiMappingKey: 'orders' });
      extra(stack);
      Testing.synth(stack, true);
    };
  }

  test('an API mapping written by hand with the same key on the same domain: refused, naming it', () => {
    expect(withHandWritten((stack) => {
      new Apigatewayv2ApiMapping(stack, 'legacy', { apiId: petsHttpApi(stack, {}, 'legacy').api.id, domainName: 'api.example.com', stage: 'legacy', apiMappingKey: 'orders' });
    })).toThrow("HttpApiDeployment at 'stack/deploy': property 'addApiMapping.apiMappingKey' is \"orders\"; expected a key no other mapping of the domain "
      + "\"api.example.com\" has: 'stack/legacy' (aws_apigatewayv2_api_mapping.legacy, written by hand) already maps the key \"orders\" of it (AWS answers ConflictException); "
      + "if it is this very mapping written by hand, adopt it: remove it from the program and call moveFromId('aws_apigatewayv2_api_mapping.legacy') on the mapping this call returns, so that "
      + 'Terraform moves it there.');
  });

  test('a WebSocket API mapped by hand on the domain: refused', () => {
    expect(withHandWritten((stack) => {
      new Apigatewayv2ApiMapping(stack, 'chat', { apiId: chatWebSocketApi(stack).api.id, domainName: 'api.example.com', stage: 'prod', apiMappingKey: 'chat' });
    })).toThrow("expected a domain no WebSocket API is mapped on: 'stack/chat' (aws_apigatewayv2_api_mapping.chat, written by hand) maps a WebSocket API");
  });

  test("the WebSocket API named through a route's apiId or a data source, the same key set by an override (of the mapping or of its stack) or through a local: refused too", () => {
    const cases: Array<[(stack: TerraformStack) => void, string]> = [
      [(stack) => {
        new Apigatewayv2ApiMapping(stack, 'chat', { apiId: chatWebSocketApi(stack).connect.apiId, domainName: 'api.example.com', stage: 'prod', apiMappingKey: 'chat' });
      }, "expected a domain no WebSocket API is mapped on: 'stack/chat' (aws_apigatewayv2_api_mapping.chat, written by hand) maps a WebSocket API"],
      [(stack) => {
        const lookup = new DataAwsApigatewayv2Api(stack, 'lookup', { apiId: chatWebSocketApi(stack).api.id });
        new Apigatewayv2ApiMapping(stack, 'chat', { apiId: lookup.apiId, domainName: 'api.example.com', stage: 'prod', apiMappingKey: 'chat' });
      }, "'stack/chat' (aws_apigatewayv2_api_mapping.chat, written by hand) maps a WebSocket API"],
      [(stack) => {
        new Apigatewayv2ApiMapping(stack, 'legacy', { apiId: 'a1b2c3', domainName: 'api.example.com', stage: 'legacy', apiMappingKey: 'other' })
          .addOverride('api_mapping_key', 'orders');
      }, "'stack/legacy' (aws_apigatewayv2_api_mapping.legacy, written by hand) already maps the key \"orders\""],
      [(stack) => {
        new Apigatewayv2ApiMapping(stack, 'legacy', { apiId: 'a1b2c3', domainName: 'api.example.com', stage: 'legacy', apiMappingKey: 'other' });
        stack.addOverride('resource.aws_apigatewayv2_api_mapping.legacy.api_mapping_key', 'orders');
      }, "'stack/legacy' (aws_apigatewayv2_api_mapping.legacy, written by hand) already maps the key \"orders\""],
      [(stack) => {
        new Apigatewayv2ApiMapping(stack, 'legacy', {
          apiId: 'a1b2c3', domainName: 'api.example.com', stage: 'legacy', apiMappingKey: new TerraformLocal(stack, 'key', 'orders').asString,
        });
      }, "'stack/legacy' (aws_apigatewayv2_api_mapping.legacy, written by hand) already maps the key \"orders\""],
    ];
    for (const [extra, message] of cases) {
      expect(withHandWritten(extra)).toThrow(message);
    }
  });

  test('another key, another domain, or an API the library cannot tell the kind of with another key: no error', () => {
    expect(withHandWritten((stack) => {
      new Apigatewayv2ApiMapping(stack, 'users', { apiId: 'a1b2c3', domainName: 'api.example.com', stage: 'prod', apiMappingKey: 'users' });
      new Apigatewayv2ApiMapping(stack, 'other', { apiId: 'a1b2c3', domainName: 'other.example.com', stage: 'prod', apiMappingKey: 'orders' });
      new ApiGatewayBasePathMapping(stack, 'rest', { apiId: 'd4e5f6', domainName: 'rest.example.com', stageName: 'prod' });
    })).not.toThrow();
  });
});

describe('a key or a stage name held by a local value is checked and compared as the literal it holds', () => {
  test('a key of a local twice on one domain: ConflictException refused, as for the literal', () => {
    expect(() => synthesize((stack) => {
      const key = new TerraformLocal(stack, 'key', 'v1');
      new HttpApiDeployment(stack, 'a', { httpApi: petsHttpApi(stack).api }).addApiMapping('api.example.com', { apiMappingKey: key.asString });
      new HttpApiDeployment(stack, 'b', { httpApi: petsHttpApi(stack, {}, 'b_').api }).addApiMapping('api.example.com', { apiMappingKey: 'v1' });
    })).toThrow('already maps the key "v1" of it (AWS answers ConflictException)');
  });

  test.each([
    ["a WebSocket API's key of two levels", (stack: TerraformStack) => new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api })
      .addApiMapping('ws.example.com', { apiMappingKey: new TerraformLocal(stack, 'key', 'chat/v1').asString }),
    "property 'addApiMapping.apiMappingKey' is \"${local.key}\"; expected a key of letters, digits and $-_.+!*'() (one level"],
    ['a base path of two levels', (stack: TerraformStack) => new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api })
      .addBasePathMapping('api.example.com', { basePath: new TerraformLocal(stack, 'key', 'orders/v1').asString }),
    "property 'addBasePathMapping.basePath' is \"${local.key}\"; expected a single path segment"],
    ['a stage name with a space', (stack: TerraformStack) => new RestApiDeployment(stack, 'deploy', {
      restApi: petsApi(stack).api, stageName: new TerraformLocal(stack, 'stage', 'my stage').asString,
    }), "property 'stageName' is \"${local.stage}\"; expected 1 to 128 characters, each a letter, a digit, '_' or '-'."],
  ])('%s: refused', (_case, make, message) => {
    expect(() => make(new TerraformStack(Testing.app(), 'stack'))).toThrow(message);
  });
});

test.each(['count', 'forEach'])("a domain resource made with %s, its name read whole: refused, pointing to one instance's name", (meta) => {
  expect(() => synthesize((stack) => {
    const domain = new Apigatewayv2DomainName(stack, 'domain', {
      domainName: 'api.example.com',
      domainNameConfiguration: { certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointType: 'REGIONAL', securityPolicy: 'TLS_1_2' },
      ...(meta === 'count' ? { count: 1 } : { forEach: TerraformIterator.fromList(['a']) }),
    });
    new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping(domain.domainName, { apiMappingKey: 'orders' });
  })).toThrow(`expected a domain resource without count or for_each, or one instance's name ('stack/domain' has ${meta === 'count' ? 'count' : 'for_each'}`);
});
