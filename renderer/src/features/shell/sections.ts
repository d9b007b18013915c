import { shellMessages } from './messages';

export const sectionIds = ['intake', 'cases', 'issuance', 'day-close', 'settings'] as const;
export type SectionId = (typeof sectionIds)[number];

export const sectionLabels: Record<SectionId, string> = {
  intake: shellMessages.sections.intake,
  cases: shellMessages.sections.cases,
  issuance: shellMessages.sections.issuance,
  'day-close': shellMessages.sections.dayClose,
  settings: shellMessages.sections.settings,
};

/** The screen an address names: `#/settings`, or a part of one (`#/settings/printing`). */
export function sectionFromHash(hash: string): SectionId {
  const id = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return (sectionIds as readonly string[]).includes(id) ? (id as SectionId) : 'intake';
}

/** The part of a screen an address names after the screen (`#/settings/printing` → `printing`), or null. */
export function partFromHash(hash: string): string | null {
  const part = hash.replace(/^#\/?/, '').split('/')[1];
  return part === undefined || part === '' ? null : part;
}
