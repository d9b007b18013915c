import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { deskDatabase } from '../../data/db';
import { caseDocuments } from '../../data/documentArchive/archive';
import { readIssuingAgency } from '../../data/issuingAgency';
import { greenCardCasesFirst } from '../../data/greenCardPriority';
import { flaggedCases } from '../../data/issuanceConflicts';
import { casesAwaitingDecision, casesAwaitingIssuance, liveLicences } from '../../data/licenceIssuance';
import type { CaseRow } from '../../data/records';
import { caseStatusLabels } from '../../domain/cases/caseStatus';
import { formatChineseDateTime } from '../../domain/chineseDate';
import type { CaseId } from '../../domain/cases/caseId';
import { useClerk } from '../clerks/ClerkContext';
import { hallToday } from '../common/hallClock';
import { useGreenCards } from '../common/reference';
import { useStoredData } from '../common/useStoredData';
import { printingMessages } from '../printing/messages';
import { useSyncControls } from '../sync/SyncEngineProvider';
import { decisionMode, mayApproveInHall } from './inHallApproval';
import { InHallApprovalModal } from './InHallApprovalModal';
import { IssuanceConflictBadge } from './IssuanceConflictMark';
import { IssuanceConflictTasks } from './IssuanceConflictTasks';
import { IssueLicence } from './IssueLicence';
import { issuanceMessages as m } from './messages';
import { PaperStockSection } from './PaperStockSection';

interface QueueEntry {
  row: CaseRow;
  printed: string[];
}

async function loadQueues() {
  const db = deskDatabase();
  const [awaiting, deciding, agency, flagged] = await Promise.all([casesAwaitingIssuance(db), casesAwaitingDecision(db), readIssuingAgency(db), flaggedCases(db)]);
  const queue: QueueEntry[] = await Promise.all(
    awaiting.map(async (row) => {
      const live = liveLicences(await caseDocuments(db, row.id), row);
      const copies = live.licenceCopies.filter((document) => document !== undefined).length;
      const printed = [
        ...(live.licenceOriginal === undefined ? [] : [printingMessages.kindLabels.licenceOriginal]),
        ...(copies === 0 ? [] : [live.licenceCopies.length === 1 ? printingMessages.kindLabels.licenceCopy : m.queue.copiesPrinted(copies, live.licenceCopies.length)]),
      ];
      return { row, printed };
    }),
  );
  return { queue, deciding, flagged, authority: agency?.name ?? '' };
}

/** When HQ (or the chief in the hall) decided: the 准予 event's time, else the case's last change. */
function approvedAt(row: CaseRow): string {
  const status = row.state.status;
  return 'decidedAt' in status ? status.decidedAt : row.updatedAt;
}

/**
 * Whether the chief has licence data to enter for a 待出证 case: none yet, or HQ's without 营业期限 and
 * nothing printed from it (a printed case goes on to its handover).
 */
function needsLicenceData(row: CaseRow, printed: readonly string[]): boolean {
  return row.licence === null || (row.licence.businessTerm === undefined && printed.length === 0);
}

function licenceState(row: CaseRow, printed: readonly string[]): string {
  if (row.licence === null) return m.queue.noLicenceData;
  if (printed.length === 0 && row.licence.businessTerm === undefined) return m.queue.noBusinessTerm;
  return printed.join('、') || '—';
}

/**
 * 出证: cases waiting for their licence (待出证), the cases the chief may approve in the hall (only on a
 * desk not enrolled with HQ: an enrolled desk says that approvals come from the municipal system), and the
 * stock of blank licence paper. Opening a case goes to printing its 正本 and 副本 and the handover.
 */
export function IssuancePage() {
  const clerk = useClerk();
  const mode = decisionMode(useSyncControls().config, clerk.role);
  const [open, setOpen] = useState<CaseId | null>(null);
  const [approving, setApproving] = useState<CaseRow | null>(null);
  // Live: a case HQ approves appears here as the sync engine pulls it, without leaving the screen.
  const loaded = useStoredData(loadQueues, []);
  // 服务绿卡 cases are issued first; the list only adds their level, so they lead even while it loads.
  const cards = useGreenCards();
  const today = hallToday();

  if (open !== null) {
    return (
      <Stack gap="md">
        <Title order={1} size="h2">
          {m.title}
        </Title>
        <IssueLicence caseId={open} onBack={() => setOpen(null)} />
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {m.title}
        </Title>
        <Text c="dimmed" size="sm">
          {m.summary}
        </Text>
      </div>
      {mode === 'fromHq' ? (
        <Alert color="blue" variant="light" role="note" title={m.decisions.fromHqTitle}>
          {m.decisions.fromHq}
        </Alert>
      ) : null}
      {loaded.state === 'failed' ? <Text c="red">{loaded.message}</Text> : null}
      <IssuanceConflictTasks />
      {loaded.state === 'ready' && loaded.value.flagged.length > 0 ? <FlaggedCases rows={loaded.value.flagged} onOpen={setOpen} /> : null}
      <Paper withBorder p="md" component="section" aria-labelledby="issuance-queue-title">
        <Title id="issuance-queue-title" order={2} size="h4" mb="sm">
          {m.queue.title}
        </Title>
        {loaded.state === 'ready' && loaded.value.queue.length === 0 ? <Text size="sm" c="dimmed">{m.queue.empty}</Text> : null}
        {loaded.state === 'ready' && loaded.value.queue.length > 0 ? (
          <Table aria-label={m.queue.title} verticalSpacing={4} fz="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{m.queue.columns.caseNumber}</Table.Th>
                <Table.Th>{m.queue.columns.enterprise}</Table.Th>
                <Table.Th>{m.queue.columns.approvedAt}</Table.Th>
                <Table.Th>{m.queue.columns.licences}</Table.Th>
                <Table.Th>{m.queue.columns.action}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {greenCardCasesFirst(loaded.value.queue, (entry) => entry.row, cards, today).map(({ row, printed }) => (
                <Table.Tr key={row.id}>
                  <CaseNumberCell row={row} />
                  <EnterpriseCell row={row} name={row.licence?.name ?? row.enterprise.name} />
                  <Table.Td>{formatChineseDateTime(approvedAt(row))}</Table.Td>
                  <Table.Td>{licenceState(row, printed)}</Table.Td>
                  <Table.Td>
                    {needsLicenceData(row, printed) && mayApproveInHall(mode, row) ? (
                      <Button size="compact-sm" variant="light" onClick={() => setApproving(row)} aria-label={m.decisions.recordLabel(row.caseNumber)}>
                        {m.decisions.record}
                      </Button>
                    ) : (
                      <Button size="compact-sm" onClick={() => setOpen(row.id)} aria-label={m.queue.openLabel(row.caseNumber)}>
                        {m.queue.open}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Paper>
      {mode === 'inHall' ? (
        <Paper withBorder p="md" component="section" aria-labelledby="issuance-decisions-title">
          <Title id="issuance-decisions-title" order={2} size="h4" mb="sm">
            {m.decisions.title}
          </Title>
          {loaded.state === 'ready' && loaded.value.deciding.length === 0 ? <Text size="sm" c="dimmed">{m.decisions.empty}</Text> : null}
          {loaded.state === 'ready' && loaded.value.deciding.length > 0 ? (
            <Table aria-label={m.decisions.title} verticalSpacing={4} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{m.decisions.columns.caseNumber}</Table.Th>
                  <Table.Th>{m.decisions.columns.enterprise}</Table.Th>
                  <Table.Th>{m.decisions.columns.status}</Table.Th>
                  <Table.Th>{m.decisions.columns.createdAt}</Table.Th>
                  <Table.Th>{m.decisions.columns.action}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {greenCardCasesFirst(loaded.value.deciding, (row) => row, cards, today).map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td ff="monospace">{row.caseNumber}</Table.Td>
                    <EnterpriseCell row={row} name={row.enterprise.name} />
                    <Table.Td>{caseStatusLabels[row.statusCode]}</Table.Td>
                    <Table.Td>{formatChineseDateTime(row.createdAt)}</Table.Td>
                    <Table.Td>
                      <Button size="compact-sm" variant="light" onClick={() => setApproving(row)} aria-label={m.decisions.recordLabel(row.caseNumber)}>
                        {m.decisions.record}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </Paper>
      ) : null}
      <PaperStockSection />
      <InHallApprovalModal
        row={approving}
        authority={loaded.state === 'ready' ? loaded.value.authority : ''}
        onClose={() => setApproving(null)}
        onApproved={() => setApproving(null)}
      />
    </Stack>
  );
}

/** The enterprise, with the 服务绿卡 badge that says why the case leads the list. */
function EnterpriseCell(props: { row: CaseRow; name: string }) {
  return (
    <Table.Td>
      <Group gap={6} wrap="nowrap">
        <Text span size="sm">
          {props.name}
        </Text>
        {props.row.enterprise.greenCard ? (
          <Badge color="green" variant="light" size="xs">
            {m.queue.greenCard}
          </Badge>
        ) : null}
      </Group>
    </Table.Td>
  );
}

/** The case number, with the 重复发证 badge when HQ flags the case. */
function CaseNumberCell(props: { row: CaseRow }) {
  return (
    <Table.Td>
      <Group gap={6} wrap="nowrap">
        <Text span ff="monospace" size="sm">
          {props.row.caseNumber}
        </Text>
        <IssuanceConflictBadge row={props.row} />
      </Group>
    </Table.Td>
  );
}

/** Cases HQ flags as issued twice, at every window of the hall, with the window that must undo its issuance. */
function FlaggedCases(props: { rows: CaseRow[]; onOpen: (caseId: CaseId) => void }) {
  const c = m.conflict;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="issuance-flagged-title">
      <Group gap="xs" mb="sm">
        <Title id="issuance-flagged-title" order={2} size="h4">
          {c.queueTitle}
        </Title>
        <Badge color="red" variant="filled">
          {props.rows.length}
        </Badge>
      </Group>
      <Table aria-label={c.queueTitle} verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{c.queueColumns.caseNumber}</Table.Th>
            <Table.Th>{c.queueColumns.enterprise}</Table.Th>
            <Table.Th>{c.queueColumns.deskCode}</Table.Th>
            <Table.Th>{c.queueColumns.at}</Table.Th>
            <Table.Th>{m.queue.columns.action}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <Table.Tr key={row.id}>
              <CaseNumberCell row={row} />
              <Table.Td>{row.licence?.name ?? row.enterprise.name}</Table.Td>
              <Table.Td>{row.issuanceConflict?.deskCode ?? '—'}</Table.Td>
              <Table.Td>{row.issuanceConflict == null ? '—' : formatChineseDateTime(row.issuanceConflict.at)}</Table.Td>
              <Table.Td>
                <Button size="compact-sm" variant="default" onClick={() => props.onOpen(row.id)} aria-label={c.viewLabel(row.caseNumber)}>
                  {c.view}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
