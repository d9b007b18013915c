import { Alert, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { readBackupKeep, recordBackup } from '../../data/backup/backupRecord';
import { chinaIso } from '../../data/clock';
import type { DeskDatabase } from '../../data/db';
import type { SignedInClerk } from '../../domain/clerks/account';
import { backupWithStoredSecret } from '../settings/backup/backupFolder';
import { backupUiMessages } from '../settings/backup/messages';

const m = backupUiMessages.dayClose;

type State = { kind: 'running'; percent: number } | { kind: 'done'; text: string; color: 'green' | 'orange' | 'red' };

/**
 * The backup written right after the day is closed, into the chosen folder with the newest N kept. It runs
 * after the close is stored, so a failure never blocks closing the day: it is shown here and audited.
 */
export function DayCloseBackup(props: { db: DeskDatabase; clerk: SignedInClerk }) {
  const { db, clerk } = props;
  const [state, setState] = useState<State>({ kind: 'running', percent: 0 });
  const started = useRef(false);
  useEffect(() => {
    // Once per close, also under React's development double effects.
    if (started.current) return;
    started.current = true;
    void (async () => {
      const at = new Date();
      try {
        const result = await backupWithStoredSecret(db, {
          keep: await readBackupKeep(db),
          now: at,
          onProgress: (done, total) => setState({ kind: 'running', percent: total > 0 ? Math.round((done / total) * 100) : 0 }),
        });
        if ('blocked' in result) {
          setState({ kind: 'done', text: result.blocked === 'noFolder' ? m.skippedNoFolder : m.skippedNoPassphrase, color: 'orange' });
          return;
        }
        await recordBackup(db, { at: chinaIso(at), trigger: 'dayClose', outcome: { ok: true, fileName: result.fileName } }, clerk);
        setState({ kind: 'done', text: m.done(result.fileName), color: 'green' });
      } catch (caught) {
        const message = caught instanceof Error ? caught.message : String(caught);
        setState({ kind: 'done', text: m.failed(message), color: 'red' });
        await recordBackup(db, { at: chinaIso(at), trigger: 'dayClose', outcome: { ok: false, message } }, clerk).catch(() => undefined);
      }
    })();
  }, [db, clerk]);
  return (
    <Stack gap={4} aria-label={m.title} component="section">
      {state.kind === 'running' ? (
        <>
          <Progress value={state.percent} aria-label={m.running} size="md" animated />
          <Text size="sm" role="status">
            {m.running}
          </Text>
        </>
      ) : (
        <Alert color={state.color} title={m.title} role={state.color === 'red' ? 'alert' : 'status'}>
          {state.text}
        </Alert>
      )}
    </Stack>
  );
}
