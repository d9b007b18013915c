import { Alert, Button, Card, Group, List, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { deskDatabase } from '../../data/db';
import { readDeskIdentity, saveDeskIdentity } from '../../data/desk';
import { formatChineseDateTime } from '../../domain/chineseDate';
import { can } from '../../domain/clerks/permissions';
import { checkDeskIdentity, type DeskIdentity } from '../../domain/desk';
import { callDesk } from '../../platform/desk';
import { syncOverview } from '../../sync/outboxView';
import { useClerk } from '../clerks/ClerkContext';
import { ConfirmDeskCodes } from '../settings/ConfirmDeskCodes';
import { syncMessages } from './messages';
import { OutboxDrawer } from './OutboxDrawer';
import { useSyncControls } from './SyncEngineProvider';
import { readyValue, useStoredData } from '../common/useStoredData';

const m = syncMessages.connection;
const loadOverview = () => syncOverview(deskDatabase());
const loadIdentity = () => readDeskIdentity(deskDatabase());

type Outcome = { ok: boolean; text: string } | null;

/**
 * 设置 → 市级系统连接: where this desk syncs to and how that goes, and (for the admin) enrolment with
 * HQ's address, the hall and desk codes and the enrolment code. The token HQ gives stays in the main
 * process; this screen sees the desk id at most. A desk enrols with the codes that number its cases, and
 * a desk enrolled before any were set takes them from the enrolment.
 */
export function HqConnectionSection() {
  const clerk = useClerk();
  const { config, reloadConfig, syncNow } = useSyncControls();
  const overview = readyValue(useStoredData(loadOverview, []));
  // Null while the desk has no codes yet (or they are still being read).
  const identity = readyValue(useStoredData(loadIdentity, []));
  const [form, setForm] = useState({ baseUrl: '', hallCode: '', deskCode: '', enrolmentCode: '' });
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [outboxOpened, outbox] = useDisclosure(false);
  const mayEnrol = can(clerk.role, 'desk.enrol');

  useEffect(() => {
    const enrolment = config?.enrolment;
    if (enrolment) setForm((current) => ({ ...current, baseUrl: current.baseUrl || enrolment.baseUrl }));
  }, [config]);

  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setForm((current) => ({ ...current, [name]: value }));
    },
  });

  // Codes typed here for a desk that has none yet, waiting for the admin's confirmation: enrolling sets them for good.
  const [confirming, setConfirming] = useState<DeskIdentity | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A desk that has its codes enrols with them: they lead every case number it has issued.
    if (identity) {
      void enrol(identity);
      return;
    }
    const checked = checkDeskIdentity({ hallCode: form.hallCode.trim().toUpperCase(), deskCode: form.deskCode.trim() });
    if (checked.ok) setConfirming(checked.identity);
    else setOutcome({ ok: false, text: checked.message });
  };

  const enrol = async ({ hallCode, deskCode }: DeskIdentity) => {
    setConfirming(null);
    setBusy(true);
    try {
      const result = await callDesk('hqEnrol', { baseUrl: form.baseUrl, hallCode, deskCode, enrolmentCode: form.enrolmentCode });
      if (!result.ok) {
        setOutcome({ ok: false, text: result.failure.message });
        return;
      }
      const saved = identity ? null : await saveDeskIdentity(deskDatabase(), { hallCode, deskCode }, clerk);
      setForm((current) => ({ ...current, enrolmentCode: '' }));
      setOutcome(saved === null || saved.ok ? { ok: true, text: m.enrolled(result.value.deskId) } : { ok: false, text: saved.message });
      await reloadConfig();
      syncNow();
    } catch (error) {
      setOutcome({ ok: false, text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  const enrolment = config?.enrolment ?? null;
  const status = overview?.status;
  const refused = status ? Object.values(status.refusedReference) : [];

  return (
    <Card withBorder component="section" aria-labelledby="hq-connection-title">
      <Title id="hq-connection-title" order={2} size="h4" mb="sm">
        {m.title}
      </Title>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {m.intro}
        </Text>
        {enrolment === null && <Text>{m.notEnrolled}</Text>}
        {enrolment !== null && !config?.tokenAvailable && <Alert color="red">{m.tokenLost}</Alert>}
        {enrolment !== null && (
          <Table aria-label={m.tableLabel}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={140}>{m.baseUrl}</Table.Th>
                <Table.Td>{enrolment.baseUrl}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{m.hallCode}</Table.Th>
                <Table.Td>{enrolment.hallCode}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{m.deskCode}</Table.Th>
                <Table.Td>{enrolment.deskCode}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{m.deskId}</Table.Th>
                <Table.Td>{enrolment.deskId}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{m.enrolledAt}</Table.Th>
                <Table.Td>{formatChineseDateTime(enrolment.enrolledAt)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{m.lastSync}</Table.Th>
                <Table.Td>{status?.lastSyncAt ? formatChineseDateTime(status.lastSyncAt) : m.never}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{m.syncState}</Table.Th>
                <Table.Td>
                  {status?.paused
                    ? `${syncMessages.pauseReasons[status.paused.reason]}：${status.paused.message}`
                    : (status?.lastError?.message ?? m.fine)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
        {refused.length > 0 && (
          <Alert color="orange" title={m.refusedReference}>
            <List size="sm">
              {refused.map((entry) => (
                <List.Item key={entry.message}>{entry.message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group gap="sm">
          <Button variant="default" onClick={outbox.open}>
            {m.openOutbox}
          </Button>
          {enrolment !== null && (
            <Button variant="default" onClick={syncNow}>
              {m.syncNow}
            </Button>
          )}
        </Group>
        {mayEnrol ? (
          <form onSubmit={submit} noValidate aria-label={m.title}>
            <Stack gap="sm">
              <TextInput label={m.baseUrl} description={m.baseUrlHint} placeholder="https://" required {...field('baseUrl')} />
              <Group grow>
                {identity ? (
                  <>
                    <TextInput label={m.hallCode} value={identity.hallCode} disabled description={m.fromIdentity} />
                    <TextInput label={m.deskCode} value={identity.deskCode} disabled description={m.fromIdentity} />
                  </>
                ) : (
                  <>
                    <TextInput label={m.hallCode} required {...field('hallCode')} />
                    <TextInput label={m.deskCode} required {...field('deskCode')} />
                  </>
                )}
              </Group>
              <PasswordInput label={m.enrolmentCode} description={m.enrolmentCodeHint} required autoComplete="off" {...field('enrolmentCode')} />
              <Group>
                <Button type="submit" loading={busy}>
                  {enrolment === null ? m.enrol : m.enrolAgain}
                </Button>
              </Group>
            </Stack>
            <ConfirmDeskCodes codes={confirming} confirmLabel={m.confirmEnrol} onConfirm={(codes) => void enrol(codes)} onCancel={() => setConfirming(null)} />
          </form>
        ) : (
          <Text size="sm" c="dimmed">
            {m.adminOnly}
          </Text>
        )}
        {outcome !== null && (
          <Alert color={outcome.ok ? 'teal' : 'red'} role={outcome.ok ? 'status' : 'alert'}>
            {outcome.text}
          </Alert>
        )}
      </Stack>
      <OutboxDrawer opened={outboxOpened} onClose={outbox.close} />
    </Card>
  );
}
