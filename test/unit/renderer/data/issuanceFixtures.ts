import 'fake-indexeddb/auto';
import { caseChecklist, recordChecklistItem } from '../../../../renderer/src/data/caseChecklist';
import { applyCommand, createDraftCase } from '../../../../renderer/src/data/cases';
import { createClerk, createFirstAdmin } from '../../../../renderer/src/data/clerks';
import type { DeskDatabase } from '../../../../renderer/src/data/db';
import { developmentDeskIdentity } from '../../../../renderer/src/data/desk';
import { saveIssuingAgency, type IssuingAgencyInput } from '../../../../renderer/src/data/issuingAgency';
import type { DocumentDraft } from '../../../../renderer/src/data/documentArchive/archive';
import { nextDocumentNumber } from '../../../../renderer/src/data/documentArchive/numbering';
import { recordInHallApproval, type LicenceInput } from '../../../../renderer/src/data/licenceIssuance';
import { receiveSheets } from '../../../../renderer/src/data/paperStock';
import type { CaseRow } from '../../../../renderer/src/data/records';
import type { SignedInClerk } from '../../../../renderer/src/domain/clerks/account';
import { sha256Hex } from '../../../../renderer/src/domain/sha256';
import { uscc } from '../../../fixtures/identities';
import { freshDatabase, startUpInput } from './dataFixtures';

/**
 * A desk ready to print and issue: identity MY01, the issuing agency, and real accounts (an admin, a
 * counter clerk and a chief) whose passwords the chief approvals check (three PBKDF2 hashes).
 */
export interface IssuingDesk {
  db: DeskDatabase;
  admin: SignedInClerk;
  clerk: SignedInClerk;
  chief: SignedInClerk;
}

export const chiefLogin = { loginName: 'lishouxi', password: 'Shouxi#2026desk' };
export const clerkLogin = { loginName: 'zhangsan', password: 'Chuangkou#2026' };

export const agencyInput: IssuingAgencyInput = {
  name: '绵阳市市场监督管理局',
  hallName: '绵阳市政务服务中心企业服务中心',
  address: '绵阳市涪城区绵兴东路81号',
  phone: '0816-2222345',
  windowName: '企业开办综合窗口 1号',
  codePrefix: '绵市监企',
  reviewBody: '绵阳市人民政府',
  court: '绵阳市涪城区人民法院',
};

function ok<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.message}`);
  return result.value;
}

export { ok as unwrapResult };

export async function issuingDesk(): Promise<IssuingDesk> {
  const db = freshDatabase();
  const now = new Date('2026-11-02T08:00:00+08:00');
  await db.meta.put({ key: 'deskIdentity', value: developmentDeskIdentity });
  const admin = ok(await createFirstAdmin(db, { loginName: 'admin', displayName: '王管理', password: 'Guanli#2026desk' }, now));
  const account = async (role: 'clerk' | 'chief', login: { loginName: string; password: string }, displayName: string) => {
    const created = ok(await createClerk(db, admin, { ...login, displayName, role }, now));
    return { id: created.id, role: created.role, displayName: created.displayName };
  };
  const clerk = await account('clerk', clerkLogin, '张三');
  const chief = await account('chief', chiefLogin, '李首席');
  ok(await saveIssuingAgency(db, agencyInput, admin, now));
  return { db, admin, clerk, chief };
}

/** Monday 2026-11-02, 09:00 in the hall. */
export const intakeAt = '2026-11-02T09:00:00+08:00';

/** A 企业开办 case taken in at `intakeAt` with every required material received, and accepted. */
export async function acceptedCase(desk: IssuingDesk, at = intakeAt): Promise<CaseRow> {
  const { db, clerk } = desk;
  const row = ok(await createDraftCase(db, startUpInput(), { clerk, at }));
  for (const item of await caseChecklist(db, row.id)) {
    if (item.item.required && item.status === 'missing') {
      ok(await recordChecklistItem(db, row.id, item.key, { status: 'received', form: item.item.form, copies: item.item.copies, pages: 2 }, { clerk, at }));
    }
  }
  return ok(await applyCommand(db, row.id, { type: 'accept' }, { clerk, at })).case;
}

export const licenceInput: LicenceInput = {
  uscc: uscc('510703', 'MA6BQ7K3'),
  name: '绵阳星辰科技有限公司',
  type: '有限责任公司（自然人投资或控股）',
  legalRepresentative: '王小明',
  registeredCapitalFen: 50_000_000,
  businessScope: '一般项目：软件开发；信息技术咨询服务。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）',
  address: '绵阳市涪城区长虹大道中段18号',
  establishedOn: '2026-11-02',
  businessTerm: { kind: 'longTerm' },
  registrationAuthority: '绵阳市市场监督管理局',
  issuedOn: '2026-11-02',
};

/** A PDF-looking byte string, different per `seed` (the archive stores bytes; it does not parse them). */
export function fakePdf(seed: string): Uint8Array {
  return new TextEncoder().encode(`%PDF-1.7\n% ${seed}\n%%EOF\n`);
}

export const approvedAt = '2026-11-02T10:20:00+08:00';
export const printAt = '2026-11-02T10:40:00+08:00';

/** An accepted case the chief approved in the hall (待出证), and five blank sheets of each kind in stock. */
export async function awaitingIssuance(desk: IssuingDesk): Promise<CaseRow> {
  const row = await acceptedCase(desk);
  const approved = ok(await recordInHallApproval(desk.db, row.id, licenceInput, { clerk: desk.chief, at: approvedAt, deskEnrolled: false }));
  ok(await receiveSheets(desk.db, { kind: 'original', firstSerial: 'A5107000001', lastSerial: 'A5107000005' }, desk.chief));
  ok(await receiveSheets(desk.db, { kind: 'copy', firstSerial: 'B5107000001', lastSerial: 'B5107000005' }, desk.chief));
  return approved;
}

/** A licence drawn for `serial` (fake PDF bytes), numbered as the archive expects next. */
export async function licenceDraft(desk: IssuingDesk, row: CaseRow, kind: 'licenceOriginal' | 'licenceCopy', serial: string): Promise<DocumentDraft> {
  const pdf = fakePdf(`${kind}-${serial}`);
  return {
    kind,
    caseId: row.id,
    eventSeq: null,
    documentNumber: ok(await nextDocumentNumber(desk.db, kind, printAt)),
    templateVersion: `${kind === 'licenceOriginal' ? 'licenceOriginal' : 'licenceDuplicate'}/2026.1`,
    pdf,
    sha256: await sha256Hex(pdf),
    copies: 1,
    printerName: 'DeskPDF',
    licenceSheetSerial: serial,
  };
}
