import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DataAwsApiGatewayRestApi } from '@cdktf/provider-aws/lib/data-aws-api-gateway-rest-api';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { TerraformLocal, TerraformStack, Testing } from 'cdktf';
import { HttpApiDeployment, RestApiDeployment } from '../src';
import { invokeFunctionWith, petsApi } from './support/api';
import { synthesize, synthesizeApp, TerraformJson } from './support/synth';
import { petsHttpApi } from './support/v2-api';
import { findReferences } from '../src/triggers/terraform-references';

/** Terraform's dependency graph of the resources: address -> addresses it refers to or depends on. */
function dependencyGraph(json: TerraformJson): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const [type, byName] of Object.entries<Record<string, any>>(json.resource)) {
    for (const [name, config] of Object.entries(byName)) {
      const targets = [...findReferences(config), ...(config.depends_on ?? []).map((d: string) => d.replace(/^\$\{|\}$/g, ''))]
        .map((reference) => reference.replace(/^values\(/, '').split(/[.[)]/).slice(0, 2).join('.'));
      graph.set(`${type}.${name}`, new Set(targets));
    }
  }
  return graph;
}

function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (node: string, trail: string[]): string[] | undefined => {
    if (state.get(node) === 'visiting') {
      return [...trail, node];
    }
    if (state.get(node) === 'done' || !graph.has(node)) {
      return undefined;
    }
    state.set(node, 'visiting');
    for (const next of graph.get(node)!) {
      const cycle = visit(next, [...trail, node]);
      if (cycle) {
        return cycle;
      }
    }
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node, []);
    if (cycle) {
      return cycle;
    }
  }
  return undefined;
}

describe('dependency order', () => {
  function lambdaApi(sourceArn: (deployment: RestApiDeployment) => string): TerraformJson {
    return synthesize((stack) => {
      const api = petsApi(stack);
      const fn = new LambdaFunction(stack, 'fn', { functionName: 'pets', role: 'arn:aws:iam::123456789012:role/pets', filename: 'pets.zip', handler: 'index.handler', runtime: 'nodejs20.x' });
      api.integration.addOverride('type', 'AWS_PROXY');
      api.integration.addOverride('integration_http_method', 'POST');
      api.integration.addOverride('uri', fn.invokeArn);
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: api.api });
      new LambdaPermission(stack, 'invoke', {
        functionName: fn.functionName,
        action: 'lambda:InvokeFunction',
        principal: 'apigateway.amazonaws.com',
        sourceArn: sourceArn(deployment),
      });
    });
  }

  test('the deployment is created after every method and integration of the API', () => {
    const graph = dependencyGraph(lambdaApi((d) => d.arnForExecuteApi()));
    const deployment = [...graph.keys()].find((address) => address.startsWith('aws_api_gateway_deployment.'))!;

    expect([...graph.get(deployment)!]).toEqual(expect.arrayContaining([
      'aws_api_gateway_method.pets_get',
      'aws_api_gateway_integration.pets_get_integration',
    ]));
  });

  test.each([
    ['arnForExecuteApi()', (d: RestApiDeployment) => d.arnForExecuteApi()],
    ['executionArn', (d: RestApiDeployment) => `${d.executionArn}/*/*`],
  ])('a Lambda permission built on %s forms no dependency cycle', (_name, sourceArn) => {
    expect(findCycle(dependencyGraph(lambdaApi(sourceArn)))).toBeUndefined();
  });

  test("an API resource reading the construct's stage through a function fails at synth, naming the chain (Terraform: Cycle)", () => {
    expect(() => synthesizeApp((app) => {
      const stack = new TerraformStack(app, 'stack');
      const api = petsApi(stack);
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: api.api });
      invokeFunctionWith(stack, api, deployment.urlForPath('/pets'));
    })).toThrow(/RestApiDeployment at 'stack\/deploy': property 'restApi' is "stack\/api"; expected an API none of whose resources reads what this construct makes: aws_api_gateway_integration.pets_get_integration \('stack\/pets_get_integration'\) reads aws_lambda_function.fn, which reads aws_api_gateway_stage.deploy_Stage_\w+, a resource of this construct.*'stageName'/);
  });

  test("an HTTP route reading the construct's deployment id fails at synth", () => {
    expect(() => synthesizeApp((app) => {
      const stack = new TerraformStack(app, 'stack');
      const { api, integration } = petsHttpApi(stack);
      const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: api });
      integration.requestParameters = { 'append:header.x-deployment': deployment.deploymentId };
    })).toThrow(/property 'httpApi' is "stack\/http_api"; expected an API none of whose resources reads what this construct makes: aws_apigatewayv2_integration.\w+ \('[^']+'\) reads aws_apigatewayv2_deployment.deploy_Deployment_\w+, a resource/);
  });

  test.each([
    ['a function that reads the stage\'s URL', (stack: TerraformStack, deployment: RestApiDeployment) => [new LambdaFunction(stack, 'smoke', {
      functionName: 'smoke',
      role: 'arn:aws:iam::123456789012:role/r',
      runtime: 'nodejs20.x',
      handler: 'index.handler',
      filename: 'smoke.zip',
      environment: { variables: { URL: deployment.urlForPath('/pets') } },
    }).fqn], /property 'deployment.dependsOn' is \["aws_lambda_function.smoke"\]; expected dependencies that do not wait for what this construct makes: it waits for aws_lambda_function.smoke, which reads aws_api_gateway_stage.deploy_Stage_\w+, a resource of this construct that waits for the deployment/],
    ['the stage itself', (_stack: TerraformStack, deployment: RestApiDeployment) => [deployment.deploymentStage.stage.fqn],
      /property 'deployment.dependsOn' is \["aws_api_gateway_stage.deploy_Stage_\w+"\]; expected dependencies that do not wait for what this construct makes: it waits for aws_api_gateway_stage.deploy_Stage_\w+, a resource of this construct/],
  ])('the deployment made to wait for %s fails at synth (Terraform: Cycle)', (_name, waitFor, message) => {
    expect(() => synthesizeApp((app) => {
      const stack = new TerraformStack(app, 'stack');
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      deployment.deployment.dependsOn = waitFor(stack, deployment);
    })).toThrow(message);
  });

  test("a user trigger reading the construct's own stage fails at synth (Terraform: Cycle)", () => {
    expect(() => synthesizeApp((app) => {
      const stack = new TerraformStack(app, 'stack');
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      deployment.addTrigger('url', deployment.invokeUrl);
    })).toThrow(/RestApiDeployment at 'stack\/deploy': property 'triggers.url' is "\$\{aws_api_gateway_stage.deploy_Stage_\w+.invoke_url\}"; expected a value that does not read what this construct makes: it reads aws_api_gateway_stage.deploy_Stage_\w+, a resource of this construct/);
  });

  test('the cycle check notices a cycle', () => {
    const graph = new Map([['a.x', new Set(['b.y'])], ['b.y', new Set(['a.x'])]]);
    expect(findCycle(graph)).toEqual(['a.x', 'b.y', 'a.x']);
  });
});

describe('resources given to the construct', () => {
  test("a resource given in 'resources' that reads the construct's stage fails, naming 'resources' (a Lambda permission by the ARN of an API given by id)", () => {
    expect(() => synthesizeApp((app) => {
      const stack = new TerraformStack(app, 'stack');
      const api = petsApi(stack).api;
      const deployment = new RestApiDeployment(stack, 'deploy', { restApiId: api.id });
      deployment.addResource(new LambdaPermission(stack, 'invoke', {
        functionName: 'pets', action: 'lambda:InvokeFunction', principal: 'apigateway.amazonaws.com', sourceArn: deployment.arnForExecuteApi(),
      }));
    })).toThrow(/property 'resources' is the construct 'stack\/invoke' \(aws_lambda_permission\); expected a resource that does not read what this construct makes: aws_lambda_permission.invoke \('stack\/invoke'\) reads aws_api_gateway_stage.deploy_Stage_\w+, a resource of this construct/);
  });

  test("another deployment construct's stage is refused in addResource", () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const api = petsApi(stack).api;
    const first = new RestApiDeployment(stack, 'first', { restApi: api });
    const second = new RestApiDeployment(stack, 'second', { restApi: api, stageName: 'beta' });

    expect(() => first.addResource(second.deploymentStage.stage)).toThrow("RestApiDeployment at 'stack/first': property 'addResource(resource)' is "
      + "the construct 'stack/second/Stage/Default' (aws_api_gateway_stage); expected a resource of the API, not one a construct made ('stack/second' made it)");
  });
});

describe('a cycle through a local value or a data source', () => {
  test("a user trigger reading a local of the construct's stage URL", () => {
    expect(() => synthesizeApp((app) => {
      const stack = new TerraformStack(app, 'stack');
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      deployment.addTrigger('url', new TerraformLocal(stack, 'url', deployment.invokeUrl).asString);
    })).toThrow(/property 'triggers.url' is "\$\{local.url\}"; expected a value that does not read what this construct makes: it reads local.url, which reads aws_api_gateway_stage.deploy_Stage_\w+/);
  });

  test("an integration reading a data source that looks the API up by the construct's stage name", () => {
    expect(() => synthesizeApp((app) => {
      const stack = new TerraformStack(app, 'stack');
      const api = petsApi(stack);
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: api.api });
      const lookup = new DataAwsApiGatewayRestApi(stack, 'lookup', { name: deployment.deploymentStage.stage.stageName });
      api.integration.requestTemplates = { 'application/json': lookup.description };
    })).toThrow(/aws_api_gateway_integration.pets_get_integration \('stack\/pets_get_integration'\) reads data.aws_api_gateway_rest_api.lookup, which reads aws_api_gateway_stage.deploy_Stage_\w+/);
  });

  test('a function whose environment holds a local of the stage URL', () => {
    expect(() => synthesizeApp((app) => {
      const stack = new TerraformStack(app, 'stack');
      const api = petsApi(stack);
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: api.api });
      invokeFunctionWith(stack, api, new TerraformLocal(stack, 'self_url', deployment.urlForPath('/pets')).asString);
    })).toThrow(/reads aws_lambda_function.fn, which reads local.self_url, which reads aws_api_gateway_stage.deploy_Stage_\w+/);
  });
});

describe('a resource of the construct other than the deployment made to wait for what reads it (Terraform: Cycle)', () => {
  const readingUrl = (stack: TerraformStack, url: string) => new LambdaFunction(stack, 'smoke', {
    functionName: 'smoke',
    role: 'arn:aws:iam::123456789012:role/r',
    runtime: 'nodejs20.x',
    handler: 'index.handler',
    filename: 'smoke.zip',
    environment: { variables: { URL: url } },
  });

  test('the main stage waiting for a function that holds its URL: refused at synth, naming the chain', () => {
    expect(() => synthesizeApp((app) => {
      const stack = new TerraformStack(app, 'stack');
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      deployment.deploymentStage.stage.dependsOn = [readingUrl(stack, deployment.invokeUrl).fqn];
    })).toThrow(/property 'deploymentStage.stage.dependsOn' is \["aws_lambda_function.smoke"\]; expected dependencies that do not wait for what this construct makes: it waits for aws_lambda_function.smoke, which reads aws_api_gateway_stage.deploy_Stage_\w+, a resource of this construct that waits for the deploymentStage.stage/);
  });

  test('the stage waiting for what waits (depends_on) for what reads its URL: refused too', () => {
    expect(() => synthesizeApp((app) => {
      const stack = new TerraformStack(app, 'stack');
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      const group = new CloudwatchLogGroup(stack, 'group', { name: 'smoke' });
      group.dependsOn = [readingUrl(stack, deployment.invokeUrl).fqn];
      deployment.deploymentStage.stage.dependsOn = [group.fqn];
    })).toThrow(/it waits for aws_cloudwatch_log_group.group, which reads aws_lambda_function.smoke, which reads aws_api_gateway_stage.deploy_Stage_\w+/);
  });

  test("an added stage waiting for what reads its URL; the main stage waiting for what reads another stage's: the first refused, the second fine", () => {
    expect(() => synthesizeApp((app) => {
      const stack = new TerraformStack(app, 'stack');
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      const beta = deployment.addStage('beta');
      beta.stage.dependsOn = [readingUrl(stack, beta.invokeUrl).fqn];
    })).toThrow(/property 'addStage\(beta\).stage.dependsOn' is \["aws_lambda_function.smoke"\]; expected dependencies that do not wait for what this construct makes/);
    expect(() => synthesizeApp((app) => {
      const stack = new TerraformStack(app, 'stack');
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
      const beta = deployment.addStage('beta');
      deployment.deploymentStage.stage.dependsOn = [readingUrl(stack, beta.invokeUrl).fqn];
    })).not.toThrow();
  });
});
