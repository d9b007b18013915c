import { z } from 'zod';
import { identifierMessages } from '../identifierMessages';
import { checkResidentId, usccSchema } from '../identifiers';
import { checkIdentityDocument, identityDocumentKinds, type IdentityDocumentKind } from '../identityDocuments';
import { plainTextSchema } from '../text';
import { countryByCode } from '../countries';
import { identityDocumentMessages as documentMessages } from '../identityDocumentMessages';
import { casesMessages } from './messages';

/** The number of any ID document as stored (checked further by its kind below). */
export const idNumberSchema = z.string().regex(/^[0-9A-Za-z()（）-]{4,32}$/, { error: identifierMessages.idNumber });
export const phoneSchema = z.string().regex(/^\+?[0-9-]{5,20}$/, { error: identifierMessages.phone });

/**
 * Kinds of cases taken in when the form offered only these: a 往来通行证 that may be either permit, and
 * "other". Such cases still read and show as they were stored; a correction picks one of today's kinds.
 */
export const legacyIdKinds = ['travelPermit', 'other'] as const;
export type LegacyIdKind = (typeof legacyIdKinds)[number];
export type IdKind = IdentityDocumentKind | LegacyIdKind;

export function isLegacyIdKind(kind: IdKind): kind is LegacyIdKind {
  return (legacyIdKinds as readonly string[]).includes(kind);
}

/** A nationality as ISO 3166 alpha-3 (what passports print). */
export const nationalitySchema = z.string().regex(/^[A-Z]{3}$/, { error: identifierMessages.nationality });

/**
 * What is wrong with a stored number for its kind, or null. Kinds stored before every kind had its own
 * check keep the rule they were stored under (a 居民身份证's check digit; any passport number the old form
 * took), so cases stored then still read.
 */
function numberProblem(kind: IdKind, number: string): string | null {
  if (kind === 'residentId') {
    const checked = checkResidentId(number);
    return checked.ok ? null : checked.error.message;
  }
  if (kind === 'passport' || isLegacyIdKind(kind)) return null;
  const checked = checkIdentityDocument(kind, number);
  return checked.ok ? null : checked.message;
}

/** Name and identity document: what every person on a case has. */
const documentHolderShape = {
  name: plainTextSchema(50),
  idKind: z.enum([...identityDocumentKinds, ...legacyIdKinds]),
  idNumber: idNumberSchema,
  /** The passport's nationality; absent for other documents (and for passports taken in before it was asked). */
  nationality: nationalitySchema.optional(),
};

function checkStoredNumber(person: { idKind: IdKind; idNumber: string }, ctx: z.RefinementCtx): void {
  const problem = numberProblem(person.idKind, person.idNumber);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, path: ['idNumber'] });
}

/** A person on a case (applicant or agent). */
export const personSchema = z
  .object({ ...documentHolderShape, phone: phoneSchema.nullable() })
  .superRefine(checkStoredNumber);
export type Person = z.infer<typeof personSchema>;

/**
 * One of today's kinds for a stored person's document. A kind stored before every document had its own
 * (a 往来通行证 or "other") is read as the permit its number looks like, for the clerk to confirm.
 */
export function currentIdKind(person: Pick<Person, 'idKind' | 'idNumber'>): IdentityDocumentKind {
  if (!isLegacyIdKind(person.idKind)) return person.idKind;
  if (person.idKind === 'travelPermit') return /^[HM]/.test(person.idNumber) ? 'hkMacaoPermit' : 'taiwanPermit';
  return 'passport';
}

/**
 * A person's document as a case shows it: `H12345678` would not say which permit it is, so the kind comes
 * first (`港澳居民来往内地通行证 H12345678`, `护照 EP1234567（英国）`); a 居民身份证, the usual case, is its number.
 */
export function documentText(person: Pick<Person, 'idKind' | 'idNumber' | 'nationality'>): string {
  if (person.idKind === 'residentId') return person.idNumber;
  if (person.idKind === 'passport' && person.nationality !== undefined) {
    return documentMessages.shownPassport(person.idNumber, countryByCode(person.nationality)?.name ?? person.nationality);
  }
  const label = isLegacyIdKind(person.idKind) ? documentMessages.legacyKinds[person.idKind] : documentMessages.kinds[person.idKind];
  return documentMessages.shown(label, person.idNumber);
}

/**
 * A person named for the company being founded. They were first taken in when every kind had its own
 * check, so none of the leniency for older cases applies: one of today's kinds, the number normalised and
 * passing its kind's check, a passport with its nationality.
 */
function checkFoundingPerson(person: { idKind: IdKind; idNumber: string; nationality?: string | undefined }, ctx: z.RefinementCtx): void {
  if (isLegacyIdKind(person.idKind)) {
    ctx.addIssue({ code: 'custom', message: documentMessages.legacyKindNotTaken, path: ['idKind'] });
    return;
  }
  const checked = checkIdentityDocument(person.idKind, person.idNumber);
  if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.message, path: ['idNumber'] });
  else if (checked.normalised !== person.idNumber) ctx.addIssue({ code: 'custom', message: documentMessages.notNormalised, path: ['idNumber'] });
  if (person.idKind === 'passport' && person.nationality === undefined) {
    ctx.addIssue({ code: 'custom', message: documentMessages.passport.nationalityMissing, path: ['nationality'] });
  }
}

/** The 法定代表人 of a company being founded, as taken in: name, identity document, a phone if given. */
export const legalRepresentativeSchema = z
  .object({ ...documentHolderShape, phone: phoneSchema.nullable() })
  .superRefine(checkFoundingPerson);
export type LegalRepresentative = z.infer<typeof legalRepresentativeSchema>;

/** A natural-person shareholder (自然人股东) of a company being founded: name and identity document. */
export const shareholderSchema = z.object(documentHolderShape).superRefine(checkFoundingPerson);
export type Shareholder = z.infer<typeof shareholderSchema>;

/** A 有限责任公司 has at most fifty shareholders (公司法). */
export const MAX_SHAREHOLDERS = 50;
export const shareholdersSchema = z.array(shareholderSchema).max(MAX_SHAREHOLDERS, { error: casesMessages.tooManyShareholders(MAX_SHAREHOLDERS) });

/** The enterprise a case is for, as taken in. */
export const enterpriseSchema = z.object({
  name: plainTextSchema(200),
  /** An existing enterprise's code; a new one gets its code from HQ with the licence. */
  uscc: usccSchema.nullable(),
  address: plainTextSchema(300).nullable(),
  greenCard: z.boolean(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;
