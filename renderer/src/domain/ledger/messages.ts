/** Chinese text of the ledger's rules: labels of sources and states, and refusals. */
export const ledgerMessages = {
  sourceLabels: {
    overdue: '超期预警',
    deferred: '容缺逾期',
    commitment: '承诺核查逾期',
    escalated: '提请督办',
    greenCard: '绿卡企业',
    rating: '差评整改',
  },
  statusLabels: {
    open: '待督办',
    supervising: '督办中',
    closed: '已办结',
  },
  resultRequired: '办结督办事项须填写办理结果',
  reasonRequired: '须填写理由',
  subjectRequired: '容缺、承诺核查和差评整改事项须注明对应的材料或评价',
} as const;
