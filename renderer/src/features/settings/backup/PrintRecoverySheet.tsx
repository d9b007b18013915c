import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { deskDatabase } from '../../../data/db';
import { useClerk } from '../../clerks/ClerkContext';
import { PrinterFields } from '../../printing/PrinterFields';
import type { PrintReport } from '../../printing/printJob';
import { usePrintChoice, usePrinters } from '../../printing/usePrinters';
import { backupUiMessages as m } from './messages';
import { printRecoverySheet, type RecoverySheetFacts } from './recoverySheet';

/**
 * 打印恢复单: the desk's A4 printer (the receipts' one), copies, and the job's outcome. Printed straight from
 * the template, never archived (see `printRecoverySheet`). Without a folder there is nothing to tell.
 */
export function PrintRecoverySheet(props: { facts: RecoverySheetFacts | null }) {
  const clerk = useClerk();
  const printers = usePrinters();
  const [choice, setChoice] = usePrintChoice('receipt', printers, { paper: 'A4' });
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<PrintReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { facts } = props;

  const print = async () => {
    if (facts === null || choice.printer === null) return;
    setBusy(true);
    setProblem(null);
    setReport(null);
    try {
      setReport(await printRecoverySheet(deskDatabase(), clerk, facts, { ...choice, printer: choice.printer }));
    } catch (error) {
      setProblem(m.recoverySheetFailed(error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {m.recoverySheetTitle}
      </Title>
      <Text size="sm">{m.recoverySheetIntro}</Text>
      <PrinterFields printers={printers} choice={choice} onChange={setChoice} disabled={busy || facts === null} />
      <Group>
        <Button variant="default" onClick={() => void print()} loading={busy} disabled={facts === null || choice.printer === null}>
          {m.printRecoverySheet}
        </Button>
      </Group>
      {report === null ? null : (
        <Alert color={report.state === 'completed' ? 'green' : report.state === 'queued' || report.state === 'unknown' ? 'yellow' : 'red'} role="status" aria-label={m.recoverySheetOutcome}>
          {report.message}
        </Alert>
      )}
      {problem === null ? null : (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
    </Stack>
  );
}
