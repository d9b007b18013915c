/** The key press Electron passes to `before-input-event`, as far as the guard reads it. */
export interface KeyInputLike {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}
export interface InputEventLike {
  preventDefault(): void;
}
/** The part of Electron's WebContents that `lockDevTools` touches. */
export interface DevToolsContentsLike {
  on(event: 'before-input-event', listener: (event: InputEventLike, input: KeyInputLike) => void): unknown;
  on(event: 'devtools-opened', listener: () => void): unknown;
  closeDevTools(): void;
}

/** F12, Ctrl+Shift+I/J/C (Windows, Linux) and ⌘⌥I/J/C (macOS): Chromium's keys for DevTools and the inspector. */
export function isDevToolsShortcut(input: KeyInputLike): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  if (key === 'f12') return true;
  const chord = (input.control && input.shift) || (input.meta && input.alt);
  return chord && (key === 'i' || key === 'j' || key === 'c');
}

/**
 * In the packaged desk, webPreferences already disable DevTools and there is no menu to open them from; this
 * also swallows their shortcuts and closes DevTools should anything still open them, so a clerk's window
 * never exposes the page's storage and script console.
 */
export function lockDevTools(contents: DevToolsContentsLike): void {
  contents.on('before-input-event', (event, input) => {
    if (isDevToolsShortcut(input)) event.preventDefault();
  });
  contents.on('devtools-opened', () => contents.closeDevTools());
}
