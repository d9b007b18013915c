import type { AuditHead } from '../../domain/audit/auditEntry';
import { caseDocumentLabels } from '../../domain/cases/caseDocuments';
import type { SignedInClerk } from '../../domain/clerks/account';
import type { DeskIdentity } from '../../domain/desk';
import type { DocumentNumber } from '../../domain/documentNumber';
import type { DaySnapshot } from '../../data/dayClose/snapshot';
import type { IssuingAgency } from '../../data/issuingAgency';
import type { DocumentRequestInput } from '../../documents/schemas';
import { dayStatusText, matterLines, statusLines } from './dayCloseText';

export interface DayReportInput {
  snapshot: DaySnapshot;
  /** When HQ reconciled the day (the stored record's attempt). */
  reconciledAt: string;
  agency: IssuingAgency;
  desk: DeskIdentity;
  matterNames: ReadonlyMap<string, string>;
  /** The clerk at the desk who ran the close. */
  preparedBy: SignedInClerk;
  signer: SignedInClerk;
  signedAt: string;
  documentNumber: DocumentNumber;
  /** The audit log's head as the report is drawn. */
  auditHead: AuditHead | null;
}

const MAX_MATTERS_TEXT = 300;

/** How a case's matters read in the list: one name, or the first and how many. */
function mattersText(codes: readonly string[], names: ReadonlyMap<string, string>): string {
  const first = names.get(codes[0]!) ?? codes[0]!;
  const text = codes.length === 1 ? first : `${first}等${codes.length}项`;
  return text.slice(0, MAX_MATTERS_TEXT);
}

/** The day report as the template draws it, from the day as reconciled and the chief's signature. */
export function dayReportRequest(input: DayReportInput): Extract<DocumentRequestInput, { kind: 'dayReport' }> {
  const { snapshot, agency, desk, matterNames } = input;
  const { totals, figures } = snapshot;
  return {
    kind: 'dayReport',
    documentNumber: input.documentNumber,
    businessDate: snapshot.businessDate,
    issuedAt: input.signedAt,
    agency: { name: agency.name, hallName: agency.hallName, address: agency.address, phone: agency.phone },
    window: agency.windowName,
    deskTag: `${desk.hallCode}${desk.deskCode}`,
    preparedBy: input.preparedBy.displayName,
    figures: {
      ops: totals.ops,
      handovers: totals.handovers,
      completedCases: figures.completedCases,
      averageIntakeToHandoverMinutes: figures.averageIntakeToHandoverMinutes,
      oneVisitShare: figures.oneVisitShare,
      documents: totals.documents,
    },
    casesByStatus: statusLines(totals).map(({ label, count }) => ({ label, count })),
    casesByMatter: matterLines(totals, matterNames),
    licenceSheets: { used: [...totals.licenceSheets.used], voided: [...totals.licenceSheets.voided] },
    cases: snapshot.cases.map((line) => ({
      caseNumber: line.caseNumber,
      enterpriseName: line.enterpriseName.slice(0, 60),
      matters: mattersText(line.matterCodes, matterNames),
      status: dayStatusText(line.statusCode),
      visits: line.visits,
    })),
    unprinted: snapshot.unprinted.flatMap((document) =>
      'reason' in document ? [{ caseNumber: document.caseNumber, document: caseDocumentLabels[document.kind], reason: document.reason }] : [],
    ),
    reconciliation: { reconciledAt: input.reconciledAt, lastSeq: snapshot.lastSeq },
    auditHead: input.auditHead,
    signature: { name: input.signer.displayName, signedAt: input.signedAt },
  };
}
