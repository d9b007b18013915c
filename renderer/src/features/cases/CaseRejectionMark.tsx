import { Alert, Badge, Button, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { caseChecklist } from '../../data/caseChecklist';
import { canResend, followUpRejectedOp, openCaseRejections } from '../../data/caseRejections';
import { deskDatabase } from '../../data/db';
import type { CaseRow, OutboxRow } from '../../data/records';
import type { RejectionFollowUp } from '../../domain/cases/rejectionFollowUp';
import { useClerk } from '../clerks/ClerkContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { readyValue, useStoredData } from '../common/useStoredData';
import { useWriteQueue } from '../common/useWriteQueue';
import { opNote, opSummary, shortTime } from '../sync/opSummary';
import { casesMessages } from './messages';

const m = casesMessages.rejections;

/** The list's badge on a case with ops HQ rejected that nobody has followed up yet. */
export function RejectionBadge(props: { count: number }) {
  if (props.count === 0) return null;
  return (
    <Badge color="red" variant="filled" size="sm" style={{ textTransform: 'none' }} aria-label={m.badgeLabel(props.count)}>
      {m.badge}
    </Badge>
  );
}

/** The case's rejected ops, each with what it carried (material names from the case's checklist). */
async function loadRejections(row: CaseRow) {
  const db = deskDatabase();
  const rows = await openCaseRejections(db, row.id);
  const names = new Map<string, string>();
  if (rows.some((entry) => entry.op.entity === 'checklistEvent')) for (const item of await caseChecklist(db, row.id)) names.set(item.key, item.item.name);
  return rows.map((entry) => ({
    row: entry,
    caseNumber: row.caseNumber,
    materialName: entry.op.entity === 'checklistEvent' ? (names.get(entry.op.payload.materialKey) ?? null) : null,
  }));
}

/**
 * The mark on a case with ops HQ rejected (同步队列 状态 被退回): per op, what it carried, when, HQ's reason
 * as HQ wrote it and what the clerk can do; 重新发送 or 不再发送 (with a reason) follows it up and clears it.
 */
export function CaseRejectionMark(props: { row: CaseRow }) {
  const { row } = props;
  const entries = readyValue(useStoredData(() => loadRejections(row), [row]));
  if (entries === null || entries.length === 0) return null;
  return (
    <Alert color="red" variant="light" role="region" aria-label={m.title} title={m.title}>
      <Stack gap="sm">
        <Text size="sm">{m.intro}</Text>
        {entries.map((entry) => (
          <RejectedOp key={entry.row.seq} caseId={row.id} row={entry.row} summary={opSummary(entry)} />
        ))}
      </Stack>
    </Alert>
  );
}

function RejectedOp(props: { caseId: CaseRow['id']; row: OutboxRow; summary: string }) {
  const { row } = props;
  const clerk = useClerk();
  const queue = useWriteQueue();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<RejectionFollowUp | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const resendable = canResend(row);

  const followUp = async (action: RejectionFollowUp) => {
    setBusy(action);
    setProblem(null);
    try {
      const result = await queue(() => followUpRejectedOp(deskDatabase(), props.caseId, { seq: row.seq, action, reason: action === 'dismissed' ? reason : null }, { clerk }));
      if (!result.ok) setProblem(result.message);
    } catch (error) {
      setProblem(m.failed(error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap={6} component="section" aria-label={m.opLabel(row.seq)} data-rejected-seq={row.seq}>
      <Table withRowBorders={false} verticalSpacing={2} layout="fixed">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={110}>{m.content}</Table.Th>
            <Table.Td>{props.summary}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{m.sentAt}</Table.Th>
            <Table.Td>{m.seqAndTime(row.seq, shortTime(row.createdAt))}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{m.reason}</Table.Th>
            <Table.Td>
              <Text size="sm" fw={600}>
                {opNote(row) || m.noReason}
              </Text>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="sm">{resendable ? m.todoResend : m.todoPaper}</Text>
      <Textarea label={m.dismissReason} value={reason} onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={1} maxLength={500} />
      <Group gap="sm">
        {resendable ? (
          <Button color="red" loading={busy === 'resent'} disabled={busy !== null} onClick={() => void followUp('resent')}>
            {m.resend}
          </Button>
        ) : null}
        <Button variant="default" loading={busy === 'dismissed'} disabled={busy !== null} onClick={() => void followUp('dismissed')}>
          {m.dismiss}
        </Button>
      </Group>
      <ProblemAlert problem={problem} />
    </Stack>
  );
}
