import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { deskDatabase } from '../../data/db';
import { callDesk, type HqConfig } from '../../platform/desk';
import { createSyncEngine, type SyncEngine } from '../../sync/engine';
import { ipcTransport } from '../../sync/transport';

export interface SyncControls {
  /** The main process's HQ enrolment as the page may see it (never the token); null until read. */
  config: HqConfig | null;
  reloadConfig: () => Promise<void>;
  /** 立即同步 / 重试, in whichever window runs the sync loop. */
  syncNow: () => void;
}

const SyncControlsContext = createContext<SyncControls | null>(null);

export function useSyncControls(): SyncControls {
  const controls = useContext(SyncControlsContext);
  if (controls === null) throw new Error('useSyncControls() is used outside <SyncEngineProvider>');
  return controls;
}

/**
 * Runs this window's sync engine for as long as the app is open — signed in or not, since what the
 * desk owes HQ does not wait for a clerk — and offers its controls to the screens.
 */
export function SyncEngineProvider(props: { children: ReactNode }) {
  const [engine, setEngine] = useState<SyncEngine | null>(null);
  const [config, setConfig] = useState<HqConfig | null>(null);

  useEffect(() => {
    const created = createSyncEngine({ db: deskDatabase(), transport: ipcTransport() });
    created.start();
    setEngine(created);
    return () => {
      void created.stop();
    };
  }, []);

  const reloadConfig = useCallback(async () => {
    setConfig(await callDesk('hqGetConfig'));
  }, []);

  useEffect(() => {
    reloadConfig().catch((error: unknown) => console.error('[sync] reading the HQ enrolment failed', error));
  }, [reloadConfig]);

  const controls = useMemo<SyncControls>(() => ({ config, reloadConfig, syncNow: () => engine?.syncNow() }), [config, reloadConfig, engine]);
  return <SyncControlsContext.Provider value={controls}>{props.children}</SyncControlsContext.Provider>;
}
