import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  appendAudit,
  auditHead,
  hashAuditEntry,
  type AuditEntryInput,
} from '../../../../../renderer/src/domain/audit/auditEntry';
import { newClerkId } from '../../../../../renderer/src/domain/clerks/clerkId';

const clerkId = newClerkId();
const input = (action: string, details: AuditEntryInput['details'] = {}): AuditEntryInput => ({
  at: '2026-11-28T09:15:00+08:00',
  clerkId,
  action,
  subject: 'case:0193d1c4-1a2b-7c3d-8e4f-5a6b7c8d9e0f',
  details,
});

describe('appendAudit', () => {
  it('starts the log at seq 1, chained from the genesis hash', async () => {
    const first = await appendAudit(null, input('clerk.signIn'));
    expect(first.seq).toBe(1);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('numbers each entry after the last and chains it to the last one’s hash', async () => {
    const first = await appendAudit(null, input('clerk.signIn'));
    const second = await appendAudit(first, input('case.accept', { dueDate: '2026-12-07' }));
    expect(second.seq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
    expect(auditHead(second)).toEqual({ seq: 2, hash: second.hash });
  });

  it('hashes the entry’s content, so the same content gives the same hash and any change another', async () => {
    const a = await appendAudit(null, input('case.accept', { visit: 1, dueDate: '2026-12-07' }));
    const b = await appendAudit(null, input('case.accept', { dueDate: '2026-12-07', visit: 1 }));
    expect(a.hash).toBe(b.hash);
    expect(await hashAuditEntry({ ...a, details: { visit: 2, dueDate: '2026-12-07' } })).not.toBe(a.hash);
    expect(await hashAuditEntry({ ...a, at: '2026-11-28T09:16:00+08:00' })).not.toBe(a.hash);
  });

  it('refuses an entry without an offset time, with a malformed action, or with non-JSON details', async () => {
    await expect(appendAudit(null, { ...input('case.accept'), at: '2026-11-28 09:15' })).rejects.toThrow();
    await expect(appendAudit(null, input('accept the case'))).rejects.toThrow();
    await expect(appendAudit(null, input('case.accept', { when: new Date() as never }))).rejects.toThrow();
  });

  it('records acts nobody is signed in for with a null clerk', async () => {
    const entry = await appendAudit(null, { ...input('clerk.signInFailed'), clerkId: null, subject: 'login:zhangsan' });
    expect(entry.clerkId).toBeNull();
  });
});
