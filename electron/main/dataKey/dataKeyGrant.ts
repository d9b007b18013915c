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
}

/**
 * The page asks first thing when it starts; a script that runs later in the same page (an injected one)
 * gets a refusal instead of the raw bytes. The key is loaded once per process, on first demand.
 */
export function createDataKeyGrant(load: () => Promise<DataKeyState>): DataKeyGrant {
  let loading: Promise<DataKeyState> | null = null;
  let taken = false;
  return {
    async take() {
      if (taken) throw new RefusedError(ipcMessages.dataKeyAlreadyHanded);
      taken = true;
      // A failed load (a read error) is tried again by the next page load rather than kept.
      loading ??= load().catch((error: unknown) => {
        loading = null;
        throw error;
      });
      const state = await loading;
      return state.state === 'ready' ? { ...state, key: Uint8Array.from(state.key) } : state;
    },
    newDocument() {
      taken = false;
    },
  };
}
