import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { DataAwsApigatewayv2Api } from '@cdktf/provider-aws/lib/data-aws-apigatewayv2-api';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { HttpApiDeployment, RestApiDeployment, WebSocketApiDeployment } from '../src';
import { petsApi } from './support/api';
import { synthesize } from './support/synth';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

describe('bad input fails at synth with the construct path, property, value and expectation', () => {
  test('both restApi and restApiId', () => {
    expect(() => synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, restApiId: 'abc123' });
    })).toThrow("RestApiDeployment at 'stack/deploy': property 'restApi' is \"stack/api\"; expected exactly one of 'restApi' and 'restApiId' (given: both).");
  });

  test('neither restApi nor restApiId', () => {
    expect(() => synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', {});
    })).toThrow("RestApiDeployment at 'stack/deploy': property 'restApi' is undefined; expected exactly one of 'restApi' and 'restApiId' (given: neither).");
  });

  test('an empty restApiId', () => {
    expect(() => synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApiId: '' });
    })).toThrow("RestApiDeployment at 'stack/deploy': property 'restApiId' is \"\"; expected the id of a REST API, not an empty string.");
  });

  test('autoDiscover with an API given by a literal id that nothing names: no triggers, and a warning says so', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new RestApiDeployment(stack, 'deploy', { restApiId: 'abc123', autoDiscover: true });

    expect(RestApiDeployment.warningsOf(stack)).toEqual([expect.stringContaining('This deployment has no redeploy triggers')]);
  });

  test.each([
    ['with a space', 'my stage'],
    ['empty', ''],
    ['with a dot', 'v1.0'],
    ['129 characters long', 'a'.repeat(129)],
  ])('a stage name %s', (_case, stageName) => {
    expect(() => synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, stageName });
    })).toThrow(`RestApiDeployment at 'stack/deploy': property 'stageName' is ${JSON.stringify(stageName).slice(0, 117)}`);
  });

  test('a stage name of 128 letters, digits, _ and - is accepted', () => {
    const stageName = `A-z_0${'9'.repeat(123)}`;
    const json = synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, stageName });
    });
    expect(Object.values(json.resource.aws_api_gateway_stage)[0]).toMatchObject({ stage_name: stageName });
  });

  test('a stage name error says what is expected', () => {
    expect(() => synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, stageName: 'my stage' });
    })).toThrow("expected 1 to 128 characters, each a letter, a digit, '_' or '-'.");
  });

  test('a stage variable with a bad name', () => {
    expect(() => synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, variables: { 'my-var': 'x' } });
    })).toThrow("RestApiDeployment at 'stack/deploy': property 'variables.my-var' is \"x\"; expected a variable name of letters, digits and '_' only.");
  });

  test('a stage variable with a bad value', () => {
    expect(() => synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, variables: { greeting: 'hello world' } });
    })).toThrow("RestApiDeployment at 'stack/deploy': property 'variables.greeting' is \"hello world\"; expected a non-empty value of letters, digits and the characters -._~:/?#&=, of at most 512 characters (API Gateway's quota).");
  });

  describe('an OpenAPI body', () => {
    function withBody(body: string) {
      return () => synthesize((stack) => {
        const api = new ApiGatewayRestApi(stack, 'api', { name: 'example', body });
        new RestApiDeployment(stack, 'deploy', { restApi: api });
      });
    }

    test('that parses as neither JSON nor YAML', () => {
      expect(withBody('{"openapi": "3.0.1", "paths": {')).toThrow(
        /RestApiDeployment at 'stack\/deploy': property 'restApi.body \(of 'stack\/api'\)' is "\{\\"openapi\\": \\"3.0.1\\", \\"paths\\": \{"; expected an OpenAPI document in JSON or YAML; it parses as neither \(JSON: .+; YAML: .+\)\./,
      );
    });

    test('given as an object, as plain JavaScript can (terraform validate: "string required")', () => {
      expect(withBody({ openapi: '3.0.1', paths: {} } as unknown as string)).toThrow(
        "RestApiDeployment at 'stack/deploy': property 'restApi.body (of 'stack/api')' is {\"openapi\":\"3.0.1\",\"paths\":{}}; "
        + 'expected an OpenAPI document as text (JSON or YAML): give JSON.stringify(document), not the object.');
    });

    test('without an openapi or swagger field', () => {
      expect(withBody('{"info": {"title": "x"}, "paths": {}}')).toThrow(
        "RestApiDeployment at 'stack/deploy': property 'restApi.body (of 'stack/api')' is \"{\\\"info\\\": {\\\"title\\\": \\\"x\\\"}, \\\"paths\\\": {}}\"; " +
        'expected an OpenAPI document with an "openapi" (3.x) or "swagger" (2.0) field at its top level.',
      );
    });

    test.each([
      ['a list', '[1, 2]'],
      ['a number', '42'],
      ['an empty document', ''],
    ])('that is %s', (kind, body) => {
      expect(withBody(body)).toThrow(`expected an OpenAPI document (a JSON or YAML object), not ${kind}.`);
    });

    test.each(['stageVariables.host', 'context.domainName'])('with an API Gateway variable written as a Terraform interpolation (${%s})', (variable) => {
      const uri = (escape: string) => JSON.stringify({
        openapi: '3.0.1',
        info: { title: 'x', version: '1' },
        paths: {
          '/p': {
            get: {
              'x-amazon-apigateway-integration': { type: 'HTTP_PROXY', httpMethod: 'GET', uri: `https://${escape}{${variable}}/p` },
            },
          },
        },
      });
      const root = variable.split('.')[0];
      expect(withBody(uri('$'))).toThrow(`expected a body whose API Gateway variables are escaped for Terraform: "\${${root}.…}" is a Terraform interpolation `
        + `(terraform validate refuses it as a reference to an undeclared resource); write it "$\${${root}.…}"`);
      expect(withBody(uri('$$'))).not.toThrow();
    });

    test.each(['stageVariables.host', 'context.domainName'])('in an integration of the API, ${%s} written as a Terraform interpolation', (variable) => {
      const withUri = (escape: string) => () => {
        const stack = new TerraformStack(Testing.app(), 'stack');
        new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
        const api = petsApi(stack);
        api.integration.addOverride('type', 'HTTP_PROXY');
        api.integration.addOverride('uri', `http://${escape}{${variable}}/pets`);
        new RestApiDeployment(stack, 'deploy', { restApi: api.api });
        Testing.synth(stack, true);
      };
      const root = variable.split('.')[0];
      expect(withUri('$')).toThrow("RestApiDeployment at 'stack/deploy': property 'restApi' is \"stack/api\"; expected API resources whose API Gateway "
        + `variables are escaped for Terraform: aws_api_gateway_integration.pets_get_integration ('stack/pets_get_integration') has uri "http://\${${variable}}/pets", `
        + `where "\${${root}.…}" is a Terraform interpolation (terraform validate refuses it as a reference to an undeclared resource); write it "$\${${root}.…}"`);
      expect(withUri('$$')).not.toThrow();
    });

    test.each([
      ['{"b": "${input.body}"}', 'input'],
      ['Action=SendMessage&MessageBody=${util.urlEncode($input.body)}', 'util'],
      ['{"id": "${method.request.path.id}"}', 'method'],
    ])("a mapping template's VTL reference %s written as a Terraform interpolation: refused naming the escape", (template, root) => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      const api = petsApi(stack);
      api.integration.requestTemplates = { 'application/json': template };
      new RestApiDeployment(stack, 'deploy', { restApi: api.api });
      expect(() => Testing.synth(stack, true)).toThrow(`where "\${${root}.…}" is a Terraform interpolation (terraform validate refuses it as a reference to an `
        + `undeclared resource); write it "$\${${root}.…}"`);
    });

    test("an HTTP API's parameter mapping or a WebSocket route selection expression with ${request.…} written as a Terraform interpolation", () => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      const { api, integration } = petsHttpApi(stack);
      integration.requestParameters = { 'overwrite:path': '/v2/${request.path.proxy}' };
      new HttpApiDeployment(stack, 'deploy', { httpApi: api });
      expect(() => Testing.synth(stack, true)).toThrow('has request_parameters.overwrite:path "/v2/${request.path.proxy}", where "${request.…}" is a Terraform '
        + 'interpolation (terraform validate refuses it as a reference to an undeclared resource); write it "$${request.…}"');

      const ws = new TerraformStack(Testing.app(), 'ws');
      new AwsProvider(ws, 'aws', { region: 'eu-west-1' });
      const chat = chatWebSocketApi(ws, { routeSelectionExpression: '${request.body.service}/${request.body.action}' });
      new WebSocketApiDeployment(ws, 'deploy', { webSocketApi: chat.api });
      expect(() => Testing.synth(ws, true)).toThrow('where "${request.…}" is a Terraform interpolation');
    });

    test('with duplicate YAML keys', () => {
      expect(withBody('openapi: 3.0.1\nopenapi: 3.0.2\n')).toThrow(/property 'restApi.body \(of 'stack\/api'\)'.*parses as neither/);
    });

    test('nested deeper than the hashing allows', () => {
      const deep = `{"openapi": "3.0.1", "x": ${'['.repeat(1000)}${']'.repeat(1000)}}`;
      expect(withBody(deep)).toThrow(/property 'restApi.body \(of 'stack\/api'\)'.*expected an OpenAPI document that does not nest so deeply \(it nests deeper than 512 levels\)/);
    });

    test('a long body is shortened in the message', () => {
      expect(withBody(`{"paths": {}, "x": "${'y'.repeat(10_000)}"}`)).toThrow(/is "\{\\"paths\\": \{\}, \\"x\\": \\"y+\.\.\.; expected/);
    });
  });

  describe('trigger keys', () => {
    test('a user key that an automatic entry uses', () => {
      expect(() => synthesize((stack) => {
        new RestApiDeployment(stack, 'deploy', {
          restApi: petsApi(stack).api,
          triggers: { 'aws_api_gateway_method.pets_get': 'mine' },
        });
      })).toThrow("RestApiDeployment at 'stack/deploy': property 'triggers.aws_api_gateway_method.pets_get' is \"mine\"; " +
        'expected a key that none of the automatic trigger entries use (there is an automatic entry "aws_api_gateway_method.pets_get"); choose another key.');
    });

    test('the reserved key "resource_ids"', () => {
      expect(() => synthesize((stack) => {
        new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, triggers: { resource_ids: 'x' } });
      })).toThrow("RestApiDeployment at 'stack/deploy': property 'triggers.resource_ids' is \"x\"; expected a key other than \"resource_ids\"");
    });

    test("a number token (a variable's numberValue) as a trigger's value: the message says how to make it a string", () => {
      const withValue = (value: (stack: TerraformStack) => unknown) => () => synthesize((stack) => {
        new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, triggers: { v: value(stack) as string } });
      });
      expect(withValue((stack) => new TerraformVariable(stack, 'n', { type: 'number' }).numberValue)).toThrow(
        "property 'triggers.v' is \"${var.n}\"; expected a string (this is a number token, such as a variable's numberValue: give Token.asString(...) of it).");
      expect(withValue(() => 2)).toThrow("property 'triggers.v' is 2; expected a string.");
    });

    test('addTrigger with a key given before', () => {
      expect(() => synthesize((stack) => {
        const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, triggers: { release: '1' } });
        deployment.addTrigger('release', '2');
      })).toThrow("RestApiDeployment at 'stack/deploy': property 'triggers.release' is \"2\"; expected a key not given before.");
    });

    test.each([
      ['a value', 'release', '${foo}'],
      ['a key', 'a${b}', 'v'],
    ])('"${...}" written as text in %s (terraform validate refused the unknown name)', (_where, key, value) => {
      expect(() => synthesize((stack) => {
        new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addTrigger(key, value);
      })).toThrow(`RestApiDeployment at 'stack/deploy': property 'triggers.${key}' is ${JSON.stringify(key.includes('$') ? key : value)}; expected no "\${...}" text`);
      for (const written of ['$${literal}', '${terraform.workspace}', '${var.release}', '${sha1("v1")}']) {
        expect(() => synthesize((stack) => {
          new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addTrigger('release', written);
        })).not.toThrow();
      }
    });
  });

  describe('stages', () => {
    test('two RestApiDeployments creating the same stage of the same API', () => {
      expect(() => synthesize((stack) => {
        const { api } = petsApi(stack);
        new RestApiDeployment(stack, 'first', { restApi: api, stageName: 'live' });
        new RestApiDeployment(stack, 'second', { restApi: api, stageName: 'live' });
      })).toThrow("RestApiDeployment at 'stack/second': property 'stageName' is \"live\"; " +
        "expected a stage name not yet used for this REST API: 'stack/first' already creates the stage \"live\".");
    });

    test('the same stage name of an API given twice by id', () => {
      expect(() => synthesize((stack) => {
        new RestApiDeployment(stack, 'first', { restApiId: 'abc123', triggers: { v: '1' } });
        new RestApiDeployment(stack, 'second', { restApiId: 'abc123', triggers: { v: '1' } });
      })).toThrow("'stack/first' already creates the stage \"prod\"");
    });

    test('the same stage name on two different APIs is fine', () => {
      const json = synthesize((stack) => {
        new RestApiDeployment(stack, 'first', { restApi: petsApi(stack).api });
        new RestApiDeployment(stack, 'second', { restApi: petsApi(stack, {}, 'other_').api });
      });
      expect(Object.keys(json.resource.aws_api_gateway_stage)).toHaveLength(2);
    });
  });

  test("a resource of another API in 'resources' is refused (discovery would take that API's resources too)", () => {
    expect(() => synthesize((stack) => {
      const other = petsApi(stack, {}, 'other_');
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, resources: [other.integration] });
    })).toThrow("RestApiDeployment at 'stack/deploy': property 'resources[0]' is the construct 'stack/other_pets_get_integration' (aws_api_gateway_integration); "
      + "expected a resource of stack/api, or of no API: its API id is the id of stack's aws_api_gateway_rest_api.other_api");
    expect(() => synthesize((stack) => {
      const { api, integration } = petsApi(stack);
      new RestApiDeployment(stack, 'deploy', { restApi: api, resources: [integration] });
    })).not.toThrow();
    // A resource of an API of the other family too (a route of an HTTP API given to a REST deployment).
    expect(() => synthesize((stack) => {
      const http = petsHttpApi(stack);
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, resources: [http.route] });
    })).toThrow("RestApiDeployment at 'stack/deploy': property 'resources[0]' is the construct 'stack/pets_route' (aws_apigatewayv2_route); "
      + "expected a resource of stack/api, or of no API: its API id is the id of stack's aws_apigatewayv2_api.http_api");
  });

  test('urlForPath without a leading slash', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    expect(() => deployment.urlForPath('pets')).toThrow(
      "RestApiDeployment at 'stack/deploy': property 'urlForPath(path)' is \"pets\"; expected a path that starts with \"/\".",
    );
  });

  test.each(['/pets/${id}', '/pets/%{id}', '/a b', '/caf\u00e9', '/pets/{id}'])('urlForPath(%j): text a URL cannot hold as it is', (urlPath) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const rest = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    const http = new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api });
    const expected = `property 'urlForPath(path)' is ${JSON.stringify(urlPath)}; expected a URL path of the characters a URL holds as they are ` +
      "(letters, digits, -._~!$&'()*+,;=:@/?# and %XX): percent-encode the others (encodeURIComponent for a segment); " +
      'a Terraform expression goes in as a token (a variable\'s stringValue), not as "${...}" text.';
    expect(() => rest.urlForPath(urlPath)).toThrow(`RestApiDeployment at 'stack/deploy': ${expected}`);
    expect(() => http.urlForPath(urlPath)).toThrow(`HttpApiDeployment at 'stack/http': ${expected}`);
  });

  test('urlForPath takes a query, a fragment, percent-encoded text and tokens', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    const id = new TerraformVariable(stack, 'id', { type: 'string' });
    new TerraformOutput(stack, 'urls', { value: [deployment.urlForPath('/pets?limit=10#top'), deployment.urlForPath('/caf%C3%A9'), deployment.urlForPath(`/pets/${id.stringValue}`)] });
    expect(JSON.parse(Testing.synth(stack)).output.urls.value).toEqual([
      '${aws_api_gateway_stage.deploy_Stage_4076BD38.invoke_url}/pets?limit=10#top',
      '${aws_api_gateway_stage.deploy_Stage_4076BD38.invoke_url}/caf%C3%A9',
      '${aws_api_gateway_stage.deploy_Stage_4076BD38.invoke_url}/pets/${var.id}',
    ]);
  });

  test('arnForExecuteApi without a leading slash', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    expect(() => deployment.arnForExecuteApi('GET', 'pets')).toThrow(
      "RestApiDeployment at 'stack/deploy': property 'arnForExecuteApi(path)' is \"pets\"; expected a path that starts with \"/\"",
    );
  });
});

describe('execute-api ARNs are written as API Gateway matches them', () => {
  const rest = () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    return { stack, deployment: new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }) };
  };

  test.each([
    ['a method in lower case', ['get', '/pets'], '/prod/GET/pets'],
    ['ANY in any case', ['Any', '/pets'], '/prod/*/pets'],
    ['path parameters', ['DELETE', '/pets/{id}/toys/{toy}'], '/prod/DELETE/pets/*/toys/*'],
    ['a greedy path parameter', ['GET', '/files/{proxy+}'], '/prod/GET/files/*'],
    ['the root', ['GET', '/'], '/prod/GET/'],
  ])('%s', (_case, [method, resourcePath], suffix) => {
    const { stack, deployment } = rest();
    new TerraformOutput(stack, 'arn', { value: deployment.arnForExecuteApi(method, resourcePath) });

    expect(JSON.parse(Testing.synth(stack)).output.arn.value).toBe(`\${aws_api_gateway_rest_api.api.execution_arn}${suffix}`);
  });

  test('the $default route of an HTTP API', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });
    new TerraformOutput(stack, 'arn', { value: deployment.arnForExecuteApi('$default') });

    expect(JSON.parse(Testing.synth(stack)).output.arn.value).toBe('${aws_apigatewayv2_api.http_api.execution_arn}/$default/$default');
  });

  test.each([
    ['a method API Gateway does not have', () => rest().deployment.arnForExecuteApi('FETCH', '/pets'),
      "RestApiDeployment at 'stack/deploy': property 'arnForExecuteApi(method)' is \"FETCH\"; expected an HTTP method (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS), or '*' or 'ANY' for every method."],
    ['a trailing slash', () => rest().deployment.arnForExecuteApi('GET', '/pets/'),
      "RestApiDeployment at 'stack/deploy': property 'arnForExecuteApi(path)' is \"/pets/\"; expected a path without a trailing \"/\" (\"/pets\", not \"/pets/\"): API Gateway matches the ARN exactly, and a resource path has none."],
    ['a predefined WebSocket route key in another case', () => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      return new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api }).arnForExecuteApi('$Connect');
    }, "WebSocketApiDeployment at 'stack/deploy': property 'arnForExecuteApi(routeKey)' is \"$Connect\"; expected '$connect' (API Gateway matches route keys exactly, case included), a custom route key (which cannot start with '$'), or '*' for every route."],
    ['a WebSocket route key with $ that AWS does not define', () => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      return new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api }).arnForExecuteApi('$send');
    }, "expected one of '$connect', '$disconnect', '$default', a custom route key (which cannot start with '$'), or '*' for every route."],
  ])('refused: %s', (_case, call, message) => {
    expect(call).toThrow(message);
  });
});

describe('a failed synth leaves no partial output behind', () => {
  test('an invalid body in a later stack stops the app before any stack is written', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'rest-api-deployment-'));
    const app = new App({ outdir });
    const good = new TerraformStack(app, 'good');
    new RestApiDeployment(good, 'deploy', { restApi: petsApi(good).api });
    const bad = new TerraformStack(app, 'bad');
    new RestApiDeployment(bad, 'deploy', { restApi: new ApiGatewayRestApi(bad, 'api', { name: 'x', body: '{"paths": {}}' }) });

    expect(() => app.synth()).toThrow("RestApiDeployment at 'bad/deploy': property 'restApi.body (of 'bad/api')'");
    expect(fs.existsSync(path.join(outdir, 'stacks', 'good', 'cdk.tf.json'))).toBe(false);
    expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(false);
  });

  test('a trigger key collision in a later stack stops the app before any stack is written', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'rest-api-deployment-'));
    const app = new App({ outdir, skipValidation: true });
    const good = new TerraformStack(app, 'good');
    new RestApiDeployment(good, 'deploy', { restApi: petsApi(good).api });
    const bad = new TerraformStack(app, 'bad');
    new RestApiDeployment(bad, 'deploy', { restApi: petsApi(bad).api, triggers: { 'aws_api_gateway_resource.pets': 'x' } });

    expect(() => app.synth()).toThrow("RestApiDeployment at 'bad/deploy': property 'triggers.aws_api_gateway_resource.pets'");
    expect(fs.existsSync(path.join(outdir, 'stacks', 'good', 'cdk.tf.json'))).toBe(false);
  });

  test("a user key that an object's reference entry uses stops the app before any stack is written", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'rest-api-deployment-'));
    const app = new App({ outdir });
    const good = new TerraformStack(app, 'good');
    new RestApiDeployment(good, 'deploy', { restApi: petsApi(good).api });
    const bad = new TerraformStack(app, 'bad');
    const api = petsApi(bad);
    const backend = new TerraformVariable(bad, 'backend_host', { type: 'string' });
    api.integration.requestTemplates = { 'application/json': `{"host": "${backend.stringValue}"}` };
    new RestApiDeployment(bad, 'deploy', { restApi: api.api, triggers: { 'var.backend_host': 'mine' } });

    expect(() => app.synth()).toThrow("RestApiDeployment at 'bad/deploy': property 'triggers.var.backend_host' is \"mine\"; " +
      'expected a key that none of the automatic trigger entries use (there is an automatic entry "var.backend_host"); choose another key.');
    expect(fs.existsSync(path.join(outdir, 'stacks', 'good', 'cdk.tf.json'))).toBe(false);
  });

  test('a full app synth writes the complete triggers after the checking pass', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'rest-api-deployment-'));
    const app = new App({ outdir, skipValidation: true });
    const stack = new TerraformStack(app, 'stack');
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, triggers: { release: '1' } });

    app.synth();

    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'stack', 'cdk.tf.json'), 'utf8'));
    const triggers = Object.values<any>(json.resource.aws_api_gateway_deployment)[0].triggers;
    expect(Object.keys(triggers)).toEqual([
      'aws_api_gateway_integration.pets_get_integration',
      'aws_api_gateway_method.pets_get',
      'aws_api_gateway_resource.pets',
      'aws_api_gateway_rest_api.api',
      'release',
      'resource_ids',
    ]);
    expect(triggers['aws_api_gateway_method.pets_get']).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('more mistakes refused', () => {
  const http = () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    return { stack, deployment: new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }) };
  };

  test.each<[string, (deployment: HttpApiDeployment) => void, string]>([
    ["the construct's own deployment as a resource", (d) => d.addResource(d.deployment), "property 'addResource(resource)' is the construct 'stack/deploy/Deployment' (aws_apigatewayv2_deployment); expected a resource the construct did not make"],
    ["the construct's own stage as a resource", (d) => d.addResource(d.deploymentStage.stage), "property 'addResource(resource)' is the construct 'stack/deploy/Stage/Default' (aws_apigatewayv2_stage); expected a resource the construct did not make"],
    ['a stage written by hand as a resource (its settings take effect without a redeploy)', (d) => d.addResource(new Apigatewayv2Stage(TerraformStack.of(d), 'manual', {
      apiId: d.httpApiId, name: 'manual',
    })), "property 'addResource(resource)' is the construct 'stack/manual' (aws_apigatewayv2_stage); expected a resource whose changes AWS serves only after a "
      + 'redeploy (a route, method, integration, ...): a change of a aws_apigatewayv2_stage takes effect without one, so hashing it would redeploy the API for nothing.'],
    ['a data source as a resource (plain JavaScript)', (d) => d.addResource(new DataAwsApigatewayv2Api(TerraformStack.of(d), 'looked_up', { apiId: 'a1b2c3' }) as any),
      "property 'addResource(resource)' is the construct 'stack/looked_up' (data.aws_apigatewayv2_api); expected a Terraform resource (one of the provider's resource constructs); "
      + 'a data source is read, not made: give the attribute that should redeploy the API as a trigger (triggers: { name: source.attribute }).'],
    ['a query in an ARN path', (d) => d.arnForExecuteApi('GET', '/pets?x=1'), "property 'arnForExecuteApi(path)' is \"/pets?x=1\"; expected a resource path as API Gateway writes it"],
    ['an empty segment in an ARN path', (d) => d.arnForExecuteApi('GET', '//pets'), "property 'arnForExecuteApi(path)' is \"//pets\"; expected a resource path"],
    ['an unclosed path parameter', (d) => d.arnForExecuteApi('GET', '/pets/{id'), "property 'arnForExecuteApi(path)' is \"/pets/{id\"; expected a resource path"],
    ['a stage with a slash', (d) => d.arnForExecuteApi('GET', '/pets', 'a/b'), "property 'arnForExecuteApi(stage)' is \"a/b\"; expected a stage name"],
    ['an empty stage', (d) => d.arnForExecuteApi('GET', '/pets', ''), "property 'arnForExecuteApi(stage)' is \"\"; expected a stage name"],
    ['a path with the $default route', (d) => d.arnForExecuteApi('$default', '/pets'), "property 'arnForExecuteApi(path)' is \"/pets\"; expected no path with the $default route"],
  ])('%s', (_case, call, message) => {
    const { deployment } = http();
    expect(() => call(deployment)).toThrow(message);
  });

  test('an empty WebSocket route key', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const deployment = new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api });
    expect(() => deployment.arnForExecuteApi('')).toThrow("property 'arnForExecuteApi(routeKey)' is \"\"; expected one of '$connect'");
  });
});

test('addStage with importExistingStage: refused naming how an added stage is adopted, which works as said', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const pets = petsApi(stack);
  const deployment = new RestApiDeployment(stack, 'deploy', { restApi: pets.api });
  expect(() => deployment.addStage('staging', { importExistingStage: true } as any)).toThrow("property 'addStage(staging).importExistingStage' is true; expected no "
    + "'importExistingStage': StageOptions has no such property ('importExistingStage' adopts the main stage; adopt a stage addStage makes on the stage it "
    + "returns: stage.stage.importFrom('<api id>/<name>') for one made outside Terraform, or stage.stage.moveFromId('<address>') for one in the state).");
  deployment.addStage('staging').stage.importFrom(`${pets.api.id}/staging`);
  expect(JSON.parse(Testing.synth(stack, true)).import).toEqual([{ id: '${aws_api_gateway_rest_api.api.id}/staging', to: expect.stringMatching(/^aws_api_gateway_stage\.deploy_Stage_staging_\w+$/) }]);
});
