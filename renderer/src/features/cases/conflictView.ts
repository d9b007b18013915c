import type { CaseConflict, CaseRow, DocumentRow } from '../../data/records';
import { caseDocumentLabels } from '../../domain/cases/caseDocuments';
import { caseEventLabels } from '../../domain/cases/caseEvents';
import { caseFieldLabels, casePatchSchema, type CaseField, type CasePatch, type FieldAuthor } from '../../domain/cases/caseRecord';
import { caseStatusLabels } from '../../domain/cases/caseStatus';
import { documentText } from '../../domain/cases/parties';
import { isCounterDecision, standingDecision, supersededDecisionOf } from '../../domain/cases/standingDecision';
import type { Catalogue } from '../../domain/catalogue/schema';
import { formatChineseDateTime } from '../../domain/chineseDate';
import { bundleName, matterNames } from './CaseSummary';
import { casesMessages } from './messages';

const m = casesMessages.conflicts;

/** One side of a mark: the value, and which window and clerk set it when (null when not known yet). */
export interface ConflictSide {
  value: string;
  who: string;
  at: string | null;
}

/** A field where HQ kept another value than this window's, as the case page shows it. */
export interface ConflictView {
  field: CaseField;
  label: string;
  standing: ConflictSide;
  kept: ConflictSide;
  /** What the clerk of this window is to do about it. */
  instruction: string;
  /** How the case goes on from here, when this window's lost decision leaves something to pick up. */
  nextStep: string | null;
}

export interface ConflictContext {
  /** This desk's window code, or null when the desk has none set. */
  deskCode: string | null;
  clerkNames: ReadonlyMap<string, string>;
  /** The case's archived documents on this desk. */
  documents: readonly DocumentRow[];
  catalogue: Catalogue;
}

/** A field's value in words: states by their Chinese names, people and enterprises by name, matters by title. */
export function describeFieldValue(field: CaseField, value: unknown, catalogue: Catalogue): string {
  if (value === undefined) return m.notKnownYet;
  const parsed = casePatchSchema.safeParse({ [field]: value });
  if (!parsed.success) return m.unreadable;
  const patch: CasePatch = parsed.data;
  switch (field) {
    case 'status':
      return patch.status === undefined ? m.unreadable : caseStatusLabels[patch.status.code];
    case 'enterprise':
      return patch.enterprise === undefined ? m.unreadable : [patch.enterprise.name, patch.enterprise.uscc].filter((part) => part !== null).join(' · ');
    case 'applicant':
    case 'agent':
    case 'legalRepresentative': {
      const person = patch[field];
      return person === undefined ? m.unreadable : person === null ? m.none : `${person.name} · ${documentText(person)}`;
    }
    case 'matterCodes':
      return matterNames(catalogue, patch.matterCodes ?? []).join('、');
    case 'bundleCode':
      return bundleName(catalogue, patch.bundleCode ?? null) ?? m.none;
    case 'answers':
      return m.answers(Object.keys(patch.answers ?? {}).length);
    case 'visits':
      return m.visits(patch.visits ?? 0);
    case 'createdAt':
      return patch.createdAt === undefined ? m.unreadable : formatChineseDateTime(patch.createdAt);
    case 'queueTicket':
      return patch.queueTicket ?? m.none;
    case 'queueService': {
      const service = patch.queueService;
      if (service === undefined || service === null) return m.none;
      return m.queueService(formatChineseDateTime(service.calledAt), service.finishedAt === null ? null : formatChineseDateTime(service.finishedAt));
    }
    case 'licenceCopies':
      return m.licenceCopies(patch.licenceCopies ?? 1);
    case 'shareholders': {
      const shareholders = patch.shareholders ?? [];
      return shareholders.length === 0 ? m.none : shareholders.map((person) => `${person.name} · ${documentText(person)}`).join('；');
    }
    case 'caseNumber':
    case 'catalogueVersion':
      return String(patch[field]);
  }
}

function windowName(deskCode: string | null): string {
  return deskCode === null ? m.hq : m.window(deskCode);
}

/** Who set HQ's value: the window (or HQ) and the clerk by the name their desk sent, or by what this desk knows. */
function standingSide(conflict: CaseConflict, context: ConflictContext): Omit<ConflictSide, 'value'> {
  const author: FieldAuthor | undefined = conflict.hqBy;
  if (author === undefined) return { who: conflict.hqValue === undefined ? m.notKnownYet : m.hqUnnamed, at: null };
  const clerk = author.clerkName ?? (author.clerkId === undefined ? undefined : context.clerkNames.get(author.clerkId)) ?? m.unknownClerk;
  return { who: `${windowName(author.deskCode)} ${clerk}`, at: formatChineseDateTime(author.at) };
}

/** What the clerk whose change HQ did not take is to do: for a decision, about the documents printed for it. */
function instructionFor(row: CaseRow, conflict: CaseConflict, standing: Omit<ConflictSide, 'value'>, context: ConflictContext): string {
  const clerk = conflict.clerkId === undefined ? m.unknownClerk : (context.clerkNames.get(conflict.clerkId) ?? m.unknownClerk);
  if (conflict.field !== 'status') return m.fieldNotTaken(caseFieldLabels[conflict.field]);
  const stands = standingDecision(row.state);
  const standingText = m.standingDecision(
    standing.who,
    stands !== null && isCounterDecision(stands) ? caseEventLabels[stands.type] : caseStatusLabels[row.statusCode],
  );
  const lost = conflict.clerkId === undefined ? null : supersededDecisionOf(row.state, conflict.clerkId, conflict.at);
  if (lost === null) return m.statusNotTaken(clerk, standingText);
  // The documents the lost decision asked for that have a copy in this state (printed, or voided since).
  const names = (status: DocumentRow['status']) =>
    lost.documents
      .filter(({ kind }) => context.documents.some((document) => document.eventSeq === lost.seq && document.kind === kind && document.status === status))
      .map(({ kind }) => caseDocumentLabels[kind]);
  const printed = names('printed');
  if (printed.length > 0) return m.supersededPrinted(clerk, printed.join('、'), standingText);
  const voided = names('voided');
  if (voided.length > 0) return m.supersededVoided(clerk, voided.join('、'), standingText);
  return m.supersededUnprinted(clerk, caseEventLabels[lost.type], standingText);
}

/**
 * After a lost acceptance the case waits for correction, yet the materials this window received stay on
 * its checklist: the applicant need not bring them again, and the clerk accepts at the next visit.
 */
function nextStepFor(row: CaseRow, conflict: CaseConflict): string | null {
  if (conflict.field !== 'status' || conflict.clerkId === undefined || row.statusCode !== 'awaitingCorrection') return null;
  const lost = supersededDecisionOf(row.state, conflict.clerkId, conflict.at);
  return lost !== null && (lost.type === 'accepted' || lost.type === 'acceptedWithDeferral') ? m.acceptAtNextVisit : null;
}

/** The case's mark, field by field: HQ's standing value and this window's kept one, each with who and when. */
export function conflictViews(row: CaseRow, context: ConflictContext): ConflictView[] {
  return row.conflicts.map((conflict) => {
    const standing = standingSide(conflict, context);
    const keptBy = conflict.clerkId === undefined ? m.unknownClerk : (context.clerkNames.get(conflict.clerkId) ?? m.unknownClerk);
    return {
      field: conflict.field,
      label: caseFieldLabels[conflict.field],
      standing: { ...standing, value: describeFieldValue(conflict.field, conflict.hqValue, context.catalogue) },
      kept: { value: describeFieldValue(conflict.field, conflict.deskValue, context.catalogue), who: `${m.thisWindow(context.deskCode)} ${keptBy}`, at: formatChineseDateTime(conflict.at) },
      instruction: instructionFor(row, conflict, standing, context),
      nextStep: nextStepFor(row, conflict),
    };
  });
}
