import { describe, expect, it } from 'vitest';
import { partFromHash, sectionFromHash, sectionIds, sectionShortcuts } from '../../../../../renderer/src/features/shell/sections';

describe('the screen and part an address names', () => {
  it('reads the screen with or without a part after it', () => {
    expect(sectionFromHash('#/settings')).toBe('settings');
    expect(sectionFromHash('#/settings/printing')).toBe('settings');
    expect(sectionFromHash('#/day-close')).toBe('day-close');
  });

  it('falls back to 受理 for no address or an unknown screen', () => {
    expect(sectionFromHash('')).toBe('intake');
    expect(sectionFromHash('#/nowhere/printing')).toBe('intake');
  });

  it('reads the part only when one follows the screen', () => {
    expect(partFromHash('#/settings/printing')).toBe('printing');
    expect(partFromHash('#/settings')).toBeNull();
    expect(partFromHash('#/settings/')).toBeNull();
    expect(partFromHash('')).toBeNull();
  });

  it('reads the ledger and its item', () => {
    expect(sectionFromHash('#/ledger')).toBe('ledger');
    expect(partFromHash('#/ledger/overdue:0190a1b2-0000-7000-8000-000000000001')).toBe('overdue:0190a1b2-0000-7000-8000-000000000001');
  });
});

describe('the Alt shortcut of each screen', () => {
  it('is one digit per screen, none taken twice, 设置 on 5, the ledger on 7, 统计 on 8', () => {
    const digits = sectionIds.map((id) => sectionShortcuts[id]);
    expect(new Set(digits).size).toBe(sectionIds.length);
    expect(digits.every((digit) => /^[1-9]$/u.test(digit))).toBe(true);
    expect(sectionShortcuts.settings).toBe('5');
    expect(sectionShortcuts.ledger).toBe('7');
    expect(sectionShortcuts.figures).toBe('8');
    expect(sectionFromHash('#/figures')).toBe('figures');
  });
});
