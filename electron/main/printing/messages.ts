/** Printing messages shown to the clerk (through IPC refusals and job outcomes). */

/** Appends the spooler's own detail in full-width brackets, when there is one. */
const withDetail = (detail: string | undefined) => (detail ? `（${detail}）` : '');

export const printMessages = {
  unsupportedPlatform: '本机操作系统暂不支持打印',

  // Input checks of the CUPS adapter (the IPC schema's own are `printJobMessages` in electron/ipc).
  cupsPrinterNameInvalid: (name: string) =>
    `打印机名称“${name}”不符合 CUPS 的命名规则（不能含空格、/、\\、#、?、@、引号，也不能以“-”开头）。`,

  // The spooler itself.
  cupsMissing: '本机未安装 CUPS 打印系统（找不到 lp / lpstat 命令），请联系管理员安装。',
  schedulerNotRunning: '打印服务（CUPS）没有运行，请联系管理员启动打印服务后重试。',
  commandTimedOut: (command: string) => `打印命令 ${command} 长时间没有响应，请检查打印服务。`,
  commandFailed: (command: string, detail: string) => `打印命令 ${command} 执行失败：${detail || '没有错误说明'}`,
  unreadableOutput: (command: string) => `无法识别打印命令 ${command} 的输出，是否已送打未知，请查看打印队列。`,
  noSuchPrinter: (name: string) => `找不到打印机“${name}”，请在设置中重新选择打印机。`,
  printerNotAccepting: (name: string) => `打印机“${name}”当前不接收打印任务，请联系管理员。`,
  jobStateQueryFailed: (detail: string) => `查询打印任务状态失败：${detail}`,

  // Windows (pdf-to-printer: PowerShell lists printers, its bundled SumatraPDF prints).
  windowsPrinterListFailed: (detail: string) => `无法读取 Windows 打印机列表：${detail || '没有错误说明'}`,
  powershellMissing: '找不到 Windows PowerShell，无法读取打印机列表，请联系管理员。',
  sumatraMissing: '找不到随一窗通安装的 PDF 打印组件（SumatraPDF），请重新安装一窗通或联系管理员。',
  windowsPrintFailed: (detail: string) => `PDF 打印组件（SumatraPDF）没能把文件送到打印机：${detail || '没有错误说明'}`,
  windowsExitCode: (code: number) => `退出码 ${code}`,
  windowsPrintTimedOut: (seconds: number) =>
    `PDF 打印组件（SumatraPDF）${seconds} 秒内没有完成送打，是否已进入打印队列未知`,
  windowsSpooled: (printer: string, copies: number) =>
    `已交给 Windows 打印机“${printer}”的打印队列（${copies} 份），但 Windows 下本程序无法跟踪任务是否打完`,
  windowsNotTracked: 'Windows 下本程序无法查询打印任务的进度',

  // Job outcomes.
  jobWaiting: '任务已送入打印队列，正在排队等待打印。',
  jobPrinting: '正在打印，尚未完成。',
  jobHeld: '任务已被挂起，放行后才会打印。',
  printerStopped: (detail?: string) => `打印机已停止${withDetail(detail)}，任务仍在队列中，恢复打印机后会继续打印。`,
  jobStopped: (detail?: string) => `任务已停止处理${withDetail(detail)}，仍在队列中，请联系管理员。`,
  jobCanceled: (detail?: string) => `打印任务已被取消${withDetail(detail)}，没有打印完成。`,
  jobAborted: (detail?: string) => `打印系统中止了该任务${withDetail(detail)}，没有打印完成。`,
  jobCompletedWithErrors: (detail?: string) => `打印过程中出错${withDetail(detail)}，请检查打印件后重新打印。`,
  jobNotFound: '打印系统中已经没有该任务的记录，无法确认是否打印完成，请查看打印机出纸。',
} as const;
