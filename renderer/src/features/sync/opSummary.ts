import { caseFields } from '../../domain/cases/caseRecord';
import { formatChineseDate, formatChineseDateTime } from '../../domain/chineseDate';
import { caseEventLabels } from '../../domain/cases/caseEvents';
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
      const fields = caseFields.filter((field) => field in op.payload).map((field) => m.caseFields[field]);
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
  }
}

/** HQ's reason for a rejection or conflict, else the last delivery problem, else nothing. */
export function opNote(row: OutboxRow): string {
  return row.result?.reason ?? row.lastError ?? '';
}

/** 14:30 today, else 2026年11月27日 14:30. */
export function shortTime(iso: string, now: Date = new Date()): string {
  const full = formatChineseDateTime(iso);
  return formatChineseDate(iso) === formatChineseDate(hallToday(now)) ? full.slice(full.indexOf(' ') + 1) : full;
}
