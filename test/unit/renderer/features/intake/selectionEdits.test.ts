import { describe, expect, it } from 'vitest';
import catalogueJson from '../../../../../resources/catalogue/default.json';
import { parseCatalogue } from '../../../../../renderer/src/domain/catalogue/parseCatalogue';
import type { BundleCode, MatterCode } from '../../../../../renderer/src/domain/catalogue/schema';
import { pickTarget, removeFromSelection, removeLast, selectedMatterCodes } from '../../../../../renderer/src/features/intake/selectionEdits';

const parsed = parseCatalogue(catalogueJson);
if (!parsed.ok) throw new Error(parsed.message);
const catalogue = parsed.catalogue;
const bundle = catalogue.bundles[0]!;
const food = catalogue.matters.find((matter) => matter.name === '食品经营许可')!;
const change = catalogue.matters.find((matter) => matter.name === '有限责任公司变更登记')!;
const asTarget = (matter: typeof food) => ({ kind: 'matter' as const, code: matter.code, name: matter.name, department: matter.department });

describe('picking in the matter box', () => {
  it('takes a bundle as the whole selection', () => {
    const picked = pickTarget(catalogue, { kind: 'matters', matterCodes: [food.code] }, { kind: 'bundle', code: bundle.code, name: bundle.name });
    expect(picked).toEqual({ kind: 'bundle', bundleCode: bundle.code });
  });

  it('adds matters one after another', () => {
    const first = pickTarget(catalogue, null, asTarget(food));
    expect(pickTarget(catalogue, first, asTarget(change))).toEqual({ kind: 'matters', matterCodes: [food.code, change.code] });
  });

  it('opens a bundle into its matters when a further matter is added, losing nothing', () => {
    const picked = pickTarget(catalogue, { kind: 'bundle', bundleCode: bundle.code }, asTarget(food));
    expect(picked).toEqual({ kind: 'matters', matterCodes: [...bundle.matterCodes, food.code] });
  });

  it('changes nothing when a matter already selected is picked again', () => {
    const current = { kind: 'bundle' as const, bundleCode: bundle.code };
    const inBundle = catalogue.matters.find((matter) => matter.code === bundle.matterCodes[0])!;
    expect(pickTarget(catalogue, current, asTarget(inBundle))).toBe(current);
  });

  it('removes a matter, the bundle as a whole, and the last pick on Backspace', () => {
    const two = { kind: 'matters' as const, matterCodes: [food.code, change.code] };
    expect(removeFromSelection(two, food.code)).toEqual({ kind: 'matters', matterCodes: [change.code] });
    expect(removeFromSelection({ kind: 'matters', matterCodes: [food.code] }, food.code)).toBeNull();
    expect(removeFromSelection({ kind: 'bundle', bundleCode: bundle.code }, bundle.code)).toBeNull();
    expect(removeLast(two)).toEqual({ kind: 'matters', matterCodes: [food.code] });
    expect(removeLast({ kind: 'bundle', bundleCode: bundle.code })).toBeNull();
  });

  it('lists the matter codes behind a selection, and none for an unknown bundle', () => {
    expect(selectedMatterCodes(catalogue, { kind: 'bundle', bundleCode: bundle.code })).toEqual(bundle.matterCodes);
    expect(selectedMatterCodes(catalogue, { kind: 'bundle', bundleCode: 'NOPE-000' as BundleCode })).toEqual([]);
    expect(selectedMatterCodes(catalogue, { kind: 'matters', matterCodes: ['510700-0009' as MatterCode] })).toEqual(['510700-0009']);
    expect(selectedMatterCodes(catalogue, null)).toEqual([]);
  });
});
