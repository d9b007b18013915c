const list = (names: readonly string[]) => names.map((name) => `「${name}」`).join('、');

/**
 * Chinese text of the case rules: labels shown on screens and documents, and every refusal message.
 * Label maps are typed (and checked for completeness) where their keys are defined.
 */
export const casesMessages = {
  statusLabels: {
    drafting: '登记中',
    accepted: '已受理',
    acceptedWithDeferral: '容缺受理',
    awaitingCorrection: '待补正',
    refused: '不予受理',
    underReview: '审批中',
    approved: '准予许可',
    denied: '不予许可',
    awaitingIssuance: '待出证',
    completed: '已办结',
    withdrawn: '已撤回',
  },
  /** How a refusal describes where the case stands: "办件已不予受理，不能受理。" */
  statusSentences: {
    drafting: '办件尚在登记中',
    accepted: '办件已受理',
    acceptedWithDeferral: '办件已容缺受理',
    awaitingCorrection: '办件正等待申请人补正',
    refused: '办件已不予受理',
    underReview: '办件正在审批中',
    approved: '办件已准予许可',
    denied: '办件已不予许可',
    awaitingIssuance: '办件正在等待出证',
    completed: '办件已办结',
    withdrawn: '办件已撤回',
  },
  commandLabels: {
    accept: '受理',
    acceptWithDeferral: '容缺受理',
    issueCorrectionNotice: '出具一次性告知书',
    applicantReturns: '登记申请人补正后再次到场',
    refuse: '不予受理',
    withdraw: '撤回',
    startReview: '转入审批',
    approve: '准予许可',
    deny: '不予许可',
    markReadyForIssuance: '转入待出证',
    complete: '办结出件',
  },
  eventLabels: {
    opened: '登记办件',
    accepted: '受理',
    acceptedWithDeferral: '容缺受理',
    correctionNoticeIssued: '出具一次性告知书',
    applicantReturned: '申请人补正后再次到场',
    intakeCorrected: '修改受理信息',
    refused: '不予受理',
    withdrawn: '撤回申请',
    reviewStarted: '转入审批',
    approved: '准予许可',
    denied: '不予许可',
    readyForIssuance: '转入待出证',
    completed: '出件办结',
    offlineIssuanceApproved: '首席代表批准离线发证',
    conflictAcknowledged: '已知悉与市级系统不一致',
    deferredMaterialsReceived: '补交容缺材料',
    rejectionHandled: '处理被退回的数据',
  },
  documentLabels: {
    receipt: '收件凭证',
    acceptanceNotice: '受理通知书',
    deferralAcceptanceNotice: '容缺受理通知书',
    correctionNotice: '一次性告知书',
    refusalNotice: '不予受理通知书',
    denialDecision: '不予行政许可决定书',
    supplementaryReceipt: '补交收件凭证',
  },

  illegalTransition: (status: string, command: string, next: readonly string[]) =>
    `${status}，不能${command}。` + (next.length > 0 ? `当前可以：${next.join('、')}。` : '该办件已终结。'),
  unknownCommand: '无法识别的办件操作',
  checklistIncomplete: (names: readonly string[]) =>
    `以下必交材料尚未收齐，不能受理：${list(names)}。可出具一次性告知书，一次性告知申请人需补正的全部材料。`,
  deferredNeedsDeferralAcceptance: (names: readonly string[]) =>
    `材料${list(names)}标记为容缺，请改用容缺受理，并由申请人签署容缺承诺。`,
  noDeferredMaterial: '清单中没有标记为容缺的材料，请直接受理。',
  notDeferrable: (names: readonly string[]) => `以下材料按规定不允许容缺受理：${list(names)}。`,
  deadlineRepeated: (name: string) => `容缺材料「${name}」的补交期限填写了不止一次。`,
  deadlineForNonDeferred: (name: string) => `「${name}」不是本办件标记为容缺的材料，不能为其填写补交期限。`,
  deadlineMissing: (names: readonly string[]) => `请为容缺材料${list(names)}填写补交期限。`,
  deadlineBeforeAcceptance: (name: string, deadline: string, acceptedOn: string) =>
    `容缺材料「${name}」的补交期限（${deadline}）早于受理日期（${acceptedOn}）。`,
  deadlineAfterDue: (name: string, deadline: string, due: string) =>
    `容缺材料「${name}」的补交期限（${deadline}）超出承诺办结期限（${due}），容缺材料须在承诺时限内补齐。`,
  noticeItemUnknown: (key: string) => `材料清单中没有编号为“${key}”的材料，无法列入告知书。`,
  noticeItemRepeated: (name: string) => `材料「${name}」在告知书中重复列出。`,
  noticeItemNeedsProblem: (name: string) => `材料「${name}」已收取，列入告知书时请写明需要补正的内容。`,
  noticeIncomplete: (names: readonly string[]) =>
    `一次性告知须列明全部缺少的必交材料，尚未列入：${list(names)}。`,
  supplementLabel: '登记补交容缺材料',
  supplementClosed: (status: string) => `${status}，不能登记补交容缺材料。`,
  nothingDeferred: '本办件没有容缺材料，无需补交。',
  supplementNotDeferred: (name: string) => `「${name}」不是本办件容缺受理时约定补交的材料。`,
  supplementAlreadyIn: (name: string) => `容缺材料「${name}」已经补交，无需再次登记。`,
  supplementRepeated: (name: string) => `材料「${name}」在本次补交中重复列出。`,
  supplementEmpty: '请至少选择一项补交的容缺材料',
  /**
   * The applicant's 容缺 undertaking as the counter offers it to sign: the dialog's default, and so what the
   * 容缺受理通知书 prints unless the clerk wrote another (the notice prints the one recorded on the case).
   */
  deferralUndertaking:
    '本人（单位）已知悉上述容缺材料及补交期限，承诺在规定期限内补齐全部材料，并对所提交材料的真实性、合法性负责。逾期未补齐的，同意按撤回申请处理，由此产生的后果由本人（单位）承担。',
  deferredOutstanding: (names: readonly string[]) => `以下容缺材料尚未补齐，不能出证：${list(names)}。`,
  intakeClosed: (status: string) => `${status}，不能再修改受理信息。`,
  intakeCorrectionEmpty: '受理信息没有变化，无需保存。',
  calendarNotCovered: (detail: string) => `无法计算承诺办结日期：${detail}`,
  promisedDaysInvalid: '承诺时限应为0至365之间的整数（工作日）',
  field: (label: string, detail: string) => `${label}：${detail}`,
  fieldEmpty: (label: string) => `请填写${label}`,
  /** A case's top-level fields, as conflicts and changes name them. */
  caseFieldLabels: {
    caseNumber: '办件编号',
    status: '状态',
    enterprise: '企业',
    applicant: '申请人',
    agent: '代理人',
    matterCodes: '事项',
    bundleCode: '一件事',
    answers: '受理问答',
    catalogueVersion: '目录版本',
    queueTicket: '排队号',
    visits: '到场次数',
    createdAt: '登记时间',
    licenceCopies: '副本份数',
    legalRepresentative: '法定代表人',
    shareholders: '自然人股东',
    queueService: '叫号与办理时间',
  },
  tooManyShareholders: (max: number) => `自然人股东最多${max}名`,
  rejections: {
    handledAlready: '这条被退回的数据已处理过',
    reasonRequired: '不再发送须写明原因',
    notRejected: '这条数据没有被市级系统退回',
    notResendable: '已打印的文书、证书纸和领证记录不能重新发送，请写明原因后不再发送，并与市级系统核对',
  },
  licenceCopies: {
    countInvalid: (max: number) => `副本份数应为1到${max}之间的整数`,
    numberBeyondCount: '副本序号不能大于副本份数',
    mark: (number: number, of: number) => `副本 ${number}/${of}`,
    printedAlready: (marks: string) => `已打印的${marks}上印有原份数，须先作废这些副本，才能改副本份数`,
  },
  fieldLabels: {
    reason: '理由',
    undertaking: '申请人容缺承诺',
    problem: '需补正的内容',
    note: '备注',
    collectorName: '领取人姓名',
    collectorIdNumber: '领取人证件号码',
  },
  withdrawal: {
    requestMissing: '撤回须有申请人的书面撤回申请：请上传申请人提交的书面申请扫描件，或打印撤回申请由申请人当场签字',
    notSigned: '打印的撤回申请须由申请人当场签字后才能撤回',
  },
  deadlinesEmpty: '请为容缺材料填写补交期限',
  noticeItemsEmpty: '一次性告知书至少应列出一项需补正的材料',
  materialKeyEmpty: '材料编号不能为空',
  caseId: '办件编号格式不正确',
  caseNumber: {
    invalid: '办件号格式不正确（应如 FC03-20261128-0001）',
    hallCode: '大厅代码应为2至6位大写字母或数字',
    deskCode: '窗口号应为两位数字，如 03',
    sequence: '当日序号应为从1开始的整数',
  },
  /** 告知承诺 and its 核查. */
  commitment: {
    outcomeLabels: { truthful: '属实', untruthful: '不属实' },
    actionRequired: '核查结果为不属实的，请写明采取的处理措施',
    statement: (material: string) =>
      `本人承诺已具备「${material}」所证明的条件，以本承诺代替提交该材料，并在核查时如实提供相关证明。`,
  },
  /** The case and its events as desks and HQ keep them. */
  record: {
    emptyPatch: '办件数据为空',
    deferredNeedsDeadline: '容缺的材料须有补交期限',
    attachmentType: '附件类型应为 PDF 或图片',
  },
  /** 营业期限 on the licence, and refusals of a term that cannot be. */
  businessTerm: {
    longTerm: '长期',
    range: (from: string, until: string) => `${from} 至 ${until}`,
    required: '请选择营业期限：长期，或至某日',
    untilInvalid: '请填写营业期限的截止日期',
    endsBeforeStart: '营业期限的截止日期不能早于起始日期（未另行载明的，起始日期为成立日期）',
    startsBeforeEstablished: '营业期限的起始日期不能早于成立日期',
  },
} as const;
