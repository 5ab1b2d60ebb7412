import { TerraformResource, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { arnRegionErrors, checkArnInRegionOf } from './arn-region';
import { invalidProperty } from '../core/errors';
import { heldByLocal } from '../core/locals';
import { ArgumentCheck } from '../core/owned-kinds';
import { expressionIn, referenceOf } from '../core/resolve';

const EXPECTED = "a client certificate's id (an aws_api_gateway_client_certificate's id, such as 'a1b2c3')";
const CERTIFICATE = 'a client certificate';
const NOT_FOUND = 'API Gateway finds no such client certificate: NotFoundException';

/** Certificates of other services, whose id is their ARN too. */
const ARN_ID_CERTIFICATES = /^(data\.)?aws_(acm_certificate|acmpca_certificate|acmpca_certificate_authority|iam_server_certificate)\./;

/**
 * Fails on a `clientCertificateId` that is an ARN (the certificate's `arn`, an ACM certificate's, directly or
 * through a local value): API Gateway finds the certificate a stage presents to its backends by its id, and
 * refuses anything else.
 */
export function validateClientCertificateId(owner: IConstruct, property: string, value: unknown): void {
  if (typeof value !== 'string') {
    return;
  }
  const held = Token.isUnresolved(value) ? heldByLocal(value) ?? value : value;
  const reference = Token.isUnresolved(held) ? referenceOf(held) : undefined;
  if ((!Token.isUnresolved(held) && held.startsWith('arn:'))
    || (reference !== undefined && (/\.arn$/.test(reference.identifier) || ARN_ID_CERTIFICATES.test(reference.identifier)))) {
    throw invalidProperty(owner, property, Token.isUnresolved(value) ? expressionIn(owner, value) : value,
      `${EXPECTED}, not an ARN: API Gateway finds the certificate by its id (NotFoundException)`);
  }
}

/** The check of a stage resource's `client_certificate_id` at synth (set through an escape hatch too): as the prop's. */
export const clientCertificateCheck: ArgumentCheck = (owner, property, value, resource) => {
  validateClientCertificateId(owner, property, value);
  const [error] = typeof value === 'string' ? arnRegionErrors(owner, property, value, resource, CERTIFICATE, NOT_FOUND) : [];
  if (error !== undefined) {
    throw new Error(error);
  }
};

/**
 * Checks a stage's `clientCertificateId`: an id, not an ARN, and, when it is a client certificate of
 * the app, made in the stage's account and region (`stage`'s), where API Gateway looks for it.
 */
export function checkClientCertificateId(owner: IConstruct, property: string, value: string | undefined, stage: TerraformResource): void {
  if (value === undefined) {
    return;
  }
  validateClientCertificateId(owner, property, value);
  checkArnInRegionOf(owner, property, value, stage, CERTIFICATE, NOT_FOUND);
}
