export const dayCloseMessages = {
  title: '日结',
  summary: '每日营业结束时汇总当日办件与出证情况，与市级系统对账并由首席代表签字。',
  upcoming: ['当日办件、文书、证书用量汇总', '未同步事项清单', '与市级系统对账', '打印并归档日结报表'],
} as const;
