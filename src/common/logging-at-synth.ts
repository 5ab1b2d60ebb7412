import { TerraformResource, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { stageReadsOf } from './stage-references';
import { AppIndex } from '../core/app-index';
import { configuredArgument } from '../core/configured';
import { ownerOfResource } from '../core/owned-resources';
import { sameAccount } from '../core/placement';
import { expressionIn } from '../core/resolve';
import { addressOf } from '../triggers/api-snapshot';

/**
 * Whether a stage logs to CloudWatch, decided at synth from what its resources render, not from the
 * construct's props only: logging turned on through the stage resource
 * (`deploymentStage.stage.putAccessLogSettings(...)`, `putDefaultRouteSettings(...)`, an override) or
 * through an `aws_api_gateway_method_settings` written by hand for the stage (named through its resource,
 * `stage.stageName`) needs the account's CloudWatch role as the props' logging does.
 */

type Block = Record<string, any>;

/** The block a resource renders now (overrides applied, tokens unresolved). */
function blockOf(resource: TerraformResource): Block | undefined {
  const fragment = resource.toTerraform() as { resource?: Record<string, Record<string, Block>> } | undefined;
  return fragment?.resource?.[resource.terraformResourceType]?.[resource.friendlyUniqueId];
}

/** The one block of a nested block rendered as an object or a list of one. */
function single(value: unknown): Block | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first !== null && typeof first === 'object' ? first as Block : undefined;
}

/** Whether execution logging settings (`logging_level`, `data_trace_enabled`) write to CloudWatch: ERROR, INFO, full request logging, or a value known at deploy time. */
function executionLogs(settings: Block | undefined): boolean {
  const level = settings?.logging_level;
  const trace = settings?.data_trace_enabled;
  // A value known only at deploy time may turn logging on (a bool token is an object, a string token a string).
  return level === 'ERROR' || level === 'INFO' || trace === true || trace === 'true'
    || (level !== undefined && level !== null && Token.isUnresolved(level)) || (trace !== undefined && trace !== null && Token.isUnresolved(trace));
}

/** Whether access log settings write to CloudWatch Logs: a destination that is no Firehose stream. */
function accessLogs(resource: TerraformResource, settings: Block | undefined): boolean {
  const destination = settings?.destination_arn;
  if (typeof destination !== 'string') {
    return false;
  }
  const text = Token.isUnresolved(destination) ? expressionIn(resource, destination) : destination;
  // A stream of another stack is read through cdktf's cross-stack output, named after it (`...output-aws_kinesis_firehose_delivery_streamstreamarn`).
  return !text.includes(':firehose:') && !text.includes('aws_kinesis_firehose_delivery_stream');
}

/** Whether the block a stage resource or method settings resource renders makes API Gateway write to CloudWatch Logs. */
export function rendersLogging(resource: TerraformResource): boolean {
  const block = blockOf(resource);
  if (block === undefined) {
    return false;
  }
  switch (resource.terraformResourceType) {
    case 'aws_api_gateway_method_settings':
      return executionLogs(single(block.settings));
    case 'aws_apigatewayv2_stage': {
      const routes = Array.isArray(block.route_settings) ? block.route_settings : [block.route_settings];
      return accessLogs(resource, single(block.access_log_settings)) || executionLogs(single(block.default_route_settings))
        || routes.some((route: unknown) => executionLogs(single(route)));
    }
    default:
      return accessLogs(resource, single(block.access_log_settings));
  }
}

/** The app's `aws_api_gateway_method_settings` written by hand, by the stage resource their `stage_name` reads (`<stack path>:<address>`). */
function handWrittenMethodSettings(index: AppIndex): ReadonlyMap<string, readonly TerraformResource[]> {
  return index.appMemo(HAND_WRITTEN, () => {
    const byStage = new Map<string, TerraformResource[]>();
    for (const settings of index.resourcesOfType('aws_api_gateway_method_settings')) {
      if (ownerOfResource(settings) !== undefined) {
        continue;
      }
      const name = configuredArgument(settings, 'stage_name');
      const key = typeof name === 'string' ? stageNamedBy(settings, name) : undefined;
      if (key !== undefined) {
        byStage.set(key, [...byStage.get(key) ?? [], settings]);
      }
    }
    return byStage;
  });
}

const HAND_WRITTEN = Symbol('hand-written method settings by stage');

/**
 * The stage resource (`<stack path>:<address>`) whose name a `stage_name` reads: the stage's `stage_name` itself (through
 * local values holding it, or across stacks), or an expression of the settings' stack made of it and no other stage's
 * (`trimspace(aws_api_gateway_stage.s.stage_name)`, a raw "${...}" string).
 */
function stageNamedBy(settings: TerraformResource, name: string): string | undefined {
  const named = new Set(stageReadsOf(settings, name, false)
    .filter((read) => read.attribute === 'stage_name' && read.key.includes(':aws_api_gateway_stage.')).map((read) => read.key));
  return named.size === 1 ? [...named][0] : undefined;
}

/**
 * The `aws_api_gateway_method_settings` written by hand, in any stack, whose `stage_name` reads this stage
 * resource's and that turn logging on, but those that wait for an account setting of their own stack
 * (`settledInOwnStack`): the stage's logging, which waits for the stage's account setting or gets its warning.
 */
export function loggingWrittenFor(stage: TerraformResource): readonly TerraformResource[] {
  return methodSettingsWrittenFor(stage).filter((settings) => rendersLogging(settings) && !settledInOwnStack(settings));
}

/** The `aws_api_gateway_method_settings` written by hand, in any stack, whose `stage_name` reads this stage resource's (listed once per app generation). */
export function methodSettingsWrittenFor(stage: TerraformResource): readonly TerraformResource[] {
  return handWrittenMethodSettings(AppIndex.of(stage)).get(`${TerraformStack.of(stage).node.path}:${stage.terraformResourceType}.${stage.friendlyUniqueId}`) ?? [];
}

/**
 * Makes method settings written by hand that turn logging on for a library stage wait for an
 * `aws_api_gateway_account` of their own stack, account and region (a stack that sets the role and turns
 * logging on beside it: nothing else orders them); whether one is there.
 */
function settledInOwnStack(settings: TerraformResource): boolean {
  const stack = TerraformStack.of(settings);
  const account = AppIndex.of(settings).resourcesOfType('aws_api_gateway_account')
    .find((candidate) => TerraformStack.of(candidate) === stack && sameAccount(candidate, settings) === 'same');
  if (account === undefined) {
    return false;
  }
  waitFor(settings, account);
  return true;
}

/** Makes `resource` (one written by hand) wait for `account`, once. */
export function waitFor(resource: TerraformResource, account: TerraformResource): void {
  const address = addressOf(account);
  if (!(resource.dependsOn ?? []).includes(address)) {
    resource.dependsOn = [...resource.dependsOn ?? [], address];
  }
}

/**
 * Once `App.synth()` begins (every construct made, no stack written yet): the app's method settings written
 * by hand that turn logging on for a library stage wait for the account setting of their stack. (A stage's
 * own check runs when its stack is validated, which may be after their stack is written.)
 */
export function settleLoggingWrittenByHand(scope: IConstruct): void {
  AppIndex.coverSynth(scope, 'method settings written by hand that log', () => {
    for (const written of handWrittenMethodSettings(AppIndex.of(scope)).values()) {
      written.filter(rendersLogging).forEach(settledInOwnStack);
    }
  });
}
