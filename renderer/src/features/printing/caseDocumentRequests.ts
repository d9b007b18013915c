import { currentItems } from '../../data/caseChecklist';
import type { IssuingAgency } from '../../data/issuingAgency';
import type { CaseRow, ChecklistItemRow } from '../../data/records';
import type { DocumentRequestInput } from '../../documents/schemas';
import type { CaseDocumentKind } from '../../domain/cases/caseDocuments';
import type { CaseEvent } from '../../domain/cases/caseEvents';
import { commitmentStatement, defaultCommitmentCheckDays } from '../../domain/cases/commitments';
import { materialFormLabels } from '../../domain/catalogue/messages';
import type { Catalogue, MaterialForm } from '../../domain/catalogue/schema';
import { formatPhone } from '../../domain/phone';
import type { DocumentNumber } from '../../domain/documentNumber';
import type { Person } from '../../domain/cases/parties';
import { printingMessages } from './messages';

const m = printingMessages.caseRequest;

/** Everything a case decision's document is drawn from, read by the caller from the desk's records. */
export interface CaseDocumentSources {
  row: CaseRow;
  items: readonly ChecklistItemRow[];
  catalogue: Catalogue;
  agency: IssuingAgency;
  /** Who made the decision (the receipt's 收件人). */
  clerkName: string;
  /** The 专员 of a green-card enterprise (from the green-card list), printed on its receipts; null otherwise. */
  greenCardLiaison?: { name: string; phone: string } | null;
}

export type CaseRequestResult = { ok: true; request: DocumentRequestInput } | { ok: false; message: string };

/**
 * Whom a notice is addressed to: the applicant by name (never the agent, who acts for them), with the
 * enterprise they apply for in brackets, named as to be founded while it has no USCC yet.
 */
function addressee(row: CaseRow): string {
  const { name, uscc } = row.enterprise;
  return uscc === null ? m.foundingAddressee(row.applicant.name, name) : m.addressee(row.applicant.name, name);
}

/** The case's matters as documents print them (a code the catalogue no longer has is printed as it is). */
export function documentMatters(row: CaseRow, catalogue: Catalogue) {
  return row.matterCodes.map((code) => {
    const matter = catalogue.matters.find((candidate) => candidate.code === code);
    return matter === undefined
      ? { code, name: code, department: m.unknownDepartment, promisedDays: row.state.promisedWorkingDays }
      : { code, name: matter.name, department: matter.department, promisedDays: matter.promisedLimitDays };
  });
}

const formLabel = (form: MaterialForm) => materialFormLabels[form];

const personOn = (person: Person) => ({ name: person.name, phone: person.phone === null ? m.noPhone : formatPhone(person.phone) });

/** The facts both receipts state: the enterprise, the applicant and any agent, the window and clerk. */
function receiptParties(sources: CaseDocumentSources) {
  const { row, agency } = sources;
  return {
    enterpriseName: row.enterprise.name,
    applicant: personOn(row.applicant),
    agent: row.agent === null ? null : personOn(row.agent),
    window: agency.windowName,
    clerkName: sources.clerkName,
    // Set as the applicant's number is, so the two read alike on the receipt.
    greenCardLiaison: sources.greenCardLiaison == null ? null : { name: sources.greenCardLiaison.name, phone: formatPhone(sources.greenCardLiaison.phone) },
  };
}

/** A material as a receipt lists what was handed in: its name, the form, copies and pages recorded. */
function receivedOn(item: ChecklistItemRow) {
  return {
    name: item.item.name,
    form: formLabel(item.form ?? item.item.form),
    copies: Math.max(1, item.copies),
    ...(item.pages > 0 ? { pages: item.pages } : {}),
  };
}

function noticeBase(sources: CaseDocumentSources, documentNumber: DocumentNumber, issuedAt: string) {
  const { row, catalogue, agency } = sources;
  return {
    documentNumber,
    caseNumber: row.caseNumber,
    issuedAt,
    catalogueVersion: row.catalogueVersion,
    agency: { name: agency.name, hallName: agency.hallName, address: agency.address, phone: agency.phone },
    applicantName: addressee(row),
    matters: documentMatters(row, catalogue),
  };
}

/** The acceptance the case carries from its 受理 on (every later status keeps it). */
export function acceptanceOf(row: CaseRow) {
  const status = row.state.status;
  return 'acceptance' in status && status.acceptance !== null ? status.acceptance : null;
}

/**
 * The template request for a document a case decision asked for (the event at `eventSeq`), drawn with
 * the 文号 it will be archived under. Refused, with the reason, when the case does not hold what the
 * document must say (e.g. a receipt with no material received).
 */
export function caseDocumentRequest(
  kind: CaseDocumentKind,
  eventSeq: number,
  sources: CaseDocumentSources,
  documentNumber: DocumentNumber,
  issuedAt: string,
): CaseRequestResult {
  const { row, agency } = sources;
  const event: CaseEvent | undefined = row.state.timeline.find((candidate) => candidate.seq === eventSeq);
  if (event === undefined || !('documents' in event) || !event.documents.some((document) => document.kind === kind)) {
    return { ok: false, message: m.notRequested };
  }
  const base = noticeBase(sources, documentNumber, issuedAt);
  const acceptance = acceptanceOf(row);
  const items = currentItems(sources.items);
  switch (kind) {
    case 'receipt': {
      if (acceptance === null) return { ok: false, message: m.nothingReceived };
      // What the acceptance deferred was not received then, even once it has been brought in (补交 has its own receipt).
      const deferred = acceptance.deferral?.materials ?? [];
      const received = items.filter((item) => item.status === 'received' && !deferred.some((material) => material.materialKey === item.key));
      if (received.length === 0) return { ok: false, message: m.nothingReceived };
      return {
        ok: true,
        request: {
          kind: 'receipt',
          ...base,
          issuedAt: event.at,
          ...receiptParties(sources),
          materials: received.map(receivedOn),
          deferred: deferred.map(({ name, deadline }) => ({ name, deadline })),
          dueDate: acceptance.dueDate,
        },
      };
    }
    case 'supplementaryReceipt': {
      if (event.type !== 'deferredMaterialsReceived' || acceptance === null) return { ok: false, message: m.notRequested };
      const brought = event.materials.flatMap((material) => {
        const item = items.find((candidate) => candidate.key === material.materialKey);
        return item === undefined ? [] : [{ ...receivedOn(item), name: material.name, deadline: material.deadline, late: material.late }];
      });
      if (brought.length === 0) return { ok: false, message: m.nothingReceived };
      // Owed after this 补交: what later entries of the timeline brought in is not owed on this receipt either.
      const broughtBy = new Set(
        row.state.timeline.flatMap((entry) => (entry.type === 'deferredMaterialsReceived' && entry.seq <= event.seq ? entry.materials.map((material) => material.materialKey) : [])),
      );
      const outstanding = (acceptance.deferral?.materials ?? []).filter((material) => !broughtBy.has(material.materialKey));
      return {
        ok: true,
        request: {
          kind: 'supplementaryReceipt',
          ...base,
          issuedAt: event.at,
          ...receiptParties(sources),
          acceptedAt: acceptance.acceptedAt,
          materials: brought,
          outstanding: outstanding.map(({ name, deadline }) => ({ name, deadline })),
          dueDate: acceptance.dueDate,
        },
      };
    }
    case 'acceptanceNotice':
      if (acceptance === null) return { ok: false, message: m.notAccepted };
      return { ok: true, request: { kind: 'acceptanceNotice', ...base, submittedAt: row.createdAt, dueDate: acceptance.dueDate } };
    case 'deferralAcceptanceNotice': {
      if (acceptance === null || acceptance.deferral === null) return { ok: false, message: m.notAccepted };
      const deferredItems = acceptance.deferral.materials.map((material) => {
        const item = items.find((candidate) => candidate.key === material.materialKey);
        const requirement = item === undefined ? m.deferredRequirementPlain : m.deferredRequirement(formLabel(item.item.form), item.item.copies);
        return { material: material.name, requirement, deadline: material.deadline };
      });
      return {
        ok: true,
        request: { kind: 'deferredAcceptanceNotice', ...base, submittedAt: row.createdAt, dueDate: acceptance.dueDate, undertaking: acceptance.deferral.undertaking, deferredItems },
      };
    }
    case 'correctionNotice': {
      if (event.type !== 'correctionNoticeIssued') return { ok: false, message: m.notRequested };
      const noticeItems = event.items.map((listed) => {
        const item = items.find((candidate) => candidate.key === listed.materialKey);
        const requirement = listed.problem ?? (item === undefined ? m.missingPlain : m.missing(formLabel(item.item.form), item.item.copies));
        const legalBasis = item !== undefined && item.item.legalBasis.length > 0 ? item.item.legalBasis.join('；') : m.correctionBasis;
        return { material: listed.name, requirement, legalBasis };
      });
      return { ok: true, request: { kind: 'correctionNotice', ...base, submittedAt: row.createdAt, items: noticeItems } };
    }
    case 'refusalNotice':
      if (event.type !== 'refused') return { ok: false, message: m.notRequested };
      return {
        ok: true,
        request: {
          kind: 'rejectionNotice',
          ...base,
          submittedAt: row.createdAt,
          reasons: [{ reason: event.reason, legalBasis: m.refusalBasis }],
          appeal: { reviewBody: agency.reviewBody, court: agency.court },
        },
      };
    case 'denialDecision':
      return { ok: false, message: m.noTemplate };
  }
}

/**
 * The 告知承诺书 for the items marked 承诺: each with the statement the applicant signs, the 核查 period (the
 * shortest of the items') and, once the case is accepted, its last day (`dueDateOf`). Refused when no item is.
 */
export function commitmentLetterRequest(
  sources: CaseDocumentSources,
  documentNumber: DocumentNumber,
  issuedAt: string,
  dueDateOf: (days: number) => string | null,
): CaseRequestResult {
  const committed = currentItems(sources.items).filter((item) => item.status === 'committed');
  if (committed.length === 0) return { ok: false, message: m.nothingCommitted };
  const days = Math.min(...committed.map((item) => item.item.commitmentCheckDays ?? defaultCommitmentCheckDays));
  return {
    ok: true,
    request: {
      kind: 'commitmentLetter',
      ...noticeBase(sources, documentNumber, issuedAt),
      items: committed.map((item) => ({ material: item.item.name, statement: commitmentStatement(item.item.name) })),
      check: { days, dueDate: dueDateOf(days) },
      clerkName: sources.clerkName,
    },
  };
}
