import type { IssuingAgency } from '../../../data/issuingAgency';
import type { CaseRow } from '../../../data/records';
import type { DocumentRequestInput } from '../../../documents/schemas';
import { caseStatusLabels } from '../../../domain/cases/caseStatus';
import { documentText, type Person } from '../../../domain/cases/parties';
import { identityDocumentLabel } from '../../../domain/identityDocuments';
import type { Catalogue } from '../../../domain/catalogue/schema';
import { acceptanceOf, documentMatters } from '../../printing/caseDocumentRequests';
import { casesMessages } from '../messages';

const m = casesMessages.withdrawal;

/** What the printed 撤回申请 is drawn from, read by the caller from the desk's records. */
export interface WithdrawalDocumentSources {
  row: CaseRow;
  catalogue: Catalogue;
  agency: IssuingAgency;
  /** The clerk at the counter, printed as 经办人. */
  clerkName: string;
}

export type WithdrawalDocumentRequest = Extract<DocumentRequestInput, { kind: 'withdrawalRequest' }>;

/** The applicant's document named in full on paper, a 居民身份证 too (the case screens show its number alone). */
const idDocument = (person: Person) =>
  person.idKind === 'residentId' ? m.idDocument(identityDocumentLabel('residentId'), person.idNumber) : documentText(person);

/** The template request of the 撤回申请 for the case as it stands, printed now, with the reason if one was given. */
export function withdrawalDocumentRequest(sources: WithdrawalDocumentSources, reason: string, issuedAt: string): WithdrawalDocumentRequest {
  const { row, agency } = sources;
  const trimmed = reason.trim();
  return {
    kind: 'withdrawalRequest',
    caseNumber: row.caseNumber,
    issuedAt,
    catalogueVersion: row.catalogueVersion,
    agency: { name: agency.name, hallName: agency.hallName, address: agency.address, phone: agency.phone },
    enterpriseName: row.enterprise.name,
    uscc: row.enterprise.uscc,
    applicant: { name: row.applicant.name, idDocument: idDocument(row.applicant) },
    agent: row.agent === null ? null : { name: row.agent.name, idDocument: idDocument(row.agent) },
    matters: documentMatters(row, sources.catalogue),
    submittedAt: row.createdAt,
    status: caseStatusLabels[row.statusCode],
    acceptedAt: acceptanceOf(row)?.acceptedAt ?? null,
    reason: trimmed === '' ? null : trimmed,
    window: agency.windowName,
    clerkName: sources.clerkName,
  };
}
