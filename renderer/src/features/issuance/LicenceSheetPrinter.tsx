import { Alert, Box, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { ChiefCredentials } from '../../data/chiefApproval';
import { deskDatabase } from '../../data/db';
import { checkSheetForPrinting, type LicenceSheetKind } from '../../data/paperStock';
import { calibrationFor } from '../../data/printSettings';
import { printedLicence } from '../../data/licenceIssuance';
import type { CaseRow, DocumentRow } from '../../data/records';
import type { Calibration } from '../../documents/layout/calibration';
import type { LicenceCopy } from '../../documents/layout/licenceLayout';
import type { LicenceCopyMark } from '../../domain/cases/licenceCopies';
import type { DocumentNumber } from '../../domain/documentNumber';
import { ChiefApprovalFields, noCredentials } from '../printing/ChiefApprovalFields';
import { printingMessages } from '../printing/messages';
import { PrinterFields } from '../printing/PrinterFields';
import { PrintPreview } from '../printing/PrintPreview';
import { PrintStatus } from '../printing/PrintStatus';
import { usePrintDocument } from '../printing/usePrintDocument';
import { usePrintChoice, usePrinters, type PrintChoice } from '../printing/usePrinters';
import { BlankLicenceForm } from './BlankLicenceForm';
import { issuanceMessages } from './messages';

const m = issuanceMessages.sheet;

export type LicenceKind = 'licenceOriginal' | 'licenceCopy';

const sheetKindOf: Record<LicenceKind, LicenceSheetKind> = { licenceOriginal: 'original', licenceCopy: 'copy' };
const layoutOf: Record<LicenceKind, LicenceCopy> = { licenceOriginal: 'original', licenceCopy: 'duplicate' };
/** On-screen scale of the preview: both sheets at the same px per mm, so 正本 looks twice as wide as 副本. */
const PX_PER_MM = 1.3;
const paperWidthMm: Record<LicenceKind, number> = { licenceOriginal: 420, licenceCopy: 210 };

/** 营业执照正本, 营业执照副本, or 营业执照副本 2/3 when the case asked for several. */
function sheetLabel(kind: LicenceKind, copy: LicenceCopyMark | null): string {
  const label = printingMessages.kindLabels[kind];
  return copy === null || copy.of === 1 ? label : m.copyOfSet(label, copy.number, copy.of);
}

/**
 * Prints one licence sheet (正本 or 副本) of a 待出证 case: the pre-printed sheet's serial (scanned or typed,
 * checked against stock), the printer (its calibration shifts the fields), the preview of the exact PDF
 * over a drawing of the blank form, and 套打. A second print of the same kind needs the chief.
 */
export function LicenceSheetPrinter(props: { row: CaseRow; kind: LicenceKind; copy: LicenceCopyMark | null; live: DocumentRow | undefined }) {
  const { row, kind, copy, live } = props;
  const label = sheetLabel(kind, copy);
  const printers = usePrinters();
  const [choice, setChoice] = usePrintChoice(kind, printers);
  const [typed, setTyped] = useState('');
  const [serial, setSerial] = useState<string | null>(null);
  const [serialProblem, setSerialProblem] = useState<string | null>(null);

  const check = async (event: FormEvent) => {
    event.preventDefault();
    const result = await checkSheetForPrinting(deskDatabase(), typed, sheetKindOf[kind]);
    if (result.ok) {
      setSerial(result.value.serial);
      setSerialProblem(null);
    } else {
      setSerial(null);
      setSerialProblem(result.message);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-label={m.title(label)}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {m.title(label)}
        </Title>
        {live !== undefined ? (
          <Alert color="teal" variant="light" data-testid={copy === null || copy.of === 1 ? `${kind}-printed` : `${kind}-${copy.number}-printed`}>
            {m.printed(label, live.documentNumber, live.licenceSheetSerial ?? '—')}
          </Alert>
        ) : null}
        <form onSubmit={(event) => void check(event)} noValidate>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={m.serial(label)}
              description={m.serialHint}
              value={typed}
              autoComplete="off"
              spellCheck={false}
              ff="monospace"
              error={serialProblem ?? undefined}
              onChange={(event) => {
                setTyped(event.currentTarget.value);
                setSerial(null);
              }}
              w={320}
            />
            <Button type="submit" variant="default">
              {m.checkSerial}
            </Button>
          </Group>
        </form>
        {serial !== null && live?.licenceSheetSerial !== serial ? (
          <Text size="sm" c="teal" role="status">
            {m.serialOk(serial)}
          </Text>
        ) : null}
        <PrinterFields printers={printers} choice={choice} onChange={setChoice} fixedCopies />
        {serial !== null && choice.printer !== null ? (
          <SheetPrintJob key={`${serial}|${choice.printer}`} row={row} kind={kind} copy={copy} serial={serial} choice={choice} live={live} />
        ) : (
          <Box w={paperWidthMm[kind] * PX_PER_MM} style={{ aspectRatio: kind === 'licenceOriginal' ? '420 / 297' : '210 / 297', border: '1px solid var(--mantine-color-gray-4)' }}>
            <BlankLicenceForm copy={layoutOf[kind]} serial={null} />
          </Box>
        )}
      </Stack>
    </Paper>
  );
}

/** The drawn licence for one serial on one printer; remounted when either changes, so it is drawn again. */
function SheetPrintJob(props: { row: CaseRow; kind: LicenceKind; copy: LicenceCopyMark | null; serial: string; choice: PrintChoice; live: DocumentRow | undefined }) {
  const { row, kind, copy, serial, choice, live } = props;
  const label = sheetLabel(kind, copy);
  const [calibration, setCalibration] = useState<Calibration | null>(null);
  const [reason, setReason] = useState('');
  const [credentials, setCredentials] = useState<ChiefCredentials>(noCredentials);
  const job = usePrintDocument(
    {
      mode: 'new',
      kind,
      caseId: row.id,
      eventSeq: null,
      licenceSheetSerial: serial,
      licenceCopy: copy,
      draw: async (_number: DocumentNumber, issuedAt: string, printer: string | null) => {
        if (row.licence === null) throw new Error(issuanceMessages.issue.noLicence);
        const applied = printer === null ? null : await calibrationFor(deskDatabase(), printer, sheetKindOf[kind]);
        setCalibration(applied);
        const licence = { licence: printedLicence(row.licence), paperSerial: serial, issuedAt, ...(applied === null ? {} : { calibration: applied }) };
        // A lone 副本 looks as it always did; one of a set says which it is.
        return kind === 'licenceOriginal' ? { kind: 'licenceOriginal', ...licence } : { kind: 'licenceDuplicate', ...licence, ...(copy === null || copy.of === 1 ? {} : { copy }) };
      },
    },
    choice.printer,
  );

  const needsChief = live !== undefined;
  const print = () => void job.print(choice, { licenceReprint: needsChief ? { credentials, reason } : null });

  return (
    <Stack gap="sm">
      {calibration !== null ? (
        <Text size="xs" c="dimmed">
          {calibration.dx === 0 && calibration.dy === 0 && calibration.scale === 1 ? printingMessages.calibration.none : printingMessages.calibration.applied(calibration.dx, calibration.dy, calibration.scale)}
        </Text>
      ) : null}
      {job.document !== null ? (
        <PrintPreview
          pdf={job.document.pdf}
          label={printingMessages.previewLabel(label)}
          widthPx={paperWidthMm[kind] * PX_PER_MM}
          underlay={() => <BlankLicenceForm copy={layoutOf[kind]} serial={serial} />}
        />
      ) : null}
      {needsChief && !job.recorded ? (
        <Stack gap="xs">
          <Alert color="orange" variant="light">
            {m.reprintNeeded}
          </Alert>
          <Textarea label={m.reprintReason} value={reason} onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={1} required />
          <ChiefApprovalFields value={credentials} onChange={setCredentials} />
        </Stack>
      ) : null}
      <PrintStatus job={job} />
      <Group gap="sm">
        {!job.recorded ? (
          <Button onClick={print} loading={job.stage === 'printing'} disabled={job.document === null || job.stage === 'drawing' || job.stage === 'printing'}>
            {m.print(label)}
          </Button>
        ) : null}
        {job.recorded && job.stage === 'failed' ? (
          <Button variant="default" onClick={() => void job.resend(choice)}>
            {printingMessages.resend}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
