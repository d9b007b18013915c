/** Chinese text of the ledger's writes: refusals a chief or clerk reads. */
export const ledgerDataMessages = {
  itemNotFound: '找不到该督办事项，可能尚未同步到本窗口',
  itemClosed: '该督办事项已办结，不能再修改',
  alreadyEscalated: '该办件已提请专班督办，事项尚未办结',
  caseFinished: (status: string) => `办件状态为「${status}」，无需提请督办`,
  reasonRequired: '须填写理由',
  resultRequired: '办结督办事项须填写办理结果',
  ownerRequired: '须填写责任单位',
  badDueDate: '办结期限格式应为 YYYY-MM-DD',
  dueDateUnchanged: '新的办结期限与原期限相同',
  followUpTextRequired: '须填写督办情况',
  followUpByRequired: '须填写办理人',
  exportTooLarge: (count: number, max: number) => `符合条件的督办事项有 ${count} 项，一次最多导出 ${max} 项，请先筛选`,
} as const;
