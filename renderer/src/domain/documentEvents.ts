import { z } from 'zod';
import { caseDocumentKinds } from './cases/caseDocuments';
import { caseIdSchema } from './cases/caseId';
import { licenceCopyMarkSchema } from './cases/licenceCopies';
import { clerkIdSchema } from './clerks/clerkId';
import { documentMessages } from './documentMessages';
import { documentNumberSchema } from './documentNumber';
import { eventRecordMeta } from './eventRecord';
import { sha256Schema } from './sha256';
import { plainTextSchema } from './text';

/**
 * What happens to printed documents and to the pre-numbered licence paper, as desks and HQ keep it:
 * each event has a payload (what its op carries) and a record (the payload with `eventRecordMeta`).
 */

/** The documents of case decisions, and the others a desk prints. */
export const documentKinds = [
  ...caseDocumentKinds,
  // 告知承诺书: signed at intake, before (and whatever) the counter decision.
  'commitmentLetter',
  'licenceOriginal',
  'licenceCopy',
  'calibrationSheet',
  'dayReport',
  // 督办台账 printed by the chief: a document of no case, numbered and archived like the others.
  'ledgerReport',
] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const documentActions = ['printed', 'reprinted', 'voided'] as const;
export type DocumentAction = (typeof documentActions)[number];

/** 营业执照 paper stock serial, printed on the pre-numbered sheet. */
export const licenceSheetSerialSchema = z.string().regex(/^[0-9A-Z-]{4,32}$/, { error: documentMessages.sheetSerial });

const documentEventShape = {
  /** Null for documents of no case (calibration sheet, day report). */
  caseId: caseIdSchema.nullable(),
  documentNumber: documentNumberSchema,
  kind: z.enum(documentKinds),
  action: z.enum(documentActions),
  /** Of the archived PDF bytes, exactly as printed. */
  sha256: sha256Schema,
  templateVersion: z.string().min(1).max(32),
  copies: z.int().min(0).max(20),
  printerName: plainTextSchema(200).nullable(),
  licenceSheetSerial: licenceSheetSerialSchema.nullable(),
  /** Extension: which 副本 a `licenceCopy` sheet is (副本 2/3); absent from older desks, where it is the only one. */
  licenceCopy: licenceCopyMarkSchema.nullable().optional(),
  /** Required to void or reprint. */
  reason: plainTextSchema(500, true).nullable(),
};
export const documentEventPayloadSchema = z
  .object(documentEventShape)
  .refine((event) => event.action === 'printed' || event.reason !== null, { error: documentMessages.reasonRequired, path: ['reason'] })
  .refine((event) => event.kind === 'licenceCopy' || event.licenceCopy == null, { error: documentMessages.copyMarkOnCopyOnly, path: ['licenceCopy'] });
export type DocumentEventPayload = z.infer<typeof documentEventPayloadSchema>;

export const licenceSheetActions = ['used', 'voided'] as const;
export type LicenceSheetAction = (typeof licenceSheetActions)[number];

const licenceSheetEventShape = {
  serial: licenceSheetSerialSchema,
  action: z.enum(licenceSheetActions),
  caseId: caseIdSchema.nullable(),
  documentNumber: documentNumberSchema.nullable(),
  reason: plainTextSchema(500, true).nullable(),
  /** The chief representative who approved a void. */
  approvedBy: clerkIdSchema.nullable(),
};
export const licenceSheetEventPayloadSchema = z
  .object(licenceSheetEventShape)
  .refine((event) => event.action === 'used' || (event.reason !== null && event.approvedBy !== null), {
    error: documentMessages.sheetVoidNeedsApproval,
    path: ['reason'],
  });
export type LicenceSheetEventPayload = z.infer<typeof licenceSheetEventPayloadSchema>;

export const documentEventRecordSchema = z.object({ ...documentEventShape, ...eventRecordMeta });
export const licenceSheetEventRecordSchema = z.object({ ...licenceSheetEventShape, ...eventRecordMeta });
export type DocumentEventRecord = z.infer<typeof documentEventRecordSchema>;
export type LicenceSheetEventRecord = z.infer<typeof licenceSheetEventRecordSchema>;
