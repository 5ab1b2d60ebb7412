import { TerraformResource, TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { checkArnInRegionOf } from '../common/arn-region';
import { stageReadsOf } from '../common/stage-references';
import { addValidationWhenCommitted } from '../core/abandoned';
import { AppIndex } from '../core/app-index';
import { configuredArgument } from '../core/configured';
import { invalidProperty } from '../core/errors';
import { heldByLocal } from '../core/locals';
import { ownerOfResource } from '../core/owned-resources';
import { referenceOf } from '../core/resolve';

/** An AWS WAF (wafv2) web ACL's ARN: its region, account, scope (`regional`, or `global` for CloudFront), name and id. */
const WEB_ACL_ARN = /^arn:aws[a-z-]*:wafv2:([a-z0-9-]+):(\d{12}):(regional|global)\/webacl\/[^/]+\/[^/]+$/;

const EXPECTED = 'the ARN of an AWS WAF web ACL of REGIONAL scope, arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>';

/**
 * Fails on a literal `webAclArn` that no stage can be associated with: not a wafv2 web ACL's ARN (a
 * WAF Classic ACL, `waf-regional`, which aws_wafv2_web_acl_association cannot associate), or one of
 * CloudFront scope (`global/`); and, when the app is validated, one of another region than the stage
 * (`association`'s), where AWS finds no such web ACL.
 */
export function validateWebAclArn(owner: IConstruct, property: string, arn: string, association: TerraformResource): void {
  if (Token.isUnresolved(arn)) {
    // A web ACL of the app, given by its arn: in the stage's account and region, and not of CloudFront scope.
    checkArnInRegionOf(owner, property, arn, association, 'a web ACL', "the stage's association finds no such web ACL: WAFNonexistentItemException");
    checkWebAclScope(owner, property, arn);
    return;
  }
  const parts = WEB_ACL_ARN.exec(arn);
  if (parts === null) {
    throw invalidProperty(owner, property, arn, `${EXPECTED} (a WAF Classic ACL, waf-regional, cannot be associated with a stage by the provider's `
      + 'aws_wafv2_web_acl_association: move it to AWS WAF)');
  }
  if (parts[3] === 'global') {
    throw invalidProperty(owner, property, arn, `${EXPECTED}: a web ACL of CLOUDFRONT scope (global/) protects CloudFront distributions, not API stages`);
  }
  checkArnInRegionOf(owner, property, arn, association, 'a web ACL', "the stage's association finds no such web ACL: WAFNonexistentItemException");
}

/** Fails, when the app is validated, on the `arn` of a web ACL of the app (a resource or a data source) whose literal scope is CLOUDFRONT. */
function checkWebAclScope(owner: IConstruct, property: string, arn: string): void {
  const reference = referenceOf(heldByLocal(arn) ?? arn);
  const parts = reference === undefined ? null : /^(data\.)?aws_wafv2_web_acl\.([\w-]+)\.arn$/.exec(reference.identifier);
  if (parts === null) {
    return;
  }
  addValidationWhenCommitted(owner, {
    validate: () => {
      const acl = AppIndex.of(owner).elementNamed(parts[1] !== undefined, 'aws_wafv2_web_acl', reference!.stack, parts[2]);
      const scope = (acl as { scopeInput?: unknown } | undefined)?.scopeInput;
      return scope !== 'CLOUDFRONT' ? [] : [invalidProperty(owner, property, arn, `${EXPECTED}: '${acl!.node.path}' is of CLOUDFRONT scope, `
        + 'which protects CloudFront distributions, not API stages').message];
    },
  });
}

/**
 * Fails, when the app is validated, on `aws_wafv2_web_acl_association` written by hand for `stage` (its
 * `resource_arn` reads the stage's `arn`) beside the one the construct makes: a stage has one web ACL, and
 * each apply would flip the two. `property`: the prop that made it; `accessor`: the construct's association as the user reaches it, for `moveFromId`.
 */
export function checkAssociationsWrittenByHand(owner: IConstruct, stage: TerraformResource, property: string, accessor: string): void {
  addValidationWhenCommitted(owner, {
    validate: () => {
      const key = `${TerraformStack.of(stage).node.path}:${stage.terraformResourceType}.${stage.friendlyUniqueId}`;
      return (associationsByStage(AppIndex.of(stage)).get(key) ?? []).map((written) => {
        const address = `${written.terraformResourceType}.${written.friendlyUniqueId}`;
        const adopt = TerraformStack.of(written) === TerraformStack.of(stage)
          ? `remove it from the program and call moveFromId('${address}') on ${accessor}, so that Terraform moves it there`
          : `remove it from the program (it is in the stack '${TerraformStack.of(written).node.path}')`;
        return invalidProperty(owner, property, `'${written.node.path}' (${address}, written by hand)`,
          'one web ACL association for the stage: a stage has one web ACL, and each apply would flip the two; give the web ACL in webAclArn only, and '
          + `${adopt}`).message;
      });
    },
  });
}

/** The app's web ACL associations written by hand whose `resource_arn` reads a REST stage's `arn`, by the stage (`<stack path>:<address>`). */
function associationsByStage(index: AppIndex): ReadonlyMap<string, readonly TerraformResource[]> {
  return index.appMemo(ASSOCIATIONS, () => {
    const byStage = new Map<string, TerraformResource[]>();
    for (const association of index.resourcesOfType('aws_wafv2_web_acl_association').filter((resource) => ownerOfResource(resource) === undefined)) {
      const arn = configuredArgument(association, 'resource_arn');
      // The stage's arn read (through locals, across stacks), or written as raw text in the association's stack.
      const stage = (typeof arn === 'string' ? stageReadsOf(association, arn, true) : [])
        .find((read) => read.attribute === 'arn' && read.key.includes(':aws_api_gateway_stage.'));
      if (stage !== undefined) {
        byStage.set(stage.key, [...byStage.get(stage.key) ?? [], association]);
      }
    }
    return byStage;
  });
}

const ASSOCIATIONS = Symbol('web ACL associations written by hand, by stage');
