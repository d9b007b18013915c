import { Alert, Button, Drawer, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { deskDatabase } from '../../data/db';
import type { OutboxState } from '../../data/records';
import { outboxFilters, outboxPage, syncOverview, type OutboxFilter } from '../../sync/outboxView';
import { syncMessages as m } from './messages';
import { opNote, opSummary, shortTime } from './opSummary';
import { useSyncControls } from './SyncEngineProvider';
import { readyValue, useStoredData } from '../common/useStoredData';

const PAGE_SIZE = 200;

const stateColors: Record<OutboxState, string> = {
  pending: 'gray.7',
  sending: 'blue.7',
  applied: 'teal.8',
  duplicate: 'teal.8',
  conflict: 'orange.8',
  rejected: 'red.7',
};

const loadOverview = () => syncOverview(deskDatabase());

/**
 * The visible outbox (ARCHITECTURE.md, "The sync contract"): every op this desk wrote for HQ, newest first, with its state, how many
 * times it was sent and HQ's word on it; rejected and conflicting ops are listed for the clerk with HQ's
 * reason. 立即同步 starts a pass at once, forgetting any backoff.
 */
export function OutboxDrawer(props: { opened: boolean; onClose: () => void }) {
  const { syncNow } = useSyncControls();
  const [filter, setFilter] = useState<OutboxFilter>('all');
  const [requested, setRequested] = useState(false);
  const page = readyValue(useStoredData(() => outboxPage(deskDatabase(), filter, PAGE_SIZE), [filter]));
  const overview = readyValue(useStoredData(loadOverview, []));
  const counts = overview?.counts;
  const status = overview?.status;

  const sync = () => {
    syncNow();
    setRequested(true);
  };

  return (
    <Drawer opened={props.opened} onClose={props.onClose} position="right" size="xl" title={m.outbox.title}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {m.outbox.summary}
        </Text>
        {counts && <Text size="sm">{m.outbox.counts(counts.pending + counts.sending, counts.rejected, counts.conflict)}</Text>}
        {status?.paused && (
          <Alert color="red" title={m.outbox.paused}>
            {status.paused.message}
          </Alert>
        )}
        {!status?.paused && status?.lastError && (
          <Alert color="orange" title={m.outbox.lastError}>
            {status.lastError.message}
          </Alert>
        )}
        <Group justify="space-between">
          <SegmentedControl
            aria-label={m.outbox.filterLabel}
            value={filter}
            onChange={(value) => setFilter(outboxFilters.find((known) => known === value) ?? 'all')}
            data={outboxFilters.map((value) => ({ value, label: m.outbox.filters[value] }))}
          />
          <Button onClick={sync}>{status?.lastError || status?.paused ? m.outbox.retry : m.outbox.syncNow}</Button>
        </Group>
        {requested && (
          <Text size="sm" role="status">
            {m.outbox.syncRequested}
          </Text>
        )}
        {page && page.entries.length === 0 && <Text>{m.outbox.empty}</Text>}
        {page && page.entries.length > 0 && (
          <>
            <Table aria-label={m.outbox.tableLabel} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{m.outbox.columns.seq}</Table.Th>
                  <Table.Th>{m.outbox.columns.content}</Table.Th>
                  <Table.Th>{m.outbox.columns.at}</Table.Th>
                  <Table.Th>{m.outbox.columns.state}</Table.Th>
                  <Table.Th>{m.outbox.columns.attempts}</Table.Th>
                  <Table.Th>{m.outbox.columns.note}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {page.entries.map((entry) => (
                  <Table.Tr key={entry.row.seq} data-state={entry.row.state}>
                    <Table.Td>{entry.row.seq}</Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {m.entities[entry.row.entity]} · {opSummary(entry)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{shortTime(entry.row.createdAt)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500} c={stateColors[entry.row.state]} style={{ whiteSpace: 'nowrap' }}>
                        {m.states[entry.row.state]}
                      </Text>
                    </Table.Td>
                    <Table.Td>{entry.row.attempts}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{opNote(entry.row)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {page.total > page.entries.length && (
              <Text size="sm" c="dimmed">
                {m.outbox.more(page.entries.length, page.total)}
              </Text>
            )}
          </>
        )}
      </Stack>
    </Drawer>
  );
}
