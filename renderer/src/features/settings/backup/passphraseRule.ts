import { backupUiMessages as m } from './messages';

/** Kinds of character a passphrase mixes: letters, digits, Chinese characters, anything else. */
const kinds = [/\p{Script=Latin}/u, /\p{Nd}/u, /\p{Script=Han}/u, /[^\p{Script=Latin}\p{Nd}\p{Script=Han}\s]/u];

/**
 * Why a backup passphrase is too weak, or null. It guards every backup on a USB stick that may be lost:
 * long (12 characters, Chinese counting one each) and mixing at least two kinds of character.
 */
export function backupPassphraseProblem(passphrase: string): string | null {
  const text = passphrase.normalize('NFC');
  if ([...text].length < 12) return m.passphraseTooShort;
  if (kinds.filter((kind) => kind.test(text)).length < 2) return m.passphraseTooPlain;
  return null;
}
