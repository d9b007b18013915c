import { Alert, Badge, Button, Checkbox, Group, Kbd, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { deskDatabase } from '../../data/db';
import { finishQueueService } from '../../data/queueService';
import type { CaseId } from '../../domain/cases/caseId';
import { deskCodeSchema } from '../../domain/cases/caseNumber';
import { formatChineseDateTime } from '../../domain/chineseDate';
import type { CalledTicket, QueueLine } from '../../protocol/queue';
import { actOnTicket, callNextTicket, ipcQueueTransport, type QueueOutcome, type QueueTransport, type TicketAct } from '../../sync/queueCalls';
import { useClerk } from '../clerks/ClerkContext';
import { queueMessages as m } from './messages';

type Notice = { color: 'green' | 'orange' | 'red' | 'gray'; text: string } | null;

export interface QueuePanelProps {
  /** The ticket this window called and holds, if any (the intake screen keeps it for the new case). */
  ticket: CalledTicket | null;
  /** The case taken in on the ticket, once there is one: 完成 finishes the ticket with it. */
  caseId: CaseId | null;
  onCalled: (ticket: CalledTicket) => void;
  /** The ticket left the window: finished, skipped or transferred. */
  onReleased: () => void;
  transport?: QueueTransport;
}

const timeOf = (iso: string) => formatChineseDateTime(iso).split(' ').at(-1) ?? iso;

/**
 * 叫号 at the window (F3 calls the next ticket): the lines this window serves (green-card V always), the
 * called ticket with its times, and 重呼, 过号, 转窗口, 完成. When HQ cannot be reached the panel says so and
 * the clerk types the number from the applicant's slip in 排队号.
 */
export function QueuePanel(props: QueuePanelProps) {
  const clerk = useClerk();
  const [transport] = useState<QueueTransport>(() => props.transport ?? ipcQueueTransport());
  const [served, setServed] = useState<QueueLine[]>(['A', 'B']);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [transferTo, setTransferTo] = useState('');
  const ticket = props.ticket;

  const problem = <T,>(outcome: Exclude<QueueOutcome<T>, { kind: 'ok' }>): Notice =>
    outcome.kind === 'offline' ? { color: 'orange', text: m.offline(outcome.reason) } : { color: 'red', text: m.refused(outcome.reason) };

  const run = async (work: () => Promise<Notice>) => {
    if (busy) return;
    setBusy(true);
    try {
      setNotice(await work());
    } finally {
      setBusy(false);
    }
  };

  const callNext = () =>
    run(async () => {
      if (ticket !== null) return { color: 'gray', text: m.holdTicket };
      const outcome = await callNextTicket(transport, served);
      if (outcome.kind !== 'ok') return problem(outcome);
      if (outcome.value === null) return { color: 'gray', text: m.nobodyWaiting };
      props.onCalled(outcome.value);
      return { color: 'green', text: m.called(outcome.value.number) };
    });

  const act = (held: CalledTicket, what: TicketAct) =>
    run(async () => {
      const outcome = await actOnTicket(transport, held.ticketId, what);
      if (what.action === 'done') {
        // The encounter is over at the window whatever HQ said; its service time is this desk's record.
        props.onReleased();
        const finished = props.caseId === null ? null : await finishQueueService(deskDatabase(), props.caseId, { clerk });
        if (finished !== null && !finished.ok) return { color: 'orange', text: m.finishFailed(finished.message) };
        return outcome.kind === 'ok' ? { color: 'green', text: m.finished(held.number) } : problem(outcome);
      }
      if (outcome.kind !== 'ok') return problem(outcome);
      if (what.action === 'recall') return { color: 'green', text: m.recalled(held.number) };
      props.onReleased();
      if (what.action === 'transfer') {
        setTransferTo('');
        return { color: 'green', text: m.transferred(held.number, what.deskCode) };
      }
      return { color: 'green', text: m.skipped(held.number, outcome.value.state === 'dropped') };
    });

  useHotkeys([['F3', () => void callNext(), { preventDefault: true }]], []);

  const transferCode = deskCodeSchema.safeParse(transferTo.trim());
  const toggle = (line: QueueLine, on: boolean) => setServed((lines) => (on ? [...lines, line] : lines.filter((other) => other !== line)));

  return (
    <Paper withBorder p="sm" radius="md" aria-label={m.title} component="section">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg">
        <Stack gap={6}>
          <Group gap="sm">
            <Title order={2} size="h4">
              {m.title}
            </Title>
            <Group gap="xs" role="group" aria-label={m.linesLabel}>
              <Checkbox size="xs" label={m.lines.A} checked={served.includes('A')} onChange={(event) => toggle('A', event.currentTarget.checked)} />
              <Checkbox size="xs" label={m.lines.B} checked={served.includes('B')} onChange={(event) => toggle('B', event.currentTarget.checked)} />
              <Badge color="green" variant="light">
                {m.lines.V}
              </Badge>
            </Group>
          </Group>
          {ticket === null ? (
            <Text c="dimmed" size="sm" data-testid="queue-current">
              {m.noTicket}
            </Text>
          ) : (
            <Group gap="sm" align="baseline">
              <Text size="sm">{m.current}</Text>
              <Text fw={700} fz={28} data-testid="queue-current" c={ticket.line === 'V' ? 'green' : undefined}>
                {ticket.number}
              </Text>
              <Text size="xs" c="dimmed">
                {m.times(timeOf(ticket.issuedAt), timeOf(ticket.calledAt))}
              </Text>
            </Group>
          )}
        </Stack>
        <Stack gap={6} align="flex-end">
          <Group gap="xs">
            <Button onClick={() => void callNext()} loading={busy && ticket === null} disabled={ticket !== null} rightSection={<Kbd size="xs">F3</Kbd>}>
              {m.call}
            </Button>
            <Button variant="default" disabled={ticket === null || busy} onClick={() => ticket !== null && void act(ticket, { action: 'recall' })}>
              {m.recall}
            </Button>
            <Button variant="default" disabled={ticket === null || busy} onClick={() => ticket !== null && void act(ticket, { action: 'skip' })}>
              {m.skip}
            </Button>
            <Button color="teal" disabled={ticket === null || busy} onClick={() => ticket !== null && void act(ticket, { action: 'done', caseId: props.caseId })}>
              {m.done}
            </Button>
          </Group>
          <Group gap="xs" align="flex-end">
            <TextInput
              size="xs"
              w={110}
              label={m.transferTo}
              placeholder={m.transferPlaceholder}
              value={transferTo}
              onChange={(event) => setTransferTo(event.currentTarget.value)}
              error={transferTo.trim() !== '' && !transferCode.success ? m.transferInvalid : undefined}
              disabled={ticket === null}
            />
            <Button
              size="xs"
              variant="default"
              disabled={ticket === null || busy || !transferCode.success}
              onClick={() => ticket !== null && transferCode.success && void act(ticket, { action: 'transfer', deskCode: transferCode.data })}
            >
              {m.transfer}
            </Button>
          </Group>
        </Stack>
      </Group>
      {notice !== null ? (
        <Alert color={notice.color} mt="xs" p="xs" role={notice.color === 'red' || notice.color === 'orange' ? 'alert' : 'status'}>
          {notice.text}
        </Alert>
      ) : null}
    </Paper>
  );
}
