import { useEffect, useState } from 'react';
import { deskDatabase } from '../../data/db';
import { choiceFor, readPrinterDefaults, type PaperSize, type PrintableKind } from '../../data/printSettings';
import { callDesk, type ChannelOutput } from '../../platform/desk';
import { useStoredData, type StoredData } from '../common/useStoredData';

export type Printer = ChannelOutput<'listPrinters'>[number];

const listPrinters = () => callDesk('listPrinters');

/** The printers the system knows, as the print service lists them (read once: nothing stored is observed). */
export function usePrinters(): StoredData<Printer[]> {
  return useStoredData(listPrinters, []);
}

/** What a print will use: printer, paper and copies, as the clerk left them. */
export interface PrintChoice {
  printer: string | null;
  paper: PaperSize;
  copies: number;
}

/**
 * The print choice for a kind of document, starting from the admin's default printer and paper for it
 * (else the system's default printer and the kind's standard paper) unless the caller presets some of it
 * (a calibration sheet goes to the printer being calibrated); the clerk may change it per print.
 */
export function usePrintChoice(kind: PrintableKind, printers: StoredData<Printer[]>, preset?: Partial<PrintChoice>): [PrintChoice, (choice: PrintChoice) => void] {
  const defaults = useStoredData(() => readPrinterDefaults(deskDatabase()), []);
  const [choice, setChoice] = useState<PrintChoice | null>(null);
  useEffect(() => {
    if (choice !== null || defaults.state !== 'ready' || printers.state === 'loading') return;
    const preferred = choiceFor(defaults.value, kind);
    const systemDefault = printers.state === 'ready' ? (printers.value.find((printer) => printer.isDefault)?.name ?? printers.value[0]?.name ?? null) : null;
    setChoice({ printer: preferred.printer ?? systemDefault, paper: preferred.paper, copies: 1, ...preset });
  }, [choice, defaults, printers, kind, preset]);
  return [choice ?? { printer: null, paper: choiceFor({}, kind).paper, copies: 1, ...preset }, setChoice];
}
