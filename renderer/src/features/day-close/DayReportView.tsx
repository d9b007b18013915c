import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SignedInClerk } from '../../domain/clerks/account';
import type { DeskDatabase } from '../../data/db';
import { recordPrintJob } from '../../data/documentArchive/printJobLog';
import { PrintPreview } from '../printing/PrintPreview';
import { sendToPrinter, type PrintReport } from '../printing/printJob';
import { dayCloseMessages } from './messages';

const m = dayCloseMessages.report;

/**
 * The archived day report: previewed from exactly the archived bytes, and sent to the printer chosen at
 * signing (once on its own; again by hand only if that job did not go through).
 */
export function DayReportView(props: {
  db: DeskDatabase;
  clerk: SignedInClerk;
  documentId: string;
  documentNumber: string;
  pdf: Uint8Array;
  /** Set right after signing: print at once. */
  printer: string | null;
}) {
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
