/** Chinese text of the rules on printed documents and the licence paper they use. */
export const documentMessages = {
  sheetSerial: '纸张编号应为 4–32 位大写字母、数字或连字符',
  reasonRequired: '作废或重印须写明原因',
  sheetVoidNeedsApproval: '作废执照纸须写明原因并经首席代表批准',
  copyMarkOnCopyOnly: '只有营业执照副本才标注副本序号',
} as const;
