import type { SignedInClerk } from '../../../domain/clerks/account';
import { appendAuditEntry } from '../../../data/audit';
import { chinaIso } from '../../../data/clock';
import type { DeskDatabase } from '../../../data/db';
import { requireDeskIdentity } from '../../../data/desk';
import { requireIssuingAgency } from '../../../data/issuingAgency';
import { generateDocument } from '../../../documents/client';
import type { DocumentRequestInput } from '../../../documents/schemas';
import { sendToPrinter, type PrintReport } from '../../printing/printJob';
import type { PrintChoice } from '../../printing/usePrinters';
import { backupUiMessages as m } from './messages';

type RecoverySheetRequest = Extract<DocumentRequestInput, { kind: 'recoverySheet' }>;

export interface RecoverySheetFacts {
  folder: string;
  keep: number;
  /** The newest backup in the folder, or null before the first. */
  newest: { fileName: string; at: string } | null;
}

/** The sheet's reference: desk tag and print minute (2026-11-26T17:50… → FC03-202611261750). */
function referenceOf(deskTag: string, issuedAt: string): string {
  return `${deskTag}-${issuedAt.slice(0, 16).replace(/\D/g, '')}`;
}

export async function recoverySheetRequest(db: DeskDatabase, facts: RecoverySheetFacts, now = new Date()): Promise<RecoverySheetRequest> {
  const [desk, agency] = await Promise.all([requireDeskIdentity(db), requireIssuingAgency(db)]);
  const deskTag = `${desk.hallCode}${desk.deskCode}`;
  const issuedAt = chinaIso(now);
  return {
    kind: 'recoverySheet',
    reference: referenceOf(deskTag, issuedAt),
    issuedAt,
    agency: { name: agency.name, hallName: agency.hallName, address: agency.address, phone: agency.phone },
    window: agency.windowName,
    deskTag,
    backupFolder: facts.folder,
    keep: facts.keep,
    lastBackup: facts.newest,
  };
}

/**
 * Draws the 备份恢复单 and sends it straight to the printer. It is no case document: it takes no 文号, is
 * not archived and puts nothing in the outbox, so HQ never sees it. It tells where the backups are, so
 * the print is audited (who, when, which folder, which printer, how the job ended).
 */
export async function printRecoverySheet(
  db: DeskDatabase,
  actor: SignedInClerk,
  facts: RecoverySheetFacts,
  choice: PrintChoice & { printer: string },
  ports: { generate: typeof generateDocument; send: typeof sendToPrinter } = { generate: generateDocument, send: sendToPrinter },
): Promise<PrintReport> {
  const request = await recoverySheetRequest(db, facts);
  const document = await ports.generate(request);
  const report = await ports.send({
    pdf: document.bytes,
    printer: choice.printer,
    copies: choice.copies,
    paper: choice.paper,
    orientation: 'portrait',
    title: `${m.recoverySheetTitle} ${request.reference}`,
  });
  await appendAuditEntry(db, {
    at: request.issuedAt,
    clerkId: actor.id,
    action: 'backup.recoverySheetPrinted',
    subject: 'desk',
    details: { reference: request.reference, folder: facts.folder, printer: choice.printer, copies: choice.copies, state: report.state },
  });
  return report;
}
