import { describe, expect, it } from 'vitest';
import { checkDeskIdentity } from '../../../../renderer/src/domain/desk';

describe('checkDeskIdentity', () => {
  it('accepts a hall code of capitals and a two-digit desk code', () => {
    expect(checkDeskIdentity({ hallCode: 'MY', deskCode: '01' })).toEqual({ ok: true, identity: { hallCode: 'MY', deskCode: '01' } });
  });

  it('names the field of the first problem, so the form can show it before asking for confirmation', () => {
    expect(checkDeskIdentity({ hallCode: 'my', deskCode: '01' })).toMatchObject({ ok: false, field: 'hallCode' });
    expect(checkDeskIdentity({ hallCode: 'MY', deskCode: '1' })).toEqual({ ok: false, field: 'deskCode', message: '窗口号应为两位数字，如 03' });
  });
});
