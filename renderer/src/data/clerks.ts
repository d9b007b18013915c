import type { AuditEntryInput } from '../domain/audit/auditEntry';
import { toChinaIsoDateTime } from '../domain/chineseDate';
import { clerkAccountSchema, loginNameSchema, type ClerkAccount, type SignedInClerk } from '../domain/clerks/account';
import { newClerkId, type ClerkId } from '../domain/clerks/clerkId';
import { checkNewAccount, type NewAccount, type NewAccountDraft, type NewAccountField } from '../domain/clerks/newAccount';
import { hashPassword, verifyPassword } from '../domain/clerks/password';
import { checkPasswordPolicy } from '../domain/clerks/passwordPolicy';
import { can, type ClerkAction } from '../domain/clerks/permissions';
import { appendAuditEntry, writeWithAudit } from './audit';
import type { DeskDatabase } from './db';
import { dataMessages } from './messages';
import { Refusal, refusalsAsResults, type ChangeResult } from './refusal';

const m = dataMessages.clerks;

/** Which form field a refusal is about, so the form can show it there. */
export type ClerkChangeField = NewAccountField | 'currentPassword';

/** An account change either happened, or was refused for a reason a person can act on. */
export type ClerkChange<T> = ChangeResult<T, ClerkChangeField>;

const refusalsAsClerkChange = <T>(change: () => Promise<T>) => refusalsAsResults<T, ClerkChangeField>(change);

function refused(check: { errors: Partial<Record<NewAccountField, string>> }): ClerkChange<never> {
  const [field, message] = Object.entries(check.errors)[0] as [NewAccountField, string];
  return { ok: false, message, field };
}

/** Rows are checked on the way out too: a hand-edited or damaged row must not sign anyone in. */
function parseAccount(row: unknown): ClerkAccount {
  const parsed = clerkAccountSchema.safeParse(row);
  if (!parsed.success) throw new Error(m.corruptAccount, { cause: parsed.error });
  return parsed.data;
}

export function signedInAs(account: ClerkAccount): SignedInClerk {
  return { id: account.id, role: account.role, displayName: account.displayName };
}

/** An audit entry about a clerk account or session; `actor` is who did it (null when nobody is signed in). */
export function clerkAuditInput(
  now: Date,
  actor: ClerkId | null,
  action: string,
  subject: string,
  details: AuditEntryInput['details'] = {},
): AuditEntryInput {
  return { at: toChinaIsoDateTime(now), clerkId: actor, action, subject, details };
}

export const clerkSubject = (id: ClerkId) => `clerk:${id}`;

/**
 * Refuses (rolling back the transaction it runs in) unless the actor's stored account is active and its
 * role may do `action`: the role in a session object may be stale, the stored one is not.
 */
export async function requirePermission(db: DeskDatabase, actor: SignedInClerk, action: ClerkAction, message: string): Promise<void> {
  const row = await db.clerks.get(actor.id);
  const account = row === undefined ? undefined : parseAccount(row);
  if (account === undefined || !account.active || !can(account.role, action)) throw new Refusal<ClerkChangeField>(message);
}

/** True once the first admin exists; until then the desk shows only the setup screen. */
export async function hasAnyClerk(db: DeskDatabase): Promise<boolean> {
  return (await db.clerks.count()) > 0;
}

/** Every account, oldest first. */
export async function listClerks(db: DeskDatabase): Promise<ClerkAccount[]> {
  const accounts = (await db.clerks.toArray()).map(parseAccount);
  return accounts.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.loginName.localeCompare(b.loginName));
}

export async function findClerkById(db: DeskDatabase, id: ClerkId): Promise<ClerkAccount | undefined> {
  const row = await db.clerks.get(id);
  return row === undefined ? undefined : parseAccount(row);
}

/** Finds an account however the name was typed (case, surrounding spaces); undefined for a malformed name. */
export async function findClerkByLoginName(db: DeskDatabase, loginName: string): Promise<ClerkAccount | undefined> {
  const normalised = loginNameSchema.safeParse(loginName);
  if (!normalised.success) return undefined;
  const row = await db.clerks.where('loginName').equals(normalised.data).first();
  return row === undefined ? undefined : parseAccount(row);
}

async function newAccountRow(account: NewAccount, now: Date): Promise<ClerkAccount> {
  return parseAccount({
    id: newClerkId(),
    loginName: account.loginName,
    displayName: account.displayName,
    role: account.role,
    password: await hashPassword(account.password),
    active: true,
    createdAt: toChinaIsoDateTime(now),
  });
}

async function addAccount(db: DeskDatabase, account: ClerkAccount): Promise<void> {
  if ((await db.clerks.where('loginName').equals(account.loginName).count()) > 0) {
    throw new Refusal<ClerkChangeField>(m.loginNameTaken(account.loginName), 'loginName');
  }
  await db.clerks.add(account);
}

const accountDetails = (account: ClerkAccount) => ({
  loginName: account.loginName,
  displayName: account.displayName,
  role: account.role,
});

/**
 * Creates the desk's first account, an admin, and signs it in (it just chose its password). Refused once
 * any account exists, checked in the same transaction that adds it, so two windows cannot both set up.
 */
export async function createFirstAdmin(
  db: DeskDatabase,
  draft: Omit<NewAccountDraft, 'role'>,
  now: Date = new Date(),
): Promise<ClerkChange<SignedInClerk>> {
  const check = checkNewAccount({ ...draft, role: 'admin' });
  if (!check.ok) return refused(check);
  if (await hasAnyClerk(db)) return { ok: false, message: m.alreadySetUp };
  const account = await newAccountRow(check.account, now);
  const subject = clerkSubject(account.id);
  const created = await refusalsAsClerkChange(() =>
    writeWithAudit(db, [db.clerks], clerkAuditInput(now, account.id, 'clerk.create', subject, { ...accountDetails(account), firstRun: true }), async () => {
      if ((await db.clerks.count()) > 0) throw new Refusal<ClerkChangeField>(m.alreadySetUp);
      await addAccount(db, account);
    }),
  );
  if (!created.ok) return created;
  const clerk = signedInAs(account);
  await appendAuditEntry(db, clerkAuditInput(now, clerk.id, 'clerk.signIn', subject, { firstRun: true }));
  return { ok: true, value: clerk };
}

/** An admin adds an account of any role. */
export async function createClerk(
  db: DeskDatabase,
  actor: SignedInClerk,
  draft: NewAccountDraft,
  now: Date = new Date(),
): Promise<ClerkChange<ClerkAccount>> {
  // Checked before hashing so a refused request costs nothing; checked again against the stored account below.
  if (!can(actor.role, 'clerks.manage')) return { ok: false, message: m.notPermitted };
  const check = checkNewAccount(draft);
  if (!check.ok) return refused(check);
  const account = await newAccountRow(check.account, now);
  return refusalsAsClerkChange(async () => {
    const input = clerkAuditInput(now, actor.id, 'clerk.create', clerkSubject(account.id), accountDetails(account));
    await writeWithAudit(db, [db.clerks], input, async () => {
      await requirePermission(db, actor, 'clerks.manage', m.notPermitted);
      await addAccount(db, account);
    });
    return account;
  });
}

/** An admin disables an account (it can no longer sign in; its records keep its name) or enables it again. */
export async function setClerkActive(
  db: DeskDatabase,
  actor: SignedInClerk,
  clerkId: ClerkId,
  active: boolean,
  now: Date = new Date(),
): Promise<ClerkChange<ClerkAccount>> {
  if (!active && clerkId === actor.id) return { ok: false, message: m.cannotDisableSelf };
  return refusalsAsClerkChange(async () => {
    const input = clerkAuditInput(now, actor.id, active ? 'clerk.enable' : 'clerk.disable', clerkSubject(clerkId));
    const { value } = await writeWithAudit(db, [db.clerks], input, async () => {
      await requirePermission(db, actor, 'clerks.manage', m.notPermitted);
      const row = await db.clerks.get(clerkId);
      if (row === undefined) throw new Refusal<ClerkChangeField>(m.noSuchAccount);
      const updated: ClerkAccount = { ...parseAccount(row), active };
      await db.clerks.put(updated);
      return updated;
    });
    return value;
  });
}

/** An admin sets a new password for someone who forgot theirs. */
export async function resetClerkPassword(
  db: DeskDatabase,
  actor: SignedInClerk,
  clerkId: ClerkId,
  newPassword: string,
  now: Date = new Date(),
): Promise<ClerkChange<void>> {
  if (!can(actor.role, 'clerks.manage')) return { ok: false, message: m.notPermitted };
  const target = await findClerkById(db, clerkId);
  if (target === undefined) return { ok: false, message: m.noSuchAccount };
  const policy = checkPasswordPolicy(newPassword, { loginName: target.loginName });
  if (!policy.ok) return { ok: false, message: policy.problems.join('；'), field: 'password' };
  const password = await hashPassword(newPassword);
  return refusalsAsClerkChange(async () => {
    const input = clerkAuditInput(now, actor.id, 'clerk.passwordReset', clerkSubject(clerkId));
    await writeWithAudit(db, [db.clerks], input, async () => {
      await requirePermission(db, actor, 'clerks.manage', m.notPermitted);
      const row = await db.clerks.get(clerkId);
      if (row === undefined) throw new Refusal<ClerkChangeField>(m.noSuchAccount);
      await db.clerks.put({ ...parseAccount(row), password });
    });
  });
}

/** A signed-in person replaces their own password, proving they know the current one. */
export async function changeOwnPassword(
  db: DeskDatabase,
  clerk: SignedInClerk,
  currentPassword: string,
  newPassword: string,
  now: Date = new Date(),
): Promise<ClerkChange<void>> {
  const account = await findClerkById(db, clerk.id);
  if (account === undefined || !account.active) return { ok: false, message: m.noSuchAccount };
  if (!(await verifyPassword(currentPassword, account.password))) {
    return { ok: false, message: m.wrongCurrentPassword, field: 'currentPassword' };
  }
  const policy = checkPasswordPolicy(newPassword, { loginName: account.loginName });
  if (!policy.ok) return { ok: false, message: policy.problems.join('；'), field: 'password' };
  const password = await hashPassword(newPassword);
  return refusalsAsClerkChange(async () => {
    const input = clerkAuditInput(now, clerk.id, 'clerk.passwordChange', clerkSubject(clerk.id));
    await writeWithAudit(db, [db.clerks], input, async () => {
      const row = await db.clerks.get(clerk.id);
      const stored = row === undefined ? undefined : parseAccount(row);
      // Someone else (an admin's reset) changed it while we were hashing: their change stands.
      if (stored === undefined || stored.password.hash !== account.password.hash) throw new Refusal<ClerkChangeField>(m.wrongCurrentPassword, 'currentPassword');
      await db.clerks.put({ ...stored, password });
    });
  });
}
