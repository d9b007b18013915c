export const dataMessages = {
  quotaExceeded: '本机存储空间已满，本次保存未完成，已录入的内容未丢失。请联系管理员清理磁盘空间后重试。',
  databaseBlocked: '数据库正被另一个窗口占用，请关闭其他一窗通窗口后重试。',
  saveFailed: (detail: string) => `保存失败：${detail}。已录入的内容未丢失，请重试。`,
} as const;
