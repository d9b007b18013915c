import { describe, expect, it } from 'vitest';
import { emptySectionMemory, landingSection, rememberSection } from '../../../../../renderer/src/features/shell/landing';

describe('the screen a clerk lands on at sign-in', () => {
  it('is the addressed screen for the first clerk since the desk opened (the address it was opened at)', () => {
    expect(landingSection('zhang', 'settings', emptySectionMemory)).toBe('settings');
  });

  it('is 受理, not the previous clerk’s screen, for a clerk who has not worked at this window yet', () => {
    const memory = rememberSection(emptySectionMemory, 'admin', 'settings');
    expect(landingSection('zhang', 'settings', memory)).toBe('intake');
  });

  it('is the clerk’s own last screen when they worked here before someone else', () => {
    let memory = rememberSection(emptySectionMemory, 'zhang', 'cases');
    memory = rememberSection(memory, 'admin', 'settings');
    expect(landingSection('zhang', 'settings', memory)).toBe('cases');
  });

  it('is where the same clerk left off when they sign in again after signing out', () => {
    const memory = rememberSection(emptySectionMemory, 'zhang', 'day-close');
    expect(landingSection('zhang', 'day-close', memory)).toBe('day-close');
  });

  it('remembers each clerk’s screen without changing the memory it was given', () => {
    const before = rememberSection(emptySectionMemory, 'zhang', 'cases');
    const after = rememberSection(before, 'zhang', 'issuance');
    expect(before.sections.get('zhang')).toBe('cases');
    expect(after.sections.get('zhang')).toBe('issuance');
    expect(after.lastClerkId).toBe('zhang');
  });
});
