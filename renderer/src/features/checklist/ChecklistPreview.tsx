import { Alert, Badge, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import type { ChecklistItemStatus } from '../../domain/cases/decisionChecklist';
import type { ChecklistResult } from '../../domain/catalogue/checklist';
import { ItemFlags } from './ItemFlags';
import { checklistMessages as m } from './messages';
import { previewChanges, type BaselineItem } from './previewChanges';
import { StatusBadge } from './StatusBadge';

/**
 * The checklist as the intake answers stand now, beside the intake form: it changes as the clerk picks
 * matters and answers questions, before anything is saved. Correcting a registered case's intake, it is
 * compared with the case's list (`baseline`): new items are marked, recorded ones keep their status, and
 * items the answers no longer call for are listed as no longer needed.
 */
export function ChecklistPreview(props: { result: ChecklistResult | null; baseline?: readonly BaselineItem[] | undefined }) {
  const { result, baseline } = props;
  const changes = baseline !== undefined && result?.ok === true ? previewChanges(baseline, result.checklist.items) : null;
  return (
    <Paper withBorder p="md" component="section" aria-label={m.liveTitle}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4">
            {m.liveTitle}
          </Title>
          {result?.ok === true ? (
            <Text size="sm" c="dimmed">
              {m.itemCount(result.checklist.items.length)}
            </Text>
          ) : null}
        </Group>
        {result === null ? <Text c="dimmed">{m.emptySelection}</Text> : null}
        {result?.ok === false ? (
          <Alert color="red" role="alert">
            {result.message}
          </Alert>
        ) : null}
        {result?.ok === true && result.checklist.pendingQuestionIds.length > 0 ? (
          <Alert color="orange" variant="light" p="xs">
            {m.pendingQuestions(result.checklist.pendingQuestionIds.length)}
          </Alert>
        ) : null}
        {result?.ok === true ? (
          <ScrollArea.Autosize mah="calc(100vh - 300px)" type="auto" offsetScrollbars>
            <Table verticalSpacing={6} aria-label={m.tableLabel} layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={56}>{m.columns.index}</Table.Th>
                  <Table.Th>{m.columns.name}</Table.Th>
                  <Table.Th w={96}>{m.columns.form}</Table.Th>
                  <Table.Th w={48}>{m.columns.copies}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.checklist.items.map((item, index) => (
                  <Table.Tr key={item.key}>
                    <Table.Td>{index + 1}</Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        <Text size="sm">{item.name}</Text>
                        <ItemFlags item={item} />
                        {changes !== null ? <ItemChange added={changes.added.has(item.key)} recorded={changes.recorded.get(item.key) ?? null} /> : null}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{m.formLabels[item.form]}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{item.copies}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {changes !== null && changes.dropped.length > 0 ? (
              <Stack gap={4} mt="sm" role="group" aria-label={m.changes.droppedTitle}>
                <Text size="sm" fw={600}>
                  {m.changes.droppedTitle}
                </Text>
                {changes.dropped.map((item) => (
                  <Group key={item.key} gap="xs" wrap="nowrap">
                    <Badge size="xs" color="gray" variant="outline" style={{ textTransform: 'none', flexShrink: 0 }}>
                      {m.changes.dropped}
                    </Badge>
                    <Text size="sm" td="line-through" c="dimmed">
                      {item.name}
                    </Text>
                    {item.recorded !== null ? <StatusBadge status={item.recorded} /> : null}
                  </Group>
                ))}
              </Stack>
            ) : null}
          </ScrollArea.Autosize>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** A new item's mark, or the status recorded for an item already on the case's list. */
function ItemChange(props: { added: boolean; recorded: ChecklistItemStatus | null }) {
  if (!props.added && props.recorded === null) return null;
  return (
    <Group gap={4}>
      {props.added ? (
        <Badge size="xs" color="blue" variant="filled" style={{ textTransform: 'none' }}>
          {m.changes.added}
        </Badge>
      ) : null}
      {props.recorded !== null ? <StatusBadge status={props.recorded} /> : null}
    </Group>
  );
}
