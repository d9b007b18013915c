/** What the sync engine records for the clerk (last error, pause reason), in Chinese. */
export const syncMessages = {
  sequenceMissing: (seq: number) => `市级系统等待序号 ${seq} 的数据，但本机没有这条记录，同步已暂停，请联系管理员。`,
  sequenceContradiction: (expected: number, first: number) =>
    `市级系统等待序号 ${expected}，本机待发送的数据从序号 ${first} 开始，双方记录不一致，同步已暂停，请联系管理员。`,
  opTooLarge: (seq: number) => `序号 ${seq} 的数据超过市级系统的单次上限，无法发送，同步已暂停，请联系管理员。`,
  cursorStuck: '市级系统的变更分页没有前进，本次同步中止，稍后重试。',
  unexpected: (detail: string) => `同步时出错：${detail}`,
  catalogueShape: (count: number) => `市级系统发来的事项目录应为一份完整文档，实际收到 ${count} 份`,
  referenceRefused: (label: string, version: number, detail: string) => `市级系统发布的${label}（第 ${version} 版）未通过校验，继续使用现有版本：${detail}`,
  referenceLabels: { catalogue: '事项目录', calendar: '工作日历', greencards: '服务绿卡名单' },
} as const;
