import { Alert, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { generateDocument } from '../../../documents/client';
import { PrinterFields } from '../../printing/PrinterFields';
import { sendToPrinter, type PrintReport } from '../../printing/printJob';
import { usePrintChoice, usePrinters } from '../../printing/usePrinters';
import { casesMessages } from '../messages';
import type { WithdrawalDocumentRequest } from './withdrawalDocument';

const m = casesMessages.withdrawal;

/** The printed 撤回申请 exactly as it went to the printer. */
export interface PrintedForm {
  pdf: Uint8Array;
  sha256: string;
  templateVersion: string;
}

/**
 * Prints the 撤回申请 for the applicant to sign. It is the applicant's document, not a notice of the agency,
 * so it is not archived under a 文号: its bytes are kept with the withdrawal once confirmed.
 */
export function PrintWithdrawalRequest(props: { draw: () => WithdrawalDocumentRequest; printedAgain: boolean; onPrinted: (form: PrintedForm) => void }) {
  const printers = usePrinters();
  // The counter's A4 printer: the one the receipts, printed at the same moment of a visit, go to.
  const [choice, setChoice] = usePrintChoice('receipt', printers);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<PrintReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const print = async () => {
    if (choice.printer === null) return;
    setBusy(true);
    setProblem(null);
    setReport(null);
    try {
      const request = props.draw();
      const document = await generateDocument(request);
      const sent = await sendToPrinter({
        pdf: document.bytes,
        printer: choice.printer,
        copies: choice.copies,
        paper: choice.paper,
        orientation: 'portrait',
        title: `${m.title} ${request.caseNumber}`,
      });
      setReport(sent);
      if (sent.state !== 'refused' && sent.state !== 'failed') props.onPrinted({ pdf: document.bytes, sha256: document.sha256, templateVersion: document.templateId });
    } catch (error) {
      setProblem(m.cannotDraw(error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs">
      <PrinterFields printers={printers} choice={choice} onChange={setChoice} disabled={busy} />
      <Group>
        <Button variant="light" onClick={() => void print()} loading={busy} disabled={choice.printer === null}>
          {props.printedAgain ? m.printAgain : m.print}
        </Button>
      </Group>
      {report !== null ? (
        <Alert color={report.state === 'refused' || report.state === 'failed' ? 'red' : 'green'} role="status" aria-label={m.printOutcome}>
          {report.message}
        </Alert>
      ) : null}
      {problem !== null ? (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      ) : null}
    </Stack>
  );
}
