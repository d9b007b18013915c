import { currentItems } from '../../data/caseChecklist';
import type { IssuingAgency } from '../../data/issuingAgency';
import type { CaseRow, ChecklistItemRow } from '../../data/records';
import type { DocumentRequestInput } from '../../documents/schemas';
import type { CaseDocumentKind } from '../../domain/cases/caseDocuments';
import type { CaseEvent } from '../../domain/cases/caseEvents';
import { materialFormLabels } from '../../domain/catalogue/messages';
import type { Catalogue, MaterialForm } from '../../domain/catalogue/schema';
import { formatPhone } from '../../domain/phone';
import type { DocumentNumber } from '../../domain/documentNumber';
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
}

export type CaseRequestResult = { ok: true; request: DocumentRequestInput } | { ok: false; message: string };

/** 申请人 on a notice: the enterprise, marked （筹） while it is still being founded (no USCC yet). */
function addressee(row: CaseRow): string {
  return row.enterprise.uscc === null ? `${row.enterprise.name}${m.founding}` : row.enterprise.name;
}

function matters(row: CaseRow, catalogue: Catalogue) {
  return row.matterCodes.map((code) => {
    const matter = catalogue.matters.find((candidate) => candidate.code === code);
    return matter === undefined
      ? { code, name: code, department: m.unknownDepartment, promisedDays: row.state.promisedWorkingDays }
      : { code, name: matter.name, department: matter.department, promisedDays: matter.promisedLimitDays };
  });
}

const formLabel = (form: MaterialForm) => materialFormLabels[form];

function noticeBase(sources: CaseDocumentSources, documentNumber: DocumentNumber, issuedAt: string) {
  const { row, catalogue, agency } = sources;
  return {
    documentNumber,
    caseNumber: row.caseNumber,
    issuedAt,
    catalogueVersion: row.catalogueVersion,
    agency: { name: agency.name, hallName: agency.hallName, address: agency.address, phone: agency.phone },
    applicantName: addressee(row),
    matters: matters(row, catalogue),
  };
}

/** The acceptance the case carries from its 受理 on (every later status keeps it). */
function acceptanceOf(row: CaseRow) {
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
      const received = items.filter((item) => item.status === 'received');
      if (received.length === 0 || acceptance === null) return { ok: false, message: m.nothingReceived };
      const person = row.agent ?? row.applicant;
      return {
        ok: true,
        request: {
          kind: 'receipt',
          ...base,
          issuedAt: event.at,
          enterpriseName: row.enterprise.name,
          applicant: { name: row.agent === null ? person.name : m.agentName(person.name), phone: person.phone === null ? m.noPhone : formatPhone(person.phone) },
          window: agency.windowName,
          clerkName: sources.clerkName,
          materials: received.map((item) => ({
            name: item.item.name,
            form: formLabel(item.form ?? item.item.form),
            copies: Math.max(1, item.copies),
            ...(item.pages > 0 ? { pages: item.pages } : {}),
          })),
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
      return { ok: true, request: { kind: 'deferredAcceptanceNotice', ...base, submittedAt: row.createdAt, dueDate: acceptance.dueDate, deferredItems } };
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
