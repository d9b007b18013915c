import { unprintableCharacters } from '../../domain/printableCharacters';
import { checkResidentId, checkUscc, type ResidentIdDetails, type UsccDetails } from '../../domain/identifiers';
import { checkIdentityDocument, checkNationality, type IdentityDocumentKind } from '../../domain/identityDocuments';
import { checkPhone } from '../../domain/phone';
import { cleanText } from '../../domain/text';
import { commonMessages as m } from './messages';

/**
 * One verdict per form field, used both to show the message under the field while typing and to refuse
 * the form on submit, so what the clerk sees and what is saved never disagree. An optional field left
 * blank is fine and yields `null`.
 */
export type FieldCheck<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

interface FieldRule {
  readonly label: string;
  readonly required: boolean;
}

/**
 * Free text, which may end up on a printed document: besides `cleanText`'s rules, a character no document
 * font draws is named as it is typed, not when a decided case's notice fails to print.
 */
export function checkTextField(raw: string, rule: FieldRule & { max: number; multiline?: boolean }): FieldCheck<string | null> {
  const cleaned = cleanText(raw, { max: rule.max, multiline: rule.multiline ?? false });
  if (!cleaned.ok) return { ok: false, message: cleaned.error.message };
  if (cleaned.value === '') return rule.required ? { ok: false, message: m.required(rule.label) } : { ok: true, value: null };
  const unprintable = unprintableCharacters(cleaned.value);
  if (unprintable.length > 0) return { ok: false, message: m.unprintable(unprintable) };
  return { ok: true, value: cleaned.value };
}

function blank(raw: string): boolean {
  return raw.normalize('NFKC').trim() === '';
}

export function checkResidentIdField(raw: string, rule: FieldRule, today?: string): FieldCheck<ResidentIdDetails | null> {
  if (blank(raw) && !rule.required) return { ok: true, value: null };
  const result = checkResidentId(raw, today);
  return result.ok ? { ok: true, value: result } : { ok: false, message: result.error.message };
}

export function checkUsccField(raw: string, rule: FieldRule): FieldCheck<UsccDetails | null> {
  if (blank(raw) && !rule.required) return { ok: true, value: null };
  const result = checkUscc(raw);
  return result.ok ? { ok: true, value: result } : { ok: false, message: result.error.message };
}

/** A number of the given kind of identity document, normalised as stored. */
export function checkIdentityDocumentField(kind: IdentityDocumentKind, raw: string, rule: FieldRule, today?: string): FieldCheck<string | null> {
  if (blank(raw) && !rule.required) return { ok: true, value: null };
  const result = checkIdentityDocument(kind, raw, today);
  return result.ok ? { ok: true, value: result.normalised } : { ok: false, message: result.message };
}

/** A passport's nationality, picked as an alpha-3 code; stored as alpha-3. */
export function checkNationalityField(code: string): FieldCheck<string> {
  const result = checkNationality(code);
  return result.ok ? { ok: true, value: result.country.alpha3 } : { ok: false, message: result.message };
}

/** A phone number (mainland, or abroad with its country code), in its stored form. */
export function checkPhoneField(raw: string, rule: FieldRule): FieldCheck<string | null> {
  if (blank(raw) && !rule.required) return { ok: true, value: null };
  const result = checkPhone(raw);
  return result.ok ? { ok: true, value: result.normalised } : { ok: false, message: result.message };
}

/**
 * Whether to show a field's problem now. A half-typed identifier is not an error yet: the message
 * appears once the clerk leaves the field, or as soon as it holds as many characters as a complete
 * value (so a wrong check digit shows the moment the last digit is typed).
 */
export function shouldShowProblem(raw: string, touched: boolean, completeLength?: number): boolean {
  if (touched) return true;
  if (completeLength === undefined) return false;
  return raw.normalize('NFKC').replace(/[\s-]+/gu, '').length >= completeLength;
}
