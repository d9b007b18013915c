import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { deskDatabase } from '../../data/db';
import { readDeskIdentity } from '../../data/desk';
import { readIssuingAgency } from '../../data/issuingAgency';
import { readLedgerForExport, type LedgerPageQuery } from '../../data/ledger/ledgerQueries';
import { chinaIso } from '../../data/clock';
import { callDesk } from '../../platform/desk';
import { PrintDialog } from '../printing/PrintDialog';
import type { NewDocumentSource } from '../printing/usePrintDocument';
import { ledgerReportRange, ledgerReportRequest, ledgerReportRows, ledgerWorkbookName } from './ledgerExport';
import { ledgerScreenMessages } from './messages';

const m = ledgerScreenMessages.exports;

type ExportQuery = Omit<LedgerPageQuery, 'page' | 'pageSize'> & { today: string };

/** The hall's name and the desk's tag every export's title names; a refusal when the admin has not set them. */
async function exportHeading(): Promise<{ hallName: string; deskTag: string }> {
  const db = deskDatabase();
  const [agency, desk] = await Promise.all([readIssuingAgency(db), readDeskIdentity(db)]);
  if (agency === null) throw new Error(m.agencyMissing);
  if (desk === null) throw new Error(m.deskMissing);
  return { hallName: agency.hallName, deskTag: `${desk.hallCode}${desk.deskCode}` };
}

/** Every item the screen's filters match (all pages, not only the one shown), as exported rows. */
async function exportedRows(query: ExportQuery) {
  return ledgerReportRows(await readLedgerForExport(deskDatabase(), query));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * 导出 Excel and 打印台账 (chief and admin): both list every item the screen's filters, search and sort match.
 * The spreadsheet is saved where the person picks (exceljs is loaded only when asked for); the printed
 * ledger goes through the print dialog, numbered with a 督字 文号 and archived like every document.
 */
export function LedgerExports(props: { query: ExportQuery }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [printing, setPrinting] = useState<NewDocumentSource | null>(null);

  const exportWorkbook = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const [heading, { rows, withoutCase }, { ledgerWorkbook }] = await Promise.all([exportHeading(), exportedRows(props.query), import('../../documents/ledgerWorkbook')]);
      const bytes = await ledgerWorkbook(rows, { hallName: heading.hallName, range: ledgerReportRange(rows, props.query.today), madeAt: chinaIso() });
      const saved = await callDesk('saveExport', { suggestedName: ledgerWorkbookName(heading.deskTag, props.query.today), bytes: new Uint8Array(bytes) });
      setOutcome(saved.saved ? { ok: true, text: m.saved(rows.length, saved.path, withoutCase) } : { ok: true, text: m.cancelled });
    } catch (error) {
      setOutcome({ ok: false, text: m.failed(messageOf(error)) });
    } finally {
      setBusy(false);
    }
  };

  const query = props.query;
  const openPrint = () => {
    setOutcome(null);
    setPrinting({
      mode: 'new',
      kind: 'ledgerReport',
      caseId: null,
      eventSeq: null,
      licenceSheetSerial: null,
      orientation: 'landscape',
      // Read when the dialog draws, so the printed rows are the ledger as it stands then.
      draw: async (documentNumber, issuedAt) => {
        const [heading, { rows }] = await Promise.all([exportHeading(), exportedRows(query)]);
        return ledgerReportRequest({ rows, hallName: heading.hallName, deskTag: heading.deskTag, today: query.today, documentNumber, issuedAt });
      },
    });
  };

  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs">
        <Button variant="default" size="sm" loading={busy} onClick={() => void exportWorkbook()}>
          {m.excel}
        </Button>
        <Button variant="default" size="sm" onClick={openPrint}>
          {m.print}
        </Button>
      </Group>
      {outcome !== null ? (
        <Alert color={outcome.ok ? 'green' : 'red'} role={outcome.ok ? 'status' : 'alert'} withCloseButton onClose={() => setOutcome(null)}>
          {outcome.text}
        </Alert>
      ) : null}
      {printing !== null ? <PrintDialog opened onClose={() => setPrinting(null)} source={printing} /> : null}
    </Stack>
  );
}
