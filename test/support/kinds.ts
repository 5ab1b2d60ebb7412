import { ApiGatewayRestApiConfig } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { TerraformResource, TerraformStack } from 'cdktf';
import { petsApi } from './api';
import { chatWebSocketApi, petsHttpApi } from './v2-api';
import { HttpApiDeployment, RestApiDeployment, WebSocketApiDeployment } from '../../src';

/** The three kinds of API, as tests name them. */
export type Kind = 'REST' | 'HTTP' | 'WebSocket';
export const KINDS: Kind[] = ['REST', 'HTTP', 'WebSocket'];

/** Each kind's deployment construct, its property for the API, and for the API's id. */
export const CONSTRUCT: Record<Kind, string> = { REST: 'RestApiDeployment', HTTP: 'HttpApiDeployment', WebSocket: 'WebSocketApiDeployment' };
export const API_PROPERTY: Record<Kind, string> = { REST: 'restApi', HTTP: 'httpApi', WebSocket: 'webSocketApi' };
export const ID_PROPERTY: Record<Kind, string> = { REST: 'restApiId', HTTP: 'httpApiId', WebSocket: 'webSocketApiId' };

/** The API of a kind (the pets REST or HTTP API, the chat WebSocket API), made in `stack` with `overrides` of its own settings. */
export function apiOfKind(kind: Kind, stack: TerraformStack, overrides: Partial<ApiGatewayRestApiConfig> = {}): TerraformResource {
  switch (kind) {
    case 'REST':
      return petsApi(stack, overrides).api;
    case 'HTTP':
      return petsHttpApi(stack, overrides as object).api;
    case 'WebSocket':
      return chatWebSocketApi(stack, overrides as object).api;
  }
}

/** The deployment construct of a kind at `deploy` in `stack` for `api`, with `props` of its own. */
export function deployKind(kind: Kind, stack: TerraformStack, api: TerraformResource, props: { cloudWatchRole?: boolean } = {}) {
  switch (kind) {
    case 'REST':
      return new RestApiDeployment(stack, 'deploy', { restApi: api as any, ...props });
    case 'HTTP':
      return new HttpApiDeployment(stack, 'deploy', { httpApi: api as any });
    case 'WebSocket':
      return new WebSocketApiDeployment(stack, 'deploy', { webSocketApi: api as any, ...props });
  }
}
