import { describe, expect, it } from 'vitest';
import catalogueJson from '../../../../../resources/catalogue/default.json';
import { buildChecklist, type ChecklistItem } from '../../../../../renderer/src/domain/catalogue/checklist';
import { parseCatalogue } from '../../../../../renderer/src/domain/catalogue/parseCatalogue';
import { allowedStatuses, statusRefusal } from '../../../../../renderer/src/features/checklist/itemStatusRules';

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

describe('status rules of a checklist item', () => {
  it('allows 容缺 only where the catalogue does', () => {
    expect(statusRefusal(byName('出租（出借）方的房屋产权证明'), 'deferred')).toBeNull();
    expect(statusRefusal(byName('公司章程'), 'deferred')).toBe('「公司章程」按规定不允许容缺');
  });

  it('allows 承诺 only where the catalogue allows a commitment', () => {
    const untitled = buildChecklist(catalogue, { kind: 'bundle', bundleCode: catalogue.bundles[0]!.code }, { premises: 'owned_untitled' });
    if (!untitled.ok) throw new Error(untitled.message);
    const certificate = untitled.checklist.items.find((item) => item.commitmentAllowed)!;
    expect(allowedStatuses(certificate)).toContain('committed');
    expect(allowedStatuses(byName('公司章程'))).not.toContain('committed');
    expect(statusRefusal(byName('公司章程'), 'committed')).toBe('「公司章程」按规定不适用告知承诺');
  });

  it('allows 免提交 only for shared data, and 不适用 only for optional items', () => {
    const licence = byName('营业执照（副本）');
    expect(allowedStatuses(licence)).toContain('exempt');
    expect(statusRefusal(byName('公司章程'), 'exempt')).toContain('不能免提交');
    expect(statusRefusal(byName('公司章程'), 'notApplicable')).toContain('必交材料');
    expect(statusRefusal(byName('劳动合同或用工证明'), 'notApplicable')).toBeNull();
  });
});
