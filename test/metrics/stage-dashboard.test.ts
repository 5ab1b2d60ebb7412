import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformOutput, TerraformStack, Testing } from 'cdktf';
import { HttpApiDeployment, RestApiDeployment, WebSocketApiDeployment } from '../../src';
import { petsApi } from '../support/api';
import { onlyResource, synthesizeStack } from '../support/synth';
import { chatWebSocketApi, petsHttpApi } from '../support/v2-api';

function newStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'stack');
}

/** The dashboard's graphs, as the `jsonencode` call renders them: each title, and each line's metric name, stage and label. */
function graphsOf(body: string): Array<[string, string[]]> {
  const graphs = body.split('"title" = ').slice(1);
  return graphs.map((graph) => [JSON.parse(graph.slice(0, graph.indexOf('"', 1) + 1)),
    [...graph.matchAll(/\["AWS\/ApiGateway", "(\w+)", [^\]]*?"Stage", "([^"]+)", \{"stat" = "(\w+)", "period" = (\d+), "label" = "([^"]+)"\}\]/g)]
      .map(([, name, stage, stat, period, label]) => `${name} ${stage} ${stat} ${period} ${label}`)]);
}

describe('addDashboard', () => {
  test('REST: requests, errors and latency of the main stage, in the stage\'s region (from its ARN), named after the construct', () => {
    const stack = newStack();
    const deploy = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api });
    deploy.addDashboard();

    const dashboard = onlyResource(synthesizeStack(stack), 'aws_cloudwatch_dashboard');
    expect(dashboard.dashboard_name).toBe('stack-deploy');
    expect(dashboard.dashboard_body).toContain('"region" = element(split(":", aws_api_gateway_stage.deploy_Stage_4076BD38.arn), 3)');
    expect(dashboard.dashboard_body).toContain('["AWS/ApiGateway", "Count", "ApiName", aws_api_gateway_rest_api.api.name, "Stage", "prod", ');
    expect(graphsOf(dashboard.dashboard_body)).toEqual([
      ['Requests', ['Count prod Sum 300 requests']],
      ['Errors', ['4XXError prod Sum 300 4xx', '5XXError prod Sum 300 5xx']],
      ['Latency (ms)', ['Latency prod p50 300 p50', 'Latency prod p99 300 p99', 'IntegrationLatency prod p99 300 integration p99']],
    ]);
  });

  test('a running canary\'s lines beside the stage\'s', () => {
    const stack = newStack();
    const deploy = new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, canary: { percentTraffic: 5 } });
    deploy.addDashboard({ period: 60 });

    const [, errors] = graphsOf(onlyResource(synthesizeStack(stack), 'aws_cloudwatch_dashboard').dashboard_body);
    expect(errors).toEqual(['Errors', ['4XXError prod Sum 60 4xx', '5XXError prod Sum 60 5xx', '4XXError prod/Canary Sum 60 4xx (canary)',
      '5XXError prod/Canary Sum 60 5xx (canary)']]);
  });

  test('HTTP: its metric names; WebSocket: connections, messages, errors and integration latency', () => {
    const stack = newStack();
    new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api }).addDashboard({ dashboardName: 'pets-http' });
    new WebSocketApiDeployment(stack, 'ws', { webSocketApi: chatWebSocketApi(stack).api }).addDashboard();

    const dashboards = synthesizeStack(stack).resource.aws_cloudwatch_dashboard;
    const [http, ws] = Object.values(dashboards).map((dashboard: any) => dashboard);
    expect(http.dashboard_name).toBe('pets-http');
    expect(graphsOf(http.dashboard_body)[1]).toEqual(['Errors', ['4xx $default Sum 300 4xx', '5xx $default Sum 300 5xx']]);
    expect(graphsOf(ws.dashboard_body)).toEqual([
      ['Connections and messages', ['ConnectCount prod Sum 300 connections', 'MessageCount prod Sum 300 messages']],
      ['Errors', ['ClientError prod Sum 300 client errors', 'IntegrationError prod Sum 300 integration errors', 'ExecutionError prod Sum 300 execution errors']],
      ['Integration latency (ms)', ['IntegrationLatency prod p50 300 p50', 'IntegrationLatency prod p99 300 p99']],
    ]);
    expect(ws.dashboard_body).toContain('"ApiId", aws_apigatewayv2_api.ws_api.id, "Stage", "prod"');
  });

  test('with the stage\'s provider and region', () => {
    const stack = newStack();
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    const europe = new AwsProvider(stack, 'europe', { region: 'eu-central-1', alias: 'europe' });
    new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack, { provider: europe, region: 'eu-central-2' }).api }).addDashboard();

    expect(onlyResource(synthesizeStack(stack), 'aws_cloudwatch_dashboard')).toMatchObject({ provider: 'aws.europe', region: 'eu-central-2' });
  });

  test('a second dashboard, a name CloudWatch refuses, a period shorter than a minute fail', () => {
    const stack = newStack();
    const deploy = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api });

    expect(() => deploy.addDashboard({ dashboardName: 'pets api' })).toThrow("HttpApiDeployment at 'stack/deploy': property 'addDashboard.dashboardName' "
      + "is \"pets api\"; expected a name of 1 to 255 letters, digits, '-' and '_' (what CloudWatch takes).");
    expect(() => deploy.addDashboard({ period: 10 })).toThrow("property 'addDashboard.period' is 10; expected a period in seconds that is a multiple of 60");
    deploy.addDashboard();
    expect(() => deploy.addDashboard()).toThrow("HttpApiDeployment at 'stack/deploy': property 'addDashboard' is {}; expected one dashboard per construct "
      + '(it has one already: keep the CloudwatchDashboard the first call returned).');
  });
});

describe('the URLs and ARNs a stage hands out', () => {
  test('domainUrl: the stage\'s URL on the custom domain mapped to it, waiting for the mapping; undefined before', () => {
    const stack = newStack();
    const http = new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api });
    const ws = new WebSocketApiDeployment(stack, 'ws', { webSocketApi: chatWebSocketApi(stack).api });
    const rest = new RestApiDeployment(stack, 'rest', { restApi: petsApi(stack).api });
    expect(http.domainUrl).toBeUndefined();

    http.addApiMapping('api.example.com', { apiMappingKey: 'pets/v1' });
    ws.addApiMapping('chat.example.com');
    rest.addBasePathMapping('rest.example.com', { basePath: 'v2' });

    new TerraformOutput(stack, 'http_url', { value: http.domainUrl });
    new TerraformOutput(stack, 'ws_url', { value: ws.domainUrl });
    new TerraformOutput(stack, 'rest_url', { value: rest.domainUrl });

    const output = synthesizeStack(stack).output;
    expect([output.http_url.value, output.ws_url.value, output.rest_url.value]).toEqual([
      expect.stringMatching(/^https:\/\/\$\{aws_apigatewayv2_api_mapping\.http_ApiMapping_[\w-]+\.domain_name\}\/pets\/v1$/),
      expect.stringMatching(/^wss:\/\/\$\{aws_apigatewayv2_api_mapping\.ws_ApiMapping_[\w-]+\.domain_name\}\/$/),
      expect.stringMatching(/^https:\/\/\$\{aws_api_gateway_base_path_mapping\.rest_BasePathMapping_[\w-]+\.domain_name\}\/v2$/),
    ]);
  });

  test('domainUrl of a stage mapped twice fails: say which', () => {
    const stack = newStack();
    const http = new HttpApiDeployment(stack, 'http', { httpApi: petsHttpApi(stack).api });
    http.addApiMapping('api.example.com', { apiMappingKey: 'v1' });
    http.addApiMapping('api.example.org');

    expect(() => http.domainUrl).toThrow("HttpApiDeployment at 'stack/http': property 'domainUrl' is [");
  });

  test('connectionsArn: the @connections API of a WebSocket stage, any method', () => {
    const stack = newStack();
    const ws = new WebSocketApiDeployment(stack, 'ws', { webSocketApi: chatWebSocketApi(stack).api });

    new TerraformOutput(stack, 'arn', { value: ws.connectionsArn });

    expect(synthesizeStack(stack).output.arn.value).toBe('${aws_apigatewayv2_stage.ws_Stage_19F1DE85.execution_arn}/*/@connections/*');
  });
});
