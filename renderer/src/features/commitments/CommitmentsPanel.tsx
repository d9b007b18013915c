import { Badge, Button, Group, Modal, Paper, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { caseChecklist, catalogueForCase } from '../../data/caseChecklist';
import { getCase } from '../../data/cases';
import { deskDatabase } from '../../data/db';
import { caseDocuments } from '../../data/documentArchive/archive';
import { readIssuingAgency } from '../../data/issuingAgency';
import { recordCommitmentCheck, type CommitmentCheckEntry } from '../../data/commitments';
import type { ChecklistItemRow } from '../../data/records';
import { formatChineseDate, formatChineseDateTime } from '../../domain/chineseDate';
import type { CaseId } from '../../domain/cases/caseId';
import { acceptanceDate, commitmentCheckDueDate, commitmentOutcomeLabels, commitmentOutcomes, type CommitmentOutcome } from '../../domain/cases/commitments';
import type { DocumentNumber } from '../../domain/documentNumber';
import { useClerk } from '../clerks/ClerkContext';
import { hallToday } from '../common/hallClock';
import { ProblemAlert } from '../common/ProblemAlert';
import type { CounterReference } from '../common/reference';
import { useStoredData } from '../common/useStoredData';
import type { CaseFile } from '../cases/useCaseFile';
import { commitmentLetterRequest } from '../printing/caseDocumentRequests';
import { PrintOrReprint } from '../printing/PrintOrReprint';
import type { DocumentSource } from '../printing/usePrintDocument';
import { commitmentsMessages as m } from './messages';

/**
 * The case's 告知承诺: the items marked 承诺 at intake, the 告知承诺书 to print for the applicant's
 * signature, and per item its 核查 deadline (from acceptance) and result, recorded here once checked.
 * Shown only when an item is committed; `focused` (the case opened from the list of checks) scrolls to it.
 */
export function CommitmentsPanel(props: { file: CaseFile; reference: CounterReference; focused?: boolean }) {
  const { row, items, history } = props.file;
  const committed = items.filter((item) => item.status === 'committed');
  const acceptedOn = acceptanceDate(row.state.status);
  const [recording, setRecording] = useState<ChecklistItemRow | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const shown = committed.length > 0;
  useEffect(() => {
    if (!props.focused || !shown) return;
    panel.current?.scrollIntoView({ block: 'start' });
    panel.current?.focus({ preventScroll: true });
  }, [props.focused, shown]);
  const checks = new Map(
    history.flatMap((entry) => (entry.kind === 'record' && entry.record.entity === 'commitmentCheck' ? [[entry.record.payload.materialKey, entry] as const] : [])),
  );
  if (committed.length === 0) return null;
  const dueOf = (days: number | null) => (acceptedOn === null ? null : commitmentCheckDueDate(acceptedOn, days, props.reference.addWorkingDays));
  const today = hallToday();

  return (
    <Paper ref={panel} tabIndex={-1} withBorder p="md" component="section" aria-labelledby={`commitments-${row.id}`}>
      <Group justify="space-between" mb="sm">
        <Title id={`commitments-${row.id}`} order={2} size="h4">
          {m.title}
        </Title>
        <PrintCommitmentLetter caseId={row.id} dueDateOf={dueOf} />
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {m.intro}
      </Text>
      <Table aria-label={m.title} verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{m.columns.material}</Table.Th>
            <Table.Th>{m.columns.due}</Table.Th>
            <Table.Th>{m.columns.result}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {committed.map((item) => {
            const due = dueOf(item.item.commitmentCheckDays);
            const check = checks.get(item.key);
            return (
              <Table.Tr key={item.key}>
                <Table.Td>{item.item.name}</Table.Td>
                <Table.Td>{due === null ? m.dueAfterAcceptance : m.dueOn(formatChineseDate(due))}</Table.Td>
                <Table.Td>
                  {check !== undefined && check.kind === 'record' && check.record.entity === 'commitmentCheck' ? (
                    <Stack gap={2}>
                      <Badge color={check.record.payload.outcome === 'truthful' ? 'teal' : 'red'} variant="light">
                        {m.checkedBy(commitmentOutcomeLabels[check.record.payload.outcome], check.actorName ?? m.unknownClerk, formatChineseDateTime(check.at))}
                      </Badge>
                      {check.record.payload.action !== null ? <Text size="xs">{`${m.action}：${check.record.payload.action}`}</Text> : null}
                    </Stack>
                  ) : (
                    <Group gap="xs">
                      {due !== null ? (
                        <Badge color={today > due ? 'red' : 'yellow'} variant="outline">
                          {today > due ? m.overdue : m.open}
                        </Badge>
                      ) : null}
                      {acceptedOn !== null ? (
                        <Button size="compact-xs" onClick={() => setRecording(item)} aria-label={`${m.record}：${item.item.name}`}>
                          {m.record}
                        </Button>
                      ) : null}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {recording !== null ? <RecordCheckModal caseId={row.id} item={recording} onClose={() => setRecording(null)} /> : null}
    </Paper>
  );
}

function RecordCheckModal(props: { caseId: CaseId; item: ChecklistItemRow; onClose: () => void }) {
  const clerk = useClerk();
  const [outcome, setOutcome] = useState<CommitmentOutcome>('truthful');
  const [action, setAction] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    const entry: CommitmentCheckEntry = { outcome, action: action.trim() === '' ? null : action };
    const result = await recordCommitmentCheck(deskDatabase(), props.caseId, props.item.key, entry, { clerk });
    setBusy(false);
    if (result.ok) props.onClose();
    else setProblem(result.message);
  };
  return (
    <Modal opened onClose={props.onClose} title={m.recordTitle(props.item.item.name)} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack gap="md">
          <div>
            <Text size="sm" fw={500} mb={4} id="commitment-outcome-label">
              {m.outcome}
            </Text>
            <SegmentedControl
              aria-labelledby="commitment-outcome-label"
              value={outcome}
              onChange={(value) => setOutcome(value as CommitmentOutcome)}
              data={commitmentOutcomes.map((value) => ({ value, label: commitmentOutcomeLabels[value] }))}
            />
          </div>
          <Textarea label={m.action} description={m.actionHint} required={outcome === 'untruthful'} autosize minRows={2} value={action} onChange={(event) => setAction(event.currentTarget.value)} />
          <ProblemAlert problem={problem} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {m.cancel}
            </Button>
            <Button type="submit" loading={busy}>
              {m.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** 打印 the 告知承诺书, or 重印 the one archived (byte for byte); void it in the documents list to print anew. */
function PrintCommitmentLetter(props: { caseId: CaseId; dueDateOf: (days: number) => string | null }) {
  const { caseId, dueDateOf } = props;
  const clerk = useClerk();
  const archive = useStoredData(() => caseDocuments(deskDatabase(), caseId), [caseId]);
  const printed = archive.state === 'ready' ? archive.value.find((row) => row.kind === 'commitmentLetter' && row.status === 'printed') : undefined;
  const source = useMemo<DocumentSource>(() => {
    if (printed !== undefined) return { mode: 'archived', row: printed };
    return {
      mode: 'new',
      kind: 'commitmentLetter',
      caseId,
      eventSeq: null,
      licenceSheetSerial: null,
      draw: async (documentNumber: DocumentNumber, issuedAt: string) => {
        const db = deskDatabase();
        const row = await getCase(db, caseId);
        if (row === undefined) throw new Error(m.caseNotFound);
        const [items, loaded, agency] = await Promise.all([caseChecklist(db, caseId), catalogueForCase(db, row), readIssuingAgency(db)]);
        if (agency === null) throw new Error(m.agencyNotSet);
        const request = commitmentLetterRequest({ row, items, catalogue: loaded.catalogue, agency, clerkName: clerk.displayName }, documentNumber, issuedAt, dueDateOf);
        if (!request.ok) throw new Error(request.message);
        return request.request;
      },
    };
  }, [printed, caseId, clerk.displayName, dueDateOf]);
  return <PrintOrReprint source={source} printed={printed} ready={archive.state === 'ready'} labels={m} size="compact-sm" />;
}
