import 'fake-indexeddb/auto';
import type { SignedInClerk } from '../../../../renderer/src/domain/clerks/account';
import { newClerkId } from '../../../../renderer/src/domain/clerks/clerkId';
import type { ClerkRole } from '../../../../renderer/src/domain/clerks/roles';
import type { BundleCode } from '../../../../renderer/src/domain/catalogue/schema';
import type { DraftCaseInput } from '../../../../renderer/src/data/cases';
import { DeskDatabase } from '../../../../renderer/src/data/db';
import { developmentDeskIdentity } from '../../../../renderer/src/data/desk';
import { mobile, residentId, uscc } from '../../../fixtures/identities';

let open: DeskDatabase[] = [];
let counter = 0;

/** A new, empty database (closed and deleted by `closeDatabases`). */
export function freshDatabase(): DeskDatabase {
  const db = new DeskDatabase(`data-test-${process.pid}-${++counter}`);
  open.push(db);
  return db;
}

export async function closeDatabases(): Promise<void> {
  for (const db of open) {
    db.close();
    await db.delete();
  }
  open = [];
}

/** A stored account (the password record is well-formed but opens nothing: these tests never sign in). */
export async function addAccount(db: DeskDatabase, role: ClerkRole, displayName: string, active = true): Promise<SignedInClerk> {
  const id = newClerkId();
  await db.clerks.add({
    id,
    loginName: `${role}${counter}${displayName.length}${Math.random().toString(36).slice(2, 6)}`,
    displayName,
    role,
    password: { algorithm: 'PBKDF2-SHA-256', iterations: 310_000, salt: btoa('0123456789abcdef'), hash: btoa('0123456789abcdef0123456789abcdef') },
    active,
    createdAt: '2026-11-01T09:00:00.000+08:00',
  });
  return { id, role, displayName };
}

/** A database set up like a desk after first run: identity MY01, a clerk and a chief. */
export async function readyDesk(): Promise<{ db: DeskDatabase; clerk: SignedInClerk; chief: SignedInClerk }> {
  const db = freshDatabase();
  await db.meta.put({ key: 'deskIdentity', value: developmentDeskIdentity });
  return { db, clerk: await addAccount(db, 'clerk', '李受理'), chief: await addAccount(db, 'chief', '赵首席') };
}

export const applicantId = residentId('510703', '19850312', 123);
export const agentId = residentId('510722', '19920708', 246);
export const existingUscc = uscc('510703', '5A6B7C8D');

/** The 企业开办 bundle for a new company: a natural-person and a company shareholder, rented premises, an agent. */
export function startUpInput(overrides: Partial<DraftCaseInput> = {}): DraftCaseInput {
  return {
    enterprise: { kind: 'new', name: '绵阳星辰科技有限公司', uscc: null, address: '绵阳市涪城区长虹大道中段18号' },
    applicant: { name: '王小明', idKind: 'residentId', idNumber: applicantId, phone: mobile('138', 12345678) },
    agent: { name: '陈代办', idKind: 'residentId', idNumber: agentId, phone: mobile('139', 87654321), authorisation: '授权委托书（2026年11月27日签署）：代为办理企业开办全部事项' },
    selection: { kind: 'bundle', bundleCode: '510700-YJS-0001' as BundleCode },
    answers: { shareholderKinds: ['natural_person', 'company'], premises: 'rented', agentUsed: true, scopeNeedsPreApproval: false, needsInvoices: true, employeeCount: 3 },
    queueTicket: 'A023',
    ...overrides,
  };
}

/** Tuesday before the 2026 National Day holiday (10-01…10-07 off, 10-10 a make-up Saturday). */
export const beforeNationalDay = '2026-09-29T10:00:00+08:00';
