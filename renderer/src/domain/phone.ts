/**
 * Phone numbers of the people on a case: mainland mobiles and landlines, and numbers abroad with their
 * country code, checked by libphonenumber's metadata. Stored form: a mainland number as dialled within
 * the mainland, digits only (`13800138000`, landline with its area code `08162345678`), so numbers stored
 * before international ones were accepted keep their form; any other number in E.164 (`+85291234567`).
 */
import { parsePhoneNumberFromString, validatePhoneNumberLength, type PhoneNumber } from 'libphonenumber-js/max';
import { countryByCode } from './countries';
import { phoneMessages as m } from './phoneMessages';

export type PhoneCheck = { readonly ok: true; readonly normalised: string } | { readonly ok: false; readonly message: string };

const MAINLAND = 'CN';

/** The refusal, naming where the number was read as belonging. */
function refuse(number: PhoneNumber | undefined, message: (place: string) => string): PhoneCheck {
  if (number?.country === undefined || number.country === MAINLAND) return { ok: false, message: message(m.mainland) + m.mainlandHint };
  return { ok: false, message: message(m.abroad(countryByCode(number.country)?.name ?? `+${number.countryCallingCode}`)) };
}

/** A typed number: `+` or `00` before a country code for a number abroad, a mainland number as dialled. */
export function checkPhone(raw: string): PhoneCheck {
  const typed = raw.normalize('NFKC').trim();
  if (typed === '') return { ok: false, message: m.empty };
  // Letters would be read as a keypad's digits (1-800-FLOWERS); nobody at the counter means that.
  if (/\p{L}/u.test(typed)) return { ok: false, message: m.notNumber };
  const number = parsePhoneNumberFromString(typed, MAINLAND);
  switch (validatePhoneNumberLength(typed, MAINLAND)) {
    case 'NOT_A_NUMBER':
      return { ok: false, message: m.notNumber };
    case 'INVALID_COUNTRY':
      return { ok: false, message: m.unknownCountry };
    case 'TOO_SHORT':
      return refuse(number, m.tooShort);
    case 'TOO_LONG':
      return refuse(number, m.tooLong);
    default:
      break;
  }
  if (number === undefined || !number.isValid()) return refuse(number, m.invalid);
  return { ok: true, normalised: number.country === MAINLAND ? number.formatNational().replace(/\D/gu, '') : number.number };
}

/** A stored number as people read it: `138 0013 8000`, `0816 234 5678`, `+852 9123 4567`; as stored when unreadable. */
export function formatPhone(stored: string): string {
  const number = parsePhoneNumberFromString(stored, MAINLAND);
  if (number === undefined || !number.isValid()) return stored;
  return number.country === MAINLAND ? number.formatNational() : number.formatInternational();
}
