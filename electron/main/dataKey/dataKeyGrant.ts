import type { DataKeyAnswer } from '../../ipc/dataKey';
import { RefusedError } from '../../ipc/errors';
import { ipcMessages } from '../../ipc/messages';
import type { DataKeyState } from './dataKeyStore';
import type { KeyFile } from './keyFile';

/** Hands the desk's data key to the page once per page load. */
export interface DataKeyGrant {
  /** The key (a copy) or why there is none; refused when this page load already took it. */
  take(): Promise<DataKeyAnswer>;
  /** A new document is loading in the window (start, reload): it may take the key once. */
  newDocument(): void;
  /** The key (a copy) to put inside a passphrase-encrypted backup; null when the desk has none. */
  forBackup(): Promise<Uint8Array<ArrayBuffer> | null>;
  /** A restored backup's key becomes this desk's; refused once the desk is marked in use. */
  adopt(key: Uint8Array): Promise<void>;
  /** The desk has an account (the page says so at first-admin setup and at every start after): no key is adopted from now on. */
  markInUse(): Promise<void>;
}

/** How a restored backup's key is adopted, and the mark that forbids it once the desk is in use. */
export interface DataKeyAdoption {
  /** Wraps the key into the key file, the replaced file kept aside. */
  adopt(key: Uint8Array): Promise<DataKeyState>;
  /** A file of its own, present once the desk has an account (never removed by the app). */
  inUse: KeyFile;
  now?: () => Date;
}

/**
 * The page asks first thing when it starts; a script that runs later in the same page (an injected one)
 * gets a refusal instead of the raw bytes. The key is loaded once per process, on first demand.
 * Adoption is the one way the key file is written over, so it is allowed only while the desk has no
 * account: the page offers a restore only on the first-run screen, and the mark the page sets once an
 * account exists is checked here too, so a page that asks later (a fault, an injected script) is refused.
 */
export function createDataKeyGrant(load: () => Promise<DataKeyState>, adoption?: DataKeyAdoption): DataKeyGrant {
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
      if (adoption === undefined) throw new RefusedError(ipcMessages.dataKeyNotAdoptable);
      if ((await adoption.inUse.read()) !== null) throw new RefusedError(ipcMessages.dataKeyInUse);
      const adopted = await adoption.adopt(key);
      if (adopted.state !== 'ready') throw new RefusedError(ipcMessages.dataKeyNotAdoptable);
      loading = Promise.resolve(adopted);
    },
    async markInUse() {
      if (adoption === undefined || (await adoption.inUse.read()) !== null) return;
      const at = (adoption.now?.() ?? new Date()).toISOString();
      await adoption.inUse.write(new TextEncoder().encode(JSON.stringify({ format: 1, at })));
    },
  };
}
