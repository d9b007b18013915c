import type { DataKeyAnswer } from '../../ipc/dataKey';
import { RefusedError } from '../../ipc/errors';
import { ipcMessages } from '../../ipc/messages';
import type { DataKeyState } from './dataKeyStore';

/** Hands the desk's data key to the page once per page load. */
export interface DataKeyGrant {
  /** The key (a copy) or why there is none; refused when this page load already took it. */
  take(): Promise<DataKeyAnswer>;
  /** A new document is loading in the window (start, reload): it may take the key once. */
  newDocument(): void;
  /** The key (a copy) to put inside a passphrase-encrypted backup; null when the desk has none. */
  forBackup(): Promise<Uint8Array<ArrayBuffer> | null>;
  /** A restored backup's key becomes this desk's; the page takes it at its next load. */
  adopt(key: Uint8Array): Promise<void>;
}

/**
 * The page asks first thing when it starts; a script that runs later in the same page (an injected one)
 * gets a refusal instead of the raw bytes. The key is loaded once per process, on first demand.
 */
export function createDataKeyGrant(load: () => Promise<DataKeyState>, adopt?: (key: Uint8Array) => Promise<DataKeyState>): DataKeyGrant {
  let loading: Promise<DataKeyState> | null = null;
  let taken = false;
  // A failed load (a read error) is tried again by the next ask rather than kept.
  const state = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
  return {
    async take() {
      if (taken) throw new RefusedError(ipcMessages.dataKeyAlreadyHanded);
      taken = true;
      const current = await state();
      return current.state === 'ready' ? { ...current, key: Uint8Array.from(current.key) } : current;
    },
    newDocument() {
      taken = false;
    },
    async forBackup() {
      const current = await state();
      return current.state === 'ready' ? Uint8Array.from(current.key) : null;
    },
    async adopt(key) {
      if (adopt === undefined) throw new RefusedError(ipcMessages.dataKeyNotAdoptable);
      const adopted = await adopt(key);
      if (adopted.state !== 'ready') throw new RefusedError(ipcMessages.dataKeyNotAdoptable);
      loading = Promise.resolve(adopted);
    },
  };
}
