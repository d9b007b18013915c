import type { AnswerValue, IntakeAnswers } from '../catalogue/answers';
import type { Checklist } from '../catalogue/checklist';
import type { CatalogueSelection } from '../catalogue/selection';
import type { ChecklistItemRef, IntakeCorrectionField } from './caseEvents';

/**
 * What a correction of the intake changed, worked out from the case before and after it: the fields the
 * timeline and the audit log name, and how the checklist moved. Pure.
 */

/** A person on a case (applicant or agent), as far as a correction tells the fields apart. */
interface PartyFields {
  name: string;
  idKind: string;
  idNumber: string;
  phone: string | null;
}

/** The intake of a case as the comparison reads it; a stored case carries every one of these fields. */
export interface IntakeFields {
  queueTicket: string | null;
  bundleCode: string | null;
  matterCodes: readonly string[];
  /** The enterprise chosen; null when the case's enterprise is not in the hall's register. */
  enterpriseId: string | null;
  enterprise: { name: string; uscc: string | null; address: string | null };
  applicant: PartyFields;
  agent: PartyFields | null;
  agentAuthorisation: string | null;
  /** Absent on cases taken in before these were asked, which is the same as none. */
  legalRepresentative?: (PartyFields & { nationality?: string | undefined }) | null | undefined;
  shareholders?: readonly (Omit<PartyFields, 'phone'> & { nationality?: string | undefined })[] | undefined;
  answers: IntakeAnswers;
}

function canonicalAnswer(value: AnswerValue): AnswerValue {
  // The order options were ticked in says nothing: ['company', 'natural_person'] is the same answer.
  return Array.isArray(value) ? [...value].sort() : value;
}

/** Answers compared as the clerk means them: the order of questions and of ticked options does not matter. */
export function sameAnswers(a: IntakeAnswers, b: IntakeAnswers): boolean {
  const canonical = (answers: IntakeAnswers) =>
    JSON.stringify(
      Object.entries(answers)
        .filter((entry): entry is [string, AnswerValue] => entry[1] !== undefined)
        .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
        .map(([id, value]) => [id, canonicalAnswer(value)]),
    );
  return canonical(a) === canonical(b);
}

export function sameSelection(a: CatalogueSelection, b: CatalogueSelection): boolean {
  if (a.kind === 'bundle' || b.kind === 'bundle') return a.kind === b.kind && JSON.stringify(a) === JSON.stringify(b);
  return a.matterCodes.length === b.matterCodes.length && a.matterCodes.every((code, index) => b.matterCodes[index] === code);
}

function partyFields(who: 'applicant' | 'agent', before: PartyFields, after: PartyFields): IntakeCorrectionField[] {
  const fields: IntakeCorrectionField[] = [];
  if (before.name !== after.name) fields.push(`${who}.name`);
  if (before.idKind !== after.idKind || before.idNumber !== after.idNumber) fields.push(`${who}.idNumber`);
  if (before.phone !== after.phone) fields.push(`${who}.phone`);
  return fields;
}

/** The intake fields that differ between two versions of a case, in the order the intake form shows them. */
export function correctedFields(before: IntakeFields, after: IntakeFields): IntakeCorrectionField[] {
  const fields: IntakeCorrectionField[] = [];
  if (before.queueTicket !== after.queueTicket) fields.push('queueTicket');
  if (before.bundleCode !== after.bundleCode || before.matterCodes.join() !== after.matterCodes.join()) fields.push('matters');
  if (before.enterpriseId !== after.enterpriseId) fields.push('enterprise');
  else {
    if (before.enterprise.name !== after.enterprise.name) fields.push('enterprise.name');
    if (before.enterprise.uscc !== after.enterprise.uscc) fields.push('enterprise.uscc');
    if (before.enterprise.address !== after.enterprise.address) fields.push('enterprise.address');
  }
  fields.push(...partyFields('applicant', before.applicant, after.applicant));
  if ((before.agent === null) !== (after.agent === null)) fields.push('agent');
  else if (before.agent !== null && after.agent !== null) {
    fields.push(...partyFields('agent', before.agent, after.agent));
    if (before.agentAuthorisation !== after.agentAuthorisation) fields.push('agent.authorisation');
  }
  // Named whole: the company's people are corrected together, on the form's one section.
  if (JSON.stringify(before.legalRepresentative ?? null) !== JSON.stringify(after.legalRepresentative ?? null)) fields.push('legalRepresentative');
  if (JSON.stringify(before.shareholders ?? []) !== JSON.stringify(after.shareholders ?? [])) fields.push('shareholders');
  if (!sameAnswers(before.answers, after.answers)) fields.push('answers');
  return fields;
}

export interface ChecklistDelta {
  /** Items the new checklist holds and the old one did not, in the new checklist's order. */
  addedItems: ChecklistItemRef[];
  /** Items the old checklist held and the new one does not, in the old checklist's order. */
  droppedItems: ChecklistItemRef[];
}

/** How the checklist moved; with no old checklist (its matters unknown to the catalogue) nothing is compared. */
export function checklistDelta(before: Checklist | null, after: Checklist): ChecklistDelta {
  if (before === null) return { addedItems: [], droppedItems: [] };
  const ref = (item: Checklist['items'][number]): ChecklistItemRef => ({ materialKey: item.key, name: item.name });
  const beforeKeys = new Set(before.items.map((item) => item.key));
  const afterKeys = new Set(after.items.map((item) => item.key));
  return {
    addedItems: after.items.filter((item) => !beforeKeys.has(item.key)).map(ref),
    droppedItems: before.items.filter((item) => !afterKeys.has(item.key)).map(ref),
  };
}
