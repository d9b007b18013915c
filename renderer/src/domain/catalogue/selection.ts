import { catalogueMessages as m } from './messages';
import type { Bundle, BundleCode, Catalogue, IntakeQuestion, Matter, MatterCode } from './schema';

/** What the clerk picked at intake: a bundle (一件事) or matters one by one. */
export type CatalogueSelection =
  | { kind: 'bundle'; bundleCode: BundleCode }
  | { kind: 'matters'; matterCodes: readonly MatterCode[] };

export type ResolvedSelection =
  | { ok: true; bundle: Bundle | null; matters: readonly Matter[] }
  | { ok: false; message: string };

/**
 * The matters a selection stands for, in the bundle's (or the clerk's) order. A code the catalogue no
 * longer has is refused with a message, since a case may be reopened after HQ updated the catalogue.
 */
export function resolveSelection(catalogue: Catalogue, selection: CatalogueSelection): ResolvedSelection {
  let bundle: Bundle | null = null;
  let codes: readonly MatterCode[];
  if (selection.kind === 'bundle') {
    bundle = catalogue.bundles.find((candidate) => candidate.code === selection.bundleCode) ?? null;
    if (bundle === null) return { ok: false, message: m.unknownBundle(selection.bundleCode) };
    codes = bundle.matterCodes;
  } else {
    codes = selection.matterCodes;
    if (codes.length === 0) return { ok: false, message: m.emptySelection };
  }

  const matters: Matter[] = [];
  for (const code of codes) {
    const matter = catalogue.matters.find((candidate) => candidate.code === code);
    if (matter === undefined) return { ok: false, message: m.unknownMatter(code) };
    if (matters.includes(matter)) return { ok: false, message: m.duplicateSelection(code) };
    matters.push(matter);
  }
  return { ok: true, bundle, matters };
}

/**
 * The questions to ask at intake for these matters, each once, in order of first appearance. The
 * catalogue guarantees that matters sharing a question id define it alike.
 */
export function intakeQuestionsFor(matters: readonly Matter[]): IntakeQuestion[] {
  const byId = new Map<string, IntakeQuestion>();
  for (const matter of matters) {
    for (const question of matter.questions) {
      if (!byId.has(question.id)) byId.set(question.id, question);
    }
  }
  return [...byId.values()];
}
