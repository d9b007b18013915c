import { Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { attachScan, type ScanPreviewProblem } from '../../data/attachments';
import { decisionItems, recordChecklistItem } from '../../data/caseChecklist';
import { applyCommand } from '../../data/cases';
import { deskDatabase } from '../../data/db';
import type { CaseChange } from '../../data/caseWrite';
import type { ChecklistEntry } from '../../data/records';
import { buildChecklist, type ChecklistItem, type ChecklistItemKey } from '../../domain/catalogue/checklist';
import type { CatalogueSelection } from '../../domain/catalogue/selection';
import { isIntakeOpen } from '../../domain/cases/caseStatus';
import { availableCaseCommands } from '../../domain/cases/caseStateMachine';
import { standingDecision } from '../../domain/cases/standingDecision';
import { ChecklistCollector } from '../checklist/ChecklistCollector';
import { DroppedItems } from '../checklist/DroppedItems';
import { recordSupplement, type SuppliedMaterial } from '../../data/deferredSupplement';
import { DeferredFollowUp, type SupplyOutcome } from './deferral/DeferredFollowUp';
import type { AttachOutcome, ChangeOutcome, ItemRecordView } from '../checklist/checklistView';
import { useClerk } from '../clerks/ClerkContext';
import { useWriteQueue } from '../common/useWriteQueue';
import { hallToday } from '../common/hallClock';
import type { CounterReference } from '../common/reference';
import type { CaseFile } from './useCaseFile';
import { DecisionPanel } from './decision/DecisionPanel';
import { DecisionResult } from './decision/DecisionResult';
import { HqDecisionPanel } from './decision/HqDecisionPanel';
import type { DecisionOutcome } from './decision/decisionTypes';
import { lastDecision } from './lastDecision';
import { casesMessages as m } from './messages';
import { WithdrawalPanel } from './withdrawal/WithdrawalPanel';

export interface CaseWorkProps {
  file: CaseFile;
  reference: CounterReference;
  /** Focus the first checklist item when shown (right after intake). */
  autoFocus?: boolean;
}

/**
 * Collecting materials and deciding at the counter, for a case being taken in or one the applicant
 * brings back after a correction notice. Every change goes through the data layer (row, outbox and
 * audit in one transaction); `file` follows what is stored, so the screen shows each change once written.
 */
export function CaseWork(props: CaseWorkProps) {
  const { file, reference } = props;
  const { row, items, attachments, clerkNames } = file;
  const clerk = useClerk();
  const db = deskDatabase();
  const today = hallToday();
  // Materials are still collected and a counter decision is still to be made.
  const open = isIntakeOpen(row.statusCode);
  const queue = useWriteQueue();
  // Only a decision made in this view takes focus: not one found on opening the case, nor one HQ sends meanwhile.
  const [decidedHere, setDecidedHere] = useState<number | null>(null);

  const records = useMemo(
    () =>
      new Map<ChecklistItemKey, ItemRecordView>(
        items.map((item) => [
          item.key,
          {
            ...item,
            checkedBy: item.checkedBy === null ? null : (clerkNames.get(item.checkedBy) ?? m.detail.unknownClerk),
            scans: attachments
              .filter((attachment) => attachment.itemKey === item.key)
              .map((attachment) => ({ id: attachment.id, fileName: attachment.fileName, mediaType: attachment.mediaType, size: attachment.size, thumbnail: attachment.thumbnail })),
          },
        ]),
      ),
    [items, attachments, clerkNames],
  );

  const pendingQuestions = useMemo(() => {
    const selection: CatalogueSelection = row.bundleCode === null ? { kind: 'matters', matterCodes: row.matterCodes } : { kind: 'bundle', bundleCode: row.bundleCode };
    const built = buildChecklist(reference.catalogue, selection, row.answers);
    return built.ok ? built.checklist.pendingQuestionIds.length : 0;
  }, [reference.catalogue, row.bundleCode, row.matterCodes, row.answers]);

  let defaultDeferDeadline = today;
  try {
    defaultDeferDeadline = reference.addWorkingDays(today, row.state.promisedWorkingDays);
  } catch {
    // Past the calendar's coverage: the decision itself will say which year is missing.
  }

  /** A refused change comes back with its reason; a storage failure (thrown) is reported the same way. */
  const change = async (write: () => Promise<CaseChange<unknown>>): Promise<ChangeOutcome> => {
    try {
      const result = await queue(write);
      return result.ok ? { ok: true } : { ok: false, message: result.message };
    } catch (error) {
      return { ok: false, message: m.saveFailed(error instanceof Error ? error.message : String(error)) };
    }
  };
  const record = (item: ChecklistItem, entry: ChecklistEntry) => change(() => recordChecklistItem(db, row.id, item.key, entry, { clerk }));
  const attach = async (item: ChecklistItem, file: File): Promise<AttachOutcome> => {
    let previewProblem: ScanPreviewProblem | null = null;
    const outcome = await change(async () => {
      const attached = await attachScan(db, row.id, item.key, file, { name: file.name, type: file.type }, { clerk });
      if (attached.ok) previewProblem = attached.value.previewProblem;
      return attached;
    });
    return outcome.ok ? { ok: true, previewProblem } : outcome;
  };

  /** 补交: the items recorded with their 补交 entry, then each scan attached to the item like any other. */
  const supply = async (supplied: SuppliedMaterial, scans: readonly File[]): Promise<SupplyOutcome> => {
    const recorded = await change(() => recordSupplement(db, row.id, [supplied], { clerk }));
    if (!recorded.ok) return recorded;
    for (const scan of scans) {
      const attached = await change(() => attachScan(db, row.id, supplied.key, scan, { name: scan.name, type: scan.type }, { clerk }));
      if (!attached.ok) return { ok: false, message: m.deferred.dialog.scanFailed(scan.name, attached.message) };
    }
    return { ok: true };
  };

  const run = async (input: Parameters<typeof applyCommand>[2]): Promise<DecisionOutcome> => {
    const result = await queue(() => applyCommand(db, row.id, input, { clerk }));
    if (!result.ok) return { ok: false, message: result.message };
    setDecidedHere(lastDecision(result.value.events)?.seq ?? null);
    return { ok: true, events: result.value.events };
  };

  // Once HQ denies the case or the applicant withdraws it, the counter's decision and its documents are
  // history (the timeline keeps them); a window's decision HQ did not keep is never shown as the case's.
  const decided = row.decision?.kind === 'denied' || row.statusCode === 'withdrawn' ? null : standingDecision(row.state);
  return (
    <Stack gap="md">
      {row.decision !== null ? <HqDecisionPanel decision={row.decision} /> : null}
      {decided !== null ? <DecisionResult caseId={row.id} event={decided} focus={decided.seq === decidedHere} /> : null}
      <DeferredFollowUp row={row} items={items} today={today} onSupply={supply} />
      <ChecklistCollector
        items={items.map((item) => item.item)}
        records={records}
        editable={open}
        defaultDeferDeadline={defaultDeferDeadline}
        onRecord={record}
        onAttach={attach}
        autoFocus={props.autoFocus}
      />
      <DroppedItems items={file.dropped} />
      {open ? (
        <DecisionPanel
          state={row.state}
          checklist={decisionItems(items)}
          role={clerk.role}
          blocked={pendingQuestions > 0 ? m.decisions.pendingQuestions : null}
          today={today}
          addWorkingDays={reference.addWorkingDays}
          run={run}
        />
      ) : null}
      {availableCaseCommands(row.statusCode, clerk.role).includes('withdraw') ? <WithdrawalPanel row={row} items={items} queue={queue} /> : null}
    </Stack>
  );
}
