import type { Matter } from './schema';

/**
 * Whether a matter registers a new company (公司设立登记: 有限责任公司 or 股份有限公司), whose 法定代表人 and
 * natural-person shareholders the intake names. The catalogue has no field for it and its matter names say
 * it; a branch (分公司设立登记) has a 负责人 and no shareholders of its own, so it is not one.
 */
export function foundsCompany(matter: Pick<Matter, 'name'>): boolean {
  return matter.name.includes('公司设立登记') && !matter.name.includes('分公司');
}

/** Whether any of the selected matters founds a company. */
export function selectionFoundsCompany(matters: readonly Pick<Matter, 'name'>[]): boolean {
  return matters.some(foundsCompany);
}
