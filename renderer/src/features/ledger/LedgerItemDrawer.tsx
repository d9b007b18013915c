import { Alert, Anchor, Badge, Button, Divider, Drawer, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { deskDatabase } from '../../data/db';
import { assignLedgerItem, closeLedgerItem, recordLedgerFollowUp, setLedgerDueDate, type LedgerChange } from '../../data/ledger/ledgerCommands';
import { readLedgerItem, type LedgerItemDetail } from '../../data/ledger/ledgerQueries';
import { chinaIso } from '../../data/clock';
import type { CaseId } from '../../domain/cases/caseId';
import { formatChineseDate, formatChineseDateTime } from '../../domain/chineseDate';
import { ledgerSourceLabels, ledgerStatusLabels, type LedgerItemId, type LedgerStatus } from '../../domain/ledger/ledgerItem';
import { useClerk } from '../clerks/ClerkContext';
import { ChineseDateInput } from '../common/ChineseDateInput';
import { ConfirmIrreversibleModal } from '../common/ConfirmIrreversibleModal';
import { hallToday } from '../common/hallClock';
import { ProblemAlert } from '../common/ProblemAlert';
import { MissingRecord, useStoredData } from '../common/useStoredData';
import { useWriteQueue } from '../common/useWriteQueue';
import { checkAssignForm, checkDueForm, checkFollowUpForm, checkRequiredText, followUpInstant, isGreenCardOverdue, ownerText, previousText, type AssignForm } from './ledgerView';
import { ledgerScreenMessages as m } from './messages';
import { RemainingText } from './RemainingText';

const statusColour: Readonly<Record<LedgerStatus, string>> = { open: 'orange', supervising: 'blue', closed: 'gray' };

export function LedgerStatusBadge(props: { status: LedgerStatus }) {
  return (
    <Badge color={statusColour[props.status]} variant="light">
      {ledgerStatusLabels[props.status]}
    </Badge>
  );
}

/** Runs a ledger write; a refusal or a storage failure comes back as the sentence to show, nothing thrown. */
type Save = (write: () => Promise<LedgerChange<unknown>>) => Promise<string | null>;

function useSave(): Save {
  const queue = useWriteQueue();
  return async (write) => {
    try {
      const result = await queue(write);
      return result.ok ? null : result.message;
    } catch (error) {
      return m.saveFailed(error instanceof Error ? error.message : String(error));
    }
  };
}

/**
 * One ledger item: what it is about, then for the chief and the admin 指派, 调整期限, 督办记录 and 办结;
 * a clerk reads it all. Each form keeps what was typed when a save is refused, and says why in Chinese.
 */
export function LedgerItemDrawer(props: { itemId: LedgerItemId | null; canAct: boolean; onClose: () => void; onOpenCase: (caseId: CaseId) => void }) {
  const { itemId } = props;
  const view = useStoredData(async () => {
    if (itemId === null) return null;
    const found = await readLedgerItem(deskDatabase(), itemId);
    if (found === null) throw new MissingRecord(m.drawer.notFound);
    return found;
  }, [itemId]);
  const shown = view.state === 'ready' ? view.value : null;
  return (
    <Drawer opened={itemId !== null} onClose={props.onClose} position="right" size="xl" title={shown === null ? m.title : m.drawer.title(shown.row.caseNumber ?? m.table.caseNotHere)}>
      {view.state === 'loading' ? <Loader size="sm" /> : null}
      {view.state === 'failed' ? (
        <Alert color="red" role="alert">
          {view.message}
        </Alert>
      ) : null}
      {shown !== null ? <ItemBody view={shown} canAct={props.canAct} onOpenCase={() => props.onOpenCase(shown.item.caseId)} /> : null}
    </Drawer>
  );
}

function ItemBody(props: { view: LedgerItemDetail; canAct: boolean; onOpenCase: () => void }) {
  const { view } = props;
  const { item } = view;
  const open = item.status !== 'closed';
  const previous = previousText(item.previous, (status) => ledgerStatusLabels[status as LedgerStatus]);
  return (
    <Stack gap="md">
      <Part title={m.drawer.facts}>
        <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
          <Fact label={m.drawer.source}>{ledgerSourceLabels[item.source]}</Fact>
          <Fact label={m.drawer.status}>
            <LedgerStatusBadge status={item.status} />
          </Fact>
          <Fact label={m.drawer.case}>
            {view.row.caseNumber === null ? (
              m.table.caseNotHere
            ) : (
              <Anchor component="button" type="button" ff="monospace" size="sm" onClick={props.onOpenCase} aria-label={m.table.openCase(view.row.caseNumber)}>
                {view.row.caseNumber}
              </Anchor>
            )}
          </Fact>
          <Fact label={m.drawer.enterprise}>
            {view.row.enterpriseName ?? ''}
            {view.row.greenCard ? <GreenCardMark /> : null}
            {isGreenCardOverdue(view.row) ? <GreenCardOverdueMark /> : null}
          </Fact>
          <Fact label={m.drawer.owner}>{ownerText(item.owner)}</Fact>
          <Fact label={m.drawer.dueDate}>
            <Group gap="xs">
              <span>{formatChineseDate(item.dueDate)}</span>
              <RemainingText status={item.status} workingDaysLeft={view.row.workingDaysLeft} />
            </Group>
          </Fact>
        </SimpleGrid>
        {item.reason !== null ? <Fact label={m.drawer.reason}>{item.reason}</Fact> : null}
        {item.result !== null ? <Fact label={m.drawer.result}>{item.result}</Fact> : null}
        {previous !== null ? (
          <Text size="xs" c="dimmed">
            {previous}
          </Text>
        ) : null}
      </Part>
      {props.canAct && open ? <AssignPart view={view} /> : null}
      {props.canAct && open ? <DuePart view={view} /> : null}
      <FollowUpsPart view={view} canAdd={props.canAct && open} />
      {props.canAct && open ? <ClosePart view={view} /> : null}
    </Stack>
  );
}

export function GreenCardMark() {
  return (
    <Badge color="green" variant="filled" size="sm" ml={6} aria-label={m.table.greenCard}>
      {m.table.greenCard}
    </Badge>
  );
}

/** A green-card case's item past its due date: late, and for an enterprise promised to be served first. */
export function GreenCardOverdueMark() {
  return (
    <Badge color="red" variant="filled" size="sm" ml={6} aria-label={m.table.greenCardOverdue}>
      {m.table.greenCardOverdue}
    </Badge>
  );
}

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text size="sm" component="div">
        {props.children}
      </Text>
    </Stack>
  );
}

function Part(props: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" component="section" aria-label={props.title}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {props.title}
        </Title>
        {props.children}
      </Stack>
    </Paper>
  );
}

/** Whether a form just saved, for the line that says so (cleared as soon as the clerk types again). */
function useSavedNote() {
  const [saved, setSaved] = useState(false);
  return { saved, mark: () => setSaved(true), clear: () => setSaved(false) };
}

function AssignPart(props: { view: LedgerItemDetail }) {
  const { item } = props.view;
  const clerk = useClerk();
  const save = useSave();
  const note = useSavedNote();
  const [form, setForm] = useState<AssignForm>(() => ({
    department: item.owner?.department ?? '',
    liaisonName: item.owner?.liaisonName ?? '',
    liaisonPhone: item.owner?.liaisonPhone ?? '',
  }));
  const [errors, setErrors] = useState<Partial<Record<keyof AssignForm, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const edit = (patch: Partial<AssignForm>) => {
    setForm({ ...form, ...patch });
    note.clear();
  };
  const submit = async () => {
    const checked = checkAssignForm(form);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    setBusy(true);
    const refused = await save(() => assignLedgerItem(deskDatabase(), item.id, checked.value, { clerk }));
    setBusy(false);
    setProblem(refused);
    if (refused === null) note.mark();
  };
  return (
    <Part title={m.assign.title}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="xs">
          <Group grow align="flex-start">
            <TextInput label={m.assign.department} required value={form.department} error={errors.department} onChange={(event) => edit({ department: event.currentTarget.value })} />
            <TextInput label={m.assign.liaisonName} value={form.liaisonName} error={errors.liaisonName} onChange={(event) => edit({ liaisonName: event.currentTarget.value })} />
            <TextInput label={m.assign.liaisonPhone} value={form.liaisonPhone} error={errors.liaisonPhone} onChange={(event) => edit({ liaisonPhone: event.currentTarget.value })} />
          </Group>
          <ProblemAlert problem={problem} />
          <SaveRow busy={busy} label={m.assign.save} saved={note.saved ? m.assign.saved : null} />
        </Stack>
      </form>
    </Part>
  );
}

function DuePart(props: { view: LedgerItemDetail }) {
  const { item } = props.view;
  const clerk = useClerk();
  const save = useSave();
  const note = useSavedNote();
  const today = hallToday();
  const [form, setForm] = useState({ dueDate: '', reason: '' });
  const [errors, setErrors] = useState<Partial<Record<'dueDate' | 'reason', string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const checked = checkDueForm(form, { today, current: item.dueDate });
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    setBusy(true);
    const refused = await save(() => setLedgerDueDate(deskDatabase(), item.id, checked.value.dueDate, checked.value.reason, { clerk }));
    setBusy(false);
    setProblem(refused);
    if (refused === null) {
      setForm({ dueDate: '', reason: '' });
      note.mark();
    }
  };
  return (
    <Part title={m.due.title}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="xs">
          <Group grow align="flex-start">
            <ChineseDateInput
              label={m.due.dueDate}
              required
              value={form.dueDate}
              min={today}
              error={errors.dueDate}
              onChange={(dueDate) => {
                setForm({ ...form, dueDate });
                note.clear();
              }}
            />
          </Group>
          <TextInput
            label={m.due.reason}
            description={m.due.reasonHint}
            required
            value={form.reason}
            error={errors.reason}
            onChange={(event) => {
              setForm({ ...form, reason: event.currentTarget.value });
              note.clear();
            }}
          />
          <ProblemAlert problem={problem} />
          <SaveRow busy={busy} label={m.due.save} saved={note.saved ? m.due.saved : null} />
        </Stack>
      </form>
    </Part>
  );
}

function FollowUpsPart(props: { view: LedgerItemDetail; canAdd: boolean }) {
  const { view } = props;
  return (
    <Part title={m.followUps.title}>
      {view.followUps.length === 0 ? (
        <Text size="sm" c="dimmed">
          {m.followUps.empty}
        </Text>
      ) : (
        <Table aria-label={m.followUps.label} fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>{m.followUps.columns.at}</Table.Th>
              <Table.Th>{m.followUps.columns.text}</Table.Th>
              <Table.Th w={90}>{m.followUps.columns.by}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.followUps.map((followUp) => (
              <Table.Tr key={followUp.id}>
                <Table.Td>{formatChineseDateTime(followUp.at)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{followUp.text}</Table.Td>
                <Table.Td>{followUp.by}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {props.canAdd ? (
        <>
          <Divider />
          <AddFollowUp view={view} />
        </>
      ) : null}
    </Part>
  );
}

function AddFollowUp(props: { view: LedgerItemDetail }) {
  const clerk = useClerk();
  const save = useSave();
  const note = useSavedNote();
  const today = hallToday();
  const [form, setForm] = useState(() => ({ date: today, text: '', by: clerk.displayName }));
  const [errors, setErrors] = useState<Partial<Record<'date' | 'text' | 'by', string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const edit = (patch: Partial<typeof form>) => {
    setForm({ ...form, ...patch });
    note.clear();
  };
  const submit = async () => {
    const checked = checkFollowUpForm(form, today);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    setBusy(true);
    const at = followUpInstant(checked.value.date, today, chinaIso());
    const refused = await save(() => recordLedgerFollowUp(deskDatabase(), props.view.item.id, { at, by: checked.value.by, text: checked.value.text }, { clerk }));
    setBusy(false);
    setProblem(refused);
    if (refused === null) {
      setForm({ date: today, text: '', by: form.by });
      note.mark();
    }
  };
  return (
    <form
      noValidate
      aria-label={m.followUps.add}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="xs">
        <Group grow align="flex-start">
          <ChineseDateInput label={m.followUps.at} required value={form.date} max={today} error={errors.date} onChange={(date) => edit({ date })} />
          <TextInput label={m.followUps.by} required value={form.by} error={errors.by} onChange={(event) => edit({ by: event.currentTarget.value })} />
        </Group>
        <TextInput label={m.followUps.text} required value={form.text} error={errors.text} onChange={(event) => edit({ text: event.currentTarget.value })} />
        <ProblemAlert problem={problem} />
        <SaveRow busy={busy} label={m.followUps.add} saved={note.saved ? m.followUps.saved : null} />
      </Stack>
    </form>
  );
}

function ClosePart(props: { view: LedgerItemDetail }) {
  const clerk = useClerk();
  const save = useSave();
  const [result, setResult] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ask = () => {
    const checked = checkRequiredText(result, m.close.result);
    setError(checked.ok ? undefined : checked.message);
    if (checked.ok) setConfirming(checked.value);
  };
  const confirm = async (text: string) => {
    setBusy(true);
    const refused = await save(() => closeLedgerItem(deskDatabase(), props.view.item.id, text, { clerk }));
    setBusy(false);
    setConfirming(null);
    setProblem(refused);
  };
  return (
    <Part title={m.close.title}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          ask();
        }}
      >
        <Stack gap="xs">
          <TextInput label={m.close.result} description={m.close.resultHint} required value={result} error={error} onChange={(event) => setResult(event.currentTarget.value)} />
          <ProblemAlert problem={problem} />
          <Group justify="flex-end">
            <Button type="submit" color="teal">
              {m.close.submit}
            </Button>
          </Group>
        </Stack>
      </form>
      <ConfirmIrreversibleModal
        opened={confirming !== null}
        title={m.close.confirmTitle}
        values={confirming === null ? [] : [`${m.close.result}：${confirming}`]}
        consequence={m.close.consequence}
        confirmLabel={m.close.confirm}
        busy={busy}
        onConfirm={() => confirming !== null && void confirm(confirming)}
        onCancel={() => setConfirming(null)}
      />
    </Part>
  );
}

function SaveRow(props: { busy: boolean; label: string; saved: string | null }) {
  return (
    <Group justify="flex-end" gap="sm">
      {props.saved !== null ? (
        <Text size="sm" c="teal.9" role="status">
          {props.saved}
        </Text>
      ) : null}
      <Button type="submit" loading={props.busy}>
        {props.label}
      </Button>
    </Group>
  );
}
