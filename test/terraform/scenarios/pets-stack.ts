/**
 * The stack the stage, canary and import scenarios apply: the `/pets` API (GET, MOCK
 * integration) deployed by a `RestApiDeployment` at `deploy`, in the versions a user would
 * write one after another.
 */
import { GetDeploymentsCommand, GetStageCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, Fn, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { RestApiDeployment, RestApiDeploymentProps } from '../../../src';
import { petsApi } from '../../support/api';
import { readmeBlock } from '../../support/readme';
import { runSnippet } from '../../support/readme-snippet';
import { Emulator } from '../emulator/emulator';
import { TerraformPlan } from '../support/terraform-plan';
import { synthesizeStack, TerraformWorkdir } from '../support/terraform-workdir';

/** The stack's name in `cdktf.out/stacks/`. */
export const PETS_STACK = 'pets';

/** The Terraform addresses of what the `RestApiDeployment` at `deploy` creates. */
export const PETS_ADDRESSES = {
  deployment: 'aws_api_gateway_deployment.deploy_Deployment_49668023',
  canaryDeployment: 'aws_api_gateway_deployment.deploy_CanaryDeployment_5C187555',
  stage: 'aws_api_gateway_stage.deploy_Stage_4076BD38',
};

/** One version of the pets app. */
export interface PetsStackVersion {
  /** The GET /pets integration's request template. @default '{"statusCode": 200}' */
  readonly template?: string;
  /** Adds GET /pets/{id} (a MOCK integration): a method of a resource of two levels. @default false */
  readonly petById?: boolean;
  /** Reads the GET /pets integration's request template from this file when Terraform plans (`Fn.file`). @default - a literal template */
  readonly templateFile?: string;
  /**
   * Adds POST /pets, an HTTP proxy to `https://<backend_host>/pets`, where `backend_host` is a
   * Terraform variable with this default. @default - no POST method
   */
  readonly backendHost?: string;
  /** The RestApiDeployment's props besides `restApi`; `false`: no deployment at all (the API alone). */
  readonly deployment?: Omit<RestApiDeploymentProps, 'restApi'> | false;
  /** Pins the stage to the deployment it serves with the README's `pin-stage` snippet. @default false */
  readonly pinStage?: boolean;
}

/** A function that builds this version of the app into `outdir`. */
export function petsApp(version: PetsStackVersion = {}): (outdir: string) => App {
  return (outdir) => {
    const app = new App({ outdir });
    const stack = new TerraformStack(app, PETS_STACK);
    new AwsProvider(stack, 'aws', { region: 'eu-west-2' });
    const { api, pets, integration } = petsApi(stack);
    if (version.template !== undefined) {
      integration.requestTemplates = { 'application/json': version.template };
    }
    if (version.petById) {
      const byId = new ApiGatewayResource(stack, 'pet', { restApiId: api.id, parentId: pets.id, pathPart: '{id}' });
      const get = new ApiGatewayMethod(stack, 'pet_get', { restApiId: api.id, resourceId: byId.id, httpMethod: 'GET', authorization: 'NONE' });
      new ApiGatewayIntegration(stack, 'pet_get_integration', {
        restApiId: api.id, resourceId: byId.id, httpMethod: get.httpMethod, type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' },
      });
    }
    if (version.templateFile !== undefined) {
      integration.requestTemplates = { 'application/json': Fn.file(version.templateFile) };
    }
    if (version.backendHost !== undefined) {
      const backendHost = new TerraformVariable(stack, 'backend_host', { type: 'string', default: version.backendHost });
      const post = new ApiGatewayMethod(stack, 'pets_post', { restApiId: api.id, resourceId: pets.id, httpMethod: 'POST', authorization: 'NONE' });
      new ApiGatewayIntegration(stack, 'pets_post_integration', {
        restApiId: api.id,
        resourceId: pets.id,
        httpMethod: post.httpMethod,
        type: 'HTTP_PROXY',
        integrationHttpMethod: 'POST',
        uri: `https://${backendHost.stringValue}/pets`,
      });
    }
    new TerraformOutput(stack, 'rest_api_id', { value: api.id });
    if (version.deployment !== false) {
      const deployment = new RestApiDeployment(stack, 'deploy', { restApi: api, ...version.deployment });
      new TerraformOutput(stack, 'url', { value: deployment.urlForPath('/pets') });
      if (version.pinStage) {
        runSnippet(readmeBlock('readme-snippet', 'pin-stage'), stack, { deployment });
      }
    }
    return app;
  };
}

/** Loads this version of the pets app into an initialized `workdir` and plans it. */
export function planPetsVersion(workdir: TerraformWorkdir, version: PetsStackVersion = {}): TerraformPlan {
  return workdir.load(synthesizeStack(petsApp(version), PETS_STACK)).plan();
}

/** This version of the pets app, applied in a fresh folder named `name`. */
export function appliedPetsApp(name: string, emulator: Emulator, version: PetsStackVersion = {}): TerraformWorkdir {
  const workdir = new TerraformWorkdir(name, emulator);
  workdir.load(synthesizeStack(petsApp(version), PETS_STACK)).init();
  workdir.plan();
  workdir.apply();
  return workdir;
}

/**
 * What the emulated API Gateway has for the applied pets app: its stage `prod`, the ids of all
 * its deployments, and the id of the deployment Terraform manages.
 */
export async function emulatedPets(workdir: TerraformWorkdir, emulator: Emulator) {
  const state = workdir.state();
  const restApiId = state['aws_api_gateway_rest_api.api'].id;
  const client = emulator.apiGateway();
  const stage = await client.send(new GetStageCommand({ restApiId, stageName: 'prod' }));
  const deployments = (await client.send(new GetDeploymentsCommand({ restApiId }))).items ?? [];
  return { restApiId, stage, deploymentIds: deployments.map((item) => item.id!), managed: state[PETS_ADDRESSES.deployment]?.id as string };
}
