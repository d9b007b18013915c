import { Alert, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { checklistProgress, type ChecklistItem, type ChecklistItemKey } from '../../domain/catalogue/checklist';
import type { ChecklistItemStatus } from '../../domain/cases/decisionChecklist';
import { ShortcutLegend } from '../common/ShortcutLegend';
import classes from './checklist.module.css';
import type { ChecklistEntry } from '../../data/records';
import { changeForStatus, statusesOf, unrecorded, type AttachOutcome, type ChangeOutcome, type ItemRecordView } from './checklistView';
import { ItemDetailsModal } from './ItemDetailsModal';
import { ItemFlags } from './ItemFlags';
import { statusKeys, statusRefusal } from './itemStatusRules';
import { checklistMessages as m } from './messages';
import { StatusBadge } from './StatusBadge';

export interface ChecklistCollectorProps {
  items: readonly ChecklistItem[];
  records: ReadonlyMap<ChecklistItemKey, ItemRecordView>;
  /** The deadline a material marked 容缺 gets unless the clerk sets another: the promised due date. */
  defaultDeferDeadline: string;
  /** False once the case is decided: the list can be read and opened but not changed. */
  editable: boolean;
  onRecord: (item: ChecklistItem, change: ChecklistEntry) => Promise<ChangeOutcome>;
  onAttach: (item: ChecklistItem, file: File) => Promise<AttachOutcome>;
  autoFocus?: boolean;
}

/**
 * The checklist at the counter, worked from the keyboard: ↑/↓ move between items, R 收到, M 缺, D 容缺,
 * E 免提交, N 不适用 (each moving on to the next item, so a full set of papers is R R R…), Enter opens the
 * item's details, legal basis and scans.
 */
export function ChecklistCollector(props: ChecklistCollectorProps) {
  const { items, records } = props;
  const rows = useRef<Array<HTMLTableRowElement | null>>([]);
  const [focused, setFocused] = useState(0);
  const [open, setOpen] = useState<ChecklistItem | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (props.autoFocus === true) rows.current[0]?.focus();
  }, [props.autoFocus]);

  const progress = checklistProgress(items, statusesOf(items, records));
  const recordOf = (item: ChecklistItem) => records.get(item.key) ?? unrecorded(item);

  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(items.length - 1, index));
    setFocused(next);
    rows.current[next]?.focus();
  };

  const record = async (item: ChecklistItem, change: ChecklistEntry): Promise<ChangeOutcome> => {
    const outcome = await props.onRecord(item, change);
    setProblem(outcome.ok ? null : outcome.message);
    return outcome;
  };

  const mark = (index: number, status: ChecklistItemStatus) => {
    const item = items[index];
    if (item === undefined) return;
    const refusal = statusRefusal(item, status);
    if (refusal !== null) {
      setProblem(refusal);
      return;
    }
    void record(item, changeForStatus(item, recordOf(item), status, props.defaultDeferDeadline));
    if (index < items.length - 1) focusRow(index + 1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    const moves: Record<string, number> = { arrowdown: index + 1, j: index + 1, arrowup: index - 1, k: index - 1, home: 0, end: items.length - 1 };
    const target = moves[key];
    if (target !== undefined) {
      event.preventDefault();
      focusRow(target);
      return;
    }
    if (key === 'enter' || key === ' ') {
      event.preventDefault();
      setOpen(items[index] ?? null);
      return;
    }
    const status = statusKeys[key];
    if (status !== undefined && props.editable) {
      event.preventDefault();
      mark(index, status);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-label={m.title}>
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Title order={2} size="h4">
            {m.title}
          </Title>
          <Group gap="sm" align="center" miw={260}>
            <Progress
              value={progress.requiredTotal === 0 ? 100 : (100 * progress.requiredReceived) / progress.requiredTotal}
              color={progress.requiredReceived === progress.requiredTotal ? 'teal' : 'indigo'}
              w={120}
              aria-hidden
            />
            <Text fw={600} role="status" data-testid="checklist-progress">
              {m.progress(progress.requiredReceived, progress.requiredTotal)}
            </Text>
          </Group>
        </Group>
        {props.editable ? (
          <ShortcutLegend
            shortcuts={[
              { keys: ['↑', '↓'], action: m.keys.move },
              { keys: ['R'], action: m.keys.received },
              { keys: ['M'], action: m.keys.missing },
              { keys: ['D'], action: m.keys.deferred },
              { keys: ['C'], action: m.keys.committed },
              { keys: ['E'], action: m.keys.exempt },
              { keys: ['N'], action: m.keys.notApplicable },
              { keys: ['Enter'], action: m.keys.details },
            ]}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {m.readOnly}
          </Text>
        )}
        {problem !== null ? (
          <Alert color="red" role="alert" withCloseButton onClose={() => setProblem(null)}>
            {problem}
          </Alert>
        ) : null}
        <Table aria-label={m.tableLabel} verticalSpacing={6} layout="fixed" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={56}>{m.columns.index}</Table.Th>
              <Table.Th>{m.columns.name}</Table.Th>
              <Table.Th w={104}>{m.columns.form}</Table.Th>
              <Table.Th w={48}>{m.columns.copies}</Table.Th>
              <Table.Th w={150}>{m.columns.status}</Table.Th>
              <Table.Th w={52}>{m.columns.pages}</Table.Th>
              <Table.Th w={70}>{m.columns.scans}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item, index) => {
              const current = recordOf(item);
              return (
                <Table.Tr
                  key={item.key}
                  ref={(element) => {
                    rows.current[index] = element;
                  }}
                  className={classes.row}
                  tabIndex={index === focused ? 0 : -1}
                  data-status={current.status}
                  onFocus={() => setFocused(index)}
                  onKeyDown={(event) => onKeyDown(event, index)}
                  onDoubleClick={() => setOpen(item)}
                >
                  <Table.Td>{index + 1}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text size="sm">{item.name}</Text>
                      <ItemFlags item={item} />
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{m.formLabels[current.form ?? item.form]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{current.copies || item.copies}</Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={current.status} deadline={current.deferredUntil} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{current.pages || '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{current.scans.length > 0 ? m.scans.count(current.scans.length) : '—'}</Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
      <ItemDetailsModal
        item={open}
        record={open === null ? null : recordOf(open)}
        editable={props.editable}
        // The modal hands focus back to the row it was opened from.
        onClose={() => setOpen(null)}
        onSave={record}
        defaultDeferDeadline={props.defaultDeferDeadline}
        onAttach={props.onAttach}
      />
    </Paper>
  );
}
