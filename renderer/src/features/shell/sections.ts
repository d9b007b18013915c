import { shellMessages } from './messages';

export const sectionIds = ['intake', 'cases', 'issuance', 'day-close', 'settings', 'ledger', 'figures'] as const;
export type SectionId = (typeof sectionIds)[number];

export const sectionLabels: Record<SectionId, string> = {
  intake: shellMessages.sections.intake,
  cases: shellMessages.sections.cases,
  issuance: shellMessages.sections.issuance,
  'day-close': shellMessages.sections.dayClose,
  settings: shellMessages.sections.settings,
  ledger: shellMessages.sections.ledger,
  figures: shellMessages.sections.figures,
};

/**
 * The digit of each screen's Alt shortcut. Fixed per screen rather than its place in the list, so a clerk's
 * habits (and 设置 on Alt+5) survive a new screen; 6 is kept free.
 */
export const sectionShortcuts: Readonly<Record<SectionId, string>> = {
  intake: '1',
  cases: '2',
  issuance: '3',
  'day-close': '4',
  settings: '5',
  ledger: '7',
  figures: '8',
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
