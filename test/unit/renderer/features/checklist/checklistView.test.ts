import { describe, expect, it } from 'vitest';
import catalogueJson from '../../../../../resources/catalogue/default.json';
import { buildChecklist, type ChecklistItem } from '../../../../../renderer/src/domain/catalogue/checklist';
import { parseCatalogue } from '../../../../../renderer/src/domain/catalogue/parseCatalogue';
import { changeForStatus, statusesOf, unrecorded } from '../../../../../renderer/src/features/checklist/checklistView';

const parsed = parseCatalogue(catalogueJson);
if (!parsed.ok) throw new Error(parsed.message);
const catalogue = parsed.catalogue;
const built = buildChecklist(catalogue, { kind: 'bundle', bundleCode: catalogue.bundles[0]!.code }, {
  shareholderKinds: ['natural_person', 'company'],
  premises: 'rented',
  agentUsed: false,
  scopeNeedsPreApproval: false,
  needsInvoices: true,
  employeeCount: 3,
});
if (!built.ok) throw new Error(built.message);
const items = built.checklist.items;
const byName = (name: string): ChecklistItem => items.find((item) => item.name === name)!;

describe('changeForStatus', () => {
  const lease = byName('住所使用证明：租赁协议或无偿使用证明');
  const ownerTitle = byName('出租（出借）方的房屋产权证明');

  it('fills in the catalogue form and copies when an item is received', () => {
    expect(changeForStatus(lease, unrecorded(lease), 'received', '2026-10-08')).toEqual({
      status: 'received',
      form: lease.form,
      copies: lease.copies,
      pages: 0,
      deferredUntil: null,
      note: null,
    });
  });

  it('keeps what the clerk corrected when received again, and clears it when marked missing', () => {
    const corrected = { ...unrecorded(lease), status: 'received' as const, form: 'original' as const, copies: 2, pages: 7, note: '复印件模糊' };
    expect(changeForStatus(lease, corrected, 'received', '2026-10-08')).toMatchObject({ form: 'original', copies: 2, pages: 7 });
    expect(changeForStatus(lease, corrected, 'missing', '2026-10-08')).toEqual({ status: 'missing', form: null, copies: 0, pages: 0, deferredUntil: null, note: '复印件模糊' });
  });

  it('gives a deferred item the default deadline, or keeps the one set before', () => {
    expect(changeForStatus(ownerTitle, unrecorded(ownerTitle), 'deferred', '2026-10-08').deferredUntil).toBe('2026-10-08');
    const set = { ...unrecorded(ownerTitle), status: 'deferred' as const, deferredUntil: '2026-10-02' };
    expect(changeForStatus(ownerTitle, set, 'deferred', '2026-10-08').deferredUntil).toBe('2026-10-02');
    expect(changeForStatus(ownerTitle, set, 'received', '2026-10-08').deferredUntil).toBeNull();
  });

  it('starts an item exempt when its data is shared, otherwise missing', () => {
    const statuses = statusesOf(items, new Map());
    expect(statuses.get(byName('营业执照（副本）').key)).toBe('exempt');
    expect(statuses.get(lease.key)).toBe('missing');
  });
});
