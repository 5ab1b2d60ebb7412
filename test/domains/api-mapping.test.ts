import { ApiGatewayDomainName } from '@cdktf/provider-aws/lib/api-gateway-domain-name';
import { Apigatewayv2DomainName } from '@cdktf/provider-aws/lib/apigatewayv2-domain-name';
import { DataAwsApiGatewayDomainName } from '@cdktf/provider-aws/lib/data-aws-api-gateway-domain-name';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { HttpApiDeployment, RestApiDeployment, WebSocketApiDeployment } from '../../src';
import { petsApi } from '../support/api';
import { onlyResource, resourcesOfType, synthesize, synthesizeApp } from '../support/synth';
import { chatWebSocketApi, petsHttpApi } from '../support/v2-api';

function v2Domain(stack: TerraformStack, name = 'api.example.com', id = 'domain'): Apigatewayv2DomainName {
  return new Apigatewayv2DomainName(stack, id, {
    domainName: name,
    domainNameConfiguration: {
      certificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc',
      endpointType: 'REGIONAL',
      securityPolicy: 'TLS_1_2',
    },
  });
}

function stageAddress(json: any, type: string): string {
  return `${type}.${Object.keys(json.resource[type])[0]}`;
}

describe('addApiMapping', () => {
  test("maps an HTTP API's main stage through the stage resource; the mapped stage is created before it is destroyed", () => {
    const json = synthesize((stack) => {
      const domain = v2Domain(stack);
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, stageName: 'live' })
        .addApiMapping(domain.domainName, { apiMappingKey: 'orders/v2' });
    });

    const stage = stageAddress(json, 'aws_apigatewayv2_stage');
    expect(onlyResource(json, 'aws_apigatewayv2_api_mapping')).toEqual({
      api_id: '${aws_apigatewayv2_api.http_api.id}',
      api_mapping_key: 'orders/v2',
      domain_name: '${aws_apigatewayv2_domain_name.domain.domain_name}',
      stage: `\${${stage}.name}`,
    });
    expect(onlyResource(json, 'aws_apigatewayv2_stage').lifecycle).toEqual({ create_before_destroy: true });
  });

  test('an unmapped HTTP stage is created before it is destroyed too: a mapping written by hand may name it', () => {
    const json = synthesize((stack) => {
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, stageName: 'live' });
    });

    expect(onlyResource(json, 'aws_apigatewayv2_stage').lifecycle).toEqual({ create_before_destroy: true });
  });

  test("a WebSocket API's added stage on a domain of its own, without key", () => {
    const json = synthesize((stack) => {
      const deployment = new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api, stageName: 'prod' });
      deployment.addStage('beta').addApiMapping('chat.example.com');
    });

    const mapping = onlyResource(json, 'aws_apigatewayv2_api_mapping');
    expect(mapping.api_mapping_key).toBeUndefined();
    expect(mapping.domain_name).toBe('chat.example.com');
    const beta = Object.entries<any>(json.resource.aws_apigatewayv2_stage).find(([, stage]) => stage.name === 'beta')!;
    expect(mapping.stage).toBe(`\${aws_apigatewayv2_stage.${beta[0]}.name}`);
    expect(beta[1].lifecycle).toEqual({ create_before_destroy: true });
  });

  test('a REST API gets a key of several levels through an API mapping, beside an HTTP API at the root of the same domain', () => {
    const json = synthesize((stack) => {
      const domain = v2Domain(stack);
      new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack).api, stageName: 'live' })
        .addApiMapping(domain.domainName, { apiMappingKey: 'orders/v1' });
      new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack, {}, 'http').api, stageName: 'live' })
        .addApiMapping(domain.domainName);
    });

    const mappings = Object.values<any>(resourcesOfType(json, 'aws_apigatewayv2_api_mapping'));
    expect(mappings.map((mapping) => [mapping.api_id, mapping.api_mapping_key ?? null, mapping.stage]).sort()).toEqual([
      ['${aws_api_gateway_rest_api.api.id}', 'orders/v1', `\${${stageAddress(json, 'aws_api_gateway_stage')}.stage_name}`],
      ['${aws_apigatewayv2_api.httphttp_api.id}', null, `\${${stageAddress(json, 'aws_apigatewayv2_stage')}.name}`],
    ]);
  });

  test('one stage with the same key on two domains gets two mappings', () => {
    const json = synthesize((stack) => {
      const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });
      deployment.addApiMapping('api.example.com', { apiMappingKey: 'pets' });
      deployment.addApiMapping('api.example.org', { apiMappingKey: 'pets' });
    });

    expect(Object.values<any>(resourcesOfType(json, 'aws_apigatewayv2_api_mapping')).map((mapping) => mapping.domain_name).sort())
      .toEqual(['api.example.com', 'api.example.org']);
  });

  test('the same program synthesizes the same mapping addresses', () => {
    const build = (stack: TerraformStack) => {
      const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });
      deployment.addApiMapping('api.example.com', { apiMappingKey: 'orders/v2' });
    };

    expect(Object.keys(resourcesOfType(synthesize(build), 'aws_apigatewayv2_api_mapping')))
      .toEqual(Object.keys(resourcesOfType(synthesize(build), 'aws_apigatewayv2_api_mapping')));
  });
});

describe('addApiMapping refuses at synth what AWS refuses', () => {
  test('two mappings with one key on one domain, across stacks, naming both', () => {
    expect(() => synthesizeApp((app) => {
      const first = new TerraformStack(app, 'orders');
      new AwsProvider(first, 'aws', { region: 'eu-west-2' });
      new HttpApiDeployment(first, 'deploy', { httpApi: petsHttpApi(first).api }).addApiMapping('api.example.com', { apiMappingKey: 'orders' });
      const second = new TerraformStack(app, 'billing');
      new AwsProvider(second, 'aws', { region: 'eu-west-2' });
      new HttpApiDeployment(second, 'deploy', { httpApi: petsHttpApi(second).api }).addApiMapping('api.example.com', { apiMappingKey: 'orders' });
    })).toThrow("HttpApiDeployment at 'billing/deploy': property 'addApiMapping.apiMappingKey' is \"orders\"; expected a key no other mapping "
      + "of the domain \"api.example.com\" has: 'orders/deploy' (addApiMapping) already maps the key \"orders\" of it (AWS answers ConflictException)"
      + "; if the two stacks deploy to different accounts or regions, say so in each stack's AwsProvider ('allowedAccountIds', 'region').");
  });

  test('the domain given as its resource and as its name is one domain', () => {
    expect(() => synthesize((stack) => {
      const domain = v2Domain(stack);
      new HttpApiDeployment(stack, 'one', { httpApi: petsHttpApi(stack).api }).addApiMapping(domain.domainName);
      new HttpApiDeployment(stack, 'two', { httpApi: petsHttpApi(stack, {}, 'two').api }).addApiMapping('api.example.com');
    })).toThrow("HttpApiDeployment at 'stack/two': property 'addApiMapping.apiMappingKey' is undefined; expected a key no other mapping of the "
      + "domain \"api.example.com\" has: 'stack/one' (addApiMapping) already maps the empty key (the whole domain) of it (AWS answers ConflictException).");
  });

  test('a WebSocket API and an HTTP API on one domain, naming both', () => {
    expect(() => synthesize((stack) => {
      const domain = v2Domain(stack);
      new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api }).addApiMapping(domain.domainName, { apiMappingKey: 'pets' });
      new WebSocketApiDeployment(stack, 'chat', { webSocketApi: chatWebSocketApi(stack).api, stageName: 'prod' })
        .addApiMapping(domain.domainName, { apiMappingKey: 'chat' });
    })).toThrow("WebSocketApiDeployment at 'stack/chat': property 'addApiMapping(domainName)' is \"${aws_apigatewayv2_domain_name.domain.domain_name}\"; "
      + "expected a domain no HTTP API is mapped on: 'stack/http' (addApiMapping) maps an HTTP API on the domain \"api.example.com\", and AWS does not serve WebSocket APIs "
      + 'and REST or HTTP APIs on one domain name (give the WebSocket API a domain name of its own).');
  });

  test('a REST base path mapping of the whole domain beside an API mapping, naming both', () => {
    expect(() => synthesize((stack) => {
      const domain = new ApiGatewayDomainName(stack, 'domain', {
        domainName: 'api.example.com', regionalCertificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointConfiguration: { types: ['REGIONAL'] },
      });
      new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack).api }).addBasePathMapping(domain.domainName);
      new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api }).addApiMapping('api.example.com', { apiMappingKey: 'orders/v2' });
    })).toThrow("HttpApiDeployment at 'stack/http': property 'addApiMapping(domainName)' is \"api.example.com\"; expected a domain without a REST "
      + "base path mapping of the whole domain: 'stack/rest' (addBasePathMapping) maps the whole of the domain \"api.example.com\" with "
      + 'addBasePathMapping and no basePath, and this mapping maps the key "orders/v2" of it; AWS allows no other mapping beside a base path mapping '
      + 'of the whole domain ("Only one base path mapping is allowed if the base path is empty"; an API mapping without key, addApiMapping, serves '
      + 'the paths no other key begins instead).');
  });

  test.each([
    ['a character AWS refuses', 'orders/v#1'],
    ['an empty level', 'orders//v1'],
    ['a leading slash', '/orders'],
    ['over 300 characters', 'a'.repeat(301)],
  ])('a key with %s', (_what, key) => {
    expect(() => synthesize((stack) => {
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping('api.example.com', { apiMappingKey: key });
    })).toThrow(`HttpApiDeployment at 'stack/deploy': property 'addApiMapping.apiMappingKey' is ${JSON.stringify(key).length > 120 ? '' : JSON.stringify(key)}`);
  });

  test('a key of several levels for a WebSocket API', () => {
    expect(() => synthesize((stack) => {
      new WebSocketApiDeployment(stack, 'chat', { webSocketApi: chatWebSocketApi(stack).api, stageName: 'prod' })
        .addApiMapping('chat.example.com', { apiMappingKey: 'chat/v1' });
    })).toThrow("WebSocketApiDeployment at 'stack/chat': property 'addApiMapping.apiMappingKey' is \"chat/v1\"; expected a key of letters, digits "
      + "and $-_.+!*'() (one level: a WebSocket API's mapping key has no '/'), at most 300 characters; omit it to map the domain's root.");
  });

  test("an added stage's mapping error names the added stage", () => {
    expect(() => synthesize((stack) => {
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addStage('beta').addApiMapping('api.example.com', { apiMappingKey: 'a b' });
    })).toThrow("HttpApiDeployment at 'stack/deploy': property 'addStage(beta).addApiMapping.apiMappingKey' is \"a b\"");
  });

  test('what untyped callers can pass: an unknown option, a domain that is not a string', () => {
    expect(() => synthesize((stack) => {
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping('api.example.com', { basePath: 'pets' } as any);
    })).toThrow("property 'addApiMapping.basePath'");
    expect(() => synthesize((stack) => {
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping(42 as any);
    })).toThrow("HttpApiDeployment at 'stack/deploy': property 'addApiMapping(domainName)' is 42; expected the custom domain name");
  });

  test('a key that is a variable is not compared, and is written as its expression', () => {
    const json = synthesize((stack) => {
      const key = new TerraformVariable(stack, 'key', { type: 'string' });
      const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });
      deployment.addApiMapping('api.example.com', { apiMappingKey: key.stringValue });
      deployment.addApiMapping('api.example.com', { apiMappingKey: 'pets' });
    });

    expect(Object.values<any>(resourcesOfType(json, 'aws_apigatewayv2_api_mapping')).map((mapping) => mapping.api_mapping_key).sort())
      .toEqual(['${var.key}', 'pets']);
  });
});

describe('addApiMapping tells domains apart as AWS does', () => {
  test('one domain name in two regions is two domains: the same key, and the same base path, in each', () => {
    const app = Testing.app();
    for (const region of ['us-east-1', 'eu-west-1']) {
      const stack = new TerraformStack(app, region);
      new AwsProvider(stack, 'aws', { region });
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping('api.example.com', { apiMappingKey: 'v1' });
      new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack).api }).addBasePathMapping('api.example.com', { basePath: 'pets' });
    }

    expect(() => app.synth()).not.toThrow();
  });

  test('the same region in two stacks is one domain', () => {
    const app = Testing.app();
    const mapIn = (id: string) => {
      const stack = new TerraformStack(app, id);
      new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping('api.example.com', { apiMappingKey: 'v1' });
    };
    mapIn('one');

    expect(() => mapIn('two')).toThrow('already maps the key "v1" of it');
  });

  test("another stack's domain resource is that stack's, whatever the logical ids; named there by resource and here by name, it is one domain", () => {
    const app = Testing.app();
    const a = new TerraformStack(app, 'a');
    new AwsProvider(a, 'aws', { region: 'eu-west-2' });
    const domainA = v2Domain(a, 'api.a.com', 'domain');
    const b = new TerraformStack(app, 'b');
    new AwsProvider(b, 'aws', { region: 'eu-west-2' });
    const domainB = v2Domain(b, 'api.b.com', 'domain');
    const deployment = new HttpApiDeployment(b, 'deploy', { httpApi: petsHttpApi(b).api });
    deployment.addApiMapping(domainB.domainName, { apiMappingKey: 'x' });
    deployment.addApiMapping(domainA.domainName, { apiMappingKey: 'x' });

    expect(() => new HttpApiDeployment(a, 'other', { httpApi: petsHttpApi(a).api }).addApiMapping('api.a.com', { apiMappingKey: 'x' }))
      .toThrow("HttpApiDeployment at 'a/other': property 'addApiMapping.apiMappingKey' is \"x\"; expected a key no other mapping of the domain "
        + "\"api.a.com\" has: 'b/deploy' (addApiMapping) already maps the key \"x\" of it (AWS answers ConflictException); if "
        + "the two stacks deploy to different accounts or regions, say so in each stack's AwsProvider ('allowedAccountIds', 'region').");
  });

  test('a token key is named by its expression, whatever tokens came before; the same variable twice is one key', () => {
    const build = (unrelatedTokenFirst: boolean) => synthesize((stack) => {
      if (unrelatedTokenFirst) {
        new TerraformVariable(stack, 'unrelated', { type: 'string' });
      }
      const key = new TerraformVariable(stack, 'key', { type: 'string' }).stringValue;
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping('api.example.com', { apiMappingKey: key });
    });
    const addresses = Object.keys(resourcesOfType(build(false), 'aws_apigatewayv2_api_mapping'));

    expect(Object.keys(resourcesOfType(build(true), 'aws_apigatewayv2_api_mapping'))).toEqual(addresses);
    expect(addresses[0]).toMatch(/^deploy_ApiMapping_var-key_/);
    expect(() => synthesize((stack) => {
      const key = new TerraformVariable(stack, 'key', { type: 'string' }).stringValue;
      const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });
      deployment.addApiMapping('api.example.com', { apiMappingKey: key });
      deployment.addStage('beta').addApiMapping('api.example.com', { apiMappingKey: key });
    })).toThrow("HttpApiDeployment at 'stack/deploy': property 'addStage(beta).addApiMapping.apiMappingKey' is \"${var.key}\"; expected a key no "
      + "other mapping of the domain \"api.example.com\" has: 'stack/deploy' (addApiMapping) already maps the key \"${var.key}\" of it");
  });

  test('the domain resource itself instead of its name (what Python or Java can pass) is refused, naming it', () => {
    expect(() => synthesize((stack) => {
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping(v2Domain(stack) as any);
    })).toThrow("HttpApiDeployment at 'stack/deploy': property 'addApiMapping(domainName)' is the construct 'stack/domain' "
      + '(aws_apigatewayv2_domain_name); expected the custom domain name');
  });

  test('a literal that is no domain name, or not as AWS takes it (capitals, a final dot, a label over 63 characters), is refused', () => {
    const mapOn = (domainName: string) => () => synthesize((stack) => {
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping(domainName);
    });
    const expected = 'expected a domain name of labels of lower-case letters, digits and hyphens (not at either end of a label, at most 63 characters) '
      + "separated by dots, without a final dot or spaces, 253 characters in all, such as 'api.example.com'.";

    expect(mapOn(' api.example.com ')).toThrow(`HttpApiDeployment at 'stack/deploy': property 'addApiMapping(domainName)' is " api.example.com "; ${expected}`);
    expect(mapOn('API.example.com')).toThrow(`is "API.example.com"; ${expected}`);
    expect(mapOn('api.example.com.')).toThrow(`is "api.example.com."; ${expected}`);
    expect(mapOn(`${'a'.repeat(64)}.example.com`)).toThrow(expected);
    expect(mapOn(`${'a'.repeat(63)}.example.com`)).not.toThrow();
    expect(mapOn('*.example.com')).not.toThrow();
  });
});

describe('a domain is the custom domain whichever way the app names it', () => {
  test('a data source that reads the domain by its literal name, in two stacks, is that one domain', () => {
    expect(() => synthesizeApp((app) => {
      for (const id of ['orders', 'billing']) {
        const stack = new TerraformStack(app, id);
        new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
        const domain = new DataAwsApiGatewayDomainName(stack, 'domain', { domainName: 'api.example.com' });
        new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping(domain.domainName, { apiMappingKey: 'shared' });
      }
    })).toThrow("HttpApiDeployment at 'billing/deploy': property 'addApiMapping.apiMappingKey' is \"shared\"; expected a key no other mapping "
      + "of the domain \"api.example.com\" has: 'orders/deploy' (addApiMapping) already maps the key \"shared\" of it (AWS answers ConflictException)");
  });

  test.each([
    ['targetDomainName', (domain: Apigatewayv2DomainName) => domain.domainNameConfiguration.targetDomainName, 'domain_name_configuration\\[0\\]\\.target_domain_name'],
    ['arn', (domain: Apigatewayv2DomainName) => domain.arn, 'arn'],
  ])('an attribute of the domain resource that is not its name (%s) is refused', (_name, attribute, named) => {
    expect(() => synthesize((stack) => {
      const domain = v2Domain(stack);
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping(attribute(domain));
    })).toThrow(new RegExp(`^HttpApiDeployment at 'stack/deploy': property 'addApiMapping\\(domainName\\)' is "\\$\\{aws_apigatewayv2_domain_name\\.domain\\.[^"]*${named}[^"]*\\}"; `
      + `expected the custom domain's name \\(its domain_name\\), not its ${named}`));
  });

  test("a REST domain's regional_domain_name (the endpoint's name, for DNS) is refused", () => {
    expect(() => synthesize((stack) => {
      const domain = new ApiGatewayDomainName(stack, 'domain', {
        domainName: 'api.example.com', regionalCertificateArn: 'arn:aws:acm:eu-west-2:123456789012:certificate/abc', endpointConfiguration: { types: ['REGIONAL'] },
      });
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addBasePathMapping(domain.regionalDomainName);
    })).toThrow("RestApiDeployment at 'stack/deploy': property 'addBasePathMapping(domainName)' is \"${aws_api_gateway_domain_name.domain.regional_domain_name}\"; "
      + "expected the custom domain's name (its domain_name), not its regional_domain_name: that is the name of API Gateway's own endpoint, for a DNS record pointing at it.");
  });

  test('a key changed on the mapping after the call is refused: it was checked against the whole app', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const mapping = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addApiMapping(v2Domain(stack).domainName, { apiMappingKey: 'orders' });

    expect(() => {
      mapping.apiMappingKey = 'v1';
    }).toThrow("HttpApiDeployment at 'stack/deploy': property 'addApiMapping(${aws_apigatewayv2_domain_name.domain.domain_name}).apiMappingKey' is \"v1\"; "
      + "expected the resource to keep its 'apiMappingKey' as the construct set it: the construct checked it against every other mapping of the domain "
      + "in the app (give the key in the call's apiMappingKey).");
  });
});
