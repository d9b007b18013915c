import { z } from 'zod';
import type { SignedInClerk } from '../domain/clerks/account';
import type { DocumentKind } from '../domain/documentEvents';
import { cleanText } from '../domain/text';
import { writeWithAudit } from './audit';
import { chinaIso } from './clock';
import { requirePermission } from './clerks';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import { issuanceDataMessages } from './issuanceMessages';
import { Refusal, refusalsAsResults, type ChangeResult } from './refusal';

/**
 * The agency in whose name this desk issues documents (文书抬头), set by the admin: printed at the head and
 * foot of every notice, and the 机关代字 that leads every 文号. Nothing is assumed when it is missing: the
 * desk refuses to number a document until the admin has filled it in.
 */

const line = (label: string, max: number) =>
  z.string().transform((raw, ctx) => {
    const cleaned = cleanText(raw, { max });
    if (!cleaned.ok) ctx.addIssue({ code: 'custom', message: `${label}：${cleaned.error.message}` });
    else if (cleaned.value === '') ctx.addIssue({ code: 'custom', message: `${label}：不能为空` });
    return cleaned.ok ? cleaned.value : z.NEVER;
  });

export const issuingAgencySchema = z.object({
  /** 行政机关全称, e.g. 绵阳市市场监督管理局. */
  name: line('机关名称', 40),
  /** The hall the counter is in, e.g. 绵阳市政务服务中心企业服务中心. */
  hallName: line('大厅名称', 40),
  address: line('办理地点', 60),
  phone: z.string().trim().regex(/^[0-9-]{5,20}$/, { error: '咨询电话：应为5至20位数字或连字符' }),
  /** This desk's window as printed on receipts, e.g. 企业开办综合窗口 3号. */
  windowName: line('窗口名称', 30),
  /** 机关代字 before the per-kind word: 绵市监企 + 受 → 绵市监企受字〔2026〕第MY01-0001号. */
  codePrefix: z.string().trim().regex(/^[\u4e00-\u9fff]{2,8}$/u, { error: '机关代字：应为2至8个汉字' }),
  /** Named on 不予受理通知书 as where the applicant may appeal. */
  reviewBody: line('行政复议机关', 40),
  court: line('管辖人民法院', 40),
});
export type IssuingAgency = z.output<typeof issuingAgencySchema>;
export type IssuingAgencyInput = z.input<typeof issuingAgencySchema>;
export type IssuingAgencyField = keyof IssuingAgency;

/** The word after the 机关代字 that names each kind of document in its 文号 (收字, 受字, 补字, 照字 …). */
export const documentWords: Readonly<Record<DocumentKind, string>> = {
  receipt: '收',
  supplementaryReceipt: '补收',
  acceptanceNotice: '受',
  deferralAcceptanceNotice: '容受',
  correctionNotice: '补',
  refusalNotice: '不受',
  denialDecision: '不许',
  commitmentLetter: '诺',
  licenceOriginal: '照',
  licenceCopy: '照',
  calibrationSheet: '校',
  dayReport: '日',
  ledgerReport: '督',
};

/** 机关代字 of a kind of document, e.g. 绵市监企受 (at most 10 characters, within the 文号's 12). */
export function agencyCodeFor(agency: IssuingAgency, kind: DocumentKind): string {
  return `${agency.codePrefix}${documentWords[kind]}`;
}

const AGENCY_KEY = 'issuingAgency';

/** The stored agency, or null before the admin has set it (or when the stored row is damaged). */
export async function readIssuingAgency(db: DeskDatabase): Promise<IssuingAgency | null> {
  const parsed = issuingAgencySchema.safeParse((await guardStorage(() => db.meta.get(AGENCY_KEY)))?.value);
  return parsed.success ? parsed.data : null;
}

/** Inside a write: the agency, or a refusal telling the clerk to have the admin set it. */
export async function requireIssuingAgency(db: DeskDatabase): Promise<IssuingAgency> {
  const parsed = issuingAgencySchema.safeParse((await db.meta.get(AGENCY_KEY))?.value);
  if (!parsed.success) throw new Refusal(issuanceDataMessages.archive.agencyNotSet);
  return parsed.data;
}

/** Sets the agency (admins only), with an audit entry naming what changed. */
export async function saveIssuingAgency(
  db: DeskDatabase,
  input: IssuingAgencyInput,
  actor: SignedInClerk,
  now: Date = new Date(),
): Promise<ChangeResult<IssuingAgency, IssuingAgencyField>> {
  const parsed = issuingAgencySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: issue.message, field: issue.path[0] as IssuingAgencyField };
  }
  const audit = { at: chinaIso(now), clerkId: actor.id, action: 'settings.issuingAgency', subject: 'desk:issuingAgency', details: { ...parsed.data } };
  return refusalsAsResults(() =>
    guardStorage(async () => {
      await writeWithAudit(db, [db.clerks], audit, async () => {
        await requirePermission(db, actor, 'settings.manage', issuanceDataMessages.settings.notPermittedAgency);
        await db.meta.put({ key: AGENCY_KEY, value: parsed.data });
      });
      return parsed.data;
    }),
  );
}
