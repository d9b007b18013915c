import { z } from 'zod';
import { businessTermSchema, refuseImpossibleTerm } from '../domain/cases/businessTerm';
import { licenceCopyMarkSchema } from '../domain/cases/licenceCopies';
import { isoDateSchema, isoDateTimeSchema } from '../domain/chineseDate';
import { documentNumberSchema } from '../domain/documentNumber';
import { LEDGER_REPORT_MAX_ROWS, ledgerReportRowSchema } from '../domain/ledger/ledgerReport';
import { fenSchema } from '../domain/money';
import { sha256Schema } from '../domain/sha256';
import { calibrationSchema, identityCalibration } from './layout/calibration';

/**
 * What each counter document needs to be drawn: one schema per kind, joined on `kind`. Every string that is
 * printed is bounded so a runaway value fails here with a field name rather than as a mangled page.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

/** Desk case number `{hall}{desk}-{yyyymmdd}-{seq}` (the case module owns its exact rule; here it is printed and QR-encoded). */
const caseNumberSchema = z.string().regex(/^[0-9A-Z]{2,12}-\d{8}-\d{1,6}$/, { error: '办件编号格式不正确' });

const agencySchema = z.object({
  /** 行政机关全称, printed above the seal: 绵阳市市场监督管理局. */
  name: text(40),
  /** The service hall where the counter is: 绵阳市政务服务中心. */
  hallName: text(40),
  /** Address and phone for questions, printed on every notice. */
  address: text(60),
  phone: text(30),
});

const matterSchema = z.object({
  code: text(40),
  name: text(60),
  department: text(40),
  /** 承诺时限 in working days. */
  promisedDays: z.number().int().min(0).max(365),
});

/** What every counter notice carries: 文号, case number (printed and as a QR code), date, catalogue version. */
const noticeBase = {
  documentNumber: documentNumberSchema,
  caseNumber: caseNumberSchema,
  issuedAt: isoDateTimeSchema,
  catalogueVersion: text(40),
  agency: agencySchema,
  /** The addressee line (without its colon): the applicant by name with the enterprise, e.g. 张三（四川智宇顺科技有限公司）. */
  applicantName: text(100),
  matters: z.array(matterSchema).min(1).max(20),
};

const receiptMaterialSchema = z.object({
  name: text(80),
  form: z.enum(['原件', '复印件', '原件及复印件']),
  copies: z.number().int().min(1).max(99),
  pages: z.number().int().min(1).max(9999).optional(),
});

const receiptPersonSchema = z.object({ name: text(30), phone: text(20) });

/** What both receipts state besides their materials: who brought them, to which window and clerk. */
const receiptBase = {
  ...noticeBase,
  enterpriseName: text(60),
  /** The applicant (申请人) themself, never the agent. */
  applicant: receiptPersonSchema,
  /** 代理人, when an agent brought the application. */
  agent: receiptPersonSchema.nullable().default(null),
  window: text(30),
  clerkName: text(20),
  /** 承诺办结日期, computed from working days by the caller. */
  dueDate: isoDateSchema,
  /** 服务绿卡: the 专员 the green-card list names for the enterprise, so the applicant knows whom to call. */
  greenCardLiaison: receiptPersonSchema.nullable().default(null),
};

/** A 容缺 material still to be brought, with the day it is due. */
const owedMaterialSchema = z.object({ name: text(80), deadline: isoDateSchema });

export const receiptRequestSchema = z.object({
  kind: z.literal('receipt'),
  ...receiptBase,
  materials: z.array(receiptMaterialSchema).min(1).max(60),
  /** Materials a 容缺 acceptance let the applicant bring later: listed so the receipt says what is still owed. */
  deferred: z.array(owedMaterialSchema).max(30).default([]),
});

/** 补交收件凭证: the deferred materials brought in, and those still owed. */
export const supplementaryReceiptRequestSchema = z.object({
  kind: z.literal('supplementaryReceipt'),
  ...receiptBase,
  /** When the case was accepted with deferral (容缺受理). */
  acceptedAt: isoDateTimeSchema,
  materials: z
    .array(receiptMaterialSchema.extend({ deadline: isoDateSchema, late: z.boolean() }))
    .min(1)
    .max(30),
  outstanding: z.array(owedMaterialSchema).max(30),
});

export const acceptanceNoticeRequestSchema = z.object({
  kind: z.literal('acceptanceNotice'),
  ...noticeBase,
  submittedAt: isoDateTimeSchema,
  dueDate: isoDateSchema,
});

export const deferredAcceptanceNoticeRequestSchema = z.object({
  kind: z.literal('deferredAcceptanceNotice'),
  ...noticeBase,
  submittedAt: isoDateTimeSchema,
  dueDate: isoDateSchema,
  /** The undertaking the applicant signed at the counter, as recorded on the case. */
  undertaking: z.string().trim().min(1).max(1000),
  deferredItems: z
    .array(z.object({ material: text(80), requirement: text(200), deadline: isoDateSchema }))
    .min(1)
    .max(30),
});

/** 告知承诺书: what the hall tells the applicant, what the applicant promises instead of each material, and the check. */
export const commitmentLetterRequestSchema = z.object({
  kind: z.literal('commitmentLetter'),
  ...noticeBase,
  items: z
    .array(z.object({ material: text(120), statement: text(400) }))
    .min(1)
    .max(20),
  /** 核查 period in working days from acceptance, and its last day once the case is accepted. */
  check: z.object({ days: z.number().int().min(1).max(365), dueDate: isoDateSchema.nullable() }),
  /** Who took the commitment at the counter (受理人). */
  clerkName: text(20),
});

export const correctionNoticeRequestSchema = z.object({
  kind: z.literal('correctionNotice'),
  ...noticeBase,
  submittedAt: isoDateTimeSchema,
  /** Every item the applicant must supply or fix — all of them, at once (行政许可法第三十二条). */
  items: z
    .array(z.object({ material: text(80), requirement: text(300), legalBasis: text(200) }))
    .min(1)
    .max(60),
});

export const rejectionNoticeRequestSchema = z.object({
  kind: z.literal('rejectionNotice'),
  ...noticeBase,
  submittedAt: isoDateTimeSchema,
  reasons: z.array(z.object({ reason: text(300), legalBasis: text(200) })).min(1).max(20),
  /** Where the applicant may appeal: 行政复议机关 and the court with jurisdiction. */
  appeal: z.object({ reviewBody: text(40), court: text(40) }),
});

/**
 * 撤回申请: the applicant's written request to withdraw, printed at the counter for the applicant to sign.
 * It is the applicant's document, not the agency's, so it has no 文号; its bytes are kept with the withdrawal.
 */
export const withdrawalRequestRequestSchema = z.object({
  kind: z.literal('withdrawalRequest'),
  caseNumber: caseNumberSchema,
  /** When it was printed for signing. */
  issuedAt: isoDateTimeSchema,
  catalogueVersion: text(40),
  agency: agencySchema,
  enterpriseName: text(60),
  uscc: text(18).nullable(),
  /** Identity documents as the case records them: kind and number in one line. */
  applicant: z.object({ name: text(30), idDocument: text(60) }),
  agent: z.object({ name: text(30), idDocument: text(60) }).nullable(),
  matters: z.array(matterSchema).min(1).max(20),
  submittedAt: isoDateTimeSchema,
  /** Where the case stands (已受理, 审批中…), and when it was accepted if it was. */
  status: text(20),
  acceptedAt: isoDateTimeSchema.nullable(),
  reason: text(500).nullable(),
  window: text(30),
  clerkName: text(20),
});

export const calibrationSheetRequestSchema = z.object({
  kind: z.literal('calibrationSheet'),
  paper: z.enum(['original', 'duplicate']),
  printerName: text(60),
  issuedAt: isoDateTimeSchema,
  /** Printing with the current calibration lets the chief check it; identity measures the raw printer. */
  calibration: calibrationSchema.default(identityCalibration),
});

/** Unified social credit code: 18 characters of the GB 32100 alphabet (the check digit is the identifiers module's job). */
const usccSchema = z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, { error: '统一社会信用代码格式不正确' });

export const licenceDataSchema = z
  .object({
    uscc: usccSchema,
    name: text(60),
    type: text(40),
    legalRepresentative: text(30),
    registeredCapitalFen: fenSchema,
    establishedOn: isoDateSchema,
    /** 营业期限: every licence carries it, so there is no licence to draw without it. */
    businessTerm: businessTermSchema,
    address: text(100),
    businessScope: text(3000),
    /** 登记日期 on the seal line. */
    issuedOn: isoDateSchema,
    /** Text of the QR code: the enterprise's page on the national credit publicity system. */
    qrText: z.string().url().max(300),
  })
  .superRefine(refuseImpossibleTerm);

const licenceRequestFields = {
  licence: licenceDataSchema,
  /** Serial number of the pre-printed sheet; recorded in the document, not printed (it is already on the paper). */
  paperSerial: z.string().regex(/^[0-9A-Z]{6,20}$/, { error: '证书编号格式不正确' }),
  calibration: calibrationSchema.default(identityCalibration),
  issuedAt: isoDateTimeSchema,
};

export const licenceOriginalRequestSchema = z.object({ kind: z.literal('licenceOriginal'), ...licenceRequestFields });
export const licenceDuplicateRequestSchema = z.object({
  kind: z.literal('licenceDuplicate'),
  ...licenceRequestFields,
  /** Which 副本 this sheet is, printed on it (副本 2/3); absent prints no mark. */
  copy: licenceCopyMarkSchema.optional(),
});

const count = z.number().int().min(0);

/**
 * 日结报表: one desk's business day as reconciled with HQ and signed by the chief representative. Labels
 * (status names, matter names) come resolved from the caller, like every other printed text here.
 */
export const dayReportRequestSchema = z.object({
  kind: z.literal('dayReport'),
  documentNumber: documentNumberSchema,
  businessDate: isoDateSchema,
  /** When the chief signed: the report's date. */
  issuedAt: isoDateTimeSchema,
  agency: agencySchema,
  window: text(30),
  /** Hall code + desk code, e.g. MY01. */
  deskTag: z.string().regex(/^[0-9A-Z]{2,8}$/),
  preparedBy: text(20),
  figures: z.object({
    ops: count,
    handovers: count,
    completedCases: count,
    /** Minutes; null when nothing was handed over. */
    averageIntakeToHandoverMinutes: z.number().min(0).nullable(),
    /** 0–1; null when nothing was handed over. */
    oneVisitShare: z.number().min(0).max(1).nullable(),
    documents: z.object({ printed: count, reprinted: count, voided: count }),
  }),
  casesByStatus: z.array(z.object({ label: text(20), count })).max(20),
  casesByMatter: z.array(z.object({ code: text(40), name: text(60), count })).max(200),
  licenceSheets: z.object({ used: z.array(text(32)).max(2000), voided: z.array(text(32)).max(2000) }),
  cases: z
    .array(z.object({ caseNumber: caseNumberSchema, enterpriseName: text(60), matters: text(300), status: text(20), visits: z.number().int().min(1) }))
    .max(2000),
  /** Documents the day's decisions asked for that were not printed, with the chief's reason for each. */
  unprinted: z
    .array(z.object({ caseNumber: caseNumberSchema, document: text(20), reason: text(200) }))
    .max(200)
    .default([]),
  reconciliation: z.object({ reconciledAt: isoDateTimeSchema, lastSeq: count }),
  /** The desk's audit log head when the report was drawn, for comparing with HQ's copy (null: not printed). */
  auditHead: z.object({ seq: z.int().min(1), hash: sha256Schema }).nullable().default(null),
  signature: z.object({ name: text(20), signedAt: isoDateTimeSchema }),
});

/**
 * 备份恢复单: what a new PC needs to restore this desk from its backups, printed for the admin to keep
 * with the passphrase written on it by hand (never printed: the desk does not know it).
 */
export const recoverySheetRequestSchema = z.object({
  kind: z.literal('recoverySheet'),
  /**
   * The sheet's own reference (desk tag and print minute, e.g. FC03-202611261750), not a 文号: the sheet
   * is no case document, so it takes no number from the documents' sequences and is never archived.
   */
  reference: z.string().regex(/^[0-9A-Z]{2,8}-\d{12}$/),
  issuedAt: isoDateTimeSchema,
  agency: agencySchema,
  window: text(30),
  /** Hall code + desk code, e.g. MY01. */
  deskTag: z.string().regex(/^[0-9A-Z]{2,8}$/),
  /** The folder the backups are written into, as the main process names it. */
  backupFolder: text(300),
  /** How many backups the folder keeps. */
  keep: z.int().min(1).max(100),
  /** The newest backup when the sheet was printed, or null before the first. */
  lastBackup: z.object({ fileName: text(80), at: isoDateTimeSchema }).nullable(),
});

/**
 * 督办台账 printed: the ledger's rows as the screen lists them (`domain/ledger/ledgerReport.ts`), the hall and
 * range in the title, numbered like the other documents. Like the day report it is a document of no case:
 * its QR code carries its 文号.
 */
export const ledgerReportRequestSchema = z
  .object({
    kind: z.literal('ledgerReport'),
    documentNumber: documentNumberSchema,
    /** When it was made (制表时间), also the PDF's creation date. */
    issuedAt: isoDateTimeSchema,
    hallName: text(40),
    range: z.object({ from: isoDateSchema, to: isoDateSchema }),
    /** Hall code + desk code of the desk that printed it, e.g. MY01. */
    deskTag: z.string().regex(/^[0-9A-Z]{2,8}$/),
    rows: z.array(ledgerReportRowSchema).max(LEDGER_REPORT_MAX_ROWS),
  })
  .refine((request) => request.range.from <= request.range.to, { error: '台账的起始日期不能晚于截止日期', path: ['range'] });

export const documentRequestSchema = z.discriminatedUnion('kind', [
  receiptRequestSchema,
  supplementaryReceiptRequestSchema,
  acceptanceNoticeRequestSchema,
  deferredAcceptanceNoticeRequestSchema,
  correctionNoticeRequestSchema,
  rejectionNoticeRequestSchema,
  withdrawalRequestRequestSchema,
  commitmentLetterRequestSchema,
  calibrationSheetRequestSchema,
  licenceOriginalRequestSchema,
  licenceDuplicateRequestSchema,
  dayReportRequestSchema,
  recoverySheetRequestSchema,
  ledgerReportRequestSchema,
]);

/** A request as callers write it (calibration may be omitted). */
export type DocumentRequestInput = z.input<typeof documentRequestSchema>;
/** A request after validation, as templates receive it. */
export type DocumentRequest = z.output<typeof documentRequestSchema>;
export type DocumentKind = DocumentRequest['kind'];
export type DocumentRequestOf<K extends DocumentKind> = Extract<DocumentRequest, { kind: K }>;
export type Matter = z.output<typeof matterSchema>;
export type Agency = z.output<typeof agencySchema>;
export type LicenceData = z.output<typeof licenceDataSchema>;

export const documentKinds = documentRequestSchema.options.map((option) => option.shape.kind.value) as DocumentKind[];
