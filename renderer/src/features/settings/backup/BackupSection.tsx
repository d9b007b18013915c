import { Alert, Button, Card, Group, NumberInput, PasswordInput, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { readBackupKeep, readLastBackup, recordBackup, recordPassphraseSet, saveBackupKeep } from '../../../data/backup/backupRecord';
import { chinaIso } from '../../../data/clock';
import { deskDatabase } from '../../../data/db';
import { formatChineseDateTime } from '../../../domain/chineseDate';
import { callDesk, type ChannelOutput } from '../../../platform/desk';
import { useClerk } from '../../clerks/ClerkContext';
import { readyValue, useStoredData } from '../../common/useStoredData';
import { backupWithStoredSecret, setBackupPassphrase } from './backupFolder';
import { backupUiMessages as m } from './messages';
import { backupPassphraseProblem } from './passphraseRule';
import { PrintRecoverySheet } from './PrintRecoverySheet';

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
type SecretState = ChannelOutput<'backupSecretGet'>['state'];
type BackupRun = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

/** 设置 › 备份与恢复 (shown to the admin only): passphrase, folder, how many kept, 立即备份, 打印恢复单 and the folder's backups. */
export function BackupSection() {
  const db = deskDatabase();
  const clerk = useClerk();
  const [secret, setSecret] = useState<{ state: SecretState; setAt?: string } | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [files, setFiles] = useState<ChannelOutput<'backupList'>>([]);
  const [error, setError] = useState<string | null>(null);
  const [run, setRun] = useState<BackupRun>({ kind: 'idle' });
  const keep = readyValue(useStoredData(() => readBackupKeep(db), [db]));
  const last = readyValue(useStoredData(() => readLastBackup(db), [db]));

  const refresh = useCallback(async () => {
    try {
      const stored = await callDesk('backupSecretGet');
      setSecret(stored.state === 'set' ? { state: 'set', setAt: stored.setAt } : { state: stored.state });
      const chosen = (await callDesk('backupGetFolder')).folder;
      setFolder(chosen);
      setFiles(chosen === null ? [] : await callDesk('backupList'));
    } catch (caught) {
      setError(describe(caught));
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const chooseFolder = async () => {
    try {
      await callDesk('backupChooseFolder');
      await refresh();
    } catch (caught) {
      setError(describe(caught));
    }
  };

  const backupNow = async () => {
    setRun({ kind: 'running', done: 0, total: 0 });
    const at = new Date();
    try {
      const result = await backupWithStoredSecret(db, { keep: keep ?? 7, now: at, onProgress: (done, total) => setRun({ kind: 'running', done, total }) });
      if ('blocked' in result) {
        setRun({ kind: 'failed', text: result.blocked === 'noFolder' ? m.folderNone : m.passphraseNone });
        return;
      }
      await recordBackup(db, { at: chinaIso(at), trigger: 'manual', outcome: { ok: true, fileName: result.fileName } }, clerk);
      setRun({ kind: 'done', text: m.backupDone(result.fileName, result.pruned.length) });
    } catch (caught) {
      const message = describe(caught);
      setRun({ kind: 'failed', text: m.backupFailed(message) });
      await recordBackup(db, { at: chinaIso(at), trigger: 'manual', outcome: { ok: false, message } }, clerk).catch(() => undefined);
    }
    await refresh();
  };

  const newest = files.reduce<(typeof files)[number] | null>((found, file) => (found === null || file.modifiedAt > found.modifiedAt ? file : found), null);
  const sheetFacts = folder === null || keep === null ? null : { folder, keep, newest: newest === null ? null : { fileName: newest.fileName, at: chinaIso(new Date(newest.modifiedAt)) } };
  const percent = run.kind === 'running' && run.total > 0 ? Math.round((run.done / run.total) * 100) : run.kind === 'done' ? 100 : 0;
  return (
    <Card withBorder component="section" aria-labelledby="backup-title">
      <Stack gap="md">
        <Title id="backup-title" order={2} size="h4">
          {m.title}
        </Title>
        <Text size="sm">{m.intro}</Text>
        {error === null ? null : (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <PassphraseForm
          state={secret}
          onSaved={async () => {
            await recordPassphraseSet(db, clerk).catch(() => undefined);
            await refresh();
          }}
        />
        <Stack gap="xs">
          <Title order={3} size="h5">
            {m.folderTitle}
          </Title>
          <Group>
            <Text data-testid="backup-folder">{folder ?? m.folderNone}</Text>
            <Button variant="default" onClick={() => void chooseFolder()}>
              {m.chooseFolder}
            </Button>
          </Group>
          {keep === null ? null : (
            <NumberInput
              label={m.keep}
              w={220}
              min={1}
              max={100}
              defaultValue={keep}
              onBlur={(event) => {
                const value = Number(event.currentTarget.value);
                if (Number.isInteger(value) && value >= 1 && value <= 100 && value !== keep) void saveBackupKeep(db, value, clerk);
              }}
            />
          )}
        </Stack>
        <Stack gap="xs">
          <Group>
            <Button onClick={() => void backupNow()} loading={run.kind === 'running'} disabled={folder === null || secret?.state !== 'set'}>
              {m.backupNow}
            </Button>
          </Group>
          {run.kind === 'idle' ? null : (
            <Stack gap={4}>
              <Progress value={percent} aria-label={m.backingUp} size="lg" color={run.kind === 'failed' ? 'red' : undefined} animated={run.kind === 'running'} />
              <Text role="status" c={run.kind === 'failed' ? 'red' : undefined}>
                {run.kind === 'running' ? m.progress(run.done, run.total) : run.text}
              </Text>
            </Stack>
          )}
          {last === null ? null : (
            <Text size="sm" c="dimmed">
              {m.lastBackup}：{formatChineseDateTime(last.at)} {last.outcome.ok ? last.outcome.fileName : m.backupFailed(last.outcome.message)}
            </Text>
          )}
        </Stack>
        <PrintRecoverySheet facts={sheetFacts} />
        {folder === null ? null : (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {m.listTitle}
            </Title>
            {files.length === 0 ? (
              <Text>{m.listEmpty}</Text>
            ) : (
              <Table aria-label={m.listTitle}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{m.fileName}</Table.Th>
                    <Table.Th>{m.fileSize}</Table.Th>
                    <Table.Th>{m.fileTime}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {files.map((file) => (
                    <Table.Tr key={file.fileName}>
                      <Table.Td>{file.fileName}</Table.Td>
                      <Table.Td>{m.size(file.bytes)}</Table.Td>
                      <Table.Td>{formatChineseDateTime(chinaIso(new Date(file.modifiedAt)))}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function PassphraseForm(props: { state: { state: SecretState; setAt?: string } | null; onSaved: () => Promise<void> }) {
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const submit = async () => {
    const weak = backupPassphraseProblem(first) ?? (first === second ? null : m.passphraseMismatch);
    setProblem(weak);
    setSaved(false);
    if (weak !== null) return;
    setSaving(true);
    try {
      await setBackupPassphrase(first);
      setFirst('');
      setSecond('');
      setSaved(true);
      await props.onSaved();
    } catch (caught) {
      setProblem(describe(caught));
    } finally {
      setSaving(false);
    }
  };
  const state = props.state;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {m.passphraseTitle}
      </Title>
      {state === null ? null : (
        <Text c={state.state === 'set' ? undefined : 'orange'}>
          {state.state === 'set' && state.setAt !== undefined
            ? m.passphraseSet(formatChineseDateTime(chinaIso(new Date(state.setAt))))
            : state.state === 'unreadable'
              ? m.passphraseUnreadable
              : m.passphraseNone}
        </Text>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="xs" maw={360}>
          <PasswordInput label={m.passphrase} description={m.passphraseRule} value={first} onChange={(event) => setFirst(event.currentTarget.value)} autoComplete="new-password" />
          <PasswordInput label={m.passphraseAgain} value={second} onChange={(event) => setSecond(event.currentTarget.value)} autoComplete="new-password" />
          {problem === null ? null : (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          {saved ? <Text role="status">{m.passphraseSaved}</Text> : null}
          <Group>
            <Button type="submit" loading={saving} variant="default">
              {state?.state === 'set' ? m.changePassphrase : m.setPassphrase}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
