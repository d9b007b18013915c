/**
 * The renderer's webPreferences: the Electron security checklist, in one place the build test reads.
 * `devTools` is false in the packaged desk and true only when run from the sources.
 */
export function secureWebPreferences(preloadPath: string, options: { devTools: boolean }) {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: options.devTools,
  } as const;
}

/** The part of Electron's BrowserWindow that `bringToFront` touches. */
export interface FocusableWindowLike {
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

/** A second launch of the desk lands here: the window already open comes back to the front instead. */
export function bringToFront(window: FocusableWindowLike): void {
  if (window.isMinimized()) window.restore();
  window.focus();
}
