import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { Fn, TerraformIterator, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { HttpApiDeployment, RestApiDeployment } from '../src';
import { petsApi } from './support/api';
import { synthesize, synthesizeApp, triggersOf, warningsOf } from './support/synth';

describe('files read when Terraform plans', () => {
  test('a request template read with Fn.file gets an entry Terraform hashes at plan time', () => {
    const json = synthesize((stack) => {
      const { api, integration } = petsApi(stack);
      integration.requestTemplates = { 'application/json': Fn.file('/srv/templates/pets.vtl') };
      new RestApiDeployment(stack, 'deploy', { restApi: api });
    });

    expect(triggersOf(json)['aws_api_gateway_integration.pets_get_integration.files'])
      .toBe('${sha1(jsonencode([file("/srv/templates/pets.vtl")]))}');
  });

  test('every file function, with a variable and references in its arguments, is hashed as written', () => {
    const json = synthesize((stack) => {
      const api = new Apigatewayv2Api(stack, 'api', { name: 'pets', protocolType: 'HTTP' });
      const directory = new TerraformVariable(stack, 'templates', { type: 'string' });
      const integration = new Apigatewayv2Integration(stack, 'integration', {
        apiId: api.id,
        integrationType: 'HTTP_PROXY',
        integrationMethod: 'GET',
        integrationUri: 'https://example.com',
        requestParameters: {
          'overwrite:header.x-template': Fn.templatefile(`${directory.stringValue}/header.tpl`, { api: api.id }),
          'overwrite:header.x-digest': Fn.filebase64sha256('digest.bin'),
        },
      });
      new Apigatewayv2Route(stack, 'route', { apiId: api.id, routeKey: 'GET /pets', target: `integrations/${integration.id}` });
      new HttpApiDeployment(stack, 'deploy', { httpApi: api });
    });

    expect(Object.values(json.resource.aws_apigatewayv2_deployment as Record<string, any>)[0].triggers['aws_apigatewayv2_integration.integration.files']).toBe(
      '${sha1(jsonencode([filebase64sha256("digest.bin"), templatefile("${var.templates}/header.tpl", {"api" = aws_apigatewayv2_api.api.id})]))}',
    );
  });

  test('changing the path changes the entry; text that only looks like a call is not one', () => {
    const triggers = (path: string) => triggersOf(synthesize((stack) => {
      const { api, integration } = petsApi(stack);
      integration.requestTemplates = { 'application/json': Fn.file(path), 'text/plain': 'see file("x") and $${file("y")}' };
      new RestApiDeployment(stack, 'deploy', { restApi: api });
    }));

    expect(triggers('a.vtl')['aws_api_gateway_integration.pets_get_integration.files']).toBe('${sha1(jsonencode([file("a.vtl")]))}');
    expect(triggers('b.vtl')['aws_api_gateway_integration.pets_get_integration.files']).toBe('${sha1(jsonencode([file("b.vtl")]))}');
  });

  test('an OpenAPI body read from a file keeps its one body entry', () => {
    const triggers = triggersOf(synthesize((stack) => {
      const api = new ApiGatewayRestApi(stack, 'api', { name: 'pets', body: Fn.file('openapi.json') });
      new RestApiDeployment(stack, 'deploy', { restApi: api });
    }));

    expect(Object.keys(triggers)).toEqual(['aws_api_gateway_rest_api.api', 'aws_api_gateway_rest_api.api.body']);
  });

  test('a call using each.value cannot be hashed by the deployment: a warning names the resource and the call', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const { api, pets, get } = petsApi(stack);
    const each = TerraformIterator.fromMap({ json: { type: 'application/json', file: 'pets.vtl' } });
    new ApiGatewayIntegration(stack, 'templated', {
      forEach: each,
      restApiId: api.id,
      resourceId: pets.id,
      httpMethod: get.httpMethod,
      type: 'MOCK',
      requestTemplates: { 'application/json': Fn.file(each.getString('file')) },
    });
    const deployment = new RestApiDeployment(stack, 'deploy', { restApi: api });
    const json = JSON.parse(Testing.synth(stack));

    expect(Object.keys(triggersOf(json)).filter((key) => key.endsWith('.files'))).toEqual([]);
    expect(warningsOf(stack)).toEqual([
      "The resource aws_api_gateway_integration.templated ('stack/templated') reads files when Terraform plans (file(each.value.file)): " +
      'their content is not in its configuration, and the deployment cannot hash them ' +
      "(the calls use names only the resource itself can evaluate: 'each', 'count', 'self', or the iterator of a for expression or of a dynamic block), so changing such a file does not redeploy the API. " +
      "Read the file in the program (its content then is configuration), or give the deployment a trigger entry that changes with it ('triggers', e.g. Fn.filesha1 of the path), " +
      "then list the resource in 'acknowledgedBlindSpots'.",
    ]);
    expect(deployment).toBeDefined();
  });

  test.each([
    ['a for expression', '${join("", [for template_file in fileset(path.module, "*.vtl") : file(template_file)])}'],
    ['a for directive', '%{ for template_file in ["a.vtl"] }${file(template_file)}%{ endfor }'],
    ['a map for expression', '${jsonencode({for key, template_file in {a = "a.vtl"} : key => file(template_file)})}'],
  ])('a call using the iterator of %s gets the warning, not an entry Terraform refuses', (_case, template) => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const { api, integration } = petsApi(stack);
    integration.requestTemplates = { 'application/json': template };
    new RestApiDeployment(stack, 'deploy', { restApi: api });
    const json = JSON.parse(Testing.synth(stack));

    expect(Object.keys(triggersOf(json)).filter((key) => key.endsWith('.files'))).toEqual([]);
    expect(warningsOf(stack)).toEqual([expect.stringContaining("The resource aws_api_gateway_integration.pets_get_integration ('stack/pets_get_integration') reads files")]);
  });

  test("a call using a dynamic block's iterator gets the warning; its iterator is no reference entry", () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const { api, integration } = petsApi(stack);
    new TerraformVariable(stack, 'templates', { type: 'map(string)' });
    integration.addOverride('dynamic.tls_config', { for_each: '${var.templates}', content: { insecure_skip_verification: '${length(file(tls_config.value)) > 0}' } });
    new RestApiDeployment(stack, 'deploy', { restApi: api });
    const triggers = triggersOf(JSON.parse(Testing.synth(stack)));

    expect(Object.keys(triggers).filter((key) => key.endsWith('.files') || key.startsWith('tls_config'))).toEqual([]);
    expect(triggers['var.templates']).toBe('${sha1(jsonencode([var.templates]))}');
    expect(warningsOf(stack)).toEqual([expect.stringContaining('reads files when Terraform plans (file(tls_config.value))')]);
  });

  test('the warning is silenced by acknowledgedBlindSpots', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const { api, integration } = petsApi(stack);
    integration.addOverride('count', 2);
    integration.requestTemplates = { 'application/json': Fn.file('pets-${count.index}.vtl') };
    new RestApiDeployment(stack, 'deploy', { restApi: api, acknowledgedBlindSpots: [integration] });
    Testing.synth(stack);

    expect(warningsOf(stack)).toEqual([]);
  });

  test('a resource of another stack reading a file gets a warning, not an entry the home stack cannot evaluate', () => {
    let warnings: string[] = [];
    const stacks = synthesizeApp((app) => {
      const apiStack = new TerraformStack(app, 'api-stack');
      const { api, integration } = petsApi(apiStack);
      integration.requestTemplates = { 'application/json': Fn.file('pets.vtl') };
      const deployStack = new TerraformStack(app, 'deploy-stack');
      const deployment = new RestApiDeployment(deployStack, 'deploy', { restApi: api });
      app.synth();
      warnings = warningsOf(deployment);
    });

    expect(Object.keys(triggersOf(stacks['deploy-stack'])).filter((key) => key.endsWith('.files'))).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining(
      "The resource aws_api_gateway_integration.pets_get_integration ('api-stack/pets_get_integration') reads files when Terraform plans (file(\"pets.vtl\")): " +
      "their content is not in its configuration, and the deployment cannot hash them (it is in another stack, whose files the deployment's stack cannot read)",
    )]);
  });
});
