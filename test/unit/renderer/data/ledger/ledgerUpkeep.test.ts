import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WriteContext } from '../../../../../renderer/src/data/caseWrite';
import type { DeskDatabase } from '../../../../../renderer/src/data/db';
import { changesLedgerInputs, ledgerUpkeep, notePulledCaseChanges, onPulledCaseChanges } from '../../../../../renderer/src/data/ledger/ledgerUpkeep';
import { refreshDerivedItems } from '../../../../../renderer/src/data/ledger/refreshDerivedItems';
import { ledgerItemIdOf } from '../../../../../renderer/src/domain/ledger/ledgerItem';
import type { PullChange } from '../../../../../renderer/src/protocol/pull';
import { closeDatabases, readyDesk } from '../dataFixtures';
import { acceptedCase } from './ledgerFixtures';

afterEach(closeDatabases);

const at = (date: string) => `${date}T09:00:00+08:00`;

/** The real refresh, counted. */
function countedRefresh() {
  return vi.fn((db: DeskDatabase, context: WriteContext) => refreshDerivedItems(db, context));
}

describe('ledgerUpkeep', () => {
  it('refreshes on its first run, then skips while nothing it reads changed', async () => {
    const { db, clerk } = await readyDesk();
    const row = await acceptedCase(db, clerk);
    const refresh = countedRefresh();
    const upkeep = ledgerUpkeep(db, refresh);

    expect(await upkeep.refreshIfChanged({ clerk, at: at('2026-09-30') })).toEqual({ ok: true, value: { created: 1, closed: 0 } });
    expect(await db.ledgerItems.get(ledgerItemIdOf('overdue', row.id))).toMatchObject({ status: 'open' });
    // Its own write (an op) looks like a change once: that run finds nothing to do and writes nothing.
    expect(await upkeep.refreshIfChanged({ clerk, at: at('2026-09-30') })).toEqual({ ok: true, value: { created: 0, closed: 0 } });
    // From then on, nothing changed: no refresh at all.
    expect(await upkeep.refreshIfChanged({ clerk, at: at('2026-09-30') })).toBeNull();
    expect(await upkeep.refreshIfChanged({ clerk, at: at('2026-09-30') })).toBeNull();
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('refreshes again on a new hall day, after a pull page with cases, and after a write on this desk', async () => {
    const { db, clerk } = await readyDesk();
    await acceptedCase(db, clerk);
    const refresh = countedRefresh();
    const upkeep = ledgerUpkeep(db, refresh);
    const settle = async (date: string) => {
      while ((await upkeep.refreshIfChanged({ clerk, at: at(date) })) !== null);
    };
    await settle('2026-09-30');
    const settled = refresh.mock.calls.length;

    // The next day: items may have gone overdue.
    expect(await upkeep.refreshIfChanged({ clerk, at: at('2026-10-08') })).not.toBeNull();
    await settle('2026-10-08');
    const afterDay = refresh.mock.calls.length;
    expect(afterDay).toBeGreaterThan(settled);

    notePulledCaseChanges();
    expect(await upkeep.refreshIfChanged({ clerk, at: at('2026-10-08') })).not.toBeNull();
    await settle('2026-10-08');

    // A case taken in here writes an op.
    await acceptedCase(db, clerk);
    expect(await upkeep.refreshIfChanged({ clerk, at: at('2026-10-08') })).not.toBeNull();
  });

  it('runs one refresh at a time: a call made meanwhile waits, then finds nothing changed', async () => {
    const { db, clerk } = await readyDesk();
    await acceptedCase(db, clerk);
    let running = 0;
    let most = 0;
    const upkeep = ledgerUpkeep(db, async (database, context) => {
      running += 1;
      most = Math.max(most, running);
      try {
        return await refreshDerivedItems(database, context);
      } finally {
        running -= 1;
      }
    });
    const context = { clerk, at: at('2026-09-30') };
    const results = await Promise.all([upkeep.refreshIfChanged(context), upkeep.refreshIfChanged(context), upkeep.refreshIfChanged(context)]);
    expect(most).toBe(1);
    expect(results[0]).toEqual({ ok: true, value: { created: 1, closed: 0 } });
    expect(results[2]).toBeNull();
  });

  it('tries again after a refused refresh', async () => {
    const { db, clerk } = await readyDesk();
    const refusal = { ok: false as const, message: '存储空间不足' };
    const refresh = vi.fn().mockResolvedValueOnce(refusal).mockResolvedValue({ ok: true, value: { created: 0, closed: 0 } });
    const upkeep = ledgerUpkeep(db, refresh);
    expect(await upkeep.refreshIfChanged({ clerk, at: at('2026-09-30') })).toEqual(refusal);
    expect(await upkeep.refreshIfChanged({ clerk, at: at('2026-09-30') })).toEqual({ ok: true, value: { created: 0, closed: 0 } });
    expect(await upkeep.refreshIfChanged({ clerk, at: at('2026-09-30') })).toBeNull();
  });
});

describe('pull pages and the ledger', () => {
  const change = (entity: PullChange['entity'], op: 'upsert' | 'delete' = 'upsert') => ({ entity, op }) as PullChange;

  it('counts a page as changing the ledger’s inputs when it brings cases, their events, checklist or 核查', () => {
    for (const entity of ['case', 'caseEvent', 'checklistEvent', 'commitmentCheck'] as const) expect(changesLedgerInputs([change('documentEvent'), change(entity)])).toBe(true);
    for (const entity of ['documentEvent', 'licenceSheetEvent', 'handover', 'ledgerItem', 'ledgerFollowUp'] as const) expect(changesLedgerInputs([change(entity)])).toBe(false);
    expect(changesLedgerInputs([change('case', 'delete')])).toBe(false);
    expect(changesLedgerInputs([])).toBe(false);
  });

  it('tells every listener until it unsubscribes', () => {
    const heard = vi.fn();
    const stop = onPulledCaseChanges(heard);
    notePulledCaseChanges();
    stop();
    notePulledCaseChanges();
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
