import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { DroppedItemRow } from '../../data/caseChecklist';
import { checklistMessages as m } from './messages';
import { StatusBadge } from './StatusBadge';

/**
 * Materials a correction of the intake took off the case's checklist after something was recorded for
 * them: not counted, not decided on, but shown, so a paper already taken in is not silently forgotten.
 */
export function DroppedItems(props: { items: readonly DroppedItemRow[] }) {
  if (props.items.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label={m.changes.droppedTitle}>
      <Stack gap="xs">
        <Title order={2} size="h5">
          {m.changes.droppedTitle}
        </Title>
        <Text size="sm" c="dimmed">
          {m.changes.droppedHint}
        </Text>
        <Table verticalSpacing={4} layout="fixed" aria-label={m.changes.droppedTitle}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{m.columns.name}</Table.Th>
              <Table.Th w={150}>{m.columns.status}</Table.Th>
              <Table.Th w={52}>{m.columns.pages}</Table.Th>
              <Table.Th w={70}>{m.columns.scans}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.items.map((item) => (
              <Table.Tr key={item.key}>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm" td="line-through" c="dimmed">
                      {item.name}
                    </Text>
                    <Badge size="xs" color="gray" variant="outline" style={{ textTransform: 'none' }}>
                      {m.changes.dropped}
                    </Badge>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={item.record.status} deadline={item.record.deferredUntil} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.record.pages || '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.record.attachmentIds.length > 0 ? m.scans.count(item.record.attachmentIds.length) : '—'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
