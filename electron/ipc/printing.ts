import { z } from 'zod';
import { printJobMessages } from './messages';

/**
 * The printing entries of the IPC contract, independent of CUPS or Windows: what the renderer may ask
 * the main process to print and what it answers. The print services of `electron/main/printing`
 * implement them.
 */

export const paperSizes = ['A3', 'A4', 'A5'] as const;
export const paperSizeSchema = z.enum(paperSizes, { error: printJobMessages.paperUnknown(paperSizes) });
export type PaperSize = z.infer<typeof paperSizeSchema>;

export const orientationSchema = z.enum(['portrait', 'landscape'], { error: printJobMessages.orientationUnknown });
export type Orientation = z.infer<typeof orientationSchema>;

/** A licence PDF is well under 1 MB; 20 MB leaves room for scanned attachments without letting a bad call exhaust memory. */
export const maxPdfBytes = 20 * 1024 * 1024;
export const maxCopies = 99;

// C0 and C1 control characters: never meaningful in a printer name or title, and dangerous in logs.
const controlCharacter = /\p{Cc}/u;
const pdfMagic = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export const pdfBytesSchema = z
  .instanceof(Uint8Array, { error: printJobMessages.pdfNotBytes })
  .refine((bytes) => bytes.byteLength > 0, printJobMessages.pdfEmpty)
  .refine((bytes) => bytes.byteLength <= maxPdfBytes, printJobMessages.pdfTooLarge(maxPdfBytes))
  .refine((bytes) => pdfMagic.every((byte, i) => bytes[i] === byte), printJobMessages.notPdf);

/** Platform-neutral: Windows names have spaces and backslashes, so CUPS rules are checked by the CUPS service. */
export const printerNameSchema = z
  .string({ error: printJobMessages.printerNameMissing })
  .min(1, printJobMessages.printerNameMissing)
  .max(256, printJobMessages.printerNameTooLong)
  .refine((name) => !controlCharacter.test(name), printJobMessages.printerNameControl);

export const printJobSchema = z.strictObject(
  {
    pdf: pdfBytesSchema,
    printer: printerNameSchema,
    copies: z
      .number({ error: printJobMessages.copiesRange })
      .int(printJobMessages.copiesRange)
      .min(1, printJobMessages.copiesRange)
      .max(maxCopies, printJobMessages.copiesRange),
    paper: paperSizeSchema,
    title: z
      .string({ error: printJobMessages.titleInvalid })
      .trim()
      .min(1, printJobMessages.titleInvalid)
      .max(200, printJobMessages.titleInvalid)
      .refine((title) => !controlCharacter.test(title), printJobMessages.titleInvalid),
    /** How the document's pages are laid out; the 正本 licence is landscape A3. */
    orientation: orientationSchema.default('portrait'),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? printJobMessages.unknownFields(issue.keys) : issue.code === 'invalid_type' ? printJobMessages.jobNotObject : undefined,
  },
);
export type PrintJob = z.output<typeof printJobSchema>;

export const printerStateSchema = z.enum(['idle', 'printing', 'stopped', 'unknown']);
export type PrinterState = z.infer<typeof printerStateSchema>;

export const printerSchema = z.object({
  name: z.string(),
  isDefault: z.boolean(),
  state: printerStateSchema,
  description: z.string().optional(),
  /** The printer's own status line (e.g. "paper jam"), as the driver reports it, untranslated. */
  message: z.string().optional(),
});
export type Printer = z.infer<typeof printerSchema>;

/** The spooler's id for a job, e.g. CUPS `DeskPDF-12` (queue name, dash, job number); on Windows a desk-local `windows-N`. */
export const printJobIdSchema = z
  .string()
  .max(300)
  .regex(/^\S+-\d{1,10}$/, printJobMessages.invalidJobId)
  .brand<'PrintJobId'>();
export type PrintJobId = z.output<typeof printJobIdSchema>;

/**
 * Where a job stands. `queued` is still in the spooler (waiting, printing, or behind a stopped printer);
 * `unknown` means nobody can say whether it printed: the spooler no longer knows the job, or (Windows)
 * the job was handed to a spooler that cannot be followed. Every non-completed state carries a reason in
 * Chinese for the clerk.
 */
export const printOutcomeSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('completed'), jobId: printJobIdSchema }),
  z.object({ state: z.literal('failed'), jobId: printJobIdSchema, reason: z.string() }),
  z.object({ state: z.literal('queued'), jobId: printJobIdSchema, reason: z.string() }),
  z.object({ state: z.literal('unknown'), jobId: printJobIdSchema, reason: z.string() }),
]);
export type PrintOutcome = z.output<typeof printOutcomeSchema>;
