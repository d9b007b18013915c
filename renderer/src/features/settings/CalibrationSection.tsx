import { Alert, Button, Card, Group, NativeSelect, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState, type FormEvent } from 'react';
import { deskDatabase } from '../../data/db';
import { calibrationFor, saveCalibration, type LicencePaper } from '../../data/printSettings';
import { identityCalibration, type Calibration } from '../../documents/layout/calibration';
import { calibrationMarks } from '../../documents/templates/calibrationSheet';
import { useClerk } from '../clerks/ClerkContext';
import { useStoredData } from '../common/useStoredData';
import { printingMessages } from '../printing/messages';
import { PrintDialog } from '../printing/PrintDialog';
import { orientationOf } from '../printing/printKinds';
import type { DocumentSource } from '../printing/usePrintDocument';
import { usePrinters } from '../printing/usePrinters';
import { calibrationFromMeasurement } from './calibrationMeasurement';
import { settingsMessages } from './messages';

const m = settingsMessages.printing;
const papers: LicencePaper[] = ['original', 'copy'];
const sheetPaper = { original: 'original', copy: 'duplicate' } as const;
const paperSize = { original: 'A3', copy: 'A4' } as const;

type Measured = { ax: number | string; ay: number | string; distance: number | string };
const blank: Measured = { ax: '', ay: '', distance: '' };

/**
 * 套打校准 (chief): prints the calibration sheet on the chosen printer and paper, takes what the chief
 * measured on it, shows the correction that follows and saves it for that printer and paper. A check
 * sheet printed with the saved correction should show every cross on its nominal place.
 */
export function CalibrationSection() {
  const clerk = useClerk();
  const printers = usePrinters();
  const [printer, setPrinter] = useState('');
  const [paper, setPaper] = useState<LicencePaper>('original');
  const current = useStoredData(async () => (printer === '' ? null : calibrationFor(deskDatabase(), printer, paper)), [printer, paper]);
  const [measured, setMeasured] = useState<Measured>(blank);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [sheet, setSheet] = useState<DocumentSource | null>(null);

  const marks = calibrationMarks(sheetPaper[paper]);
  const numbers = [measured.ax, measured.ay, measured.distance];
  const computed = numbers.every((value) => typeof value === 'number')
    ? calibrationFromMeasurement(marks, { ax: measured.ax as number, ay: measured.ay as number, distance: measured.distance as number })
    : null;
  const existing = current.state === 'ready' ? current.value : null;

  const openSheet = (calibration: Calibration) =>
    setSheet({
      mode: 'new',
      kind: 'calibrationSheet',
      caseId: null,
      eventSeq: null,
      licenceSheetSerial: null,
      orientation: orientationOf('calibrationSheet', paper),
      draw: async (_number, issuedAt) => ({ kind: 'calibrationSheet', paper: sheetPaper[paper], printerName: printer, issuedAt, calibration }),
    });
  const preset = useMemo(() => ({ printer, paper: paperSize[paper] }), [printer, paper]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (computed === null) {
      setOutcome({ ok: false, text: m.measurementInvalid });
      return;
    }
    const result = await saveCalibration(deskDatabase(), clerk, printer, paper, computed);
    setOutcome(result.ok ? { ok: true, text: m.calibrationSaved(printer, m.papers[paper]) } : { ok: false, text: result.message });
    if (result.ok) setMeasured(blank);
  };

  const printerOptions = [{ value: '', label: m.choosePrinter }, ...(printers.state === 'ready' ? printers.value.map((candidate) => ({ value: candidate.name, label: candidate.name })) : [])];
  return (
    <Card withBorder component="section" aria-labelledby="calibration-title">
      <Title id="calibration-title" order={2} size="h4" mb="xs">
        {m.calibrationTitle}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {m.calibrationIntro}
      </Text>
      <form onSubmit={(event) => void save(event)} noValidate>
        <Stack gap="sm">
          {printers.state === 'failed' ? (
            <Alert color="red" role="alert">
              {printingMessages.printersFailed(printers.message)}
            </Alert>
          ) : null}
          <Group align="flex-end" gap="sm">
            <NativeSelect label={m.calibrationPrinter} data={printerOptions} value={printer} onChange={(event) => setPrinter(event.currentTarget.value)} w={260} />
            <NativeSelect
              label={m.calibrationPaper}
              data={papers.map((value) => ({ value, label: m.papers[value] }))}
              value={paper}
              onChange={(event) => setPaper(event.currentTarget.value as LicencePaper)}
              w={220}
            />
          </Group>
          {printer !== '' ? (
            <>
              <Text size="sm" data-testid="current-calibration">
                {existing === null || (existing.dx === 0 && existing.dy === 0 && existing.scale === 1) ? m.none : m.current(existing.dx, existing.dy, existing.scale)}
              </Text>
              <Group gap="sm">
                <Button variant="default" onClick={() => openSheet(identityCalibration)}>
                  {m.printSheet}
                </Button>
                <Button variant="default" onClick={() => openSheet(existing ?? identityCalibration)} disabled={existing === null}>
                  {m.printCheck}
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                {m.nominal(marks.a.x, marks.a.y, marks.b.x - marks.a.x)}
              </Text>
              <Group align="flex-end" gap="sm">
                <NumberInput label={m.ax} value={measured.ax} onChange={(ax) => setMeasured({ ...measured, ax })} decimalScale={1} w={170} />
                <NumberInput label={m.ay} value={measured.ay} onChange={(ay) => setMeasured({ ...measured, ay })} decimalScale={1} w={170} />
                <NumberInput label={m.distance} value={measured.distance} onChange={(distance) => setMeasured({ ...measured, distance })} decimalScale={1} w={170} />
              </Group>
              {computed !== null ? (
                <Text size="sm" fw={600} data-testid="computed-calibration">
                  {m.computed(computed.dx, computed.dy, computed.scale)}
                </Text>
              ) : null}
              <div>
                <Button type="submit" disabled={computed === null}>
                  {m.saveCalibration}
                </Button>
              </div>
            </>
          ) : null}
          {outcome !== null ? (
            <Alert color={outcome.ok ? 'teal' : 'red'} role={outcome.ok ? 'status' : 'alert'}>
              {outcome.text}
            </Alert>
          ) : null}
        </Stack>
      </form>
      {sheet !== null ? <PrintDialog opened onClose={() => setSheet(null)} source={sheet} preset={preset} /> : null}
    </Card>
  );
}
