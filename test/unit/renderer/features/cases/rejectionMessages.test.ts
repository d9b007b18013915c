import { describe, expect, it } from 'vitest';
import { casesMessages } from '../../../../../renderer/src/features/cases/messages';
import { intakeMessages } from '../../../../../renderer/src/features/intake/messages';

const m = casesMessages.rejections;

describe('the rejection mark’s text', () => {
  it('names the buttons the clerk is told to press as the screens label them', () => {
    expect(m.todoResend).toContain(`“${intakeMessages.correction.button}”`);
    expect(m.todoResend).toContain(`“${m.resend}”`);
    expect(m.todoResend).toContain(`“${m.dismiss}”`);
    expect(m.todoPaper).toContain(`“${m.dismiss}”`);
  });

  it('is Chinese throughout: no Latin letters a clerk would read', () => {
    const texts = Object.values(m).map((value) => (typeof value === 'function' ? String((value as (...args: unknown[]) => string)(3, '14:30')) : value));
    for (const text of texts) expect(text).not.toMatch(/[A-Za-z]/);
  });
});
