import { Fn, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { invalidProperty } from '../core/errors';

/** Fails unless `path`, when it is not a token, starts with `/`. */
export function validatePath(owner: IConstruct, property: string, path: string, expected: string): void {
  if (!Token.isUnresolved(path) && !path.startsWith('/')) {
    throw invalidProperty(owner, property, path, expected);
  }
}

/**
 * An execute-api ARN for the `source_arn` of an `aws_lambda_permission`: `<API's execution
 * ARN>/<stage>/<target>`. It is built from the API's execution ARN when the construct has the API,
 * so the permission does not depend on the deployment and no dependency cycle can form; else from
 * the stage's execution ARN (`arn:...:<api id>/<stage>`, everything before the `/`).
 *
 * @param target what follows the stage: `GET/pets` (REST, HTTP), a route key (WebSocket)
 */
export function executeApiArn(apiExecutionArn: string | undefined, stageExecutionArn: string, stage: string, target: string): string {
  const apiArn = apiExecutionArn ?? Fn.element(Fn.split('/', stageExecutionArn), 0);
  return `${apiArn}/${stage}/${target}`;
}

/** The method and path of an execute-api ARN of a REST or HTTP API (`ANY` is `*` there); validates the path. */
export function methodAndPath(owner: IConstruct, method: string, path: string): string {
  validatePath(owner, 'arnForExecuteApi(path)', path, 'a path that starts with "/", e.g. "/*" or "/pets/{id}"');
  return `${method.toUpperCase() === 'ANY' ? '*' : method}${path}`;
}

