import { Alert, Button, Card, Group, NativeSelect, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { deskDatabase } from '../../data/db';
import { choiceFor, paperSizes, printableKinds, readPrinterDefaults, savePrinterDefault, type PaperSize, type PrintableKind, type PrinterDefaults } from '../../data/printSettings';
import { useClerk } from '../clerks/ClerkContext';
import { useStoredData } from '../common/useStoredData';
import { printingMessages } from '../printing/messages';
import { printableKindLabels } from '../printing/printKinds';
import { usePrinters, type Printer } from '../printing/usePrinters';
import { settingsMessages } from './messages';

const m = settingsMessages.printing;

/** 默认打印机与纸张 (admin): per kind of document, the printer and paper a print starts from. */
export function PrinterDefaultsSection() {
  const printers = usePrinters();
  const defaults = useStoredData(() => readPrinterDefaults(deskDatabase()), []);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  return (
    <Card withBorder component="section" aria-labelledby="printer-defaults-title">
      <Title id="printer-defaults-title" order={2} size="h4" mb="xs">
        {m.printersTitle}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {m.printersIntro}
      </Text>
      {printers.state === 'failed' ? (
        <Alert color="red" role="alert">
          {printingMessages.printersFailed(printers.message)}
        </Alert>
      ) : null}
      {printers.state === 'ready' && defaults.state === 'ready' ? (
        <Table aria-label={m.printersTitle} verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{m.printersColumns.kind}</Table.Th>
              <Table.Th>{m.printersColumns.printer}</Table.Th>
              <Table.Th>{m.printersColumns.paper}</Table.Th>
              <Table.Th>{m.printersColumns.action}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {printableKinds.map((kind) => {
              const stored = choiceFor(defaults.value, kind);
              return (
                // A row starts over from its stored default whenever that changes, saved here or in another window.
                <DefaultRow
                  key={`${kind}-${stored.printer ?? ''}-${stored.paper}`}
                  kind={kind}
                  defaults={defaults.value}
                  printers={printers.value}
                  onSaved={(text, ok) => setOutcome({ ok, text })}
                />
              );
            })}
          </Table.Tbody>
        </Table>
      ) : null}
      {outcome !== null ? (
        <Alert mt="sm" color={outcome.ok ? 'teal' : 'red'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </Alert>
      ) : null}
    </Card>
  );
}

function DefaultRow(props: { kind: PrintableKind; defaults: PrinterDefaults; printers: Printer[]; onSaved: (text: string, ok: boolean) => void }) {
  const clerk = useClerk();
  const current = choiceFor(props.defaults, props.kind);
  const [printer, setPrinter] = useState(current.printer ?? '');
  const [paper, setPaper] = useState<PaperSize>(current.paper);
  const label = printableKindLabels[props.kind];
  const names = props.printers.map((candidate) => candidate.name);
  const options = [{ value: '', label: m.noDefault }, ...names.map((name) => ({ value: name, label: name })), ...(printer !== '' && !names.includes(printer) ? [{ value: printer, label: printer }] : [])];
  const save = async (clear: boolean) => {
    const result = await savePrinterDefault(deskDatabase(), clerk, props.kind, clear || printer === '' ? null : { printer, paper });
    props.onSaved(result.ok ? m.printerSaved(label) : result.message, result.ok);
  };
  return (
    <Table.Tr>
      <Table.Td>{label}</Table.Td>
      <Table.Td>
        <NativeSelect aria-label={`${label}${m.printersColumns.printer}`} data={options} value={printer} onChange={(event) => setPrinter(event.currentTarget.value)} w={240} />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={`${label}${m.printersColumns.paper}`}
          data={paperSizes.map((size) => ({ value: size, label: printingMessages.paperLabels[size] }))}
          value={paper}
          onChange={(event) => setPaper(event.currentTarget.value as PaperSize)}
          w={200}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Button size="compact-sm" onClick={() => void save(false)} aria-label={`${m.save}${label}`}>
            {m.save}
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={() => void save(true)} disabled={current.printer === null}>
            {m.clear}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
