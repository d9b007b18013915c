import { describe, expect, it } from 'vitest';
import { partFromHash, sectionFromHash } from '../../../../../renderer/src/features/shell/sections';

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
});
