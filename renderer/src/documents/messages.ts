/** Every Chinese string the documents print or report, in one place. */

const LICENSING_LAW = '《中华人民共和国行政许可法》';

export const documentMessages = {
  titles: {
    receipt: '收件凭证',
    supplementaryReceipt: '补交收件凭证',
    acceptanceNotice: '受理通知书',
    deferredAcceptanceNotice: '容缺受理通知书',
    correctionNotice: '补正材料通知书',
    rejectionNotice: '不予受理通知书',
    withdrawalRequest: '撤回申请',
    commitmentLetter: '告知承诺书',
    calibrationSheet: '套打校准页',
    licenceOriginal: '营业执照（正本）',
    licenceDuplicate: '营业执照（副本）',
    dayReport: '日结报表',
    recoverySheet: '备份恢复单',
    ledgerReport: '督办台账',
  },
  /** The 一次性告知 notice carries both names, as halls call it either. */
  correctionSubtitle: '（一次性告知书）',

  common: {
    caseNumber: '办件编号',
    catalogueVersion: '事项目录版本',
    templateVersion: (version: string) => `文书版本 第${version}版`,
    page: (index: number, count: number) => `第${index}页 共${count}页`,
    sealHere: '（盖章）',
    addressee: (name: string) => `${name}：`,
    qrCaption: '扫码查询办理进度',
    contact: (address: string, phone: string) => `办理地点：${address}\u3000咨询电话：${phone}`,
    signature: '申请人（签字或盖章）：',
    signatureDate: '日期：\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日',
    matterList: (names: string[]) => names.map((name) => `“${name}”`).join('、'),
    continued: '（续）',
    overflowMarker: '（详见附页）',
  },

  receipt: {
    fields: {
      caseNumber: '办件编号',
      receivedAt: '收件时间',
      enterprise: '企业名称',
      applicant: '申请人',
      agent: '代理人',
      phone: '联系电话',
      window: '收件窗口',
      clerk: '收件人',
      dueDate: '承诺办结',
      liaison: '绿卡专员',
    },
    mattersHeading: '一、申请事项',
    matterColumns: ['序号', '事项名称', '实施部门', '承诺时限'],
    promisedDays: (days: number) => (days === 0 ? '即办' : `${days}个工作日`),
    materialsHeading: '二、已收取材料',
    materialColumns: ['序号', '材料名称', '形式', '份数', '页数'],
    deferredHeading: '三、容缺后补材料',
    deferredColumns: ['序号', '材料名称', '补交期限'],
    dueDate: (date: string, days: number) => `${date}前（自受理之日起${days}个工作日，法定节假日顺延）`,
    notes: [
      '本凭证仅证明窗口已收到上述材料，不代表申请已被受理；是否受理以本机关出具的受理、容缺受理、补正或不予受理文书为准。',
      '请妥善保管本凭证，凭办件编号或扫描二维码查询办理进度、领取办理结果。',
    ],
    seal: '（收件专用章）',
  },

  supplementary: {
    intro: (acceptedOn: string) => `本办件于${acceptedOn}容缺受理。申请人已补交下列容缺材料，窗口已收取：`,
    materialColumns: ['序号', '材料名称', '形式', '份数', '页数', '补交期限'],
    late: '（逾期）',
    outstandingHeading: '尚待补交的容缺材料：',
    outstandingColumns: ['序号', '材料名称', '补交期限'],
    allIn: '容缺材料已全部补齐，本办件转入正常审批。',
    notes: [
      '本凭证证明窗口已收到上述补交材料；审批结果以本机关出具的决定为准。',
      '请妥善保管本凭证，凭办件编号或扫描二维码查询办理进度、领取办理结果。',
    ],
  },

  acceptance: {
    body: (submitted: string, matters: string) =>
      `你（单位）于${submitted}提出的${matters}申请，经审查，申请事项属于本机关职权范围，申请材料齐全、符合法定形式。根据${LICENSING_LAW}第三十二条第一款第（五）项的规定，本机关决定予以受理。`,
    due: (date: string) => `本机关将在${date}前作出决定（承诺时限按工作日计算，法定节假日顺延）。请凭本通知书及办件编号查询办理进度、领取结果。`,
  },

  deferred: {
    body: (submitted: string, matters: string) =>
      `你（单位）于${submitted}提出的${matters}申请，经审查，主要申请材料齐全、符合法定形式，下列材料尚需补交。根据容缺受理有关规定，本机关决定予以容缺受理。`,
    itemsHeading: '需在期限内补交的材料：',
    columns: ['序号', '材料名称', '补交要求', '补交期限'],
    due: (date: string) => `材料补齐后，本机关将在${date}前作出决定（按工作日计算，法定节假日顺延）。逾期未补齐的，本机关将终止办理。`,
    undertakingHeading: '申请人承诺',
  },

  commitment: {
    notice: (matters: string) =>
      `你（单位）申请办理${matters}。根据《中华人民共和国市场主体登记管理条例》及其实施细则和告知承诺制的有关规定，下列材料可以由申请人书面承诺代替提交，不影响申请的受理和办理。现将有关事项告知如下：`,
    itemsHeading: '以承诺代替提交的材料：',
    columns: ['序号', '材料名称', '申请人承诺内容'],
    check: (days: number, dueDate: string | null) =>
      `本机关将自受理之日起${days}个工作日内` +
      (dueDate === null ? '' : `（即${dueDate}前）`) +
      '对上述承诺内容进行核查（法定节假日顺延），申请人应当予以配合，如实说明情况并提供相关证明。',
    consequences:
      '申请人应当对承诺的真实性负责。经核查承诺内容不属实的，本机关将责令限期改正；属于提交虚假材料或者采取其他欺诈手段隐瞒重要事实取得登记的，将依照《中华人民共和国市场主体登记管理条例》及其实施细则的规定依法撤销登记，并可处以罚款，情节严重的吊销营业执照；同时依照有关规定将申请人列入严重违法失信名单，依法实施信用约束；涉嫌犯罪的，依法移送司法机关处理。',
    closing: '特此告知。',
    applicantHeading: '申请人承诺',
    applicantStatement:
      '本人（单位）已知悉上述告知内容，所作承诺真实、准确、完整，愿意接受核查；如有不实，愿意承担相应的法律责任。',
    clerk: (name: string) => `受理人：${name}`,
  },

  correction: {
    body: (submitted: string, matters: string) =>
      `你（单位）于${submitted}提出的${matters}申请，经审查，申请材料不齐全或者不符合法定形式。根据${LICENSING_LAW}第三十二条第一款第（四）项的规定，现将需要补正的全部内容一次性告知如下：`,
    columns: ['序号', '材料或事项', '补正要求', '依据'],
    closing:
      '请按上述要求补正全部材料后重新提交。补正材料齐全、符合法定形式的，本机关将予以受理；申请人补正所需时间不计入办理时限。',
  },

  rejection: {
    body: (submitted: string, matters: string) =>
      `你（单位）于${submitted}提出的${matters}申请，经审查，根据${LICENSING_LAW}第三十二条第一款的规定，本机关决定不予受理。理由如下：`,
    columns: ['序号', '不予受理理由', '依据'],
    appeal: (reviewBody: string, court: string) =>
      `如不服本决定，可以自收到本通知书之日起六十日内向${reviewBody}申请行政复议，或者自收到本通知书之日起六个月内依法向${court}提起行政诉讼。`,
  },

  withdrawal: {
    /** Where the notices have their 文号: this is the applicant's own request. */
    byApplicant: '（申请人书面申请）',
    fields: {
      caseNumber: '办件编号',
      submittedAt: '申请日期',
      enterprise: '企业名称',
      uscc: '统一社会信用代码',
      applicant: '申请人',
      agent: '委托代理人',
      idDocument: '证件及号码',
      status: '办件状态',
      acceptedAt: '受理日期',
    },
    none: '—',
    notAccepted: '尚未受理',
    mattersHeading: '一、申请撤回的事项',
    matterColumns: ['序号', '事项名称', '实施部门'],
    reasonHeading: '二、撤回原因',
    blankReason: '（申请人填写）',
    statementHeading: '三、申请人声明',
    statement: (agency: string) =>
      `本人（本单位）自愿向${agency}撤回上述申请。已知悉：撤回后本办件即终结，不能恢复；已出具的受理通知书、收件凭证等文书同时作废，尚未补交的容缺材料不再补交；已提交的申请材料可申请退还；如需再次办理，应重新提出申请。`,
    agentSignature: '委托代理人（签字）：',
    counter: (window: string, clerk: string) => `受理窗口：${window}\u3000经办人：${clerk}`,
  },

  calibration: {
    paper: { original: '营业执照正本 420 × 297 毫米（横向）', duplicate: '营业执照副本 210 × 297 毫米（纵向）' },
    printer: (name: string) => `打印机：${name}`,
    applied: (dx: number, dy: number, scale: number) => `本页按现有校准打印：dx = ${dx} 毫米，dy = ${dy} 毫米，比例 = ${scale}`,
    printedAt: (date: string) => `打印日期：${date}`,
    instructions: [
      '先按无校准（dx = 0、dy = 0、比例 = 1）在普通空白纸上打印本页，用直尺测量后在“套打校准”中填写：',
      '1. 十字 A 的标称位置见旁注。量出 A 中心到纸张左边缘、上边缘的实际距离 ax、ay（毫米）。',
      '2. 量出十字 A 与十字 B 中心的实际水平距离 L（毫米），标称距离见旁注。',
      '3. 比例 = 标称距离 ÷ L；dx = 标称 x − ax × 比例；dy = 标称 y − ay × 比例。',
      '4. 保存后重新打印本页核对：各十字应落在标称位置，误差不超过 0.5 毫米。',
    ],
    crossLabel: (name: string, x: number, y: number) => `${name}（${x}, ${y}）`,
    distanceNote: (mm: number) => `A–B 标称水平距离 ${mm} 毫米`,
    rulerUnit: '毫米',
  },

  recoverySheet: {
    subtitle: (window: string, deskTag: string) => `${window}（${deskTag}）`,
    qrCaption: '恢复单编号',
    footer: (deskTag: string, templateVersion: string) => `窗口 ${deskTag}\u3000文书版本 第${templateVersion}版\u3000请与备份介质分开、妥善保管`,
    factsHeading: '一、本窗口的备份',
    facts: {
      hall: '服务大厅',
      window: '窗口',
      printedAt: '打印日期',
      folder: '备份文件夹',
      keep: '保留份数',
      last: '最近一次备份',
    },
    keep: (n: number) => `最近 ${n} 份（每次日结后自动备份一次）`,
    noBackup: '尚未备份',
    last: (fileName: string, at: string) => `${fileName}（${at}）`,
    passphraseHeading: '二、备份密码（由管理员手写，本机不保存密码）',
    passphraseBox: '备份密码',
    passphraseNote: '忘记密码将无法恢复任何备份。更改备份密码后，请重新打印本单；旧密码仍可打开更改前写出的备份。',
    stepsHeading: '三、在新电脑上恢复',
    steps: [
      '1. 在新电脑上安装同一版本的一窗通，启动后出现“首次使用：创建管理员账号”页面时，不要创建账号。',
      '2. 插入存有备份的 U 盘或连接共享文件夹，点击“从备份恢复”，选择上述文件夹中最新的备份文件（.yctbak）。',
      '3. 输入上方手写的备份密码，点击“校验并恢复”。程序先完整校验备份（清单、审计日志），校验通过前不写入任何数据。',
      '4. 如提示这是其他窗口的备份，请核对窗口号后再确认。恢复完成后点击“重新打开”，用原有账号登录。',
      '5. 在“设置 › 市级系统”中为本窗口重新注册（需向市级系统管理员申请本窗口的注册码）；同步恢复后，状态栏会提示备份之后未同步、无法找回的业务。',
    ],
    signature: '保管人（签字）',
  },

  /** 督办台账 as printed (PDF) and exported (.xlsx): the same columns in both. */
  ledger: {
    subtitle: (hallName: string, from: string, to: string) => `${hallName}\u3000${from}至${to}`,
    qrCaption: '督办台账文号',
    footer: (madeAt: string, deskTag: string, templateVersion: string) => `制表时间 ${madeAt}\u3000窗口 ${deskTag}\u3000文书版本 第${templateVersion}版`,
    summary: (count: number, overdue: number, greenCard: number) => `共${count}项，其中逾期${overdue}项、绿卡企业${greenCard}项。`,
    empty: '所选范围内没有督办事项。',
    columns: ['序号', '办件编号', '企业名称', '绿卡', '来源', '责任单位／专员', '办结时限', '剩余／逾期', '状态', '最新督办记录'],
    sheetName: '督办台账',
    sheetTitle: (hallName: string, from: string, to: string, madeAt: string) => `督办台账\u3000${hallName}\u3000${from}至${to}\u3000制表时间：${madeAt}`,
    sheetColumns: ['序号', '办件编号', '企业名称', '服务绿卡', '来源', '责任单位', '专员', '专员电话', '办结时限', '剩余工作日', '状态', '最新督办时间', '督办人', '最新督办记录'],
    greenCard: '是',
    notGreenCard: '',
    daysLeft: (days: number | null) => (days === null ? '—' : days > 0 ? `剩${days}个工作日` : days === 0 ? '今日到期' : `逾期${-days}个工作日`),
    liaison: (name: string, phone: string | null) => (phone === null ? `专员 ${name}` : `专员 ${name} ${phone}`),
    followUp: (at: string, by: string, text: string) => `${at} ${by}：${text}`,
    none: '—',
  },

  dayReport: {
    subtitle: (window: string, date: string) => `${window}\u3000${date}`,
    qrCaption: '日结报表文号',
    footer: (date: string, deskTag: string, templateVersion: string) => `营业日 ${date}\u3000窗口 ${deskTag}\u3000文书版本 第${templateVersion}版`,
    reconciliationHeading: '一、与市级系统对账',
    reconciled: (at: string, lastSeq: number, ops: number) =>
      `本窗口截至业务序号 ${lastSeq} 的全部业务数据已推送至市级系统，当日业务数据 ${ops} 条，于${at}对账一致。`,
    auditHead: (seq: number, hashPrefix: string) => `本窗口审计日志截至第 ${seq} 条，末条校验值（前16位）${hashPrefix}。`,
    summaryHeading: '二、当日汇总',
    summary: {
      completed: '出件办结',
      handovers: '证照交付',
      average: '平均办理时长',
      oneVisit: '一次办结率',
      printed: '文书打印',
      reprinted: '文书重印',
      voided: '文书作废',
      ops: '业务数据',
    },
    pieces: (n: number) => `${n} 件`,
    copies: (n: number) => `${n} 份`,
    records: (n: number) => `${n} 条`,
    none: '—',
    minutes: (minutes: number) => (minutes < 60 ? `${minutes} 分钟` : `${Math.floor(Math.round(minutes) / 60)} 小时 ${Math.round(minutes) % 60} 分钟`),
    percent: (share: number) => `${Math.round(share * 1000) / 10}%`,
    statusHeading: '三、办件状态（当日有变动的办件，按当日最终状态）',
    statusColumns: ['序号', '状态', '件数'],
    matterHeading: '四、当日登记办件（按事项）',
    matterColumns: ['序号', '事项编码', '事项名称', '件数'],
    sheetsHeading: '五、营业执照纸张',
    sheetsUsed: (n: number, serials: string) => `已使用 ${n} 张：${serials}`,
    sheetsVoided: (n: number, serials: string) => `已作废 ${n} 张：${serials}`,
    noSheets: '当日未使用营业执照纸张。',
    casesHeading: '六、办件清单',
    caseColumns: ['序号', '办件编号', '企业名称', '事项', '状态', '到场'],
    visits: (n: number) => `${n} 次`,
    noCases: '当日无办件。',
    unprintedHeading: '七、已作出决定但未打印的文书',
    unprintedColumns: ['序号', '办件编号', '文书', '未打印原因（首席代表填写）'],
    /** The signature closes the report: its number follows the sections drawn before it. */
    signatureHeading: (number: string) => `${number}、签字确认`,
    preparedBy: (name: string) => `制表人：${name}`,
    signedBy: (name: string, at: string) => `首席代表（签字）：${name}\u3000\u3000签字时间：${at}`,
    seal: '（日结专用章）',
  },

  errors: {
    missingGlyphs: (characters: readonly string[]) =>
      `以下字符无法打印（字库中没有该字）：${characters.map((char) => `“${char}”（U+${char.codePointAt(0)!.toString(16).toUpperCase()}）`).join('、')}。请核对是否为生僻字，改用规范字或联系系统管理员补充字库后再打印。`,
    invalidRequest: (problems: readonly string[]) => `文书数据不完整或格式不正确：${problems.join('；')}`,
    workerFailed: (detail: string) => `文书生成失败：${detail}`,
  },

  warnings: {
    truncated: (field: string) => `“${field}”内容过长，最小字号仍放不下，已截断并注明“详见附页”，请另附完整内容。`,
  },

  licenceFields: {
    uscc: '统一社会信用代码',
    name: '名称',
    type: '类型',
    legalRepresentative: '法定代表人',
    registeredCapital: '注册资本',
    establishedOn: '成立日期',
    businessTerm: '营业期限',
    address: '住所',
    businessScope: '经营范围',
    issuedOn: '登记日期',
  },
} as const;
