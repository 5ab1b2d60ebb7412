import { TerraformResource, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { checkArnInRegionOf } from './arn-region';
import { invalidProperty } from '../core/errors';
import { expressionIn, referenceOf } from '../core/resolve';

const EXPECTED = "a client certificate's id (an aws_api_gateway_client_certificate's id, such as 'a1b2c3')";

/**
 * Fails on a `clientCertificateId` that is an ARN (the certificate's `arn`, an ACM certificate's): API
 * Gateway finds the certificate a stage presents to its backends by its id, and refuses anything else.
 */
export function validateClientCertificateId(owner: IConstruct, property: string, value: unknown): void {
  if (typeof value !== 'string') {
    return;
  }
  const reference = Token.isUnresolved(value) ? referenceOf(value) : undefined;
  if ((!Token.isUnresolved(value) && value.startsWith('arn:')) || (reference !== undefined && /\.arn$/.test(reference.identifier))) {
    throw invalidProperty(owner, property, Token.isUnresolved(value) ? expressionIn(owner, value) : value,
      `${EXPECTED}, not an ARN: API Gateway finds the certificate by its id (NotFoundException)`);
  }
}

/**
 * Checks a stage's `clientCertificateId`: an id, not an ARN, and, when it is a client certificate of
 * the app, made in the stage's account and region (`stage`'s), where API Gateway looks for it.
 */
export function checkClientCertificateId(owner: IConstruct, property: string, value: string | undefined, stage: TerraformResource): void {
  if (value === undefined) {
    return;
  }
  validateClientCertificateId(owner, property, value);
  checkArnInRegionOf(owner, property, value, stage, 'a client certificate', 'API Gateway finds no such client certificate: NotFoundException');
}
