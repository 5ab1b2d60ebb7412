import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { DataAwsApigatewayv2Api } from '@cdktf/provider-aws/lib/data-aws-apigatewayv2-api';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Fn, TerraformHclModule, TerraformLocal, TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { AccessLogDestination, HttpApiDeployment, HttpApiStage, MethodLoggingLevel, RestApiDeployment, RestApiStage, WebSocketApiDeployment, WebSocketApiStage } from '../src';
import { petsApi } from './support/api';
import { resourcesOfType, synthesize, synthesizeStack } from './support/synth';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

describe('several stages', () => {
  test('addStage adds a stage on the same deployment with its own settings', () => {
    const json = synthesize((stack) => {
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      deployment.addStage('beta', {
        stageDescription: 'beta testers',
        variables: { backend: 'beta' },
        loggingLevel: MethodLoggingLevel.INFO,
        accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays: 7 }),
      });
    });

    const stages = resourcesOfType(json, 'aws_api_gateway_stage');
    expect(Object.values<any>(stages).map((s) => s.stage_name).sort()).toEqual(['beta', 'prod']);
    const beta = Object.values<any>(stages).find((s) => s.stage_name === 'beta');
    expect(beta).toMatchObject({
      deployment_id: '${aws_api_gateway_deployment.deploy_Deployment_49668023.id}',
      description: 'beta testers',
      variables: { backend: 'beta' },
    });
    const settings = Object.values<any>(resourcesOfType(json, 'aws_api_gateway_method_settings'));
    expect(settings).toHaveLength(1);
    expect(settings[0].stage_name).toMatch(/^\$\{aws_api_gateway_stage\.deploy_Stage_beta_[0-9A-F]{8}\.stage_name\}$/);
    expect(Object.values<any>(resourcesOfType(json, 'aws_cloudwatch_log_group'))[0].name)
      .toBe('API-Gateway-Access-Logs_${aws_api_gateway_rest_api.api.id}/beta');
  });

  test('each added stage exposes its invoke URL, execution ARN, stage ARN and URLs for paths', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const beta = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addStage('beta');
    new TerraformOutput(stack, 'invoke', { value: beta.invokeUrl });
    new TerraformOutput(stack, 'execution', { value: beta.executionArn });
    new TerraformOutput(stack, 'arn', { value: beta.stageArn });
    new TerraformOutput(stack, 'url', { value: beta.urlForPath('/pets') });

    const outputs = synthesizeStack(stack).output;
    expect(outputs.invoke.value).toMatch(/^\$\{aws_api_gateway_stage\.deploy_Stage_beta_[0-9A-F]{8}\.invoke_url\}$/);
    expect(outputs.execution.value).toContain('.execution_arn}');
    expect(outputs.arn.value).toContain('.arn}');
    expect(outputs.url.value).toMatch(/\.invoke_url\}\/pets$/);
    expect(beta.stageName).toBe('beta');
  });

  test('adding a stage never redeploys', () => {
    const triggers = (withBeta: boolean) => synthesize((stack) => {
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      if (withBeta) {
        deployment.addStage('beta');
      }
    }).resource.aws_api_gateway_deployment;
    expect(triggers(true)).toEqual(triggers(false));
  });

  test.each([
    ['the main stage name', (d: RestApiDeployment) => d.addStage('prod'), "'stack/deploy' already creates the stage \"prod\""],
    ['a name added before', (d: RestApiDeployment) => { d.addStage('beta'); d.addStage('beta'); }, "'stack/deploy' already creates the stage \"beta\""],
  ])('a duplicate stage name: %s', (_case, add, message) => {
    expect(() => synthesize((stack) => add(new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api })))).toThrow(message);
  });

  test('a stage name another RestApiDeployment of the same API uses', () => {
    expect(() => synthesize((stack) => {
      const { api } = petsApi(stack);
      new RestApiDeployment(stack, 'first', { restApi: api, stageName: 'v1' }).addStage('beta');
      new RestApiDeployment(stack, 'second', { restApi: api, stageName: 'v2' }).addStage('beta');
    })).toThrow("RestApiDeployment at 'stack/second': property 'addStage(beta)' is \"beta\"; expected a stage name not yet used for this REST API: 'stack/first' already creates the stage \"beta\".");
  });

  test('a stage name used by a construct given the API by its id, or by a stage made on its own, is the same stage', () => {
    expect(() => synthesize((stack) => {
      const { api } = petsApi(stack);
      const first = new RestApiDeployment(stack, 'first', { restApi: api, stageName: 'prod' });
      new RestApiStage(stack, 'manual', { restApiId: api.id, deploymentId: first.deploymentId, stageName: 'prod' });
    })).toThrow("RestApiStage at 'stack/manual': property 'stageName' is \"prod\"; expected a stage name not yet used for this REST API: 'stack/first' already creates the stage \"prod\".");
    expect(() => synthesize((stack) => {
      const { api } = petsApi(stack);
      new RestApiDeployment(stack, 'first', { restApi: api, stageName: 'prod' });
      new RestApiDeployment(stack, 'second', { restApiId: api.id, stageName: 'prod', triggers: { release: '1' } });
    })).toThrow("RestApiDeployment at 'stack/second': property 'stageName' is \"prod\"; expected a stage name not yet used for this REST API: 'stack/first' already creates the stage \"prod\".");
    expect(() => synthesize((stack) => {
      const { api } = petsHttpApi(stack);
      const first = new HttpApiDeployment(stack, 'first', { httpApi: api });
      new HttpApiStage(stack, 'manual', { apiId: api.id, deploymentId: first.deploymentId, stageName: '$default' });
    })).toThrow("HttpApiStage at 'stack/manual': property 'stageName' is \"$default\"; expected a stage name not yet used for this HTTP API: 'stack/first' already creates the stage \"$default\".");
  });

  test('two stages made on their own with one name for one API: the second is refused; for two APIs, both are made', () => {
    expect(() => synthesize((stack) => {
      const { api } = petsApi(stack);
      new RestApiStage(stack, 'one', { restApiId: api.id, deploymentId: 'd1', stageName: 'prod' });
      new RestApiStage(stack, 'two', { restApiId: api.id, deploymentId: 'd2', stageName: 'prod' });
    })).toThrow("RestApiStage at 'stack/two': property 'stageName' is \"prod\"; expected a stage name not yet used for this REST API: 'stack/one' already creates the stage \"prod\".");
    expect(() => synthesize((stack) => {
      new RestApiStage(stack, 'one', { restApiId: petsApi(stack).api.id, deploymentId: 'd1', stageName: 'prod' });
      new RestApiStage(stack, 'two', { restApiId: petsApi(stack, {}, 'other_').api.id, deploymentId: 'd2', stageName: 'prod' });
    })).not.toThrow();
  });

  test('urlForPath of an added stage without a leading slash', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const beta = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addStage('beta');
    expect(() => beta.urlForPath('pets')).toThrow(
      "RestApiDeployment at 'stack/deploy': property 'urlForPath(path)' is \"pets\"; expected a path that starts with \"/\".");
  });

  test('an added stage with a bad name', () => {
    expect(() => synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addStage('my stage');
    })).toThrow("RestApiDeployment at 'stack/deploy': property 'addStage(my stage).stageName' is \"my stage\"");
  });
});

describe('a stage added with a name that is a Terraform expression', () => {
  test.each([
    ['REST', 'aws_api_gateway_stage', (stack: TerraformStack, name: string) => new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api }).addStage(name)],
    ['HTTP', 'aws_apigatewayv2_stage', (stack: TerraformStack, name: string) => new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api }).addStage(name)],
    ['WebSocket', 'aws_apigatewayv2_stage', (stack: TerraformStack, name: string) => new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api }).addStage(name)],
  ])('%s: its address is made of the expression, whatever tokens the program made before', (_kind, type, addStage) => {
    const addresses = (tokensBefore: number) => Object.keys(resourcesOfType(synthesize((stack) => {
      for (let index = 0; index < tokensBefore; index++) {
        new TerraformOutput(stack, `unrelated${index}`, { value: Fn.upper(`x${index}`) });
      }
      addStage(stack, new TerraformVariable(stack, 'stage', { type: 'string' }).stringValue);
    }), type)).sort();

    expect(addresses(3)).toEqual(addresses(0));
    expect(addresses(0).some((address) => /^deploy_Stage_var-stage_[0-9a-f]{8}_/.test(address))).toBe(true);
  });
});

describe('adopting an existing stage', () => {
  test('importExistingStage emits an import block for REST-API-ID/STAGE-NAME', () => {
    const json = synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, stageName: 'live', importExistingStage: true });
    });

    expect(json.import).toEqual([{ id: '${aws_api_gateway_rest_api.api.id}/live', to: 'aws_api_gateway_stage.deploy_Stage_4076BD38' }]);
  });

  test('with an API given by id the import id is literal', () => {
    const json = synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApiId: 'a1b2c3d4e5', triggers: { v: '1' }, importExistingStage: true });
    });

    expect(json.import).toEqual([{ id: 'a1b2c3d4e5/prod', to: 'aws_api_gateway_stage.deploy_Stage_4076BD38' }]);
  });

  test('no import block by default', () => {
    expect(synthesize((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    }).import).toBeUndefined();
  });
});

describe('a RestApiStage created on its own', () => {
  test('serves the deployment it is given', () => {
    const json = synthesize((stack) => {
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      new RestApiStage(stack, 'canary_stage', { restApiId: deployment.restApiId, deploymentId: deployment.deploymentId, stageName: 'manual' });
    });
    const manual = Object.values<any>(resourcesOfType(json, 'aws_api_gateway_stage')).find((s) => s.stage_name === 'manual');
    expect(manual.deployment_id).toBe('${aws_api_gateway_deployment.deploy_Deployment_49668023.id}');
  });

  test('names itself in errors', () => {
    expect(() => synthesize((stack) => {
      new RestApiStage(stack, 'manual', { restApiId: 'abc123', deploymentId: 'd1', stageName: 'bad name' });
    })).toThrow("RestApiStage at 'stack/manual': property 'stageName' is \"bad name\"");
    const stack = new TerraformStack(Testing.app(), 'stack');
    const stage = new RestApiStage(stack, 'manual', { restApiId: 'abc123', deploymentId: 'd1', stageName: 'ok' });
    expect(() => stage.urlForPath('x')).toThrow("RestApiStage at 'stack/manual': property 'urlForPath(path)' is \"x\"");
  });
});

test('one variable given as the names of two stages of one API is one name twice: refused', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const name = new TerraformVariable(stack, 'stage_name', { type: 'string' });
  const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, stageName: name.stringValue });

  expect(() => deployment.addStage(name.stringValue)).toThrow(/RestApiDeployment at 'stack\/deploy': property 'addStage\(\$\{var.stage_name\}\)' is "\$\{var.stage_name\}"; expected a stage name not yet used for this REST API: 'stack\/deploy' already creates the stage/);
  expect(() => deployment.addStage(new TerraformVariable(stack, 'other_name', { type: 'string' }).stringValue)).not.toThrow();
});

test('a local value holding a literal stage name is that name: used again for one API, refused', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const api = petsApi(stack).api;
  const live = new TerraformLocal(stack, 'stage', 'live').asString;
  new RestApiDeployment(stack, 'blue', { restApi: api, stageName: live });

  expect(() => new RestApiDeployment(stack, 'green', { restApi: api, stageName: 'live' })).toThrow(
    "RestApiDeployment at 'stack/green': property 'stageName' is \"live\"; expected a stage name not yet used for this REST API: 'stack/blue' already creates the stage \"live\".");
  expect(() => new RestApiDeployment(stack, 'other', { restApi: api, stageName: 'beta' }).addStage(live)).toThrow(
    "property 'addStage(${local.stage})' is \"${local.stage}\"; expected a stage name not yet used for this REST API: 'stack/blue' already creates the stage \"live\".");
});

test('the literal text around a variable in a stage name is checked too', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const suffix = new TerraformVariable(stack, 'suffix', { type: 'string' }).stringValue;

  expect(() => new RestApiDeployment(stack, 'bad', { restApi: petsApi(stack).api, stageName: `prod ${suffix}!` }))
    .toThrow(/RestApiDeployment at 'stack\/bad': property 'stageName' is "prod \$\{var.suffix\}!"; expected 1 to 128 characters, each a letter, a digit, '_' or '-'/);
  expect(() => new RestApiDeployment(stack, 'good', { restApi: petsApi(stack, {}, 'good_').api, stageName: `prod-${suffix}` })).not.toThrow();
});

test('the conflict error names a variable stage name as its expression, never a raw token', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const name = new TerraformVariable(stack, 'stage_name', { type: 'string' }).stringValue;
  const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, stageName: name });

  expect(() => deployment.addStage(name)).toThrow('already creates the stage "${var.stage_name}"');
  expect(() => deployment.addStage(name)).not.toThrow(/TfToken/);
});

test("an HTTP API's $default stage and a stage named default, both logging to a new log group, are refused (one log group name, which CloudWatch refuses twice)", () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, accessLogDestination: AccessLogDestination.newLogGroup() });

  expect(() => deployment.addStage('default', { accessLogDestination: AccessLogDestination.newLogGroup() })).toThrow(
    "HttpApiDeployment at 'stack/deploy': property 'addStage(default).accessLogDestination' is \"AccessLogDestination.newLogGroup()\"; expected a log group no other stage "
    + "of the API creates: 'stack/deploy/Stage' creates the one of the same name");
  expect(() => deployment.addStage('beta', { accessLogDestination: AccessLogDestination.newLogGroup() })).not.toThrow();
});

test("the same, with a stage made on its own given the API's id read again (a token of its own): refused too", () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const { api } = petsHttpApi(stack);
  const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: api, accessLogDestination: AccessLogDestination.newLogGroup() });
  expect(() => new HttpApiStage(stack, 'default', { apiId: api.id, deploymentId: deployment.deploymentId, stageName: 'default', accessLogDestination: AccessLogDestination.newLogGroup() }))
    .toThrow("expected a log group no other stage of the API creates: 'stack/deploy/Stage' creates the one of the same name");
});

describe('a stage made on its own: its per-route and per-method settings name what the API serves', () => {
  test.each<[string, (stack: TerraformStack) => void, string]>([
    ['RestApiStage, methodOptions', (stack) => {
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      new RestApiStage(stack, 'manual', {
        restApiId: deployment.restApiId,
        deploymentId: deployment.deploymentId,
        stageName: 'manual',
        methodOptions: { '/pets/GET': { metricsEnabled: true }, '/pets/POST': { metricsEnabled: true } },
      });
    }, "RestApiStage at 'stack/manual': property 'methodOptions./pets/POST' is \"/pets/POST\"; expected a method path that aws_api_gateway_rest_api.api serves (one of \"/pets/GET\")"],
    ['HttpApiStage, routeOptions', (stack) => {
      const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });
      new HttpApiStage(stack, 'manual', {
        apiId: deployment.httpApiId,
        deploymentId: deployment.deploymentId,
        stageName: 'manual',
        routeOptions: { 'GET /pets': { throttlingBurstLimit: 5, throttlingRateLimit: 2 }, 'POST /pets': { throttlingBurstLimit: 5, throttlingRateLimit: 2 } },
      });
    }, "HttpApiStage at 'stack/manual': property 'routeOptions.POST /pets' is \"POST /pets\"; expected a route key that aws_apigatewayv2_api.http_api serves (one of \"GET /pets\")"],
    ['WebSocketApiStage, routeOptions', (stack) => {
      const deployment = new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: chatWebSocketApi(stack).api });
      new WebSocketApiStage(stack, 'manual', {
        apiId: deployment.webSocketApiId,
        deploymentId: deployment.deploymentId,
        stageName: 'manual',
        routeOptions: { sendmessage: { throttlingBurstLimit: 5, throttlingRateLimit: 2 } },
      });
    }, "WebSocketApiStage at 'stack/manual': property 'routeOptions.sendmessage' is \"sendmessage\"; expected a route key that aws_apigatewayv2_api.ws_api serves (one of \"$connect\", \"$default\")"],
  ])('%s: a route or method the API does not have is refused at synth', (_name, build, message) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    build(stack);

    expect(() => Testing.synth(stack, true)).toThrow(message);
  });

  test('what the API serves, a key with a variable in it, or an API not of the stack is not refused', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });
    const route = new TerraformVariable(stack, 'route', { type: 'string' }).stringValue;
    const options = { throttlingBurstLimit: 5, throttlingRateLimit: 2 };
    new HttpApiStage(stack, 'manual', { apiId: deployment.httpApiId, deploymentId: deployment.deploymentId, stageName: 'manual', routeOptions: { 'GET /pets': options, [route]: options } });
    new HttpApiStage(stack, 'elsewhere', { apiId: 'a1b2c3', deploymentId: 'd1', stageName: 'manual', routeOptions: { 'POST /orders': options } });

    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  test('a module given the API may serve more: nothing is refused', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    const { api } = petsHttpApi(stack);
    new TerraformHclModule(stack, 'orders', { source: 'acme/routes/aws', variables: { api_id: api.id } });
    const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: api, acknowledgedBlindSpots: [] });
    const options = { throttlingBurstLimit: 5, throttlingRateLimit: 2 };
    new HttpApiStage(stack, 'manual', { apiId: deployment.httpApiId, deploymentId: deployment.deploymentId, stageName: 'manual', routeOptions: { 'POST /orders': options } });

    expect(() => Testing.synth(stack, true)).not.toThrow();
  });
});

test('a stage made on its own with a per-method or per-route key known only at deploy time gets the warning a deployment construct gives', () => {
  const stack = new TerraformStack(Testing.app(), 'stack');
  const part = new TerraformVariable(stack, 'part', { type: 'string' }).stringValue;
  const api = petsApi(stack).api;
  const stage = new RestApiStage(stack, 'manual', { restApiId: api.id, deploymentId: 'a1b2c3', stageName: 'manual', methodOptions: { [`/pets/${part}/GET`]: { metricsEnabled: true } } });
  const http = new HttpApiStage(stack, 'http', {
    apiId: petsHttpApi(stack).api.id, deploymentId: 'a1b2c3', stageName: 'manual', routeOptions: { [`GET /${part}`]: { throttlingBurstLimit: 5, throttlingRateLimit: 2 } },
  });

  expect(RestApiDeployment.warningsOf(stage)).toEqual(['The methodOptions key "/pets/${var.part}/GET" is known only at deploy time: the construct cannot check that '
    + 'the API serves it (AWS refuses a setting for a method the API does not have when it applies).']);
  expect(HttpApiDeployment.warningsOf(http)).toEqual(['The routeOptions key "GET /${var.part}" is known only at deploy time: the construct cannot check that '
    + 'the API serves it (AWS refuses a setting for a route the API does not have when it applies).']);
});

describe('a stage written by hand with the name of a stage the construct makes (the provider page\'s stage left in place when adopting)', () => {
  test('REST: refused, saying how to adopt it', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    const api = petsApi(stack).api;
    const old = new ApiGatewayDeployment(stack, 'deployment_old', { restApiId: api.id, lifecycle: { createBeforeDestroy: true } });
    new ApiGatewayStage(stack, 'stage', { restApiId: api.id, deploymentId: old.id, stageName: 'prod' });
    new RestApiDeployment(stack, 'deployment', { restApi: api, stageName: 'prod' });

    expect(() => Testing.synth(stack, true)).toThrow("RestApiDeployment at 'stack/deployment': property 'stageName' is \"prod\"; expected a stage name no other "
      + "stage of aws_api_gateway_rest_api.api has: 'stack/stage' (aws_api_gateway_stage.stage, written by hand) is its stage \"prod\" too, and AWS answers "
      + "ConflictException. To adopt that stage, call deploymentStage.stage.moveFromId('aws_api_gateway_stage.stage') and remove the one written by hand; otherwise give another name.");
  });

  test("HTTP: a tutorial's auto-deployed $default stage beside the construct's; another name passes", () => {
    const build = (name: string) => () => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      const { api } = petsHttpApi(stack);
      new Apigatewayv2Stage(stack, 'default', { apiId: api.id, name, autoDeploy: true });
      const deployment = new HttpApiDeployment(stack, 'deployment', { httpApi: api });
      deployment.addStage('beta');
      Testing.synth(stack, true);
    };

    expect(build('$default')).toThrow("property 'stageName' is \"$default\"; expected a stage name no other stage of aws_apigatewayv2_api.http_api has");
    expect(build('beta')).toThrow("property 'addStage(beta)' is \"beta\"; expected a stage name no other stage of aws_apigatewayv2_api.http_api has");
    expect(build('manual')).not.toThrow();
  });

  test('HTTP, the API given by its id (as the tutorial names it), a name held by a local: refused too', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    const { api } = petsHttpApi(stack);
    new Apigatewayv2Stage(stack, 'default', { apiId: api.id, name: new TerraformLocal(stack, 'stage', '$default').asString, autoDeploy: true });
    new HttpApiDeployment(stack, 'deployment', { httpApiId: api.id, autoDiscover: true });

    expect(() => Testing.synth(stack, true)).toThrow("HttpApiDeployment at 'stack/deployment': property 'stageName' is \"$default\"; expected a stage name "
      + "no other stage of aws_apigatewayv2_api.http_api has: 'stack/default' (aws_apigatewayv2_stage.default, written by hand) is its stage \"$default\" too");
  });

  test("HTTP: the stage written by hand naming the API through a route's apiId, a data source, or from a third stack: refused too", () => {
    const build = (how: 'route' | 'data source' | 'third stack') => () => {
      const app = Testing.app();
      const stack = new TerraformStack(app, 'stack');
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      const { api, route } = petsHttpApi(stack);
      new HttpApiDeployment(stack, 'deployment', { httpApi: api });
      let where = stack;
      let apiId = how === 'route' ? route.apiId : new DataAwsApigatewayv2Api(stack, 'lookup', { apiId: api.id }).apiId;
      if (how === 'third stack') {
        where = new TerraformStack(app, 'third');
        new AwsProvider(where, 'aws', { region: 'eu-west-1' });
        apiId = api.id;
      }
      new Apigatewayv2Stage(where, 'default', { apiId, name: '$default', autoDeploy: true });
      app.synth();
    };

    for (const how of ['route', 'data source', 'third stack'] as const) {
      expect(build(how)).toThrow('property \'stageName\' is "$default"; expected a stage name no other stage of aws_apigatewayv2_api.http_api has: '
        + `'${how === 'third stack' ? 'third' : 'stack'}/default' (aws_apigatewayv2_stage.default, written by hand) is its stage "$default" too`);
    }
  });

  test.each(['RestApiStage', 'HttpApiStage', 'WebSocketApiStage'])('a %s made on its own beside a stage written by hand of its name: refused', (kind) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    if (kind === 'RestApiStage') {
      const api = petsApi(stack).api;
      new ApiGatewayStage(stack, 'old', { restApiId: api.id, deploymentId: 'a1b2c3', stageName: 'beta' });
      new RestApiStage(stack, 'beta', { restApiId: api.id, deploymentId: 'd4e5f6', stageName: 'beta' });
    } else {
      const api = kind === 'HttpApiStage' ? petsHttpApi(stack).api : chatWebSocketApi(stack).api;
      new Apigatewayv2Stage(stack, 'old', { apiId: api.id, name: 'beta' });
      new (kind === 'HttpApiStage' ? HttpApiStage : WebSocketApiStage)(stack, 'beta', { apiId: api.id, deploymentId: 'd4e5f6', stageName: 'beta' });
    }
    const type = kind === 'RestApiStage' ? 'aws_api_gateway_stage' : 'aws_apigatewayv2_stage';

    expect(() => Testing.synth(stack, true)).toThrow(`${kind} at 'stack/beta': property 'stageName' is "beta"; expected a stage name no other stage of `
      + `${kind === 'RestApiStage' ? 'aws_api_gateway_rest_api.api' : `aws_apigatewayv2_api.${kind === 'HttpApiStage' ? 'http_api' : 'ws_api'}`} has: `
      + `'stack/old' (${type}.old, written by hand) is its stage "beta" too, and AWS answers ConflictException. To adopt that stage, call `
      + `beta.stage.moveFromId('${type}.old') and remove the one written by hand; otherwise give another name.`);
  });

  test('REST, the API in another stack, the stage written by hand beside the construct: refused too', () => {
    const app = Testing.app();
    const shared = new TerraformStack(app, 'shared');
    const env = new TerraformStack(app, 'env');
    for (const stack of [shared, env]) {
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    }
    const api = petsApi(shared).api;
    new ApiGatewayStage(env, 'stage', { restApiId: api.id, deploymentId: 'a1b2c3', stageName: 'prod' });
    new RestApiDeployment(env, 'deployment', { restApi: api, stageName: 'prod' });

    expect(() => app.synth()).toThrow("RestApiDeployment at 'env/deployment': property 'stageName' is \"prod\"; expected a stage name no other "
      + "stage of aws_api_gateway_rest_api.api has: 'env/stage' (aws_api_gateway_stage.stage, written by hand) is its stage \"prod\" too");
  });
});

describe('a stage made on its own and the deployment it serves', () => {
  test.each<[string, (stack: TerraformStack, api: ApiGatewayRestApi) => string, string]>([
    ['written by hand without create_before_destroy', (stack, api) => new ApiGatewayDeployment(stack, 'old', { restApiId: api.id, triggers: { v: '1' } }).id,
      'The stage "beta" serves \'stack/old\' (aws_api_gateway_deployment.old), written by hand without create_before_destroy: its next replacement '
      + '(a redeploy) fails at apply ("Active stages pointing to this deployment must be moved or deleted"). Give it lifecycle: { createBeforeDestroy: true }, '
      + 'or use a deployment construct.'],
    ['written by hand without triggers', (stack, api) => new ApiGatewayDeployment(stack, 'old', { restApiId: api.id, lifecycle: { createBeforeDestroy: true } }).id,
      'The stage "beta" serves \'stack/old\' (aws_api_gateway_deployment.old), written by hand without triggers: it is never redeployed, so the stage keeps '
      + 'the API as it was when the deployment was made. Give it triggers, or use a deployment construct (which computes them).'],
    ['the main deployment of a RestApiDeployment with a canary', (stack, api) => new RestApiDeployment(stack, 'deploy', { restApi: api, canary: { percentTraffic: 10 } }).deploymentId,
      'The stage "beta" serves the main deployment of \'stack/deploy\', which its canary keeps as the API was when the canary started'],
  ])('%s: a warning', (_name, deployment, message) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const api = petsApi(stack).api;
    const stage = new RestApiStage(stack, 'stage', { restApiId: api.id, deploymentId: deployment(stack, api), stageName: 'beta' });

    expect(RestApiDeployment.warningsOf(stage)).toEqual([expect.stringContaining(message)]);
  });

  test('a deployment construct without canary, or one written by hand with both: no warning', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const api = petsApi(stack).api;
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: api });
    const handWritten = new ApiGatewayDeployment(stack, 'old', { restApiId: api.id, triggers: { v: '1' }, lifecycle: { createBeforeDestroy: true } });
    new RestApiStage(stack, 'beta', { restApiId: api.id, deploymentId: deployment.deploymentId, stageName: 'beta' });
    new RestApiStage(stack, 'gamma', { restApiId: api.id, deploymentId: handWritten.id, stageName: 'gamma' });

    expect(RestApiDeployment.warningsOf(stack)).toEqual([]);
  });
});
