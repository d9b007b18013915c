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
  /** Opening a scan or archived PDF whose bytes were purged after the retention period. */
  fetchBack: {
    offline: '此文件已在保留期满后移交市级系统保存，本机不再保留原件；当前无法连接市级系统，网络恢复后即可打开。',
    notAtHq: '市级系统没有找到此文件，无法取回，请联系管理员。',
    notHere: '本机没有此文件的内容。',
    wrongBytes: '市级系统传回的文件与本机记录的校验值（SHA-256）不符，未予采用，请联系管理员。',
    refused: (detail: string) => `无法从市级系统取回此文件：${detail}`,
  },
} as const;
