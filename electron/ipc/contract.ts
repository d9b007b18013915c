import { z } from 'zod';
import type { ChannelKey } from './channels';
import { dataKeyAnswerSchema } from './dataKey';
import {
  blobRefInputSchema,
  closeDayInputSchema,
  enrolInputSchema,
  hqConfigSchema,
  hqOutputSchemas,
  issuanceClaimInputSchema,
  issuanceReleaseInputSchema,
  pullInputSchema,
  pushInputSchema,
  putBlobInputSchema,
  queueActInputSchema,
  queueCallInputSchema,
  referenceInputSchema,
} from './hq';
import {
  backupAdoptInputSchema,
  backupAppendInputSchema,
  backupChosenFileSchema,
  backupDataKeySchema,
  backupSecretInputSchema,
  backupSecretStateSchema,
  backupCloseInputSchema,
  backupCloseOutputSchema,
  backupFileSchema,
  backupFolderSchema,
  backupOpenInputSchema,
  backupReadInputSchema,
  backupReadOutputSchema,
  backupWriteIdSchema,
} from './backup';
import { saveExportInputSchema, saveExportOutputSchema } from './exportFile';
import { printerSchema, printJobIdSchema, printJobSchema, printOutcomeSchema } from './printing';

/**
 * The one IPC contract between the renderer and the main process. Each entry's input is parsed on the
 * main side before its handler runs; the renderer sees only `window.desk`, typed from this file.
 */
export const contract = {
  appInfo: {
    input: z.undefined(),
    output: z.object({
      version: z.string(),
      dataFolder: z.string(),
      platform: z.enum(['linux', 'darwin', 'win32', 'other']),
      runtime: z.string(),
    }),
  },
  openExternal: {
    input: z.object({ url: z.string().max(2048) }).strict(),
    output: z.object({ opened: z.literal(true) }),
  },
  listPrinters: {
    input: z.undefined(),
    output: z.array(printerSchema),
  },
  printPdf: {
    input: printJobSchema,
    output: printOutcomeSchema,
  },
  printJobState: {
    input: z.object({ jobId: printJobIdSchema }).strict(),
    output: printOutcomeSchema,
  },
  // The key the renderer encrypts stored personal data with: handed out once per page load, never again.
  dataKey: { input: z.undefined(), output: dataKeyAnswerSchema },
  // HQ sync (ARCHITECTURE.md, "The sync contract"): the main process holds the token and makes the request; answers never carry it.
  hqGetConfig: { input: z.undefined(), output: hqConfigSchema },
  hqEnrol: { input: enrolInputSchema, output: hqOutputSchemas.enrol },
  hqPush: { input: pushInputSchema, output: hqOutputSchemas.push },
  hqPull: { input: pullInputSchema, output: hqOutputSchemas.pull },
  hqReference: { input: referenceInputSchema, output: hqOutputSchemas.reference },
  hqPutBlob: { input: putBlobInputSchema, output: hqOutputSchemas.putBlob },
  hqHasBlob: { input: blobRefInputSchema, output: hqOutputSchemas.hasBlob },
  // A purged scan or archived PDF fetched back when opened; the main process checks the bytes' SHA-256.
  hqGetBlob: { input: blobRefInputSchema, output: hqOutputSchemas.getBlob },
  hqCloseDay: { input: closeDayInputSchema, output: hqOutputSchemas.closeDay },
  // One window issues a case's licence: the claim is taken before 正本/副本 print.
  hqClaimIssuance: { input: issuanceClaimInputSchema, output: hqOutputSchemas.claimIssuance },
  hqReleaseIssuance: { input: issuanceReleaseInputSchema, output: hqOutputSchemas.releaseIssuance },
  // The hall's queue (叫号): call the next ticket for this window's lines, then recall, skip, transfer or finish it.
  hqQueueCall: { input: queueCallInputSchema, output: hqOutputSchemas.queueCall },
  hqQueueAct: { input: queueActInputSchema, output: hqOutputSchemas.queueAct },
  // Backup files, only in the folder the admin chose (see electron/ipc/backup.ts).
  backupGetFolder: { input: z.undefined(), output: backupFolderSchema },
  backupChooseFolder: { input: z.undefined(), output: backupFolderSchema },
  backupOpen: { input: backupOpenInputSchema, output: backupWriteIdSchema },
  backupAppend: { input: backupAppendInputSchema, output: z.object({ written: z.int().min(0) }) },
  backupClose: { input: backupCloseInputSchema, output: backupCloseOutputSchema },
  backupAbort: { input: backupWriteIdSchema, output: z.object({ aborted: z.literal(true) }) },
  backupList: { input: z.undefined(), output: z.array(backupFileSchema) },
  backupRead: { input: backupReadInputSchema, output: backupReadOutputSchema },
  backupChooseFile: { input: z.undefined(), output: backupChosenFileSchema },
  // The passphrase's derived secret, sealed in the main process, so the backup at day close needs no passphrase.
  backupSecretGet: { input: z.undefined(), output: backupSecretStateSchema },
  backupSecretSet: { input: backupSecretInputSchema, output: z.object({ setAt: z.string() }) },
  // The raw data key only for the inside of a backup, and a restored backup's key adopted as this desk's.
  backupDataKey: { input: z.undefined(), output: backupDataKeySchema },
  backupAdoptDataKey: { input: backupAdoptInputSchema, output: z.object({ adopted: z.literal(true) }) },
  // An export (the 督办台账's .xlsx) saved where the person picks in the save dialog (see electron/ipc/exportFile.ts).
  saveExport: { input: saveExportInputSchema, output: saveExportOutputSchema },
  // The desk has an account: from now on its data key is never replaced by a restored backup's.
  dataKeyInUse: { input: z.undefined(), output: z.object({ marked: z.literal(true) }) },
  // The document camera (高拍仪) dialog opened or closed: the camera permission is granted only while it is open.
  cameraDialog: { input: z.object({ open: z.boolean() }).strict(), output: z.object({ open: z.boolean() }) },
} satisfies Record<ChannelKey, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type ChannelInput<K extends ChannelKey> = z.input<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelKey> = z.output<Contract[K]['output']>;

export const ipcErrorCodes = ['untrusted_sender', 'invalid_input', 'refused', 'failed'] as const;
export type IpcErrorCode = (typeof ipcErrorCodes)[number];

/** Every reply is an envelope, because an Error thrown across IPC loses its type and fields. */
export const ipcErrorSchema = z.object({ code: z.enum(ipcErrorCodes), message: z.string() });
export type IpcError = z.infer<typeof ipcErrorSchema>;
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** What the preload exposes as `window.desk`: exactly one function per contract entry. */
export type DeskApi = {
  [K in ChannelKey]: ChannelInput<K> extends undefined
    ? () => Promise<IpcResult<ChannelOutput<K>>>
    : (input: ChannelInput<K>) => Promise<IpcResult<ChannelOutput<K>>>;
};

/** The main-side implementations; thrown `RefusedError`s become `refused` replies with their message. */
export type Handlers = {
  [K in ChannelKey]: (input: z.output<Contract[K]['input']>) => Promise<ChannelOutput<K>> | ChannelOutput<K>;
};
