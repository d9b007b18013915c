import type { LicenceInput } from '../../data/licenceIssuance';
import type { CaseRow } from '../../data/records';
import type { BusinessTerm } from '../../domain/cases/businessTerm';
import { formatYuan } from '../../domain/money';
import { checkTextField } from '../common/fieldChecks';
import { issuanceMessages } from './messages';

/**
 * 注册资本 as the chief types it, in yuan (500000, 500,000.50, ５０万 is not accepted), to integer fen;
 * null when it is not an amount with at most two decimals.
 */
export function yuanToFen(text: string): number | null {
  const cleaned = text.normalize('NFKC').replace(/[,\s]/gu, '').replace(/元$/u, '');
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (match === null) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** The licence form's fields as typed (strings), before they become licence data. */
export interface LicenceFormValues {
  uscc: string;
  name: string;
  type: string;
  legalRepresentative: string;
  registeredCapital: string;
  businessScope: string;
  address: string;
  establishedOn: string;
  /** 营业期限: not chosen yet (''), 长期, or to the date in `termUntil`. */
  termKind: '' | BusinessTerm['kind'];
  termUntil: string;
  registrationAuthority: string;
  issuedOn: string;
}

/** The 营业期限 choice a radio group reports, as a kind of term ('' for anything else). */
export function termKindOf(value: string | null): LicenceFormValues['termKind'] {
  return value === 'longTerm' || value === 'fixed' ? value : '';
}

/**
 * A fresh form for a case: the licence data it already has (HQ's, lacking only 营业期限), or what the case
 * says (the enterprise's name and address, the 法定代表人 taken in) with dates today. 营业期限 starts unchosen: 长期 is never assumed.
 */
export function initialLicenceForm(row: Pick<CaseRow, 'enterprise' | 'licence' | 'legalRepresentative'>, today: string, authority: string): LicenceFormValues {
  const licence = row.licence;
  if (licence !== null) {
    return {
      uscc: licence.uscc,
      name: licence.name,
      type: licence.type,
      legalRepresentative: licence.legalRepresentative,
      registeredCapital: formatYuan(licence.registeredCapitalFen),
      businessScope: licence.businessScope,
      address: licence.address,
      establishedOn: licence.establishedOn,
      termKind: licence.businessTerm?.kind ?? '',
      termUntil: licence.businessTerm?.kind === 'fixed' ? licence.businessTerm.until : '',
      registrationAuthority: licence.registrationAuthority,
      issuedOn: licence.issuedOn,
    };
  }
  return {
    uscc: row.enterprise.uscc ?? '',
    name: row.enterprise.name,
    type: '',
    // The 法定代表人 named at intake, for a company being founded.
    legalRepresentative: row.legalRepresentative?.name ?? '',
    registeredCapital: '',
    businessScope: '',
    address: row.enterprise.address ?? '',
    establishedOn: today,
    termKind: '',
    termUntil: '',
    registrationAuthority: authority,
    issuedOn: today,
  };
}

/** The values as licence data for the data layer to check; null when the capital is not an amount. */
export function licenceInputOf(values: LicenceFormValues): LicenceInput | null {
  const fen = yuanToFen(values.registeredCapital);
  if (fen === null) return null;
  return {
    uscc: values.uscc,
    name: values.name,
    type: values.type,
    legalRepresentative: values.legalRepresentative,
    registeredCapitalFen: fen,
    businessScope: values.businessScope,
    address: values.address,
    establishedOn: values.establishedOn,
    businessTerm: businessTermOf(values),
    registrationAuthority: values.registrationAuthority,
    issuedOn: values.issuedOn,
  };
}

/** The chosen 营业期限 as licence data; undefined while none is chosen, which the data layer refuses. */
function businessTermOf(values: LicenceFormValues): BusinessTerm | undefined {
  if (values.termKind === 'longTerm') return { kind: 'longTerm' };
  if (values.termKind === 'fixed') return { kind: 'fixed', until: values.termUntil.trim() };
  return undefined;
}

/** The licence's free-text fields: each is printed on the licence as typed. */
export const licenceTextFields = ['name', 'type', 'legalRepresentative', 'address', 'registrationAuthority', 'businessScope'] as const;
export type LicenceTextField = (typeof licenceTextFields)[number];

/**
 * What is wrong with a licence text field as typed — a character no document font draws, named as at
 * intake, or a control character — or null. Blank and over-long fields are the data layer's to refuse on
 * submit (with the licence layout's limits), so the ceiling here only bounds the check.
 */
export function licenceTextProblem(name: LicenceTextField, values: LicenceFormValues): string | null {
  const check = checkTextField(values[name], {
    label: issuanceMessages.approval.fields[name],
    max: 100_000,
    required: false,
    multiline: name === 'businessScope',
  });
  return check.ok ? null : check.message;
}

/** The first licence text field with a problem as typed, or null when every one would print. */
export function firstLicenceTextProblem(values: LicenceFormValues): { field: LicenceTextField; message: string } | null {
  for (const field of licenceTextFields) {
    const message = licenceTextProblem(field, values);
    if (message !== null) return { field, message };
  }
  return null;
}
