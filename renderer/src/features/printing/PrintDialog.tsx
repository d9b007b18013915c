import { Button, Group, Modal, ScrollArea, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { PrintableKind } from '../../data/printSettings';
import { printingMessages as m } from './messages';
import { PrinterFields } from './PrinterFields';
import { PrintPreview } from './PrintPreview';
import { printableKindLabels } from './printKinds';
import { PrintStatus } from './PrintStatus';
import { usePrintDocument, type DocumentSource } from './usePrintDocument';
import { usePrintChoice, usePrinters, type PrintChoice } from './usePrinters';

export interface PrintDialogProps {
  opened: boolean;
  onClose: () => void;
  source: DocumentSource;
  /** Printer, paper or copies to start from instead of the desk's defaults for the kind. */
  preset?: Partial<PrintChoice>;
}

function kindOf(source: DocumentSource): PrintableKind {
  return source.mode === 'archived' ? (source.row.kind as PrintableKind) : source.kind;
}

/**
 * Preview and print one document: the pages drawn by pdf.js from the very bytes that will be archived
 * and sent, the printer, paper and copies (from the desk's defaults for the kind), and the outcome.
 * A reprint of an archived document asks for the reason and prints the stored bytes.
 */
export function PrintDialog(props: PrintDialogProps) {
  const kind = kindOf(props.source);
  const title =
    props.source.mode === 'archived' ? m.reprintTitle(printableKindLabels[kind], props.source.row.documentNumber) : m.printTitle(printableKindLabels[kind]);
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={title} size={920}>
      {props.opened ? <PrintDialogBody {...props} kind={kind} /> : null}
    </Modal>
  );
}

function PrintDialogBody(props: PrintDialogProps & { kind: PrintableKind }) {
  const printers = usePrinters();
  const [choice, setChoice] = usePrintChoice(props.kind, printers, props.preset);
  const job = usePrintDocument(props.source, choice.printer);
  const [reason, setReason] = useState('');
  const reprint = props.source.mode === 'archived';
  const busy = job.stage === 'drawing' || job.stage === 'printing';
  const label = printableKindLabels[props.kind];

  return (
    <Group align="flex-start" gap="lg" wrap="nowrap">
      <ScrollArea h={620} w={480} type="auto" offsetScrollbars>
        {job.document !== null ? <PrintPreview pdf={job.document.pdf} label={m.previewLabel(label)} widthPx={440} /> : null}
      </ScrollArea>
      <Stack gap="sm" style={{ flex: 1 }}>
        {job.document !== null ? (
          <Stack gap={2}>
            <Text size="sm" fw={600} data-testid="document-number">
              {m.numberLine(job.document.documentNumber)}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {m.shaLine(job.document.sha256)}
            </Text>
            <Text size="xs" c="dimmed">
              {m.previewNote}
            </Text>
          </Stack>
        ) : null}
        <PrinterFields printers={printers} choice={choice} onChange={setChoice} disabled={busy || job.recorded} />
        {reprint ? <Textarea label={m.reason} placeholder={m.reprintReasonHint} value={reason} onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={2} required /> : null}
        <PrintStatus job={job} />
        <Group gap="sm">
          {!job.recorded ? (
            <Button onClick={() => void job.print(choice, { reason })} loading={job.stage === 'printing'} disabled={job.document === null || busy || choice.printer === null}>
              {reprint ? m.confirmReprint : m.confirmPrint}
            </Button>
          ) : null}
          {job.recorded && job.stage === 'failed' ? (
            <Button variant="default" onClick={() => void job.resend(choice)}>
              {m.resend}
            </Button>
          ) : null}
          <Button variant="subtle" onClick={props.onClose}>
            {m.close}
          </Button>
        </Group>
      </Stack>
    </Group>
  );
}
