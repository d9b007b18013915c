import { describe, expect, it, vi } from 'vitest';
import { isDevToolsShortcut, lockDevTools, type DevToolsContentsLike, type KeyInputLike } from '../../../../../electron/main/security/devTools';

const key = (key: string, modifiers: Partial<KeyInputLike> = {}): KeyInputLike => ({
  type: 'keyDown',
  key,
  control: false,
  meta: false,
  shift: false,
  alt: false,
  ...modifiers,
});

describe('DevTools shortcuts', () => {
  it.each([
    ['F12', key('F12')],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Ctrl+Shift+J', key('J', { control: true, shift: true })],
    ['Ctrl+Shift+C', key('C', { control: true, shift: true })],
    ['⌘⌥I', key('i', { meta: true, alt: true })],
    ['⌘⌥J', key('j', { meta: true, alt: true })],
  ])('recognises %s', (_name, input) => {
    expect(isDevToolsShortcut(input)).toBe(true);
  });

  it.each([
    ['Ctrl+C (copy)', key('c', { control: true })],
    ['Ctrl+I', key('i', { control: true })],
    ['⌘C (copy)', key('c', { meta: true })],
    ['Shift+I (typing)', key('I', { shift: true })],
    ['F5', key('F5')],
    ['the release of F12', { ...key('F12'), type: 'keyUp' }],
  ])('lets %s through', (_name, input) => {
    expect(isDevToolsShortcut(input)).toBe(false);
  });
});

describe('lockDevTools', () => {
  function lockedContents() {
    const listeners = new Map<string, (...args: never[]) => void>();
    const contents = {
      on: (event: string, listener: (...args: never[]) => void) => listeners.set(event, listener),
      closeDevTools: vi.fn(),
    } as unknown as DevToolsContentsLike;
    lockDevTools(contents);
    const input = listeners.get('before-input-event') as (event: { preventDefault(): void }, input: KeyInputLike) => void;
    return { contents, input, opened: listeners.get('devtools-opened') as () => void };
  }

  it('swallows the DevTools shortcuts and lets every other key reach the page', () => {
    const { input } = lockedContents();
    const f12 = { preventDefault: vi.fn() };
    input(f12, key('F12'));
    expect(f12.preventDefault).toHaveBeenCalled();
    const paste = { preventDefault: vi.fn() };
    input(paste, key('v', { control: true }));
    expect(paste.preventDefault).not.toHaveBeenCalled();
  });

  it('closes DevTools as soon as anything opens them', () => {
    const { contents, opened } = lockedContents();
    opened();
    expect(contents.closeDevTools).toHaveBeenCalledTimes(1);
  });
});
