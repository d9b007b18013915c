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
  /** The owner of a green-card item before the chief names another: the enterprise's liaison. */
  greenCardDepartment: '服务绿卡专员',
  /** The result an item gets when the desk closes it because it no longer applies (nobody acted on it). */
  autoClosedResult: (why: string) => `事项已不再需要督办（${why}），系统自动办结`,
  noLongerApplies: {
    overdue: '办件已办结或已作出决定',
    deferred: '容缺材料已补交或办件已结束',
    commitment: '承诺核查已完成或办件已结束',
    greenCard: '办件已办结、撤回或不予许可',
  },
} as const;
