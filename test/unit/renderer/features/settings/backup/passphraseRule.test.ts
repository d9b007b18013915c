import { describe, expect, it } from 'vitest';
import { backupPassphraseProblem } from '../../../../../../renderer/src/features/settings/backup/passphraseRule';

describe('the backup passphrase rule', () => {
  it('asks for at least 12 characters, a Chinese character counting one', () => {
    expect(backupPassphraseProblem('Abc-12345')).toBe('备份密码至少需要 12 个字符');
    expect(backupPassphraseProblem('柜台备份二〇二六年春天好')).toBe('备份密码需含字母、数字、符号或汉字中的至少两类');
    expect(backupPassphraseProblem('柜台备份-2026-春天')).toBeNull();
  });

  it('refuses a long passphrase of one kind of character', () => {
    expect(backupPassphraseProblem('abcdefghijklmnop')).toBe('备份密码需含字母、数字、符号或汉字中的至少两类');
    expect(backupPassphraseProblem('123456789012')).toBe('备份密码需含字母、数字、符号或汉字中的至少两类');
    expect(backupPassphraseProblem('abcdefgh1234')).toBeNull();
  });
});
