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

  it('keeps each screen on its own Alt digit: 统计 on Alt+8, the first five where they were', () => {
    expect(sectionFromHash('#/figures')).toBe('figures');
    expect(sectionIds.map((id) => sectionShortcuts[id])).toEqual(['1', '2', '3', '4', '5', '8']);
    expect(new Set(Object.values(sectionShortcuts)).size).toBe(sectionIds.length);
  });
});
