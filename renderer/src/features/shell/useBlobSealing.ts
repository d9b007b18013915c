import { useEffect } from 'react';
import { deskDatabase } from '../../data/db';
import { sealStoredBlobs } from '../../data/sealStoredBlobs';
import { startQuietWorkInPage } from '../common/quietWork';

// Plain scans on disk are the risk this closes, so the desk need only be quiet briefly: a batch is short.
const QUIET_MS = 2_000;
const PAUSE_MS = 100;

/**
 * Seals, a batch at a time while nobody is working at the desk, the scans, archived PDFs and drafts a desk
 * upgraded from plain storage still holds plain (see `data/sealStoredBlobs.ts`). Once done it does nothing.
 */
export function useBlobSealing(): void {
  useEffect(() => {
    const db = deskDatabase();
    const work = startQuietWorkInPage({
      step: async () => (await sealStoredBlobs(db)).more,
      quietMs: QUIET_MS,
      pauseMs: PAUSE_MS,
      // Plain rows stay readable meanwhile; the next quiet spell retries (a page without its key, say).
      onError: (error) => console.error('[desk] sealing stored scans and archives failed', error),
    });
    return () => work.stop();
  }, []);
}
