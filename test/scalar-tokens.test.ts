import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Fn, TerraformLocal, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { AccessLogDestination, HttpApiDeployment, RestApiDeployment, WebSocketApiDeployment } from '../src';
import { petsApi } from './support/api';
import { chatWebSocketApi, petsHttpApi } from './support/v2-api';

/**
 * A token given where Terraform takes a number or a bool that stands for another kind for certain (a
 * list, a map, a string that is not a number, resp. not "true" or "false") is refused at synth, as a
 * collection is where one string belongs (stage-option-checks.test.ts):
 * terraform validate (or plan) refuses it ("number required", "a number is required", "bool required").
 * Tokens whose value is only known at deploy time, and the strings Terraform converts, are taken.
 */

function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'stack');
  new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
  return stack;
}

/** A program that makes its constructs in a stack with a provider, then synthesizes it. */
const program = (build: (stack: TerraformStack) => void) => () => {
  const stack = newStack();
  build(stack);
  return Testing.synth(stack, true);
};

const rest = (props: Record<string, unknown>) => program((stack) => {
  new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, ...props });
});

const numberRefused = (what: string, text: boolean) => `expected a number: this is ${what}, and Terraform takes a number here `
  + `(${text ? '"a number is required"' : '"number required"'}).`;
const boolRefused = (what: string, text: boolean) => `expected true or false: this is ${what}, and Terraform takes a bool here `
  + `(${text ? '"a bool is required"' : '"bool required"'}).`;
const NOT_A_NUMBER = 'a string that is not a number';

describe('refused at synth, naming the construct, the property, the expression and what it stands for', () => {
  test.each<[string, () => unknown, string]>([
    ['a list where a bool belongs (tracingEnabled: split)', rest({ tracingEnabled: Token.asAny(Fn.split(',', 'a,b')) }),
      "RestApiDeployment at 'stack/deploy': property 'tracingEnabled' is \"${split(\\\",\\\", \\\"a,b\\\")}\"; " + boolRefused('split(...), a list', false)],
    ['a list where a number belongs (cacheTtl: split)', rest({ cacheClusterEnabled: true, cachingEnabled: true, cacheTtl: Token.asNumber(Fn.split(',', '1,2')) }),
      "RestApiDeployment at 'stack/deploy': property 'cacheTtl' is \"${split(\\\",\\\", \\\"1,2\\\")}\"; " + numberRefused('split(...), a list', false)],
    ["a map's JSON as the canary's percentage (jsonencode)", rest({ canary: { percentTraffic: Token.asNumber(Fn.jsonencode({ a: 1 })) } }),
      "RestApiDeployment at 'stack/deploy': property 'canary.percentTraffic' is \"${jsonencode({\\\"a\\\" = 1})}\"; "
      + numberRefused(`jsonencode(...), ${NOT_A_NUMBER}`, true)],
    ['upper() of a word as cacheTtl', rest({ cacheTtl: Token.asNumber(Fn.upper('x')) }),
      "RestApiDeployment at 'stack/deploy': property 'cacheTtl' is \"${upper(\\\"x\\\")}\"; " + numberRefused(`upper(...), ${NOT_A_NUMBER}`, true)],
    ['a literal word as cacheTtl (Token.asNumber)', rest({ cacheTtl: Token.asNumber('abc') }),
      "RestApiDeployment at 'stack/deploy': property 'cacheTtl' is \"abc\"; " + numberRefused(NOT_A_NUMBER, true)],
    ["a literal word where a bool belongs (Token.asAny('yes'))", rest({ tracingEnabled: Token.asAny('yes') }),
      "RestApiDeployment at 'stack/deploy': property 'tracingEnabled' is \"yes\"; " + boolRefused('a string other than "true" or "false"', true)],
    ['a list as a method\'s metricsEnabled', rest({ methodOptions: { '/pets/GET': { metricsEnabled: Token.asAny(Fn.tolist(['a'])) } } }),
      "RestApiDeployment at 'stack/deploy': property 'methodOptions./pets/GET.metricsEnabled' is \"${tolist([\\\"a\\\"])}\"; "
      + boolRefused('tolist(...), a list', false)],
    ["an HTTP stage's burst limit as a word", program((stack) => {
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, throttlingBurstLimit: Token.asNumber('lots'), throttlingRateLimit: 10 });
    }), "HttpApiDeployment at 'stack/deploy': property 'throttlingBurstLimit' is \"lots\"; " + numberRefused(NOT_A_NUMBER, true)],
    ["a new log group's retention as a word", program((stack) => {
      new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays: Token.asNumber('forever') }) });
    }), "HttpApiDeployment at 'stack/deploy': property 'accessLogDestination.newLogGroup(options).retentionInDays' is \"forever\"; " + numberRefused(NOT_A_NUMBER, true)],
    ["a WebSocket route's rate limit from format() with words", program((stack) => {
      new WebSocketApiDeployment(stack, 'deploy', {
        webSocketApi: chatWebSocketApi(stack).api,
        cloudWatchRole: false,
        routeOptions: { $connect: { throttlingBurstLimit: 10, throttlingRateLimit: Token.asNumber(Fn.format('%d per second', [5])) } },
      });
    }), "WebSocketApiDeployment at 'stack/deploy': property 'routeOptions.$connect.throttlingRateLimit' is \"${format(\\\"%d per second\\\", 5)}\"; "
      + numberRefused(`format(...), ${NOT_A_NUMBER}`, true)],
    ["a WebSocket route's burst limit from a map", program((stack) => {
      new WebSocketApiDeployment(stack, 'deploy', {
        webSocketApi: chatWebSocketApi(stack).api,
        cloudWatchRole: false,
        routeOptions: { $connect: { throttlingBurstLimit: Token.asNumber(Fn.merge([{ a: 1 }])), throttlingRateLimit: 5 } },
      });
    }), "WebSocketApiDeployment at 'stack/deploy': property 'routeOptions.$connect.throttlingBurstLimit' is \"${merge({\\\"a\\\" = 1})}\"; "
      + numberRefused('merge(...), a map', false)],
    ['join() of words with a separator as cacheTtl', program((stack) => {
      const unit = new TerraformVariable(stack, 'unit', { type: 'string' }).stringValue;
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, cacheTtl: Token.asNumber(Fn.join(' ', ['300', unit])) });
    }), "RestApiDeployment at 'stack/deploy': property 'cacheTtl' is \"${join(\\\" \\\", [\\\"300\\\", var.unit])}\"; " + numberRefused(`join(...), ${NOT_A_NUMBER}`, true)],
    ['a template with words around a variable as cacheTtl', program((stack) => {
      const seconds = new TerraformVariable(stack, 'seconds', { type: 'string' }).stringValue;
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, cacheTtl: Token.asNumber(`${seconds} seconds`) });
    }), "RestApiDeployment at 'stack/deploy': property 'cacheTtl' is \"${var.seconds} seconds\"; " + numberRefused(NOT_A_NUMBER, true)],
    ['uuid() where a bool belongs', rest({ tracingEnabled: Token.asAny(Fn.uuid()) }),
      "RestApiDeployment at 'stack/deploy': property 'tracingEnabled' is \"${uuid()}\"; " + boolRefused('uuid(...), a string other than "true" or "false"', true)],
    ['uuid() where a number belongs', rest({ cacheTtl: Token.asNumber(Fn.uuid()) }),
      "RestApiDeployment at 'stack/deploy': property 'cacheTtl' is \"${uuid()}\"; " + numberRefused(`uuid(...), ${NOT_A_NUMBER}`, true)],
    ['a local value holding a word as cacheTtl', program((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, cacheTtl: new TerraformLocal(stack, 'ttl', 'long').asNumber });
    }), "RestApiDeployment at 'stack/deploy': property 'cacheTtl' is \"${local.ttl}\"; " + numberRefused(`local.ttl, which holds ${NOT_A_NUMBER}`, true)],
    ['a variable of type bool as cacheTtl', program((stack) => {
      new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, cacheTtl: new TerraformVariable(stack, 'ttl', { type: 'bool' }).numberValue });
    }), "RestApiDeployment at 'stack/deploy': property 'cacheTtl' is \"${var.ttl}\"; " + numberRefused('var.ttl, a variable of type bool', false)],
  ])('%s', (_name, run, message) => {
    expect(run).toThrow(message);
  });

  test("method settings put on their resource are checked as the construct's methodOptions are", () => {
    const stack = newStack();
    new RestApiDeployment(stack, 'deploy', { restApi: petsApi(stack).api, methodOptions: { '/pets/GET': { metricsEnabled: true } } });
    const settings = stack.node.findAll().find((construct) => (construct as { terraformResourceType?: string }).terraformResourceType === 'aws_api_gateway_method_settings');
    (settings as unknown as { putSettings(value: object): void }).putSettings({ metricsEnabled: Token.asAny('on') });

    expect(() => Testing.synth(stack, true)).toThrow("RestApiDeployment at 'stack/deploy': property 'methodOptions./pets/GET.settings.metricsEnabled' is \"on\"; "
      + boolRefused('a string other than "true" or "false"', true));
  });

  test("the access log group's retention set on it afterwards", () => {
    const stack = newStack();
    const deployment = new HttpApiDeployment(stack, 'deploy', { httpApi: petsHttpApi(stack).api, accessLogDestination: AccessLogDestination.newLogGroup() });
    (deployment.deploymentStage.accessLogGroup as unknown as { retentionInDays: number }).retentionInDays = Token.asNumber(Fn.keys({ a: 1 }));

    expect(() => Testing.synth(stack, true)).toThrow("HttpApiDeployment at 'stack/deploy': property 'accessLogDestination.retentionInDays' is \"${keys({\\\"a\\\" = 1})}\"; "
      + numberRefused('keys(...), a list', false));
  });
});

describe('taken: what Terraform converts, and what is only known at deploy time', () => {
  test('numeric and "true"/"false" strings, variables, attributes, local values and functions that may give a number', () => {
    const synthesized = program((stack) => {
      const anyValue = new TerraformVariable(stack, 'flag', { type: 'any' });
      const text = new TerraformVariable(stack, 'digits', { type: 'string' }).stringValue;
      const group = new CloudwatchLogGroup(stack, 'group', { name: 'other', retentionInDays: 7 });
      new RestApiDeployment(stack, 'deploy', {
        restApi: petsApi(stack).api,
        cacheClusterEnabled: Token.asAny('true'),
        cachingEnabled: Token.asAny(anyValue.value),
        tracingEnabled: Token.asAny('1'),
        cacheTtl: Token.asNumber('300'),
        throttlingBurstLimit: new TerraformVariable(stack, 'burst', { type: 'number' }).numberValue,
        throttlingRateLimit: Token.asNumber(group.retentionInDays),
        canary: { percentTraffic: new TerraformLocal(stack, 'percent', 10).asNumber, useStageCache: Token.asAny(Fn.lookupNested(Fn.split(',', 'true,false'), [0])) },
        methodOptions: {
          '/pets/GET': {
            cacheTtl: Token.asNumber(Fn.join('', ['6', text])),
            throttlingRateLimit: Token.asNumber(Fn.format('%d', [new TerraformLocal(stack, 'rate', Token.asNumber(text)).asNumber])),
            throttlingBurstLimit: Token.asNumber(Fn.lower(text)),
            metricsEnabled: Token.asAny(Fn.jsonencode(true)),
          },
        },
      });
    })();
    const stage = Object.values(JSON.parse(synthesized).resource.aws_api_gateway_stage)[0] as Record<string, unknown>;
    expect(stage.cache_cluster_enabled).toBe('true');
    expect(stage.xray_tracing_enabled).toBe('1');
  });

  test('a literal number string where a number belongs, on each kind', () => {
    expect(program((stack) => {
      new HttpApiDeployment(stack, 'deploy', {
        httpApi: petsHttpApi(stack).api,
        throttlingBurstLimit: Token.asNumber('1e3'),
        throttlingRateLimit: Token.asNumber('+5.5'),
        accessLogDestination: AccessLogDestination.newLogGroup({ retentionInDays: Token.asNumber(new TerraformVariable(stack, 'days', { type: 'number' }).value) }),
      });
      new WebSocketApiDeployment(stack, 'socket', {
        webSocketApi: chatWebSocketApi(stack).api,
        cloudWatchRole: false,
        routeOptions: { $connect: { throttlingBurstLimit: Token.asNumber('10'), throttlingRateLimit: Token.asNumber(new TerraformLocal(stack, 'limit', '5').asString) } },
      });
    })).not.toThrow();
  });
});
