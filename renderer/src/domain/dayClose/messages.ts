/** Chinese text of the day-close rules: why a day cannot be closed (yet), or signed. */
export const dayCloseMessages = {
  unsynced: (pending: number, sending: number) =>
    `尚有 ${pending + sending} 条业务数据未同步到市级系统（待发送 ${pending} 条，发送中 ${sending} 条），同步完成后才能日结。`,
  alreadyClosed: (date: string) => `${date}已日结，不能重复日结。`,
  dayClosedForWork: (date: string) => `${date}已日结（首席代表已签字），当日不能再办理受理、决定、材料登记、打印或交付，请于下一个工作日办理。`,
  notReconciled: '须先与市级系统对账一致，才能签字日结。',
  changedSinceReconciled: '对账后本窗口又产生了新的业务数据，请重新推送并对账后再签字。',
  notPermittedPrepare: '您没有日结对账的权限。',
  numberMoved: '文号已被占用，请重新生成日结报表。',
  bytesChanged: '日结报表内容与生成时不一致，请重新生成。',
  unprintedUnexplained: (documents: readonly string[]) =>
    `当日已作出决定的文书尚有 ${documents.length} 份未打印（${documents.join('、')}）：请先打印，或由首席代表逐份填写未打印的原因后再签字。`,
  unprintedReasonTooLong: (caseNumber: string, document: string, max: number) => `${caseNumber} ${document}未打印的原因不能超过 ${max} 个字。`,
} as const;
