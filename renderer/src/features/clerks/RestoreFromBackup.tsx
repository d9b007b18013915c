import { Alert, Button, Group, PasswordInput, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { BackupRefusal } from '../../data/backup/readBackup';
import type { DeskDatabase } from '../../data/db';
import { callDesk } from '../../platform/desk';
import { restoreFromFolder } from '../settings/backup/backupFolder';
import { backupUiMessages } from '../settings/backup/messages';
import { GateFrame } from './GateFrame';

const m = backupUiMessages.restore;
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

type Step =
  | { kind: 'input' }
  | { kind: 'running'; done: number; total: number }
  | { kind: 'confirmOtherDesk'; message: string }
  | { kind: 'done' };

/**
 * 从备份恢复 on a desk with no accounts: the admin picks a backup file and types its passphrase; the
 * backup is verified whole before anything is written; then the page reopens on the restored desk (it
 * takes the adopted data key at its next load) and the sync resumes, telling what was lost.
 */
export function RestoreFromBackup(props: { db: DeskDatabase; onBack: () => void }) {
  const [fileName, setFileName] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'input' });
  const [problem, setProblem] = useState<string | null>(null);

  const choose = async () => {
    setProblem(null);
    try {
      const chosen = await callDesk('backupChooseFile');
      if (chosen.fileName !== null) setFileName(chosen.fileName);
    } catch (caught) {
      setProblem(describe(caught));
    }
  };

  const restore = async (acceptOtherDesk: boolean) => {
    if (fileName === null) return;
    setProblem(null);
    setStep({ kind: 'running', done: 0, total: 0 });
    try {
      await restoreFromFolder(props.db, fileName, { passphrase, acceptOtherDesk, onProgress: (done, total) => setStep({ kind: 'running', done, total }) });
      setPassphrase('');
      setStep({ kind: 'done' });
    } catch (caught) {
      if (caught instanceof BackupRefusal && caught.kind === 'otherDesk') {
        setStep({ kind: 'confirmOtherDesk', message: caught.message });
        return;
      }
      setProblem(describe(caught));
      setStep({ kind: 'input' });
    }
  };

  const running = step.kind === 'running';
  return (
    <GateFrame title={m.title} width={520}>
      <Text size="sm">{m.intro}</Text>
      <Group>
        <Button variant="default" onClick={() => void choose()} disabled={running || step.kind === 'done'}>
          {m.chooseFile}
        </Button>
        {fileName === null ? null : <Text data-testid="restore-file">{m.file(fileName)}</Text>}
      </Group>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void restore(false);
        }}
      >
        <Stack gap="sm">
          <PasswordInput label={m.passphrase} value={passphrase} onChange={(event) => setPassphrase(event.currentTarget.value)} disabled={running || step.kind === 'done'} autoComplete="off" />
          {problem === null ? null : (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          {step.kind === 'confirmOtherDesk' ? (
            <Alert color="orange" role="alert">
              <Stack gap="xs">
                <Text size="sm">{step.message}</Text>
                <Group>
                  <Button color="orange" onClick={() => void restore(true)}>
                    {m.otherDeskConfirm}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : null}
          {step.kind === 'running' ? (
            <Stack gap={4}>
              <Progress value={step.total > 0 ? Math.round((step.done / step.total) * 100) : 0} aria-label={m.verifying} size="lg" animated />
              <Text role="status">{step.total > 0 ? m.progress(step.done, step.total) : m.verifying}</Text>
            </Stack>
          ) : null}
          {step.kind === 'done' ? (
            <Stack gap="xs">
              <Progress value={100} aria-label={m.title} size="lg" />
              <Alert color="green" role="status">
                {m.done}
              </Alert>
              <Group>
                <Button onClick={() => window.location.reload()}>{m.reopen}</Button>
              </Group>
            </Stack>
          ) : (
            <Group>
              <Button type="submit" loading={running} disabled={fileName === null || passphrase === ''}>
                {m.start}
              </Button>
              <Button variant="subtle" onClick={props.onBack} disabled={running}>
                {m.back}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </GateFrame>
  );
}
