/**
 * IPC channel names, one per contract entry. Kept apart from the zod schemas so the sandboxed preload
 * bundles only these strings.
 */
export const channels = {
  appInfo: 'desk:app-info',
  openExternal: 'desk:open-external',
  listPrinters: 'printers:list',
  printPdf: 'print:pdf',
  printJobState: 'print:job-state',
  saveExport: 'desk:save-export',
  dataKey: 'desk:data-key',
  hqGetConfig: 'hq:get-config',
  hqEnrol: 'hq:enrol',
  hqPush: 'hq:push',
  hqPull: 'hq:pull',
  hqReference: 'hq:reference',
  hqPutBlob: 'hq:put-blob',
  hqHasBlob: 'hq:has-blob',
  hqGetBlob: 'hq:get-blob',
  hqCloseDay: 'hq:close-day',
  hqClaimIssuance: 'hq:claim-issuance',
  hqReleaseIssuance: 'hq:release-issuance',
  hqQueueCall: 'hq:queue-call',
  hqQueueAct: 'hq:queue-act',
  backupGetFolder: 'backup:get-folder',
  backupChooseFolder: 'backup:choose-folder',
  backupOpen: 'backup:open',
  backupAppend: 'backup:append',
  backupClose: 'backup:close',
  backupAbort: 'backup:abort',
  backupList: 'backup:list',
  backupRead: 'backup:read',
  backupChooseFile: 'backup:choose-file',
  backupSecretGet: 'backup:secret-get',
  backupSecretSet: 'backup:secret-set',
  backupDataKey: 'backup:data-key',
  backupAdoptDataKey: 'backup:adopt-data-key',
  dataKeyInUse: 'data-key:in-use',
  cameraDialog: 'camera:dialog',
} as const;

export type ChannelKey = keyof typeof channels;
export const channelKeys = Object.keys(channels) as ChannelKey[];
