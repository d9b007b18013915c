import { z } from 'zod';
import { CALIBRATION_LIMITS, calibrationSchema, identityCalibration, type Calibration } from '../documents/layout/calibration';
import type { SignedInClerk } from '../domain/clerks/account';
import { clerkIdSchema } from '../domain/clerks/clerkId';
import { isoDateTimeSchema } from '../domain/chineseDate';
import type { DocumentKind } from '../domain/documentEvents';
import { writeWithAudit } from './audit';
import { chinaIso } from './clock';
import { requirePermission } from './clerks';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import { issuanceDataMessages } from './issuanceMessages';
import type { LicenceSheetRow } from './records';
import { refusalsAsResults, type ChangeResult } from './refusal';

const m = issuanceDataMessages.settings;

/**
 * How this desk prints: a default printer and paper for each kind of document (set by the admin) and the
 * per-printer calibration of licence paper (set by the chief from the printed calibration sheet). Kept in
 * `meta`, validated on the way in and again on the way out.
 */

/** The paper sizes the print service accepts (see the IPC contract's `printPdf`). */
export const paperSizes = ['A3', 'A4', 'A5'] as const;
export type PaperSize = (typeof paperSizes)[number];

/** The documents the desk can draw and print (the others — 不予许可决定书, day report — come from elsewhere). */
export const printableKinds = [
  'receipt',
  'supplementaryReceipt',
  'acceptanceNotice',
  'deferralAcceptanceNotice',
  'correctionNotice',
  'refusalNotice',
  'commitmentLetter',
  'licenceOriginal',
  'licenceCopy',
  'calibrationSheet',
  'ledgerReport',
] as const satisfies readonly DocumentKind[];
export type PrintableKind = (typeof printableKinds)[number];

export function isPrintableKind(kind: DocumentKind): kind is PrintableKind {
  return (printableKinds as readonly string[]).includes(kind);
}

/** 正本 is 420 × 297 mm (A3, landscape); everything else is A4 portrait. */
export const standardPaper: Readonly<Record<PrintableKind, PaperSize>> = {
  receipt: 'A4',
  supplementaryReceipt: 'A4',
  acceptanceNotice: 'A4',
  deferralAcceptanceNotice: 'A4',
  correctionNotice: 'A4',
  refusalNotice: 'A4',
  commitmentLetter: 'A4',
  licenceOriginal: 'A3',
  licenceCopy: 'A4',
  calibrationSheet: 'A3',
  ledgerReport: 'A4',
};

export type LicencePaper = LicenceSheetRow['kind'];

const printerNameSchema = z
  .string()
  .min(1)
  .max(256)
  .refine((name) => !/\p{Cc}/u.test(name), { error: m.printerNameInvalid });

export const printerChoiceSchema = z.object({ printer: printerNameSchema, paper: z.enum(paperSizes) });
export type PrinterChoice = z.infer<typeof printerChoiceSchema>;

const printerDefaultsSchema = z.partialRecord(z.enum(printableKinds), printerChoiceSchema);
export type PrinterDefaults = z.infer<typeof printerDefaultsSchema>;

const calibrationRecordSchema = z.object({
  printer: printerNameSchema,
  paper: z.enum(['original', 'copy']),
  calibration: calibrationSchema,
  setBy: clerkIdSchema,
  setAt: isoDateTimeSchema,
});
export type CalibrationRecord = z.infer<typeof calibrationRecordSchema>;

const PRINTERS_KEY = 'printerDefaults';
const CALIBRATIONS_KEY = 'licenceCalibrations';

export async function readPrinterDefaults(db: DeskDatabase): Promise<PrinterDefaults> {
  const parsed = printerDefaultsSchema.safeParse((await guardStorage(() => db.meta.get(PRINTERS_KEY)))?.value);
  return parsed.success ? parsed.data : {};
}

/** The printer and paper a kind prints on by default: the admin's choice, else no printer and the standard paper. */
export function choiceFor(defaults: PrinterDefaults, kind: PrintableKind): { printer: string | null; paper: PaperSize } {
  const choice = defaults[kind];
  return choice === undefined ? { printer: null, paper: standardPaper[kind] } : choice;
}

/** Sets (or with `null` clears) the default printer and paper of one kind; admins only. */
export async function savePrinterDefault(
  db: DeskDatabase,
  actor: SignedInClerk,
  kind: PrintableKind,
  choice: PrinterChoice | null,
  now: Date = new Date(),
): Promise<ChangeResult<PrinterDefaults>> {
  const parsed = choice === null ? null : printerChoiceSchema.safeParse(choice);
  if (parsed !== null && !parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const value = parsed === null ? null : parsed.data;
  const audit = { at: chinaIso(now), clerkId: actor.id, action: 'settings.printerDefault', subject: `printing:${kind}`, details: { kind, choice: value } };
  return refusalsAsResults(() =>
    guardStorage(async () => {
      const { value: saved } = await writeWithAudit(db, [db.clerks], audit, async () => {
        await requirePermission(db, actor, 'printers.manage', m.notPermittedPrinters);
        const current = printerDefaultsSchema.safeParse((await db.meta.get(PRINTERS_KEY))?.value);
        const next: PrinterDefaults = { ...(current.success ? current.data : {}) };
        if (value === null) delete next[kind];
        else next[kind] = value;
        await db.meta.put({ key: PRINTERS_KEY, value: next });
        return next;
      });
      return saved;
    }),
  );
}

async function readCalibrationRecords(db: DeskDatabase): Promise<CalibrationRecord[]> {
  const parsed = z.array(calibrationRecordSchema).safeParse((await db.meta.get(CALIBRATIONS_KEY))?.value);
  return parsed.success ? parsed.data : [];
}

export async function listCalibrations(db: DeskDatabase): Promise<CalibrationRecord[]> {
  return guardStorage(() => readCalibrationRecords(db));
}

/** The correction licence fields are printed with on this printer and paper; none measured yet is no correction. */
export async function calibrationFor(db: DeskDatabase, printer: string, paper: LicencePaper): Promise<Calibration> {
  const records = await listCalibrations(db);
  return records.find((record) => record.printer === printer && record.paper === paper)?.calibration ?? identityCalibration;
}

/** Saves the chief's calibration of one printer and paper, replacing the previous one (kept in the audit log). */
export async function saveCalibration(
  db: DeskDatabase,
  actor: SignedInClerk,
  printer: string,
  paper: LicencePaper,
  calibration: Calibration,
  now: Date = new Date(),
): Promise<ChangeResult<CalibrationRecord>> {
  const at = chinaIso(now);
  const parsed = calibrationRecordSchema.safeParse({ printer, paper, calibration, setBy: actor.id, setAt: at });
  if (!parsed.success) {
    const outOfRange = parsed.error.issues.some((issue) => issue.path[0] === 'calibration');
    return { ok: false, message: outOfRange ? m.calibrationOutOfRange(CALIBRATION_LIMITS.offsetMm, CALIBRATION_LIMITS.minScale, CALIBRATION_LIMITS.maxScale) : m.printerNameInvalid };
  }
  const record = parsed.data;
  const audit = { at, clerkId: actor.id, action: 'settings.calibration', subject: `printer:${printer}`, details: { paper, ...calibration } };
  return refusalsAsResults(() =>
    guardStorage(async () => {
      await writeWithAudit(db, [db.clerks], audit, async () => {
        await requirePermission(db, actor, 'printer.calibrate', m.notPermittedCalibration);
        const others = (await readCalibrationRecords(db)).filter((existing) => !(existing.printer === printer && existing.paper === paper));
        await db.meta.put({ key: CALIBRATIONS_KEY, value: [...others, record] });
      });
      return record;
    }),
  );
}
