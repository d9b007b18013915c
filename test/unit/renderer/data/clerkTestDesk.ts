import { afterEach } from 'vitest';
import { createClerk, createFirstAdmin } from '../../../../renderer/src/data/clerks';
import { DeskDatabase } from '../../../../renderer/src/data/db';
import type { SignedInClerk } from '../../../../renderer/src/domain/clerks/account';

export const adminDraft = { loginName: 'admin', displayName: '王管理', password: 'Guanli#2026desk' };
export const clerkDraft = { loginName: 'zhangsan', displayName: '张三', role: 'clerk', password: 'Chuangkou#2026' };

let counter = 0;
const open: DeskDatabase[] = [];

/** A fresh, empty desk database, deleted after the test. */
export function freshDatabase(): DeskDatabase {
  const db = new DeskDatabase(`clerks-test-${++counter}`);
  open.push(db);
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close();
    await db.delete();
  }
});

export function unwrap<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(`expected success, got: ${result.message}`);
  return result.value;
}

/** A desk with its first admin signed in (one PBKDF2 hash). */
export async function deskWithAdmin(): Promise<{ db: DeskDatabase; admin: SignedInClerk }> {
  const db = freshDatabase();
  const admin = unwrap(await createFirstAdmin(db, adminDraft, new Date('2026-11-28T08:00:00+08:00')));
  return { db, admin };
}

/** A desk with its admin and one counter clerk, 张三 (two hashes). */
export async function deskWithClerk(): Promise<{ db: DeskDatabase; admin: SignedInClerk; clerk: SignedInClerk }> {
  const { db, admin } = await deskWithAdmin();
  const account = unwrap(await createClerk(db, admin, clerkDraft, new Date('2026-11-28T08:05:00+08:00')));
  return { db, admin, clerk: { id: account.id, role: account.role, displayName: account.displayName } };
}
