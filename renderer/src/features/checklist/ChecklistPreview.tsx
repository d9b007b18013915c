import { Alert, Group, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import type { ChecklistResult } from '../../domain/catalogue/checklist';
import { ItemFlags } from './ItemFlags';
import { checklistMessages as m } from './messages';

/**
 * The checklist as the intake answers stand now, beside the intake form: it changes as the clerk picks
 * matters and answers questions, before anything is saved.
 */
export function ChecklistPreview(props: { result: ChecklistResult | null }) {
  const { result } = props;
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
          </ScrollArea.Autosize>
        ) : null}
      </Stack>
    </Paper>
  );
}
