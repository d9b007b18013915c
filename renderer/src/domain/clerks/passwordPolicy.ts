import { clerksMessages } from './messages';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** C0, DEL and C1 controls: they cannot be typed visibly, so a password holding one cannot be re-entered. */
function hasControlCharacter(chars: readonly string[]): boolean {
  return chars.some((char) => {
    const code = char.codePointAt(0)!;
    return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
  });
}

/** The passwords most tried first against Chinese office accounts; compared case-insensitively. */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  'iloveyou',
  'qwertyui',
  'qwerty123',
  'asdfghjk',
  'zxcvbnm1',
  '1qaz2wsx',
  '1q2w3e4r',
  'a1234567',
  'abc12345',
  'abcd1234',
  'aa123456',
  'qq123456',
  'woaini1314',
  '5201314520',
  '11223344',
  '12341234',
  'admin123',
  'admin888',
  'root1234',
]);

/** 12345678, abcdefgh, 87654321: each character one step from the last, all in the same direction. */
function isSequence(chars: readonly string[]): boolean {
  const codes = chars.map((c) => c.toLowerCase().codePointAt(0)!);
  const step = codes[1]! - codes[0]!;
  if (step !== 1 && step !== -1) return false;
  return codes.every((code, i) => i === 0 || code - codes[i - 1]! === step);
}

export type PasswordPolicyResult = { ok: true } | { ok: false; problems: string[] };

/**
 * Length and guessability rules for a new password. No composition rules (NIST SP 800-63B): length and
 * refusing the obvious do more than forcing a digit and a symbol.
 */
export function checkPasswordPolicy(password: string, context: { loginName?: string } = {}): PasswordPolicyResult {
  const messages = clerksMessages.password;
  const chars = [...password];
  const problems: string[] = [];
  if (chars.length < PASSWORD_MIN_LENGTH) problems.push(messages.tooShort(PASSWORD_MIN_LENGTH));
  if (chars.length > PASSWORD_MAX_LENGTH) problems.push(messages.tooLong(PASSWORD_MAX_LENGTH));
  if (hasControlCharacter(chars)) problems.push(messages.controlCharacters);
  const lowered = password.toLowerCase();
  if (context.loginName !== undefined && lowered === context.loginName.trim().toLowerCase()) {
    problems.push(messages.sameAsLoginName);
  }
  if (chars.length > 1 && new Set(chars).size === 1) problems.push(messages.singleCharacter);
  else if (chars.length > 1 && isSequence(chars)) problems.push(messages.sequence);
  if (COMMON_PASSWORDS.has(lowered)) problems.push(messages.common);
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}
