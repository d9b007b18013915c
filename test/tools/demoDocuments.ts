import type { DocumentKind, DocumentRequestInput } from '../../renderer/src/documents/schemas';
import { casesMessages } from '../../renderer/src/domain/cases/messages';
import type { LedgerReportMeta, LedgerReportRow } from '../../renderer/src/domain/ledger/ledgerReport';
import { ledgerSourceLabels, ledgerStatusLabels } from '../../renderer/src/domain/ledger/ledgerItem';

/**
 * Realistic demo requests, one per document kind: an invented 绵阳 software company set up through the
 * 企业开办 bundle at desk 3 of the 涪城 hall. Used by the samples tool, the document tests and the bench.
 * The USCC 91510703MA6BQ7K30Q carries valid GB 11714 and GB 32100 check characters (0 and Q).
 */

const agency = {
  name: '绵阳市市场监督管理局',
  hallName: '绵阳市政务服务中心企业服务中心',
  address: '绵阳市涪城区绵兴东路81号市政务服务中心二楼企业开办专区',
  phone: '0816-2222345',
};

const caseNumber = 'FC03-20261126-0007';
const catalogueVersion = '2026.11.2';
const submittedAt = '2026-11-26T09:05:00+08:00';
const issuedAt = '2026-11-26T09:42:00+08:00';
const applicantName = '王晓梅（拟设立的四川宇顺智联科技有限公司）';

const matters = [
  { code: '5107SCJG-DJ-0001', name: '有限责任公司设立登记', department: '绵阳市市场监督管理局', promisedDays: 1 },
  { code: '5107GA-ZA-0012', name: '公章刻制备案', department: '绵阳市公安局', promisedDays: 0 },
  { code: '5107SW-FP-0003', name: '发票领用', department: '国家税务总局绵阳市税务局', promisedDays: 1 },
  { code: '5107RS-SB-0021', name: '单位参保登记', department: '绵阳市人力资源和社会保障局', promisedDays: 0 },
  { code: '5107GJJ-JC-0002', name: '住房公积金单位缴存登记', department: '绵阳市住房公积金管理中心', promisedDays: 0 },
];

export const demoLicence = {
  uscc: '91510703MA6BQ7K30Q',
  name: '四川宇顺智联科技有限公司',
  type: '有限责任公司（自然人投资或控股）',
  legalRepresentative: '张明远',
  registeredCapitalFen: 100_000_000,
  establishedOn: '2026-11-26',
  // A fixed term shows the longest 营业期限 the box holds; tests print 长期 too.
  businessTerm: { kind: 'fixed', until: '2046-11-25' } as const,
  address: '四川省绵阳市涪城区科创园区园艺东街8号创新中心一期3号楼4层401室',
  businessScope:
    '一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服务；信息技术咨询服务；' +
    '人工智能应用软件开发；物联网技术服务；数据处理和存储支持服务；计算机软硬件及辅助设备零售；电子产品销售；会议及展览服务。' +
    '（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）许可项目：第二类增值电信业务。' +
    '（依法须经批准的项目，经相关部门批准后方可开展经营活动，具体经营项目以相关部门批准文件或许可证件为准）',
  issuedOn: '2026-11-26',
  qrText: 'https://www.gsxt.gov.cn/index.html?uniscid=91510703MA6BQ7K30Q',
};

/** The hall's 督办台账 for a fortnight: the items the chief supervises, as the ledger screen lists them. */
const namedLedgerRows: LedgerReportRow[] = [
  {
    caseNumber: 'FC03-20261112-0004',
    enterpriseName: '四川省绵阳市涪城区科创园区新一代信息技术产业链协同创新服务中心有限责任公司（筹）',
    greenCard: true,
    sourceLabel: ledgerSourceLabels.overdue,
    owner: '市市场监管局登记注册科',
    liaison: { name: '陈晓燕', phone: '138 0000 5555' },
    dueDate: '2026-11-20',
    workingDaysLeft: -4,
    statusLabel: ledgerStatusLabels.supervising,
    latestFollowUp: { at: '2026-11-25T15:30:00+08:00', by: '李建国', text: '已电话督促登记注册科，承诺11月27日前办结，专员陪同申请人补签章程。' },
  },
  {
    caseNumber: 'FC03-20261118-0011',
    enterpriseName: '绵阳㙟垭农业开发有限公司',
    greenCard: false,
    sourceLabel: ledgerSourceLabels.deferred,
    owner: null,
    liaison: null,
    dueDate: '2026-11-25',
    workingDaysLeft: -1,
    statusLabel: ledgerStatusLabels.open,
    latestFollowUp: null,
  },
  {
    caseNumber: 'FC03-20261120-0002',
    enterpriseName: '四川宇顺智联科技有限公司',
    greenCard: true,
    sourceLabel: ledgerSourceLabels.greenCard,
    owner: '市税务局第一税务分局',
    liaison: { name: '欧阳明', phone: '0816-2345678' },
    dueDate: '2026-11-26',
    workingDaysLeft: 0,
    statusLabel: ledgerStatusLabels.supervising,
    latestFollowUp: { at: '2026-11-26T09:05:00+08:00', by: '欧阳明', text: '发票申领已受理。' },
  },
  {
    caseNumber: 'FC03-20261123-0009',
    enterpriseName: '绵阳味道餐饮管理有限公司',
    greenCard: false,
    sourceLabel: ledgerSourceLabels.escalated,
    owner: '市公安局治安支队',
    liaison: null,
    dueDate: '2026-12-01',
    workingDaysLeft: 3,
    statusLabel: ledgerStatusLabels.supervising,
    latestFollowUp: { at: '2026-11-24T10:12:00+08:00', by: '王静', text: '刻章备案系统故障，提请专班协调。' },
  },
  {
    caseNumber: 'FC03-20261116-0006',
    enterpriseName: '绵阳云杉数据科技有限公司',
    greenCard: false,
    sourceLabel: ledgerSourceLabels.commitment,
    owner: '市住房公积金管理中心',
    liaison: null,
    dueDate: '2026-11-23',
    workingDaysLeft: null,
    statusLabel: ledgerStatusLabels.closed,
    latestFollowUp: { at: '2026-11-23T16:40:00+08:00', by: '张三', text: '核查属实，已办结。' },
  },
];

/** Enough items for the printed ledger to run onto further pages: the named ones, then a routine tail. */
export const demoLedgerRows: LedgerReportRow[] = [
  ...namedLedgerRows,
  ...Array.from({ length: 30 }, (_, i): LedgerReportRow => ({
    caseNumber: `FC03-202611${String(10 + (i % 15)).padStart(2, '0')}-${String(20 + i).padStart(4, '0')}`,
    enterpriseName: `绵阳${['涪城', '游仙', '安州', '江油', '三台'][i % 5]}第${i + 1}商贸有限公司`,
    greenCard: i % 7 === 0,
    sourceLabel: ledgerSourceLabels.overdue,
    owner: i % 3 === 0 ? null : '市市场监管局登记注册科',
    liaison: null,
    dueDate: `2026-11-${String(20 + (i % 9)).padStart(2, '0')}`,
    workingDaysLeft: (i % 9) - 4,
    statusLabel: i % 3 === 0 ? ledgerStatusLabels.open : ledgerStatusLabels.supervising,
    latestFollowUp: i % 3 === 0 ? null : { at: '2026-11-25T11:00:00+08:00', by: '李建国', text: '已督促承办科室。' },
  })),
];

export const demoLedgerMeta: LedgerReportMeta = {
  hallName: agency.hallName,
  range: { from: '2026-11-13', to: '2026-11-26' },
  madeAt: '2026-11-26T17:55:00+08:00',
};

export const demoRequests: { [K in DocumentKind]: Extract<DocumentRequestInput, { kind: K }> } = {
  receipt: {
    kind: 'receipt',
    documentNumber: '绵市监企收字〔2026〕第FC03-0031号',
    caseNumber,
    issuedAt: '2026-11-26T09:12:00+08:00',
    catalogueVersion,
    agency,
    applicantName,
    matters,
    enterpriseName: '四川宇顺智联科技有限公司',
    applicant: { name: '张宇', phone: '139 0816 3321' },
    agent: { name: '李晓雯', phone: '138 8167 2045' },
    window: '企业开办综合窗口 3号',
    clerkName: '王静',
    dueDate: '2026-11-27',
    materials: [
      { name: '公司登记（备案）申请书', form: '原件', copies: 1, pages: 4 },
      { name: '指定代表或者共同委托代理人授权委托书及代理人身份证件', form: '原件及复印件', copies: 1, pages: 2 },
      { name: '公司章程（全体股东签署）', form: '原件', copies: 1, pages: 9 },
      { name: '股东主体资格证明（自然人股东身份证件）', form: '复印件', copies: 2, pages: 2 },
      { name: '法定代表人、董事、监事和经理的任职文件及身份证件', form: '原件及复印件', copies: 1, pages: 3 },
      { name: '住所使用证明（房屋租赁合同及出租方不动产权证书）', form: '原件及复印件', copies: 1, pages: 6 },
      { name: '实名登记确认书（2026版）', form: '原件', copies: 1, pages: 1 },
    ],
  },
  supplementaryReceipt: {
    kind: 'supplementaryReceipt',
    documentNumber: '绵市监企补收字〔2026〕第FC03-0002号',
    caseNumber,
    issuedAt: '2026-11-30T14:26:00+08:00',
    catalogueVersion,
    agency,
    applicantName,
    matters,
    enterpriseName: '四川宇顺智联科技有限公司',
    applicant: { name: '张宇', phone: '139 0816 3321' },
    agent: { name: '李晓雯', phone: '138 8167 2045' },
    window: '企业开办综合窗口 5号',
    clerkName: '刘洋',
    dueDate: '2026-12-03',
    acceptedAt: '2026-11-26T09:20:00+08:00',
    materials: [
      { name: '住所使用证明：出租方不动产权证书', form: '复印件', copies: 1, pages: 2, deadline: '2026-12-02', late: false },
    ],
    outstanding: [{ name: '监事身份证件', deadline: '2026-12-02' }],
  },
  acceptanceNotice: {
    kind: 'acceptanceNotice',
    documentNumber: '绵市监企受字〔2026〕第FC03-0012号',
    caseNumber,
    issuedAt,
    catalogueVersion,
    agency,
    applicantName,
    matters,
    submittedAt,
    dueDate: '2026-11-27',
  },
  deferredAcceptanceNotice: {
    kind: 'deferredAcceptanceNotice',
    documentNumber: '绵市监企容受字〔2026〕第FC03-0004号',
    caseNumber,
    issuedAt,
    catalogueVersion,
    agency,
    applicantName,
    matters,
    submittedAt,
    dueDate: '2026-12-03',
    undertaking: casesMessages.deferralUndertaking,
    deferredItems: [
      {
        material: '住所使用证明：出租方不动产权证书',
        requirement: '提交出租方不动产权证书复印件，产权人为单位的加盖公章；已提交的租赁合同原件留存。',
        deadline: '2026-12-02',
      },
      {
        material: '监事身份证件',
        requirement: '提交监事刘芳居民身份证复印件（正反面），由本人签字确认与原件一致。',
        deadline: '2026-12-02',
      },
    ],
  },
  commitmentLetter: {
    kind: 'commitmentLetter',
    documentNumber: '绵市监企诺字〔2026〕第FC03-0004号',
    caseNumber,
    issuedAt: '2026-11-26T09:10:00+08:00',
    catalogueVersion,
    agency,
    applicantName,
    matters: matters.slice(0, 1),
    items: [
      {
        material: '住所使用证明：房产管理部门或村（居）委会出具的场所证明',
        statement: '本人承诺已具备「住所使用证明：房产管理部门或村（居）委会出具的场所证明」所证明的条件，以本承诺代替提交该材料，并在核查时如实提供相关证明。',
      },
    ],
    check: { days: 20, dueDate: '2026-12-24' },
    clerkName: '王静',
  },
  correctionNotice: {
    kind: 'correctionNotice',
    documentNumber: '绵市监企补字〔2026〕第FC03-0009号',
    caseNumber,
    issuedAt,
    catalogueVersion,
    agency,
    applicantName,
    matters: matters.slice(0, 1),
    submittedAt,
    items: [
      {
        material: '公司章程',
        requirement: '章程第十二条未载明股东的出资方式和出资日期；章程末页缺少股东王海涛签名。请补全后由全体股东签名。',
        legalBasis: '《中华人民共和国公司法》第四十六条',
      },
      {
        material: '住所使用证明',
        requirement: '租赁合同所载地址（园艺东街8号3号楼401室）与申请书填报地址不一致，请核实后提交一致的住所使用证明，并附出租方不动产权证书复印件。',
        legalBasis: '《中华人民共和国市场主体登记管理条例》第十六条第一款第（三）项',
      },
      {
        material: '法定代表人身份证件',
        requirement: '身份证件复印件字迹不清，请提交清晰的正反面复印件或当场出示原件核验。',
        legalBasis: '《中华人民共和国市场主体登记管理条例》第十六条第一款第（二）项',
      },
    ],
  },
  rejectionNotice: {
    kind: 'rejectionNotice',
    documentNumber: '绵市监企不受字〔2026〕第FC03-0002号',
    caseNumber: 'FC03-20261126-0011',
    issuedAt,
    catalogueVersion,
    agency,
    applicantName: '赵立新（拟设立的绵阳宇顺律师事务所）',
    matters: [{ code: '5107SCJG-DJ-0001', name: '有限责任公司设立登记', department: '绵阳市市场监督管理局', promisedDays: 1 }],
    submittedAt,
    reasons: [
      {
        reason: '申请设立的“绵阳宇顺律师事务所”为律师事务所，其设立由设区的市级司法行政部门受理审核，不属于本机关登记职权范围。请向绵阳市司法局提出申请。',
        legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项；《中华人民共和国律师法》第十八条',
      },
    ],
    appeal: { reviewBody: '绵阳市人民政府', court: '绵阳市涪城区人民法院' },
  },
  withdrawalRequest: {
    kind: 'withdrawalRequest',
    caseNumber,
    issuedAt: '2026-11-27T10:20:00+08:00',
    catalogueVersion,
    agency,
    enterpriseName: '四川宇顺智联科技有限公司',
    uscc: null,
    applicant: { name: '张明远', idDocument: '居民身份证 510703198503121234' },
    agent: { name: '李晓雯', idDocument: '居民身份证 510722199207082469' },
    matters,
    submittedAt,
    status: '已受理',
    acceptedAt: issuedAt,
    reason: '股东会决定暂缓设立公司，待经营场所落实后重新申请。',
    window: '企业开办综合窗口 3号',
    clerkName: '王静',
  },
  calibrationSheet: {
    kind: 'calibrationSheet',
    paper: 'original',
    printerName: '出证窗口 HP LaserJet M706n',
    issuedAt,
  },
  licenceOriginal: {
    kind: 'licenceOriginal',
    licence: demoLicence,
    paperSerial: 'A51070026001234',
    calibration: { dx: 0, dy: 0, scale: 1 },
    issuedAt: '2026-11-26T10:57:00+08:00',
  },
  licenceDuplicate: {
    kind: 'licenceDuplicate',
    licence: demoLicence,
    paperSerial: 'B51070026004321',
    calibration: { dx: 0, dy: 0, scale: 1 },
    issuedAt: '2026-11-26T10:58:00+08:00',
  },
  dayReport: {
    kind: 'dayReport',
    documentNumber: '绵市监企日字〔2026〕第FC03-0087号',
    businessDate: '2026-11-26',
    issuedAt: '2026-11-26T17:42:00+08:00',
    agency,
    window: '企业开办综合窗口 3号',
    deskTag: 'FC03',
    preparedBy: '王静',
    figures: {
      ops: 214,
      handovers: 4,
      completedCases: 4,
      averageIntakeToHandoverMinutes: 112.5,
      oneVisitShare: 0.75,
      documents: { printed: 31, reprinted: 1, voided: 1 },
    },
    casesByStatus: [
      { label: '登记中', count: 1 },
      { label: '已受理', count: 5 },
      { label: '容缺受理', count: 1 },
      { label: '待补正', count: 2 },
      { label: '不予受理', count: 1 },
      { label: '待出证', count: 2 },
      { label: '已办结', count: 4 },
      { label: '已撤回', count: 1 },
    ],
    casesByMatter: matters.map((matter, i) => ({ code: matter.code, name: matter.name, count: [9, 6, 6, 4, 4][i]! })),
    licenceSheets: {
      used: ['A51070026001234', 'A51070026001235', 'A51070026001237', 'B51070026004321', 'B51070026004322', 'B51070026004323', 'B51070026004324'],
      voided: ['A51070026001236'],
    },
    cases: [
      { caseNumber: 'FC03-20261126-0001', enterpriseName: '绵阳云杉农业科技有限公司', matters: '企业开办（5项）', status: '已办结', visits: 1 },
      { caseNumber: 'FC03-20261126-0002', enterpriseName: '四川长虹云帆物流有限公司', matters: '有限责任公司设立登记', status: '已办结', visits: 1 },
      { caseNumber: 'FC03-20261126-0003', enterpriseName: '绵阳市涪城区鑫源餐饮管理有限公司', matters: '企业开办（5项）', status: '待补正', visits: 1 },
      { caseNumber: 'FC03-20261126-0004', enterpriseName: '绵阳科发电子有限公司', matters: '有限责任公司设立登记', status: '容缺受理', visits: 1 },
      { caseNumber: 'FC03-20261126-0005', enterpriseName: '绵阳远航教育咨询有限公司', matters: '企业开办（5项）', status: '已受理', visits: 1 },
      { caseNumber: 'FC03-20261126-0006', enterpriseName: '四川蜀道文旅发展有限公司', matters: '有限责任公司设立登记', status: '不予受理', visits: 1 },
      { caseNumber: 'FC03-20261126-0007', enterpriseName: '四川宇顺智联科技有限公司', matters: '企业开办（5项）', status: '已办结', visits: 1 },
      { caseNumber: 'FC03-20261126-0008', enterpriseName: '绵阳安和医疗器械有限公司', matters: '有限责任公司设立登记', status: '待出证', visits: 1 },
      { caseNumber: 'FC03-20261125-0011', enterpriseName: '绵阳锦程建材有限公司', matters: '企业开办（5项）', status: '已办结', visits: 2 },
      { caseNumber: 'FC03-20261126-0009', enterpriseName: '绵阳青禾家政服务有限公司', matters: '公章刻制备案', status: '登记中', visits: 1 },
    ],
    reconciliation: { reconciledAt: '2026-11-26T17:38:00+08:00', lastSeq: 5126 },
    auditHead: { seq: 48213, hash: '3f9a1c7e52b04d8e6a1f0c9b7d2e4a6c8b0d1f3e5a7c9e1b3d5f7a9c1e3b5d7f' },
    signature: { name: '李建国', signedAt: '2026-11-26T17:42:00+08:00' },
  },
  recoverySheet: {
    kind: 'recoverySheet',
    reference: 'FC03-202611261750',
    issuedAt: '2026-11-26T17:50:00+08:00',
    agency,
    window: '企业开办综合窗口 3号',
    deskTag: 'FC03',
    backupFolder: 'E:\\一窗通备份\\FC03',
    keep: 7,
    lastBackup: { fileName: 'yct-FC03-20261126-174400.yctbak', at: '2026-11-26T17:44:00+08:00' },
  },
  ledgerReport: {
    kind: 'ledgerReport',
    documentNumber: '绵市监企督字〔2026〕第FC03-0003号',
    issuedAt: demoLedgerMeta.madeAt,
    hallName: demoLedgerMeta.hallName,
    range: demoLedgerMeta.range,
    deskTag: 'FC03',
    rows: demoLedgerRows,
  },
};

/** File names of the samples, as `npm run docs:samples` writes them. */
export const sampleFileNames: Record<DocumentKind, string> = {
  receipt: 'receipt.pdf',
  supplementaryReceipt: 'supplementary-receipt.pdf',
  acceptanceNotice: 'acceptance-notice.pdf',
  deferredAcceptanceNotice: 'deferred-acceptance-notice.pdf',
  correctionNotice: 'correction-notice.pdf',
  rejectionNotice: 'rejection-notice.pdf',
  withdrawalRequest: 'withdrawal-request.pdf',
  commitmentLetter: 'commitment.pdf',
  calibrationSheet: 'calibration.pdf',
  licenceOriginal: 'licence-original.pdf',
  licenceDuplicate: 'licence-duplicate.pdf',
  dayReport: 'day-report.pdf',
  recoverySheet: 'recovery-sheet.pdf',
  ledgerReport: 'ledger.pdf',
};
