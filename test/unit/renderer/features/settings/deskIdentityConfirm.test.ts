import { describe, expect, it } from 'vitest';
import { settingsMessages } from '../../../../../renderer/src/features/settings/messages';

describe('the confirmation before the desk codes are saved', () => {
  const m = settingsMessages.deskIdentity;

  it('lists both codes and says that they cannot be changed and what they lead', () => {
    expect(m.confirmValues('MY', '01')).toEqual(['大厅代码 MY', '窗口号 01']);
    const consequence = m.confirmConsequence('MY', '01');
    expect(consequence).toContain('不能再更改');
    expect(consequence).toContain('办件编号和文书文号都以 MY01 开头');
    expect(m.confirm).toContain('不再更改');
  });
});
