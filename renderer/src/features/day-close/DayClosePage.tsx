import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { formatChineseDate, formatChineseDateTime } from '../../domain/chineseDate';
import { activeCatalogue } from '../../data/catalogueStore';
import { auditAnchorPoints, recordAuditAnswer } from '../../data/auditAnchors';
import { dayReportDocument, recordReconciliation } from '../../data/dayClose/closeDay';
import { readDaySnapshot, type DaySnapshot } from '../../data/dayClose/snapshot';
import { deskDatabase, type DeskDatabase } from '../../data/db';
import { issuanceConflictTasks } from '../../data/issuanceConflicts';
import type { SignedInClerk } from '../../domain/clerks/account';
import { callDesk } from '../../platform/desk';
import { useClerk } from '../clerks/ClerkContext';
import { IssuanceConflictTasks } from '../issuance/IssuanceConflictTasks';
import { hallToday } from '../common/hallClock';
import { useStoredData } from '../common/useStoredData';
import { useSyncControls } from '../sync/SyncEngineProvider';
import { DayReportView } from './DayReportView';
import { DayTotalsView } from './DayTotalsView';
import { PendingView } from './PendingView';
import { pushEverything } from './pushEverything';
import { ReconcileResult } from './ReconcileResult';
import { DayCloseBackup } from './DayCloseBackup';
import { SignForm, type SignedDay } from './SignForm';
import { dayCloseMessages as m } from './messages';

interface DayView {
  snapshot: DaySnapshot;
  matterNames: ReadonlyMap<string, string>;
  /** The archived report of a closed day (its bytes are read by the view that shows them). */
  report: { documentId: string; documentNumber: string } | null;
  /** HQ flags cases this window issued second: its day does not reconcile until their licences are voided. */
  issuanceConflictsOpen: boolean;
}

async function loadDay(businessDate: string): Promise<DayView> {
  const db = deskDatabase();
  // A closed day reads as signed (readDaySnapshot), not as later writes left it (the report's own print among them).
  const [snapshot, catalogue, conflictTasks] = await Promise.all([readDaySnapshot(db, businessDate), activeCatalogue(db), issuanceConflictTasks(db)]);
  const matterNames = new Map(catalogue.data.matters.map((matter) => [matter.code as string, matter.name]));
  const record = snapshot.record;
  const row = record?.status === 'closed' ? await dayReportDocument(db, record) : undefined;
  const report = row === undefined ? null : { documentId: row.id, documentNumber: row.documentNumber };
  return { snapshot, matterNames, report, issuanceConflictsOpen: conflictTasks.length > 0 };
}

type Progress = { kind: 'idle' } | { kind: 'pushing' } | { kind: 'reconciling' } | { kind: 'refused'; message: string };

/**
 * 日结: the day's totals and what is still open; 推送并对账 pushes everything and reconciles with HQ,
 * refused (with the reason) while anything is unsynced or HQ cannot be reached; on reconciliation the
 * chief signs and the day report is archived and printed. A closed day shows as closed.
 */
export function DayClosePage() {
  const db = deskDatabase();
  const clerk = useClerk();
  const sync = useSyncControls();
  const [businessDate] = useState(() => hallToday());
  const [progress, setProgress] = useState<Progress>({ kind: 'idle' });
  const [signed, setSigned] = useState<SignedDay | null>(null);
  // Live: the day's figures follow every write, the sync engine's and the reconciliation's among them.
  const loaded = useStoredData(() => loadDay(businessDate), [businessDate]);

  const reconcile = async (): Promise<Progress> => {
    if (sync.config?.enrolment == null || !sync.config.tokenAvailable) return { kind: 'refused', message: m.reconcile.notEnrolled };
    const before = await readDaySnapshot(db, businessDate);
    const closedBlocker = before.blockers.find((blocker) => blocker.kind === 'closed');
    if (closedBlocker !== undefined) return { kind: 'refused', message: closedBlocker.message };
    setProgress({ kind: 'pushing' });
    const pushed = await pushEverything(db, sync.syncNow);
    if (!pushed.ok) return { kind: 'refused', message: pushed.reason === null ? m.reconcile.unreachableUnknown : m.reconcile.unreachable(pushed.reason) };
    const day = await readDaySnapshot(db, businessDate);
    if (day.blockers.length > 0) return { kind: 'refused', message: day.blockers.map((blocker) => blocker.message).join('') };
    setProgress({ kind: 'reconciling' });
    const audit = await auditAnchorPoints(db);
    const answer = await callDesk('hqCloseDay', { businessDate, lastSeq: day.lastSeq, totals: day.totals, ...audit });
    if (!answer.ok) return { kind: 'refused', message: m.reconcile.hqRefused(answer.failure.message) };
    await recordAuditAnswer(db, answer.value, new Date());
    const recorded = await recordReconciliation(db, { businessDate, lastSeq: day.lastSeq, totals: day.totals, response: answer.value }, clerk);
    if (!recorded.ok) return { kind: 'refused', message: recorded.message };
    // HQ lacks ops it had acknowledged: the sync loop sends them again now (recordReconciliation marked where from).
    if (recorded.value.status === 'mismatch' && recorded.value.missing !== null) sync.syncNow();
    return { kind: 'idle' };
  };

  const startReconcile = () => {
    reconcile()
      .then(setProgress, (error: unknown) => setProgress({ kind: 'refused', message: error instanceof Error ? error.message : String(error) }));
  };

  const busy = progress.kind === 'pushing' || progress.kind === 'reconciling';
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Stack gap={0}>
          <Title order={1}>{m.title}</Title>
          <Text c="dimmed">{m.businessDate(formatChineseDate(businessDate))}</Text>
        </Stack>
      </Group>
      {loaded.state === 'loading' ? <Loader size="sm" aria-label={m.loading} /> : null}
      {loaded.state === 'failed' ? (
        <Alert color="red" role="alert">
          {m.loadFailed(loaded.message)}
        </Alert>
      ) : null}
      {loaded.state === 'ready' ? (
        <DayContent
          view={loaded.value}
          busy={busy}
          progress={progress}
          signed={signed}
          onReconcile={startReconcile}
          onSigned={setSigned}
          db={db}
          clerk={clerk}
          businessDate={businessDate}
        />
      ) : null}
    </Stack>
  );
}

function DayContent(props: {
  view: DayView;
  busy: boolean;
  progress: Progress;
  signed: SignedDay | null;
  onReconcile: () => void;
  onSigned: (day: SignedDay) => void;
  db: DeskDatabase;
  clerk: SignedInClerk;
  businessDate: string;
}) {
  const { view, progress, signed, db, clerk } = props;
  const { snapshot } = view;
  const record = snapshot.record;
  const closed = record?.status === 'closed' ? record : null;
  return (
    <>
      {closed !== null ? (
        <Alert color="green" title={m.closed.title} role="status">
          {m.closed.body(closed.signedBy.name, formatChineseDateTime(closed.signedAt), closed.report.documentNumber)}
        </Alert>
      ) : null}
      {signed !== null ? <DayCloseBackup db={db} clerk={clerk} /> : null}
      {closed === null && view.issuanceConflictsOpen ? <IssuanceConflictTasks /> : null}
      <DayTotalsView snapshot={snapshot} matterNames={view.matterNames} />
      <PendingView snapshot={snapshot} />
      {closed === null ? (
        <Card withBorder component="section" aria-label={m.reconcile.title}>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {m.reconcile.title}
            </Title>
            <Text size="sm" c="dimmed">
              {m.reconcile.explain}
            </Text>
            <Group>
              <Button onClick={props.onReconcile} loading={props.busy}>
                {m.reconcile.action}
              </Button>
              {progress.kind === 'pushing' ? <Text size="sm">{m.reconcile.pushing}</Text> : null}
              {progress.kind === 'reconciling' ? <Text size="sm">{m.reconcile.reconciling}</Text> : null}
            </Group>
            {progress.kind === 'refused' ? (
              <Alert color="red" title={m.reconcile.refusedTitle} role="alert">
                {progress.message}
              </Alert>
            ) : null}
            {record !== null ? <ReconcileResult record={record} issuanceConflictsOpen={view.issuanceConflictsOpen} /> : null}
          </Stack>
        </Card>
      ) : null}
      {record?.status === 'reconciled' ? <SignForm db={db} clerk={clerk} businessDate={props.businessDate} unprinted={snapshot.unprinted} onSigned={props.onSigned} /> : null}
      {closed !== null && view.report !== null ? (
        <DayReportView
          db={db}
          clerk={clerk}
          documentId={view.report.documentId}
          documentNumber={view.report.documentNumber}
          printer={signed !== null && signed.record.report.documentId === view.report.documentId ? signed.printer : null}
        />
      ) : null}
    </>
  );
}
