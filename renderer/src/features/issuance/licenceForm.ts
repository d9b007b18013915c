import type { LicenceInput } from '../../data/licenceIssuance';
import type { CaseRow } from '../../data/records';

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
  termUntil: string;
  registrationAuthority: string;
  issuedOn: string;
}

/** A fresh form for a case: what the case already says (the enterprise's name and address), dates today. */
export function initialLicenceForm(row: CaseRow, today: string, authority: string): LicenceFormValues {
  return {
    uscc: row.enterprise.uscc ?? '',
    name: row.enterprise.name,
    type: '',
    legalRepresentative: '',
    registeredCapital: '',
    businessScope: '',
    address: row.enterprise.address ?? '',
    establishedOn: today,
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
    termUntil: values.termUntil.trim() === '' ? null : values.termUntil,
    registrationAuthority: values.registrationAuthority,
    issuedOn: values.issuedOn,
  };
}
