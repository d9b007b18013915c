import { Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { DaySnapshot } from '../../data/dayClose/snapshot';
import { dayStatusText, matterLines, statusLines } from './dayCloseText';
import { dayCloseMessages } from './messages';

const m = dayCloseMessages.totals;

function Figure(props: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
      <Text fw={600} aria-label={props.label}>
        {props.value}
      </Text>
    </Stack>
  );
}

function CountTable(props: { label: string; rows: { key: string; label: string; count: number }[] }) {
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">
        {props.label}
      </Text>
      {props.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {m.none}
        </Text>
      ) : (
        <Table aria-label={props.label} verticalSpacing={2} withRowBorders={false}>
          <Table.Tbody>
            {props.rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td>{row.label}</Table.Td>
                <Table.Td ta="right">{m.pieces(row.count)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** The day's totals as they go to HQ and onto the day report, and the cases the day touched. */
export function DayTotalsView(props: { snapshot: DaySnapshot; matterNames: ReadonlyMap<string, string> }) {
  const { totals, figures, cases } = props.snapshot;
  const serials = (list: readonly string[]) => (list.length === 0 ? m.none : list.join('、'));
  return (
    <Card withBorder component="section" aria-label={m.title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {m.title}
        </Title>
        <Text size="xs" c="dimmed">
          {m.note}
        </Text>
        <SimpleGrid cols={4}>
          <Figure label={m.completed} value={m.pieces(figures.completedCases)} />
          <Figure label={m.handovers} value={m.pieces(totals.handovers)} />
          <Figure label={m.average} value={figures.averageIntakeToHandoverMinutes === null ? m.dash : m.minutes(figures.averageIntakeToHandoverMinutes)} />
          <Figure label={m.oneVisit} value={figures.oneVisitShare === null ? m.dash : m.percent(figures.oneVisitShare)} />
          <Figure label={`${m.documents}${m.printed}`} value={m.copies(totals.documents.printed)} />
          <Figure label={`${m.documents}${m.reprinted}`} value={m.copies(totals.documents.reprinted)} />
          <Figure label={`${m.documents}${m.voided}`} value={m.copies(totals.documents.voided)} />
          <Figure label={m.ops} value={m.records(totals.ops)} />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <CountTable label={m.byStatus} rows={statusLines(totals).map((line) => ({ key: line.code, label: line.label, count: line.count }))} />
          <CountTable label={m.byMatter} rows={matterLines(totals, props.matterNames).map((line) => ({ key: line.code, label: line.name, count: line.count }))} />
        </SimpleGrid>
        <Group gap="xl" align="flex-start">
          <Figure label={m.sheetsUsed} value={serials(totals.licenceSheets.used)} />
          <Figure label={m.sheetsVoided} value={serials(totals.licenceSheets.voided)} />
        </Group>
        <Text fw={600} size="sm">
          {m.cases}
        </Text>
        {cases.length === 0 ? (
          <Text size="sm" c="dimmed">
            {m.noCases}
          </Text>
        ) : (
          <Table aria-label={m.cases} verticalSpacing={4} layout="fixed" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={200}>{m.caseColumns.caseNumber}</Table.Th>
                <Table.Th>{m.caseColumns.enterprise}</Table.Th>
                <Table.Th>{m.caseColumns.matters}</Table.Th>
                <Table.Th w={90}>{m.caseColumns.status}</Table.Th>
                <Table.Th w={60}>{m.caseColumns.visits}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cases.map((line) => (
                <Table.Tr key={line.id}>
                  <Table.Td ff="monospace">{line.caseNumber}</Table.Td>
                  <Table.Td>{line.enterpriseName}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {line.matterCodes.map((code) => props.matterNames.get(code) ?? code).join('、')}
                    </Text>
                  </Table.Td>
                  <Table.Td>{dayStatusText(line.statusCode)}</Table.Td>
                  <Table.Td>{m.visits(line.visits)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
