import { Alert, Group, NativeSelect, NumberInput, Text } from '@mantine/core';
import { paperSizes, type PaperSize } from '../../data/printSettings';
import type { StoredData } from '../common/useStoredData';
import { printingMessages as m } from './messages';
import type { Printer, PrintChoice } from './usePrinters';

/** Printer, paper and copies for one print, as native selects (keyboard- and scanner-friendly). */
export function PrinterFields(props: {
  printers: StoredData<Printer[]>;
  choice: PrintChoice;
  onChange: (choice: PrintChoice) => void;
  /** Licences print one sheet each: their copies are fixed at 1. */
  fixedCopies?: boolean;
  disabled?: boolean;
}) {
  const { printers, choice, onChange } = props;
  if (printers.state === 'loading') return <Text size="sm">{m.loadingPrinters}</Text>;
  if (printers.state === 'failed') {
    return (
      <Alert color="red" role="alert">
        {m.printersFailed(printers.message)}
      </Alert>
    );
  }
  if (printers.value.length === 0) {
    return (
      <Alert color="orange" role="alert">
        {m.noPrinters}
      </Alert>
    );
  }
  const names = printers.value.map((printer) => printer.name);
  // A default printer that is no longer installed is still shown, so the clerk sees why it does not print.
  const options = [
    { value: '', label: m.choosePrinter },
    ...printers.value.map((printer) => ({ value: printer.name, label: m.printerOption(printer.name, m.printerStates[printer.state], printer.isDefault) })),
    ...(choice.printer !== null && !names.includes(choice.printer) ? [{ value: choice.printer, label: choice.printer }] : []),
  ];
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <NativeSelect
        label={m.printer}
        data={options}
        value={choice.printer ?? ''}
        disabled={props.disabled}
        onChange={(event) => onChange({ ...choice, printer: event.currentTarget.value === '' ? null : event.currentTarget.value })}
        w={300}
      />
      <NativeSelect
        label={m.paper}
        data={paperSizes.map((size) => ({ value: size, label: m.paperLabels[size] }))}
        value={choice.paper}
        disabled={props.disabled}
        onChange={(event) => onChange({ ...choice, paper: event.currentTarget.value as PaperSize })}
        w={200}
      />
      {props.fixedCopies === true ? null : (
        <NumberInput
          label={m.copies}
          min={1}
          max={20}
          allowDecimal={false}
          allowNegative={false}
          value={choice.copies}
          disabled={props.disabled}
          onChange={(value) => onChange({ ...choice, copies: typeof value === 'number' ? value : 1 })}
          w={90}
        />
      )}
    </Group>
  );
}
