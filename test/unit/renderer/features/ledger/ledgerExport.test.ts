import { describe, expect, it } from 'vitest';
import type { LedgerRow } from '../../../../../renderer/src/data/ledger/ledgerQueries';
import type { LedgerFollowUpRow } from '../../../../../renderer/src/data/ledger/ledgerRows';
import { caseIdSchema } from '../../../../../renderer/src/domain/cases/caseId';
import type { DocumentNumber } from '../../../../../renderer/src/domain/documentNumber';
import { ledgerItemIdOf } from '../../../../../renderer/src/domain/ledger/ledgerItem';
import { ledgerReportRowSchema } from '../../../../../renderer/src/domain/ledger/ledgerReport';
import { ledgerReportRequestSchema } from '../../../../../renderer/src/documents/schemas';
import { ledgerReportRange, ledgerReportRequest, ledgerReportRowOf, ledgerReportRows, ledgerWorkbookName } from '../../../../../renderer/src/features/ledger/ledgerExport';
import { ledgerExportQuery, noLedgerFilters } from '../../../../../renderer/src/features/ledger/ledgerView';

const caseId = caseIdSchema.parse('0190f000-0000-7000-8000-0000000000aa');
const owner = { department: '市场监管局登记科', liaisonName: '周专员', liaisonPhone: '13800138000' };

function row(overrides: Partial<LedgerRow> = {}): LedgerRow {
  return {
    id: ledgerItemIdOf('overdue', caseId),
    source: 'overdue',
    caseId,
    subject: null,
    caseNumber: 'MY01-20260930-7',
    enterpriseName: '成都甲乙科技有限公司',
    greenCard: true,
    owner: null,
    dueDate: '2026-10-08',
    workingDaysLeft: -3,
    overdue: true,
    status: 'open',
    updatedAt: '2026-10-12T09:00:00+08:00',
    ...overrides,
  };
}

const followUp = { id: 'f', itemId: ledgerItemIdOf('overdue', caseId), at: '2026-10-11T09:00:00+08:00', by: '周专员', text: '已电话督促', clerkId: 'c', deskCode: '01', recordedAt: '2026-10-11T09:05:00+08:00' } as LedgerFollowUpRow;

describe('the ledger’s exported rows', () => {
  it('resolves labels, the owner and 专员, the days and the latest follow-up, as the report’s schema takes them', () => {
    const line = ledgerReportRowOf(row({ owner, status: 'supervising' }), followUp);
    expect(line).toEqual({
      caseNumber: 'MY01-20260930-7',
      enterpriseName: '成都甲乙科技有限公司',
      greenCard: true,
      sourceLabel: '超期预警',
      owner: '市场监管局登记科',
      liaison: { name: '周专员', phone: '13800138000' },
      dueDate: '2026-10-08',
      workingDaysLeft: -3,
      statusLabel: '督办中',
      latestFollowUp: { at: '2026-10-11T09:00:00+08:00', by: '周专员', text: '已电话督促' },
    });
    expect(ledgerReportRowSchema.parse(line)).toEqual(line);
  });

  it('leaves the owner, 专员 and follow-up empty when there are none, and a closed item’s days uncounted', () => {
    expect(ledgerReportRowOf(row({ owner: { department: '登记科', liaisonName: null, liaisonPhone: null } }), null)).toMatchObject({ owner: '登记科', liaison: null, latestFollowUp: null });
    expect(ledgerReportRowOf(row({ status: 'closed', workingDaysLeft: null, overdue: false }), null)).toMatchObject({ statusLabel: '已办结', workingDaysLeft: null, owner: null });
  });

  it('keeps the days within the report’s bound', () => {
    expect(ledgerReportRowOf(row({ workingDaysLeft: -5000 }), null)?.workingDaysLeft).toBe(-3650);
  });

  it('leaves out, and counts, items whose case has not reached this desk, keeping the listing’s order', () => {
    const listing = {
      rows: [
        { row: row({ dueDate: '2026-10-08' }), latestFollowUp: null },
        { row: row({ caseNumber: null, enterpriseName: null }), latestFollowUp: null },
        { row: row({ dueDate: '2026-10-20', caseNumber: 'MY01-20260930-8', greenCard: false }), latestFollowUp: followUp },
      ],
    };
    const built = ledgerReportRows(listing);
    expect(built.withoutCase).toBe(1);
    expect(built.rows.map((line) => line.caseNumber)).toEqual(['MY01-20260930-7', 'MY01-20260930-8']);
    expect(ledgerReportRows({ rows: [] })).toEqual({ rows: [], withoutCase: 0 });
  });

  it('names the range from the earliest to the latest due date, always including today', () => {
    const rows = ledgerReportRows({ rows: [{ row: row({ dueDate: '2026-10-08' }), latestFollowUp: null }, { row: row({ dueDate: '2026-10-20' }), latestFollowUp: null }] }).rows;
    expect(ledgerReportRange(rows, '2026-10-12')).toEqual({ from: '2026-10-08', to: '2026-10-20' });
    expect(ledgerReportRange(rows.slice(0, 1), '2026-10-12')).toEqual({ from: '2026-10-08', to: '2026-10-12' });
    expect(ledgerReportRange([], '2026-10-12')).toEqual({ from: '2026-10-12', to: '2026-10-12' });
  });

  it('builds a print request the document engine accepts, and a file name with the desk and the day', () => {
    const rows = ledgerReportRows({ rows: [{ row: row(), latestFollowUp: followUp }] }).rows;
    const request = ledgerReportRequest({
      rows,
      hallName: '绵阳市政务服务中心',
      deskTag: 'MY01',
      today: '2026-10-12',
      documentNumber: '绵市监督字〔2026〕第MY01-0001号' as DocumentNumber,
      issuedAt: '2026-10-12T10:00:00+08:00',
    });
    expect(ledgerReportRequestSchema.parse(request)).toMatchObject({ kind: 'ledgerReport', range: { from: '2026-10-08', to: '2026-10-12' }, rows });
    expect(ledgerWorkbookName('MY01', '2026-10-12')).toBe('督办台账-MY01-20261012.xlsx');
  });

  it('exports what the screen lists: its filters, search and sort, every page', () => {
    const query = ledgerExportQuery({ ...noLedgerFilters, overdueOnly: true }, ' 甲乙 ', 'greenCardFirst', '2026-10-12');
    expect(query).toEqual({ status: 'active', overdueOnly: true, search: '甲乙', sort: 'greenCardFirst', today: '2026-10-12' });
    expect('page' in query || 'pageSize' in query).toBe(false);
  });
});
