import { caseFieldLabels, caseFields } from '../../domain/cases/caseRecord';
import { formatChineseDate, formatChineseDateTime } from '../../domain/chineseDate';
import { caseEventLabels } from '../../domain/cases/caseEvents';
import { commitmentOutcomeLabels } from '../../domain/cases/commitments';
import { ledgerSourceLabels, ledgerStatusLabels } from '../../domain/ledger/ledgerItem';
import type { OutboxRow } from '../../data/records';
import type { OutboxEntry } from '../../sync/outboxView';
import { hallToday } from '../common/hallClock';
import { syncMessages as m } from './messages';

/** One line saying what an op carries, for the outbox screen: its case, event, material, document or sheet. */
export function opSummary(entry: OutboxEntry): string {
  const { op } = entry.row;
  const caseNumber = entry.caseNumber ?? m.opSummary.unknownCase;
  switch (op.entity) {
    case 'case': {
      if (op.payload.createdAt !== undefined) return m.opSummary.caseCreated(caseNumber);
      const fields = caseFields.filter((field) => field in op.payload).map((field) => caseFieldLabels[field]);
      return m.opSummary.caseChanged(caseNumber, fields.join('、'));
    }
    case 'caseEvent':
      return m.opSummary.ofCase(caseNumber, caseEventLabels[op.payload.event.type]);
    case 'checklistEvent':
      return m.opSummary.ofCase(caseNumber, m.opSummary.checklist(entry.materialName ?? op.payload.materialKey, m.checklistStatuses[op.payload.status]));
    case 'documentEvent':
      return m.opSummary.document(op.payload.documentNumber, m.documentActions[op.payload.action]);
    case 'licenceSheetEvent':
      return m.opSummary.sheet(op.payload.serial, m.sheetActions[op.payload.action]);
    case 'handover':
      return m.opSummary.ofCase(caseNumber, m.opSummary.handover(op.payload.collectorName));
    case 'commitmentCheck':
      return m.opSummary.ofCase(caseNumber, m.opSummary.commitmentCheck(op.payload.name, commitmentOutcomeLabels[op.payload.outcome]));
    case 'ledgerItem':
      return m.opSummary.ofCase(caseNumber, m.opSummary.ledgerItem(ledgerSourceLabels[op.payload.source], ledgerStatusLabels[op.payload.status]));
    case 'ledgerFollowUp':
      return m.opSummary.ofCase(caseNumber, m.opSummary.ledgerFollowUp);
  }
}

/**
 * HQ's reason for a rejection or conflict, else the last delivery problem, else nothing. A conflict over
 * case fields is told with the fields' Chinese names: HQ's reason may name them as the wire does.
 */
export function opNote(row: OutboxRow): string {
  const fields = row.result?.status === 'conflict' ? conflictFieldLabels(row.result.conflictFields ?? []) : [];
  if (fields.length > 0) return m.conflictNote(fields.join('、'));
  return row.result?.reason ?? row.lastError ?? '';
}

/** The Chinese names of the case fields among HQ's conflict fields (unknown names are left out). */
export function conflictFieldLabels(fields: readonly string[]): string[] {
  return caseFields.filter((field) => fields.includes(field)).map((field) => caseFieldLabels[field]);
}

/** 14:30 today, else 2026年11月27日 14:30. */
export function shortTime(iso: string, now: Date = new Date()): string {
  const full = formatChineseDateTime(iso);
  return formatChineseDate(iso) === formatChineseDate(hallToday(now)) ? full.slice(full.indexOf(' ') + 1) : full;
}
