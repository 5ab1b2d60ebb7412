/**
 * The stack the HTTP and WebSocket API scenarios apply: an API whose routes go to a Lambda
 * function through one integration, one route behind an authorizer, deployed by an
 * HttpApiDeployment or a WebSocketApiDeployment at `deploy`, in the versions a user would write
 * one after another.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Authorizer } from '@cdktf/provider-aws/lib/apigatewayv2-authorizer';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, AssetType, Fn, TerraformAsset, TerraformStack } from 'cdktf';
import { HttpApiDeployment, WebSocketApiDeployment } from '../../../src';

export type V2Protocol = 'HTTP' | 'WEBSOCKET';

/** The stack's name in `cdktf.out/stacks/`. */
export const V2_STACK = 'v2';

/** The Terraform addresses of what the construct at `deploy` creates. */
export const V2_ADDRESSES = {
  deployment: 'aws_apigatewayv2_deployment.deploy_Deployment_49668023',
  stage: 'aws_apigatewayv2_stage.deploy_Stage_4076BD38',
};

/** One version of the app. */
export interface V2StackVersion {
  /** The integration's timeout. @default 29000 */
  readonly timeoutMilliseconds?: number;
  /** Adds a second route. @default false */
  readonly extraRoute?: boolean;
  /** The Lambda function's name (a new name replaces it). @default 'v2-backend' */
  readonly functionName?: string;
  /** The authorizer's identity source (WebSocket) or audience (HTTP). @default 'one' */
  readonly authorizerVariant?: 'one' | 'two';
  /** Tags of the API. */
  readonly apiTags?: Record<string, string>;
  /** Stage options: throttling (both limits, or the provider sends 0 for the other), variables, tags. */
  readonly stage?: {
    readonly throttlingBurstLimit?: number;
    readonly throttlingRateLimit?: number;
    readonly variables?: Record<string, string>;
    readonly tags?: Record<string, string>;
  };
  /** The stage name. @default HTTP: '$default', WebSocket: 'prod' */
  readonly stageName?: string;
  /** Adopt an existing stage. */
  readonly importExistingStage?: boolean;
  /** No deployment construct at all (the API alone). */
  readonly withoutDeployment?: boolean;
}

/** A function that builds this version of the app into `outdir`. */
export function v2App(protocol: V2Protocol, version: V2StackVersion = {}): (outdir: string) => App {
  return (outdir) => {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, V2_STACK);
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    const websocket = protocol === 'WEBSOCKET';
    const api = new Apigatewayv2Api(stack, 'api', {
      name: 'v2',
      protocolType: protocol,
      routeSelectionExpression: websocket ? '$request.body.action' : undefined,
      tags: version.apiTags,
    });

    const role = new IamRole(stack, 'backend_role', {
      name: 'v2-backend',
      assumeRolePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
    });
    const code = new TerraformAsset(stack, 'backend_code', { path: lambdaFolder(), type: AssetType.ARCHIVE });
    const backend = new LambdaFunction(stack, 'handler', {
      functionName: version.functionName ?? 'v2-backend',
      role: role.arn,
      runtime: 'nodejs20.x',
      handler: 'index.handler',
      filename: code.path,
      sourceCodeHash: Fn.filebase64sha256(code.path),
    });
    const integration = new Apigatewayv2Integration(stack, 'integration', {
      apiId: api.id,
      integrationType: 'AWS_PROXY',
      integrationUri: backend.invokeArn,
      integrationMethod: websocket ? undefined : 'POST',
      payloadFormatVersion: websocket ? undefined : '2.0',
      timeoutMilliseconds: version.timeoutMilliseconds ?? 29000,
    });
    const variant = version.authorizerVariant ?? 'one';
    const authorizer = websocket
      ? new Apigatewayv2Authorizer(stack, 'authorizer', {
        apiId: api.id,
        authorizerType: 'REQUEST',
        name: 'v2-authorizer',
        authorizerUri: backend.invokeArn,
        identitySources: [variant === 'one' ? 'route.request.header.Auth' : 'route.request.querystring.token'],
      })
      : new Apigatewayv2Authorizer(stack, 'authorizer', {
        apiId: api.id,
        authorizerType: 'JWT',
        name: 'v2-authorizer',
        identitySources: ['$request.header.Authorization'],
        jwtConfiguration: { issuer: 'https://auth.example.com/', audience: [`audience-${variant}`] },
      });
    const target = `integrations/${integration.id}`;
    new Apigatewayv2Route(stack, 'secured', {
      apiId: api.id,
      routeKey: websocket ? '$connect' : 'GET /pets',
      target,
      authorizationType: websocket ? 'CUSTOM' : 'JWT',
      authorizerId: authorizer.id,
    });
    new Apigatewayv2Route(stack, 'open', { apiId: api.id, routeKey: websocket ? '$default' : 'POST /pets', target });
    if (version.extraRoute) {
      new Apigatewayv2Route(stack, 'extra', { apiId: api.id, routeKey: websocket ? 'sendmessage' : 'GET /owners', target });
    }

    if (!version.withoutDeployment) {
      const common = {
        stageName: version.stageName,
        importExistingStage: version.importExistingStage,
        throttlingBurstLimit: version.stage?.throttlingBurstLimit,
        throttlingRateLimit: version.stage?.throttlingRateLimit,
        variables: version.stage?.variables,
        tags: version.stage?.tags,
      };
      if (websocket) {
        new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: api, cloudWatchRole: false, ...common });
      } else {
        new HttpApiDeployment(stack, 'deploy', { httpApi: api, ...common });
      }
    }
    return app;
  };
}

/**
 * A folder with the backend's code, written once: the zip cdktf makes of it (and so the function's
 * `source_code_hash`) changes with the file's modification time.
 */
function lambdaFolder(): string {
  const dir = path.join(os.tmpdir(), 'v2-stack-lambda');
  const file = path.join(dir, 'index.js');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, 'exports.handler = async () => ({ statusCode: 200 });\n');
  }
  return dir;
}
