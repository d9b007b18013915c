import { beforeAll, describe, expect, it } from 'vitest';
import {
  appendAudit,
  auditHead,
  hashAuditEntry,
  type AuditEntry,
} from '../../../../../renderer/src/domain/audit/auditEntry';
import { verifyAuditChain } from '../../../../../renderer/src/domain/audit/verifyAuditChain';
import { newClerkId } from '../../../../../renderer/src/domain/clerks/clerkId';

const clerkId = newClerkId();
let log: AuditEntry[];

beforeAll(async () => {
  log = [];
  const actions = ['clerk.signIn', 'case.open', 'case.accept', 'licence.print', 'licence.void'];
  for (const [index, action] of actions.entries()) {
    log.push(
      await appendAudit(log.at(-1) ?? null, {
        at: `2026-11-28T09:${String(10 + index).padStart(2, '0')}:00+08:00`,
        clerkId,
        action,
        subject: `case:${index}`,
        details: { index, note: '正常操作' },
      }),
    );
  }
});

/** Rewrites an entry and recomputes its own hash, as someone covering their tracks would. */
async function resealed(entry: AuditEntry, change: Partial<AuditEntry>): Promise<AuditEntry> {
  const edited = { ...entry, ...change };
  return { ...edited, hash: await hashAuditEntry(edited) };
}

describe('verifyAuditChain', () => {
  it('accepts an untouched log and reports its head', async () => {
    expect(await verifyAuditChain(log)).toEqual({ ok: true, head: auditHead(log[4]!) });
    expect(await verifyAuditChain(log, { expectedHead: auditHead(log[4]!) })).toEqual({ ok: true, head: auditHead(log[4]!) });
  });

  it('accepts an empty log, and an empty log that should be empty', async () => {
    expect(await verifyAuditChain([])).toEqual({ ok: true, head: null });
    expect(await verifyAuditChain([], { expectedHead: null })).toEqual({ ok: true, head: null });
  });

  it('finds an entry whose content was edited in place', async () => {
    const tampered = log.map((entry) => (entry.seq === 3 ? { ...entry, details: { index: 2, note: '改过' } } : entry));
    expect(await verifyAuditChain(tampered)).toEqual({
      ok: false,
      kind: 'edited',
      brokenAtSeq: 3,
      message: '第3条审计记录的内容与写入时不符，已被改动',
    });
  });

  it('finds an edited entry even when its own hash was recomputed, by the next entry’s link', async () => {
    const edited = await resealed(log[2]!, { action: 'case.refuse' });
    const tampered = log.map((entry) => (entry.seq === 3 ? edited : entry));
    expect(await verifyAuditChain(tampered)).toEqual({
      ok: false,
      kind: 'edited',
      brokenAtSeq: 3,
      message: '第3条审计记录在第4条写入之后被改动（两条记录之间的链接不符）',
    });
  });

  it('finds a rewritten first entry that no longer starts from the genesis hash', async () => {
    const forged = await resealed(log[0]!, { prevHash: 'f'.repeat(64) });
    const verdict = await verifyAuditChain([forged, ...log.slice(1)]);
    expect(verdict).toMatchObject({ ok: false, kind: 'edited', brokenAtSeq: 1 });
  });

  it('finds a deleted entry in the middle', async () => {
    const tampered = log.filter((entry) => entry.seq !== 3);
    expect(await verifyAuditChain(tampered)).toEqual({
      ok: false,
      kind: 'deleted',
      brokenAtSeq: 3,
      message: '第3条审计记录已被删除',
    });
  });

  it('finds several deleted entries in a row and names the range', async () => {
    const tampered = log.filter((entry) => entry.seq !== 2 && entry.seq !== 3);
    expect(await verifyAuditChain(tampered)).toMatchObject({ kind: 'deleted', brokenAtSeq: 2, message: '第2至3条审计记录已被删除' });
  });

  it('finds a deleted first entry', async () => {
    expect(await verifyAuditChain(log.slice(1))).toMatchObject({ ok: false, kind: 'deleted', brokenAtSeq: 1 });
  });

  it('finds a middle entry deleted and the rest renumbered, as an edit of the renumbered entry', async () => {
    const renumbered = log.slice(3).map((entry) => ({ ...entry, seq: entry.seq - 1 }));
    const verdict = await verifyAuditChain([...log.slice(0, 2), ...renumbered]);
    expect(verdict).toMatchObject({ ok: false, kind: 'edited', brokenAtSeq: 3 });
  });

  it('cannot see a deleted last entry without the separately kept head — and can with it', async () => {
    const truncated = log.slice(0, 4);
    expect(await verifyAuditChain(truncated)).toEqual({ ok: true, head: auditHead(log[3]!) });
    expect(await verifyAuditChain(truncated, { expectedHead: auditHead(log[4]!) })).toEqual({
      ok: false,
      kind: 'deleted',
      brokenAtSeq: 5,
      message: '最后一条审计记录（第5条）已被删除，与单独保存的末条记录不符',
    });
    expect(await verifyAuditChain(log.slice(0, 2), { expectedHead: auditHead(log[4]!) })).toMatchObject({
      kind: 'deleted',
      brokenAtSeq: 3,
      message: '最后的第3至5条审计记录已被删除，与单独保存的末条记录不符',
    });
    expect(await verifyAuditChain([], { expectedHead: auditHead(log[4]!) })).toMatchObject({ kind: 'deleted', brokenAtSeq: 1 });
  });

  it('finds a last entry rewritten with a fresh hash by comparing it with the kept head', async () => {
    const rewritten = await resealed(log[4]!, { details: { index: 4, note: '改过' } });
    const verdict = await verifyAuditChain([...log.slice(0, 4), rewritten], { expectedHead: auditHead(log[4]!) });
    expect(verdict).toEqual({
      ok: false,
      kind: 'edited',
      brokenAtSeq: 5,
      message: '第5条（最后一条）审计记录与单独保存的末条记录不符，日志可能被整段改写',
    });
  });

  it('finds entries appended past the kept head', async () => {
    const extra = await appendAudit(log[4]!, { at: '2026-11-28T10:00:00+08:00', clerkId, action: 'case.open', subject: 'case:x', details: {} });
    expect(await verifyAuditChain([...log, extra], { expectedHead: auditHead(log[4]!) })).toMatchObject({
      ok: false,
      kind: 'inserted',
      brokenAtSeq: 6,
    });
  });

  it('finds two entries swapped', async () => {
    const swapped = [log[0]!, log[1]!, log[3]!, log[2]!, log[4]!];
    expect(await verifyAuditChain(swapped)).toEqual({
      ok: false,
      kind: 'reordered',
      brokenAtSeq: 3,
      message: '第3条审计记录的位置被调换',
    });
  });

  it('finds a duplicated entry', async () => {
    const duplicated = [log[0]!, log[1]!, log[1]!, ...log.slice(2)];
    expect(await verifyAuditChain(duplicated)).toMatchObject({ ok: false, kind: 'inserted', brokenAtSeq: 2 });
  });

  it('finds a malformed entry', async () => {
    const broken = log.map((entry) => (entry.seq === 2 ? { ...entry, hash: 'not a hash' } : entry));
    expect(await verifyAuditChain(broken)).toMatchObject({ ok: false, kind: 'malformed', brokenAtSeq: 2 });
  });

  it('ignores what a store wraps around an entry, since only the entry’s own fields are hashed', async () => {
    const wrapped = log.map((entry) => ({ ...entry, storedBy: 'dexie' }));
    expect(await verifyAuditChain(wrapped)).toMatchObject({ ok: true });
  });
});
