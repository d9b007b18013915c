import type { Catalogue, MatterCode } from '../../domain/catalogue/schema';
import type { CatalogueSearchTarget } from '../../domain/catalogue/search';
import type { CatalogueSelection } from '../../domain/catalogue/selection';

/**
 * How picking in the matter box changes what is selected. A bundle (一件事) replaces everything, since it
 * stands for a whole set of matters. A single matter is added to the matters picked so far; added to a
 * bundle it opens the bundle into its matters plus the new one, so nothing the clerk already chose is lost.
 * Picking something already selected changes nothing.
 */
export function pickTarget(catalogue: Catalogue, current: CatalogueSelection | null, target: CatalogueSearchTarget): CatalogueSelection {
  if (target.kind === 'bundle') return { kind: 'bundle', bundleCode: target.code };
  const codes = selectedMatterCodes(catalogue, current);
  return codes.includes(target.code) ? (current ?? { kind: 'matters', matterCodes: codes }) : { kind: 'matters', matterCodes: [...codes, target.code] };
}

/** Removes a matter, or the whole bundle; null when nothing is left. */
export function removeFromSelection(current: CatalogueSelection, code: string): CatalogueSelection | null {
  if (current.kind === 'bundle') return current.bundleCode === code ? null : current;
  const matterCodes = current.matterCodes.filter((candidate) => candidate !== code);
  return matterCodes.length === 0 ? null : { kind: 'matters', matterCodes };
}

/** The last thing picked, for Backspace in an empty box. */
export function removeLast(current: CatalogueSelection): CatalogueSelection | null {
  if (current.kind === 'bundle') return null;
  const last = current.matterCodes.at(-1);
  return last === undefined ? null : removeFromSelection(current, last);
}

export function selectedMatterCodes(catalogue: Catalogue, selection: CatalogueSelection | null): MatterCode[] {
  if (selection === null) return [];
  if (selection.kind === 'matters') return [...selection.matterCodes];
  return [...(catalogue.bundles.find((bundle) => bundle.code === selection.bundleCode)?.matterCodes ?? [])];
}
