import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SignedInClerk } from '../../domain/clerks/account';
import type { DeskDatabase } from '../../data/db';
import { getDocument } from '../../data/documentArchive/archive';
import { openArchivedPdf } from '../../sync/fetchBack';
import { ipcTransport } from '../../sync/transport';
import { recordPrintJob } from '../../data/documentArchive/printJobLog';
import { MissingRecord, useStoredData } from '../common/useStoredData';
import { PrintPreview } from '../printing/PrintPreview';
import { sendToPrinter, type PrintReport } from '../printing/printJob';
import { dayCloseMessages } from './messages';

const m = dayCloseMessages.report;

interface DayReportProps {
  db: DeskDatabase;
  clerk: SignedInClerk;
  documentId: string;
  documentNumber: string;
  /** Set right after signing: print at once. */
  printer: string | null;
}

/**
 * The archived day report: previewed from exactly the archived bytes, and sent to the printer chosen at
 * signing (once on its own; again by hand only if that job did not go through). The bytes are read here,
 * from the report's own row, so the day's figures changing around it never redraw the preview.
 */
export function DayReportView(props: DayReportProps) {
  const { db, documentId, documentNumber } = props;
  const pdf = useStoredData(async () => {
    const row = await getDocument(db, documentId);
    if (row === undefined) throw new MissingRecord(m.missing(documentNumber));
    // A day report belongs to no case and is never purged; opened the same way all the same.
    const opened = await openArchivedPdf(ipcTransport(), row);
    if (!opened.ok) throw new Error(opened.message);
    return opened.bytes;
  }, [db, documentId, documentNumber]);
  if (pdf.state === 'loading') return <Loader size="sm" aria-label={m.reading} />;
  if (pdf.state === 'failed') {
    return (
      <Alert color="red" role="alert">
        {pdf.message}
      </Alert>
    );
  }
  return <ArchivedReport {...props} pdf={pdf.value} />;
}

function ArchivedReport(props: DayReportProps & { pdf: Uint8Array }) {
  const { db, clerk, documentId, documentNumber, pdf, printer } = props;
  const [report, setReport] = useState<PrintReport | null>(null);
  const [printing, setPrinting] = useState(false);
  const started = useRef(false);

  const print = useCallback(
    (target: string) => {
      setPrinting(true);
      sendToPrinter({ pdf, printer: target, copies: 1, paper: 'A4', orientation: 'portrait', title: `${m.title} ${documentNumber}` })
        .then(async (outcome) => {
          setReport(outcome);
          await recordPrintJob(db, { documentId, state: outcome.state, jobId: outcome.jobId, reason: outcome.state === 'completed' ? null : outcome.message }, clerk);
        })
        .catch((error: unknown) => setReport({ state: 'refused', jobId: null, message: error instanceof Error ? error.message : String(error) }))
        .finally(() => setPrinting(false));
    },
    [db, clerk, documentId, documentNumber, pdf],
  );

  useEffect(() => {
    if (printer === null || started.current) return;
    started.current = true;
    print(printer);
  }, [printer, print]);

  const failed = report !== null && (report.state === 'failed' || report.state === 'refused');
  return (
    <Card withBorder component="section" aria-label={m.title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {m.title}
        </Title>
        <Text size="sm">{m.archived(documentNumber)}</Text>
        {printing ? <Text size="sm">{m.printing}</Text> : null}
        {report !== null ? (
          <Alert color={report.state === 'completed' ? 'green' : failed ? 'red' : 'yellow'} role="status" data-job-id={report.jobId ?? undefined}>
            {report.message}
          </Alert>
        ) : null}
        {failed && printer !== null ? (
          <Group>
            <Button variant="default" onClick={() => print(printer)} loading={printing}>
              {m.print}
            </Button>
          </Group>
        ) : null}
        <PrintPreview pdf={pdf} label={m.previewLabel} widthPx={520} />
      </Stack>
    </Card>
  );
}
