import { describe, expect, it } from 'vitest';
import { foundsCompany, selectionFoundsCompany } from '../../../../../renderer/src/domain/catalogue/companyFounding';

describe('foundsCompany', () => {
  it('is the registration of a new company, not of a branch, a change or a 个体工商户', () => {
    expect(foundsCompany({ name: '有限责任公司设立登记（含社保登记）' })).toBe(true);
    expect(foundsCompany({ name: '股份有限公司设立登记' })).toBe(true);
    for (const name of ['分公司设立登记', '有限责任公司变更登记', '个体工商户设立登记', '公章刻制']) expect(foundsCompany({ name }), name).toBe(false);
  });

  it('holds for a selection with one such matter among others', () => {
    expect(selectionFoundsCompany([{ name: '公章刻制' }, { name: '有限责任公司设立登记（含社保登记）' }])).toBe(true);
    expect(selectionFoundsCompany([{ name: '公章刻制' }])).toBe(false);
  });
});
