/** 附件保留期限 and the storage warning, in Chinese. */
export const retentionMessages = {
  title: '附件保留期限',
  explanation:
    '扫描件和文书存档上传市级系统后，案件办结（含撤回、不予受理、不予许可）满保留期限的，本机原件将被清理，打开时自动从市级系统取回。填 0 表示永久保留。',
  daysLabel: '保留期限（案件办结后的天数）',
  save: '保存保留期限',
  saved: (days: number) => (days === 0 ? '已保存：本机永久保留附件原件。' : `已保存：案件办结满 ${days} 天后清理本机原件。`),
  current: (days: number) => (days === 0 ? '当前设置：本机永久保留附件原件。' : `当前设置：案件办结满 ${days} 天后清理本机原件（仅管理员可修改）。`),
  storageWarningTitle: '本机存储空间即将用满',
  storageWarning: (percent: string) => `已使用可用上限的 ${percent}。请确认附件已上传市级系统，必要时缩短附件保留期限，或联系运维人员扩充磁盘空间。`,
  statusHint: (percent: string) => `存储已用 ${percent}`,
  percent: (ratio: number) => `${Math.floor(ratio * 100)}%`,
} as const;
