import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { RESOURCE_IDS_TRIGGER_KEY } from './trigger-entries';
import { refuseCollection } from '../core/collections';
import { invalidProperty } from '../core/errors';
import { tokenOfAnotherKind } from '../core/struct-check';
import { hasUnknownInterpolation } from '../core/template-text';

/**
 * The user's own trigger entries of one deployment construct: given in `triggers`, added with
 * `addTrigger`, or set through the deployment resource's escape hatches. A key is a literal (the
 * plan shows it); a value is a string, a token included (cdktf resolves it with the block).
 */
export class UserTriggers {
  /** The entries, in the order given. */
  public readonly entries = new Map<string, string>();

  /**
   * @param owner the construct errors name
   * @param reservedKey a key the engine uses itself (its render-time placeholder)
   */
  constructor(private readonly owner: IConstruct, private readonly reservedKey: string) {}

  /**
   * Adds an entry: changing its value redeploys the API.
   *
   * @param property how errors name the entry: `triggers.<key>`
   */
  public add(key: string, value: string, property = `triggers.${key}`): void {
    this.validate(property, key, value);
    if (this.entries.has(key)) {
      throw invalidProperty(this.owner, property, value, 'a key not given before');
    }
    this.entries.set(key, value);
  }

  /** Sets (or, with `undefined`, removes) an entry, replacing one of the same key: an override of the deployment's `triggers.<key>`. */
  public override(key: string, value: string | undefined, property: string): void {
    if (value === undefined || value === null) {
      this.entries.delete(key);
      return;
    }
    this.validate(property, key, value);
    this.entries.set(key, value);
  }

  /** Replaces every entry (the automatic ones stay): the deployment's `triggers` set whole. */
  public replace(entries: { [key: string]: string } | undefined, property: string): void {
    if (entries !== undefined && entries !== null && (typeof entries !== 'object' || Array.isArray(entries) || Token.isUnresolved(entries))) {
      throw invalidProperty(this.owner, property, entries,
        'a map of literal keys to strings (your own entries; the automatic ones stay), e.g. { release: "2026-12-01" }');
    }
    const replaced = new Map(this.entries);
    this.entries.clear();
    try {
      Object.entries(entries ?? {}).forEach(([key, value]) => this.add(key, value, `${property}.${key}`));
    } catch (error) {
      this.entries.clear();
      replaced.forEach((value, key) => this.entries.set(key, value));
      throw error;
    }
  }

  /** Fails unless the key is a literal other than the reserved ones, and the value a string. */
  private validate(property: string, key: string, value: unknown): void {
    if (typeof key !== 'string' || Token.isUnresolved(key)) {
      throw invalidProperty(this.owner, property, key, 'a literal key (never a token: Terraform shows the key in the plan)');
    }
    if (key === '__proto__') {
      throw invalidProperty(this.owner, property, value,
        'a key other than "__proto__": cdktf renders a map by assigning its keys to a JavaScript object, where this one sets the prototype, and the entry would be dropped');
    }
    if (key === RESOURCE_IDS_TRIGGER_KEY || key === this.reservedKey) {
      throw invalidProperty(this.owner, property, value,
        `a key other than "${key}", which ${key === RESOURCE_IDS_TRIGGER_KEY ? "holds the automatic entry over the API resources' ids" : 'the library uses itself'}`);
    }
    if (typeof value !== 'string') {
      throw invalidProperty(this.owner, property, value,
        `a string (a literal, or a token such as a variable's stringValue or Fn.sha1(...))${tokenOfAnotherKind(value, 'string')}`);
    }
    refuseCollection(this.owner, property, value, 'a string');
    // `${...}` written as text is a Terraform interpolation cdktf passes on as it is: in a key, or of no reference Terraform has
    // (`${foo}`), terraform validate refuses it; `${var.release}`, `${terraform.workspace}` are the user's to write.
    const interpolated = hasUnknownInterpolation(key, true) ? key : hasUnknownInterpolation(value, false) ? value : undefined;
    if (interpolated !== undefined) {
      throw invalidProperty(this.owner, property, interpolated, 'no "${...}" text: give a Terraform expression as a token (a variable\'s stringValue, '
        + 'Fn.sha1(...), a resource\'s attribute), or write "$${...}" for the text itself');
    }
  }
}
