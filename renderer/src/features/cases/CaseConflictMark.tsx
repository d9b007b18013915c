import { Alert, Badge, Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { acknowledgeCaseConflicts } from '../../data/caseConflicts';
import { deskDatabase } from '../../data/db';
import { readDeskIdentity } from '../../data/desk';
import { caseDocuments } from '../../data/documentArchive/archive';
import type { CaseRow } from '../../data/records';
import type { Catalogue } from '../../domain/catalogue/schema';
import { useClerk } from '../clerks/ClerkContext';
import { readyValue, useStoredData } from '../common/useStoredData';
import { useWriteQueue } from '../common/useWriteQueue';
import { conflictViews, type ConflictSide } from './conflictView';
import { casesMessages } from './messages';
import { ProblemAlert } from '../common/ProblemAlert';

const m = casesMessages.conflicts;

/** The list's badge on a case with a mark: how many fields HQ holds otherwise. */
export function ConflictBadge(props: { row: Pick<CaseRow, 'conflicts'> }) {
  const count = props.row.conflicts.length;
  if (count === 0) return null;
  return (
    <Badge color="red" variant="outline" size="sm" style={{ textTransform: 'none' }} aria-label={m.badgeLabel(count)}>
      {m.badge}
    </Badge>
  );
}

function Side(props: { side: ConflictSide }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {props.side.value}
      </Text>
      <Text size="xs" c="dimmed">
        {props.side.who}
        {props.side.at === null ? '' : ` · ${props.side.at}`}
      </Text>
    </Stack>
  );
}

/**
 * The mark on a case where HQ kept another value than this window's: per field, HQ's standing value and
 * this window's kept one with which window, which clerk and when, what the clerk is to do, and 已知悉,
 * which clears the mark (an op, so HQ and the audit log know it was seen).
 */
export function CaseConflictMark(props: { row: CaseRow; clerkNames: ReadonlyMap<string, string>; catalogue: Catalogue }) {
  const { row } = props;
  const clerk = useClerk();
  const queue = useWriteQueue();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const caseId = row.id;
  const context = readyValue(
    useStoredData(async () => {
      const db = deskDatabase();
      const [documents, identity] = await Promise.all([caseDocuments(db, caseId), readDeskIdentity(db)]);
      return { documents, deskCode: identity?.deskCode ?? null };
    }, [caseId]),
  );
  if (row.conflicts.length === 0 || context === null) return null;
  const views = conflictViews(row, { ...context, clerkNames: props.clerkNames, catalogue: props.catalogue });

  const acknowledge = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await queue(() => acknowledgeCaseConflicts(deskDatabase(), caseId, { clerk }));
      if (!result.ok) setProblem(result.message);
    } catch (error) {
      setProblem(m.acknowledgeFailed(error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Alert color="red" variant="light" role="region" aria-label={m.title} title={m.title}>
      <Stack gap="sm">
        <Text size="sm">{m.intro}</Text>
        <Table withRowBorders verticalSpacing={4} aria-label={m.title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>{m.field}</Table.Th>
              <Table.Th>{m.standing}</Table.Th>
              <Table.Th>{m.kept}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {views.map((view) => (
              <Table.Tr key={view.field}>
                <Table.Th scope="row">{view.label}</Table.Th>
                <Table.Td>
                  <Side side={view.standing} />
                </Table.Td>
                <Table.Td>
                  <Side side={view.kept} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" fw={600}>
          {m.todo}
        </Text>
        <List size="sm" spacing={2} aria-label={m.todo}>
          {[...new Set(views.flatMap((view) => (view.nextStep === null ? [view.instruction] : [view.instruction, view.nextStep])))].map((instruction) => (
            <List.Item key={instruction}>{instruction}</List.Item>
          ))}
        </List>
        <Group>
          <Button color="red" variant="filled" loading={busy} onClick={() => void acknowledge()}>
            {m.acknowledge}
          </Button>
        </Group>
        <ProblemAlert problem={problem} />
      </Stack>
    </Alert>
  );
}
