import { Alert, Anchor, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { deskDatabase } from '../../data/db';
import { escalateCase } from '../../data/ledger/ledgerCommands';
import { readLedgerItem } from '../../data/ledger/ledgerQueries';
import type { CaseRow } from '../../data/records';
import { formatChineseDate } from '../../domain/chineseDate';
import { can } from '../../domain/clerks/permissions';
import { isIntakeOpen } from '../../domain/cases/caseStatus';
import { ledgerItemIdOf, ledgerSourceLabels, ledgerStatusLabels } from '../../domain/ledger/ledgerItem';
import { useClerk } from '../clerks/ClerkContext';
import { ProblemAlert } from '../common/ProblemAlert';
import { readyValue, useStoredData } from '../common/useStoredData';
import { useWriteQueue } from '../common/useWriteQueue';
import { checkRequiredText } from './ledgerView';
import { ledgerScreenMessages as m } from './messages';

/** Cases past the counter and not yet finished are the ones the task force can still move. */
const finished: ReadonlySet<CaseRow['statusCode']> = new Set(['completed', 'withdrawn', 'refused', 'denied']);

/**
 * On the case view: whether the 专班 supervises the case (its escalation, open or in hand), and for a case
 * still being served, 提请专班督办 with a required reason. Escalating a case whose escalation was closed
 * opens it again.
 */
export function CaseSupervision(props: { row: CaseRow }) {
  const { row } = props;
  const clerk = useClerk();
  const itemId = ledgerItemIdOf('escalated', row.id);
  const escalation = readyValue(useStoredData(() => readLedgerItem(deskDatabase(), itemId), [itemId]));
  const [asking, setAsking] = useState(false);
  const supervised = escalation !== null && escalation.item.status !== 'closed';
  const mayEscalate = can(clerk.role, 'ledger.escalate') && !supervised && !finished.has(row.statusCode) && !isIntakeOpen(row.statusCode);

  if (!supervised && !mayEscalate) return null;
  return (
    <>
      {supervised ? (
        <Alert color="grape" role="status" title={m.escalate.underSupervision}>
          <Stack gap={4}>
            <Text size="sm">
              {m.escalate.underSupervisionDetail(ledgerSourceLabels[escalation.item.source], ledgerStatusLabels[escalation.item.status], formatChineseDate(escalation.item.dueDate))}
            </Text>
            {escalation.item.reason !== null ? <Text size="sm">{`${m.escalate.reason}：${escalation.item.reason}`}</Text> : null}
            <Anchor component="button" type="button" size="sm" style={{ alignSelf: 'flex-start' }} onClick={() => (window.location.hash = `/ledger/${itemId}`)}>
              {m.escalate.openLedger}
            </Anchor>
          </Stack>
        </Alert>
      ) : (
        <Group justify="flex-end">
          <Button variant="outline" color="grape" onClick={() => setAsking(true)}>
            {m.escalate.open}
          </Button>
        </Group>
      )}
      {asking ? <EscalateDialog row={row} onClose={() => setAsking(false)} /> : null}
    </>
  );
}

function EscalateDialog(props: { row: CaseRow; onClose: () => void }) {
  const clerk = useClerk();
  const queue = useWriteQueue();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const checked = checkRequiredText(reason, m.escalate.reason);
    setError(checked.ok ? undefined : checked.message);
    if (!checked.ok) return;
    setBusy(true);
    try {
      const result = await queue(() => escalateCase(deskDatabase(), props.row.id, checked.value, { clerk }));
      if (result.ok) props.onClose();
      else setProblem(result.message);
    } catch (failure) {
      setProblem(m.saveFailed(failure instanceof Error ? failure.message : String(failure)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={props.onClose} title={`${m.escalate.title}：${props.row.caseNumber}`} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Textarea label={m.escalate.reason} description={m.escalate.reasonHint} required autosize minRows={3} value={reason} error={error} onChange={(event) => setReason(event.currentTarget.value)} data-autofocus />
          <ProblemAlert problem={problem} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {m.escalate.cancel}
            </Button>
            <Button type="submit" color="grape" loading={busy}>
              {m.escalate.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
