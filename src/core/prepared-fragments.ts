import { TerraformElement } from 'cdktf';
import { AppIndex } from './app-index';

/**
 * The fragments (`toTerraform()`) the elements of an app rendered in the prepare pass of the synth
 * running now, for what checks them at validation (an owned resource's guarantees): within
 * `App.synth()` nothing changes an element between its stack's prepare pass and its validation but
 * what drops its fragment here (a dependency its construct adds then), so rendering it a second
 * time would only repeat the work. A fragment counts only within the index of the pass that kept it.
 */
const FRAGMENTS = new WeakMap<TerraformElement, { readonly index: AppIndex; readonly fragment: unknown }>();

/** Keeps what `element` rendered while its stack was being prepared. */
export function keepPreparedFragment(index: AppIndex, element: TerraformElement, fragment: unknown): void {
  FRAGMENTS.set(element, { index, fragment });
}

/** Drops what `element` rendered while prepared: it changed since. */
export function forgetPreparedFragment(element: TerraformElement): void {
  FRAGMENTS.delete(element);
}

/**
 * What `element` rendered in the prepare pass of the synth running now, handed out once (its
 * validation reads it); undefined outside such a synth (`Testing.synth`).
 */
export function takePreparedFragment(element: TerraformElement): unknown {
  const kept = FRAGMENTS.get(element);
  FRAGMENTS.delete(element);
  return kept !== undefined && kept.index === AppIndex.of(element) ? kept.fragment : undefined;
}
