import type { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import type { Apigatewayv2Deployment } from '@cdktf/provider-aws/lib/apigatewayv2-deployment';
import { Construct, IConstruct } from 'constructs';
import { HttpApiStage, HttpStageOptions } from './http-api-stage';
import { ADD_HTTP_STAGE_OPTIONS, HTTP_API_DEPLOYMENT_PROPS, HTTP_STAGE_OPTIONS } from './http-shapes';
import { ApiDeploymentBase } from '../common/api-deployment-base';
import { recordArnStage } from '../common/arn-stages';
import { newDeploymentResource } from '../common/deployment-escape-hatches';
import { addedStageId } from '../common/deployment-flow';
import { DeploymentOptions } from '../common/deployment-options';
import { deploymentWarnings } from '../common/deployment-warnings';
import { callText, executeApiArn, methodAndPath, recordArnTarget } from '../common/execute-api';
import { mainStageOptions } from '../common/struct-shapes';
import { validateV2Description } from '../common/validation';
import { abandon, closeCall, openCall } from '../core/abandoned';
import { checkedScope, checkEntryPoints } from '../core/argument-checks';
import { isDeploymentOfKind } from '../core/deployment-marker';
import { invalidProperty } from '../core/errors';
import { ProviderResources } from '../core/provider-resources';
import { checkStruct } from '../core/struct-check';
import { HTTP_API_FAMILY } from '../triggers/api-gateway-v2-family';

/**
 * Properties of an `HttpApiDeployment`: the API, what redeploys it, and the options of its main
 * stage (the same `HttpStageOptions` that `addStage` takes).
 */
export interface HttpApiDeploymentProps extends HttpStageOptions, DeploymentOptions {
  /**
   * The HTTP API to deploy (an `Apigatewayv2Api` with protocol type `HTTP`). The construct then
   * finds every route, integration, authorizer and model of this API, in its stack, this stack
   * and any stack that references it, and redeploys whenever the configuration of any of them, or
   * of the API itself (its OpenAPI body, CORS configuration, ...), changes.
   *
   * Give exactly one of `httpApi` and `httpApiId`.
   *
   * @default - none; `httpApiId` must be given
   */
  readonly httpApi?: Apigatewayv2Api;

  /**
   * The id of an HTTP API defined outside this app. Discovery is off then: the API redeploys only
   * when one of `resources` or `triggers` changes.
   *
   * Give exactly one of `httpApi` and `httpApiId`.
   *
   * @default - none; `httpApi` must be given
   */
  readonly httpApiId?: string;

  /**
   * The name of the stage that serves the deployment: `$default` (served at the API's root URL)
   * or 1 to 128 letters, digits, `_` or `-`.
   *
   * @default "$default"
   */
  readonly stageName?: string;
}

/**
 * A deployment of an API Gateway HTTP API and the stage that serves it, redeployed exactly when
 * the API's configuration changes: an explicit `aws_apigatewayv2_deployment` (create before
 * destroy) whose triggers name each route, integration, authorizer and referenced object, and an
 * `aws_apigatewayv2_stage` without `auto_deploy` that points at it. So a change is deployed once,
 * after the whole change is applied, and `terraform plan` says so.
 */
export class HttpApiDeployment extends ApiDeploymentBase {
  /** Whether a value is an HttpApiDeployment. */
  public static isHttpApiDeployment(x: any): x is HttpApiDeployment {
    return isDeploymentOfKind(x, 'HttpApiDeployment');
  }

  /**
   * The synth warnings of every HttpApiDeployment in `scope` (`scope` itself included), and of
   * every HttpApiStage and `ApiGatewayCloudWatchRole` made on its own there, in construct-tree
   * order: the messages `cdktf synth` prints for them. For tests: `Testing.synth` does not show
   * warnings. Every check of synth runs here (discovery, custom domains, the resources the
   * constructs own), so it gives the same before or after synthesizing; it throws the first error.
   * An API in `scope` deployed from another stack gets the warnings its deployment constructs give on it.
   *
   * @param scope a stack, an app, or any construct
   */
  public static warningsOf(scope: IConstruct): string[] {
    return deploymentWarnings(scope, HttpApiDeployment.isHttpApiDeployment, (construct) => construct instanceof HttpApiStage);
  }

  /** The `aws_apigatewayv2_deployment` resource. */
  public readonly deployment: Apigatewayv2Deployment;

  /** The main stage, named `stageName`. Its `aws_apigatewayv2_stage` is `deploymentStage.stage`. */
  public readonly deploymentStage: HttpApiStage;

  /** The id of the deployed HTTP API. */
  public readonly httpApiId: string;

  private readonly httpApi?: Apigatewayv2Api;

  constructor(scope: Construct, id: string, props: HttpApiDeploymentProps) {
    super(checkedScope('HttpApiDeployment', [scope, id, props]), id);
    // A constructor that fails leaves nothing behind, and says nothing (core/abandoned.ts).
    const call = openCall();
    try {
      this._startDeployment({
        kind: 'HttpApiDeployment',
        props,
        shape: HTTP_API_DEPLOYMENT_PROPS,
        choice: {
          apiProperty: 'httpApi',
          api: props.httpApi,
          idProperty: 'httpApiId',
          apiId: props.httpApiId,
          autoDiscover: props.autoDiscover,
          apiKind: 'HTTP API',
          apiClass: 'Apigatewayv2Api',
          apiType: 'aws_apigatewayv2_api',
          protocol: { type: 'HTTP', otherKind: 'WebSocket API', otherConstruct: 'WebSocketApiDeployment' },
        },
        family: HTTP_API_FAMILY,
      });
      this.httpApi = props.httpApi;
      this.httpApiId = this._start.apiId;
      validateV2Description(this, 'description', props.description);
      this.deployment = newDeploymentResource(ProviderResources.Apigatewayv2Deployment, this, 'Deployment', {
        apiId: this.httpApiId,
        description: props.description,
        triggers: this._start.engine.triggers,
        lifecycle: { createBeforeDestroy: true },
        provider: this._start.provider,
        region: this._start.region,
      }, { engine: this._start.engine, owner: this, property: 'deployment' });
      this.deploymentStage = this.createStage('Stage', props.stageName ?? '$default', mainStageOptions(props, HTTP_STAGE_OPTIONS));
      this._finishDeployment(props, {
        deployment: this.deployment,
        mainStage: this.deploymentStage,
        stageResource: this.deploymentStage.stage,
        servedKeys: { property: 'routeOptions', settings: props.routeOptions },
      });
    } catch (error) {
      throw abandon(this, error, call);
    }
    closeCall(call);
  }

  /**
   * Adds another stage that serves the same deployment, with its own settings.
   *
   * @param stageName the name of the stage, which no other stage of this API may have
   * @param options the stage's options, the same as the main stage's. Default: none
   */
  public addStage(stageName: string, options: HttpStageOptions = {}): HttpApiStage {
    // Checked against the options, not the stage's props: the stage's name, API, deployment, provider
    // and region are the construct's to give, and would be overwritten without a word.
    checkStruct(this, `addStage(${stageName}).`, options, ADD_HTTP_STAGE_OPTIONS);
    this._claimAddedStage(stageName, { property: 'routeOptions', settings: options.routeOptions });
    return this.createStage(addedStageId(this, stageName), stageName, options);
  }

  /**
   * The URL of a path on the main stage.
   *
   * @param path the path, starting with `/`. Default: `/`
   */
  public urlForPath(path: string = '/'): string {
    return this.deploymentStage.urlForPath(path);
  }

  /**
   * The execute-api ARN for a method, path and stage, for the `source_arn` of an
   * `aws_lambda_permission`. With `httpApi` it is built from the API's execution ARN, so the
   * permission does not depend on the deployment and no dependency cycle can form.
   * A path or route key the API does not serve (a route renamed since) gets a warning at synth.
   *
   * @param method the HTTP method (any case: written in capitals), `*` or `ANY` for every method, or
   * `$default` for the API's `$default` route (whose ARN has no method nor path). Default: `*`
   * @param path the route path, starting with `/` (path parameters such as `{id}` are written `*`,
   * as API Gateway matches them), or `/*` for every path. Default: `/*`
   * @param stage the stage name (a name no stage of the API has gets a warning at synth), or `*` for every stage. Default: this construct's `stageName` (the main stage only, not the stages `addStage` adds)
   */
  public arnForExecuteApi(method: string = '*', path: string = '/*', stage?: string): string {
    if (method === '$default' && path !== '/*') {
      throw invalidProperty(this, 'arnForExecuteApi(path)', path, 'no path with the $default route: its ARN has none (leave the path out)');
    }
    const target = method === '$default' ? '$default' : methodAndPath(this, method, path);
    const call = callText('arnForExecuteApi', [method, method === '$default' && stage === undefined ? undefined : path, stage]);
    recordArnTarget(this, call, target, false, path);
    recordArnStage(this, call, stage, 'aws_apigatewayv2_stage', this.httpApiId);
    return executeApiArn(this, this.httpApi?.executionArn, this.deploymentStage.executionArn, stage ?? this.stageName, target, true);
  }

  private createStage(id: string, stageName: string, options: HttpStageOptions): HttpApiStage {
    return new HttpApiStage(this, id, {
      ...options, apiId: this.httpApiId, deploymentId: this.deployment.id, stageName, provider: this._start.provider, region: this._start.region,
    });
  }
}

checkEntryPoints(HttpApiDeployment);
