import type { LedgerExportListing, LedgerRow } from '../../data/ledger/ledgerQueries';
import type { LedgerFollowUpRow } from '../../data/ledger/ledgerRows';
import type { DocumentNumber } from '../../domain/documentNumber';
import { ledgerSourceLabels, ledgerStatusLabels } from '../../domain/ledger/ledgerItem';
import type { LedgerReportMeta, LedgerReportRow } from '../../domain/ledger/ledgerReport';
import type { DocumentRequestInput } from '../../documents/schemas';

/** The exports' rows, and how many listed items had to stay out because their case is not on this desk yet. */
export interface LedgerReportRows {
  rows: LedgerReportRow[];
  /** Items whose case (number, enterprise) has not reached this desk: an export cannot name them. */
  withoutCase: number;
}

/** The most working days a report row carries either way (the report's own bound). */
const DAYS_BOUND = 3650;

/** One exported line of a listed item, or null when its case has not reached this desk. */
export function ledgerReportRowOf(row: LedgerRow, latestFollowUp: LedgerFollowUpRow | null): LedgerReportRow | null {
  if (row.caseNumber === null || row.enterpriseName === null) return null;
  const owner = row.owner;
  return {
    caseNumber: row.caseNumber,
    enterpriseName: row.enterpriseName,
    greenCard: row.greenCard,
    sourceLabel: ledgerSourceLabels[row.source],
    owner: owner === null ? null : owner.department,
    liaison: owner === null || owner.liaisonName === null ? null : { name: owner.liaisonName, phone: owner.liaisonPhone },
    dueDate: row.dueDate,
    workingDaysLeft: row.workingDaysLeft === null ? null : Math.max(-DAYS_BOUND, Math.min(DAYS_BOUND, row.workingDaysLeft)),
    statusLabel: ledgerStatusLabels[row.status],
    latestFollowUp: latestFollowUp === null ? null : { at: latestFollowUp.at, by: latestFollowUp.by, text: latestFollowUp.text },
  };
}

/** Every listed item as an exported line, in the listing's order. */
export function ledgerReportRows(listing: LedgerExportListing): LedgerReportRows {
  const rows: LedgerReportRow[] = [];
  let withoutCase = 0;
  for (const { row, latestFollowUp } of listing.rows) {
    const line = ledgerReportRowOf(row, latestFollowUp);
    if (line === null) withoutCase += 1;
    else rows.push(line);
  }
  return { rows, withoutCase };
}

/**
 * The range the title names: from the earliest due date listed to the latest, always including the day the
 * ledger was listed (an empty or all-future ledger is "as of today").
 */
export function ledgerReportRange(rows: readonly LedgerReportRow[], today: string): LedgerReportMeta['range'] {
  let from = today;
  let to = today;
  for (const row of rows) {
    if (row.dueDate < from) from = row.dueDate;
    if (row.dueDate > to) to = row.dueDate;
  }
  return { from, to };
}

/** 督办台账-<hall code><desk code>-<YYYYMMDD>.xlsx: which desk listed it and on which day. */
export function ledgerWorkbookName(deskTag: string, today: string): string {
  return `督办台账-${deskTag}-${today.replaceAll('-', '')}.xlsx`;
}

/** The printed ledger as the template draws it, numbered by the document engine like every document. */
export function ledgerReportRequest(input: {
  rows: readonly LedgerReportRow[];
  hallName: string;
  deskTag: string;
  today: string;
  documentNumber: DocumentNumber;
  issuedAt: string;
}): Extract<DocumentRequestInput, { kind: 'ledgerReport' }> {
  return {
    kind: 'ledgerReport',
    documentNumber: input.documentNumber,
    issuedAt: input.issuedAt,
    hallName: input.hallName,
    range: ledgerReportRange(input.rows, input.today),
    deskTag: input.deskTag,
    rows: [...input.rows],
  };
}
