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

export function sectionFromHash(hash: string): SectionId {
  const id = hash.replace(/^#\/?/, '');
  return (sectionIds as readonly string[]).includes(id) ? (id as SectionId) : 'intake';
}
