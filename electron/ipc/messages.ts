/** Messages the main process sends back to the renderer. */
export const ipcMessages = {
  untrustedSender: '请求来源不受信任，已拒绝。',
  invalidInput: (issues: string) => `请求内容不符合要求：${issues}`,
  failed: '主进程处理请求时出错，请重试；如仍失败请联系管理员。',
  externalUrlRefused: '该链接不在允许打开的网址名单内。',
  backupNoFolder: '尚未选择备份文件夹，请管理员在“设置”中选择。',
  backupNoWrite: '备份文件写入已中断，请重新备份。',
  dataKeyAlreadyHanded: '本页面已经取得过数据密钥，不再重复提供；请重新启动程序。',
  dataKeyInUse: '本机已设置过账户，其数据密钥不能再被备份中的替换；只能在全新安装的本机上从备份恢复，未恢复任何数据。',
  dataKeyNotAdoptable: '本机无法保存备份中的数据密钥（系统密钥库不可用），未恢复任何数据。',
  backupNoSecret: '尚未设置备份密码，请管理员在“设置 › 备份与恢复”中设置。',
  backupSecretUnreadable: '备份密码的保存记录无法读取（可能已从其他备份恢复），请管理员重新设置备份密码。',
  backupFileName: '所选文件的名称不是一窗通备份文件的名称（yct-窗口-日期-时间.yctbak），请选择备份文件夹中的原始文件。',
} as const;

/** Why a print request is refused before it reaches a printer (the IPC schema's checks). */
export const printJobMessages = {
  pdfNotBytes: '打印内容必须是 PDF 文件的字节数据。',
  pdfEmpty: '打印内容为空。',
  pdfTooLarge: (maxBytes: number) => `打印文件过大：不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB。`,
  notPdf: '打印内容不是 PDF 文件。',
  printerNameMissing: '请选择打印机。',
  printerNameTooLong: '打印机名称过长。',
  printerNameControl: '打印机名称含有不可见的控制字符。',
  jobNotObject: '打印请求的格式不正确。',
  unknownFields: (keys: readonly string[]) => `打印请求含有不支持的字段：${keys.join('、')}。`,
  paperUnknown: (sizes: readonly string[]) => `纸张只能是 ${sizes.join('、')}。`,
  orientationUnknown: '版面方向只能是纵向（portrait）或横向（landscape）。',
  copiesRange: '份数必须是 1 到 99 之间的整数。',
  titleInvalid: '文档标题不能为空、不能超过 200 个字，也不能含控制字符。',
  invalidJobId: '打印任务编号格式不正确。',
} as const;
