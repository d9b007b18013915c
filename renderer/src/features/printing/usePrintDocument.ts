import type { LicenceCopyMark } from '../../domain/cases/licenceCopies';
import { useCallback, useEffect, useRef, useState } from 'react';
import { chinaIso } from '../../data/clock';
import { deskDatabase } from '../../data/db';
import { archiveDocument, reprintDocument, type LicenceReprint } from '../../data/documentArchive/archive';
import { nextDocumentNumber } from '../../data/documentArchive/numbering';
import { recordPrintJob } from '../../data/documentArchive/printJobLog';
import type { PrintableKind } from '../../data/printSettings';
import type { DocumentRow } from '../../data/records';
import { generateDocument } from '../../documents/client';
import { openArchivedPdf } from '../../sync/fetchBack';
import { ipcTransport } from '../../sync/transport';
import type { DocumentWarning } from '../../documents/templates/template';
import type { DocumentRequestInput } from '../../documents/schemas';
import type { CaseId } from '../../domain/cases/caseId';
import type { DocumentNumber } from '../../domain/documentNumber';
import { useClerk } from '../clerks/ClerkContext';
import { printingMessages as m } from './messages';
import { orientationOf, printableKindLabels, type Orientation } from './printKinds';
import { sendToPrinter, type PrintReport } from './printJob';
import type { PrintChoice } from './usePrinters';

/**
 * A document to print for the first time: drawn by its template with the 文号 it will be archived under.
 * `draw` builds the template request; it may depend on the printer (a licence is shifted by that
 * printer's calibration), so a licence's print panel is remounted when the printer changes.
 */
export interface NewDocumentSource {
  mode: 'new';
  kind: PrintableKind;
  caseId: CaseId | null;
  eventSeq: number | null;
  licenceSheetSerial: string | null;
  /** Which 副本 of the set a 副本 sheet is; absent for every other kind. */
  licenceCopy?: LicenceCopyMark | null;
  orientation?: Orientation;
  draw: (documentNumber: DocumentNumber, issuedAt: string, printer: string | null) => Promise<DocumentRequestInput>;
}

/** An archived document printed again from its stored bytes. */
export interface ArchivedDocumentSource {
  mode: 'archived';
  row: DocumentRow;
}

export type DocumentSource = NewDocumentSource | ArchivedDocumentSource;

/** What will print (or was printed): the exact bytes, their number and hash, and what the template warned of. */
export interface ReadyDocument {
  pdf: Uint8Array;
  sha256: string;
  documentNumber: string;
  templateVersion: string;
  warnings: readonly DocumentWarning[];
}

export type PrintStage = 'drawing' | 'ready' | 'printing' | 'printed' | 'failed';

export interface PrintDocument {
  stage: PrintStage;
  document: ReadyDocument | null;
  /** Why the last step did not go through, in Chinese (drawing, archiving or printing). */
  problem: string | null;
  /** Where the print job ended, once sent. */
  report: PrintReport | null;
  /** The archive row (for a new document, once archived). */
  archived: DocumentRow | null;
  /** The archive write (or the reprint's record) is done: printing again is a resend, not a new record. */
  recorded: boolean;
  /** An archived PDF purged after the retention period is being fetched back from HQ. */
  fetching: boolean;
  /** Archives (or, for an archived document, records the reprint) and prints. `reason` is for reprints. */
  print: (choice: PrintChoice, options?: { reason?: string; licenceReprint?: LicenceReprint | null }) => Promise<void>;
  /** Sends the archived bytes to the printer again after a job that did not complete (no new record). */
  resend: (choice: PrintChoice) => Promise<void>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function orientationFor(source: DocumentSource): Orientation {
  if (source.mode === 'archived') return orientationOf(source.row.kind as PrintableKind);
  return source.orientation ?? orientationOf(source.kind);
}

function jobTitle(kind: PrintableKind, documentNumber: string): string {
  return `${printableKindLabels[kind]} ${documentNumber}`;
}

/**
 * Generates → archives → prints → records. For a new document: draws it in the document worker with the
 * next 文号 so the preview shows the exact bytes; on 打印 archives those bytes with their op (redrawing if
 * another print took the number meanwhile), sends them to the printer and logs the job's outcome. For an
 * archived document: shows the stored bytes; on 重印 records the reprint and prints those same bytes.
 */
export function usePrintDocument(source: DocumentSource, initialPrinter: string | null): PrintDocument {
  const clerk = useClerk();
  const [stage, setStage] = useState<PrintStage>('drawing');
  const [document, setDocument] = useState<ReadyDocument | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [report, setReport] = useState<PrintReport | null>(null);
  const [archived, setArchived] = useState<DocumentRow | null>(source.mode === 'archived' ? source.row : null);
  const [recorded, setRecorded] = useState(false);
  const [fetching, setFetching] = useState(false);
  const drawCount = useRef(0);
  const sourceRef = useRef(source);
  useEffect(() => {
    sourceRef.current = source;
  });

  const draw = useCallback(async (printer: string | null): Promise<ReadyDocument | null> => {
    const current = sourceRef.current;
    const ticket = ++drawCount.current;
    setStage('drawing');
    setProblem(null);
    try {
      let ready: ReadyDocument;
      if (current.mode === 'archived') {
        const row = current.row;
        setFetching(row.pdf === null);
        const opened = await openArchivedPdf(ipcTransport(), row).finally(() => setFetching(false));
        if (!opened.ok) throw new Error(opened.message);
        ready = { pdf: opened.bytes, sha256: row.sha256, documentNumber: row.documentNumber, templateVersion: row.templateVersion, warnings: [] };
      } else {
        const issuedAt = chinaIso();
        const number = await nextDocumentNumber(deskDatabase(), current.kind, issuedAt);
        if (!number.ok) throw new Error(number.message);
        const generated = await generateDocument(await current.draw(number.value, issuedAt, printer));
        ready = { pdf: generated.bytes, sha256: generated.sha256, documentNumber: number.value, templateVersion: generated.templateId, warnings: generated.warnings };
      }
      if (ticket !== drawCount.current) return null;
      setDocument(ready);
      setStage('ready');
      return ready;
    } catch (error) {
      if (ticket === drawCount.current) {
        setDocument(null);
        setProblem(messageOf(error));
        setStage('failed');
      }
      return null;
    }
  }, []);

  useEffect(() => {
    void draw(initialPrinter);
    // Drawn once per mount: callers remount the hook's component for another serial or printer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draw]);

  const send = useCallback(
    async (row: DocumentRow, pdf: Uint8Array, choice: PrintChoice & { printer: string }) => {
      const sent = await sendToPrinter({
        pdf,
        printer: choice.printer,
        copies: choice.copies,
        paper: choice.paper,
        orientation: orientationFor(sourceRef.current),
        title: jobTitle(row.kind as PrintableKind, row.documentNumber),
      }).catch((error: unknown): PrintReport => ({ state: 'refused', jobId: null, message: m.outcome.refused(messageOf(error)) }));
      setReport(sent);
      setStage(sent.state === 'completed' ? 'printed' : 'failed');
      if (sent.state !== 'completed') setProblem(`${sent.message}${m.outcome.archived(row.documentNumber)}`);
      // The document is archived with its op already; failing to log the spooler's answer must not hide it.
      await recordPrintJob(deskDatabase(), { documentId: row.id, state: sent.state, jobId: sent.jobId, reason: sent.state === 'completed' ? null : sent.message }, clerk).catch(
        (error: unknown) => setProblem(m.unexpected(messageOf(error))),
      );
    },
    [clerk],
  );

  const print = useCallback<PrintDocument['print']>(
    async (choice, options = {}) => {
      const current = sourceRef.current;
      if (document === null) return;
      if (choice.printer === null) {
        setProblem(m.choosePrinter);
        return;
      }
      const printer = choice.printer;
      setStage('printing');
      setProblem(null);
      setReport(null);
      try {
        if (current.mode === 'archived') {
          const result = await reprintDocument(deskDatabase(), current.row.id, { reason: options.reason ?? '', copies: choice.copies, printerName: printer, fetched: document.pdf }, { clerk });
          if (!result.ok) {
            setProblem(result.message);
            setStage('ready');
            return;
          }
          setRecorded(true);
          await send(result.value.row, result.value.pdf, { ...choice, printer });
          return;
        }
        const draft = {
          kind: current.kind,
          caseId: current.caseId,
          eventSeq: current.eventSeq,
          documentNumber: document.documentNumber as DocumentNumber,
          templateVersion: document.templateVersion,
          pdf: document.pdf,
          sha256: document.sha256,
          copies: choice.copies,
          printerName: printer,
          licenceSheetSerial: current.licenceSheetSerial,
          licenceCopy: current.licenceCopy ?? null,
        };
        const result = await archiveDocument(deskDatabase(), draft, { clerk }, options.licenceReprint ?? null);
        if (!result.ok) {
          if (result.field === 'documentNumber') {
            await draw(printer);
            setProblem(m.redrawn);
            return;
          }
          setProblem(result.message);
          setStage('ready');
          return;
        }
        setArchived(result.value);
        setRecorded(true);
        await send(result.value, document.pdf, { ...choice, printer });
      } catch (error) {
        setProblem(m.unexpected(messageOf(error)));
        setStage('ready');
      }
    },
    [clerk, document, draw, send],
  );

  const resend = useCallback<PrintDocument['resend']>(
    async (choice) => {
      if (!recorded || archived === null || document === null || choice.printer === null) return;
      setStage('printing');
      setProblem(null);
      await send(archived, document.pdf, { ...choice, printer: choice.printer });
    },
    [recorded, archived, document, send],
  );

  return { stage, document, problem, report, archived, recorded, fetching, print, resend };
}
