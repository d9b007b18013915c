import { Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { formatChineseDate, formatChineseDateTime } from '../../domain/chineseDate';
import type { DaySnapshot } from '../../data/dayClose/snapshot';
import { dayCloseMessages } from './messages';
import { UnprintedList } from './UnprintedDocuments';

const m = dayCloseMessages.pending;
const shownStates = ['pending', 'sending', 'rejected', 'conflict'] as const;

function Section(props: { label: string; lines: string[] }) {
  return (
    <Stack gap={4} component="section" aria-label={props.label}>
      <Text fw={600} size="sm">
        {props.label}
        {props.lines.length > 0 ? m.count(props.lines.length) : null}
      </Text>
      {props.lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {m.nothing}
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {props.lines.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** What is still open: unsynced ops (which block the close) and work a clerk should see before closing. */
export function PendingView(props: { snapshot: DaySnapshot }) {
  const { outbox, drafting, deferredDue, unprinted } = props.snapshot;
  const unsynced = shownStates.filter((state) => outbox[state] > 0).map((state) => m.stateCount(m.outboxStates[state], outbox[state]));
  return (
    <Card withBorder component="section" aria-label={m.title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {m.title}
        </Title>
        <SimpleGrid cols={2}>
          <Stack gap={4} component="section" aria-label={m.unsynced}>
            <Text fw={600} size="sm">
              {m.unsynced}
            </Text>
            <Text size="sm" c={outbox.pending + outbox.sending > 0 ? 'red' : 'dimmed'}>
              {unsynced.length === 0 ? m.allSynced : unsynced.join(m.separator)}
            </Text>
          </Stack>
          <Section label={m.drafting} lines={drafting.map((line) => m.draftingLine(line.caseNumber, line.enterpriseName, formatChineseDateTime(line.createdAt)))} />
          <Section label={m.deferredDue} lines={deferredDue.map((item) => m.deferredLine(item.caseNumber, item.material, formatChineseDate(item.deadline)))} />
          <UnprintedList unprinted={unprinted} />
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
