/**
 * The identity documents a person on a case may show, each checked by its own format and, where it has
 * one, its check digit. Numbers are normalised as people type them (full-width characters, lower case,
 * spaces and the parentheses of older permits) into the form stored on the case.
 */
import { formatIsoDate, isRealDate, toEpochDay } from './civilDate';
import { countryByCode, countryByNumeric, type Country } from './countries';
import { checkResidentId, residentIdCheckCharacter, resolveToday, type ResidentIdErrorKind } from './identifiers';
import { identityDocumentMessages as m } from './identityDocumentMessages';

export const identityDocumentKinds = ['residentId', 'hkMacaoPermit', 'taiwanPermit', 'residencePermit', 'foreignPermanentResident', 'passport'] as const;
export type IdentityDocumentKind = (typeof identityDocumentKinds)[number];

export type IdentityDocumentReason = 'empty' | 'length' | 'charset' | 'format' | 'prefix' | 'nationality' | 'birthDate' | 'checkDigit' | 'otherKind';

export type IdentityDocumentCheck =
  | { readonly ok: true; readonly normalised: string }
  | { readonly ok: false; readonly reason: IdentityDocumentReason; readonly message: string };

export function identityDocumentLabel(kind: IdentityDocumentKind): string {
  return m.kinds[kind];
}

function refuse(reason: IdentityDocumentReason, message: string): IdentityDocumentCheck {
  return { ok: false, reason, message };
}

/** Full-width forms to ASCII, whitespace and the parentheses some permits print removed, upper case. */
export function normaliseDocumentNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s()]+/gu, '').toUpperCase();
}

const RESIDENCE_PERMIT_PREFIXES = ['810000', '820000', '830000'];
const FOREIGN_2023 = /^9\d{16}[\dX]$/;

/**
 * @param today `YYYY-MM-DD` for the birth-date-not-in-the-future rule; defaults to this machine's date.
 */
export function checkIdentityDocument(kind: IdentityDocumentKind, raw: string, today?: string): IdentityDocumentCheck {
  const number = normaliseDocumentNumber(raw);
  const label = m.kinds[kind];
  if (number === '') return refuse('empty', m.empty(label));
  switch (kind) {
    case 'residentId':
      return checkMainlandId(number, today);
    case 'residencePermit':
      return checkResidencePermit(number, today);
    case 'hkMacaoPermit':
      return /^[HM](\d{8}|\d{10})$/.test(number) ? { ok: true, normalised: number } : refuse('format', m.hkMacaoPermit.format);
    case 'taiwanPermit':
      return /^(\d{8}|[\dA-Z]{10})$/.test(number) ? { ok: true, normalised: number } : refuse('format', m.taiwanPermit.format);
    case 'foreignPermanentResident':
      return checkForeignPermanentResident(number, today);
    case 'passport':
      return /^[\dA-Z]{5,17}$/.test(number) ? { ok: true, normalised: number } : refuse('format', m.passport.format);
  }
}

function checkMainlandId(number: string, today: string | undefined): IdentityDocumentCheck {
  // The numbers of other documents that share the 18-digit shape say which kind the clerk meant.
  if (number.length === 18 && RESIDENCE_PERMIT_PREFIXES.includes(number.slice(0, 6))) {
    return refuse('otherKind', m.otherKind(m.kinds.residentId, m.kinds.residencePermit));
  }
  if (FOREIGN_2023.test(number)) return refuse('otherKind', m.otherKind(m.kinds.residentId, m.kinds.foreignPermanentResident));
  const checked = checkResidentId(number, today);
  return checked.ok ? { ok: true, normalised: checked.value } : refuse(residentIdReason(checked.error.kind), checked.error.message);
}

function residentIdReason(kind: ResidentIdErrorKind): IdentityDocumentReason {
  switch (kind) {
    case 'empty':
    case 'length':
    case 'charset':
    case 'checkDigit':
      return kind;
    case 'legacyFifteenDigit':
      return 'length';
    case 'region':
      return 'prefix';
    case 'birthDate':
    case 'birthDateInFuture':
    case 'birthDateBefore1900':
      return 'birthDate';
  }
}

/** 18 characters: 17 digits and a digit or X. */
function checkEighteen(number: string, label: string): IdentityDocumentCheck | null {
  const characters = [...number];
  const badIndex = characters.findIndex((character, index) => !(/^\d$/.test(character) || (index === 17 && character === 'X')));
  const bad = characters[badIndex];
  if (bad !== undefined) return refuse('charset', m.charset(label, badIndex + 1, bad));
  if (characters.length !== 18) return refuse('length', m.length(label, '18位', characters.length));
  return null;
}

/** A real birth date, not after today, read from `YYYYMMDD` digits. */
function checkBirthDate(digits: string, label: string, today: string | undefined): IdentityDocumentCheck | null {
  const birth = { year: Number(digits.slice(0, 4)), month: Number(digits.slice(4, 6)), day: Number(digits.slice(6, 8)) };
  if (!isRealDate(birth.year, birth.month, birth.day)) return refuse('birthDate', m.birthDate(label, digits));
  if (toEpochDay(birth) > toEpochDay(resolveToday(today))) return refuse('birthDate', m.birthDateInFuture(label, formatIsoDate(birth)));
  return null;
}

function checkDigitProblem(number: string, label: string): IdentityDocumentCheck | null {
  return residentIdCheckCharacter(number.slice(0, 17)) === number.charAt(17) ? null : refuse('checkDigit', m.checkDigit(label));
}

/** 港澳台居民居住证: laid out as a 居民身份证 with the address code 810000, 820000 or 830000, same check digit. */
function checkResidencePermit(number: string, today: string | undefined): IdentityDocumentCheck {
  const label = m.kinds.residencePermit;
  const problem =
    checkEighteen(number, label) ??
    (RESIDENCE_PERMIT_PREFIXES.includes(number.slice(0, 6)) ? null : refuse('prefix', m.residencePermit.prefix)) ??
    checkBirthDate(number.slice(6, 14), label, today) ??
    checkDigitProblem(number, label);
  return problem ?? { ok: true, normalised: number };
}

/**
 * 外国人永久居留身份证. The 2023 card: 9, the province where it was issued (2 digits), the nationality as
 * its ISO 3166 numeric code (3), the birth date (8), an order number (3) and the MOD 11-2 check digit. The
 * 2017 card: the nationality as its ISO 3166 alpha-3 code and 12 digits, without a check digit.
 */
function checkForeignPermanentResident(number: string, today: string | undefined): IdentityDocumentCheck {
  const label = m.kinds.foreignPermanentResident;
  const fp = m.foreignPermanentResident;
  if (/^[A-Z]{3}\d{12}$/.test(number)) {
    const nationality = number.slice(0, 3);
    return countryByCode(nationality)?.alpha3 === nationality ? { ok: true, normalised: number } : refuse('nationality', fp.nationality(nationality));
  }
  if (number.length !== 18 || !number.startsWith('9')) return refuse('format', fp.format);
  const problem =
    checkEighteen(number, label) ??
    (countryByNumeric(number.slice(3, 6)) ? null : refuse('nationality', fp.nationality(number.slice(3, 6)))) ??
    checkBirthDate(number.slice(6, 14), label, today) ??
    checkDigitProblem(number, label);
  return problem ?? { ok: true, normalised: number };
}

export type NationalityCheck = { readonly ok: true; readonly country: Country } | { readonly ok: false; readonly message: string };

/** A passport's nationality, given as an ISO 3166 alpha-3 or alpha-2 code; stored as alpha-3. */
export function checkNationality(code: string): NationalityCheck {
  const typed = code.normalize('NFKC').trim().toUpperCase();
  if (typed === '') return { ok: false, message: m.passport.nationalityMissing };
  const country = countryByCode(typed);
  return country ? { ok: true, country } : { ok: false, message: m.passport.nationality(typed) };
}
