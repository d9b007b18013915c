import { describe, expect, it } from 'vitest';
import {
  checkAssignForm,
  checkDueForm,
  checkFollowUpForm,
  checkRequiredText,
  clampPage,
  defaultLedgerSort,
  isGreenCardOverdue,
  followUpInstant,
  isFiltering,
  ledgerPageQuery,
  noLedgerFilters,
  ownerText,
  pageAfterKey,
  pageCount,
  previousText,
  remainingOf,
  shownRangeText,
} from '../../../../../renderer/src/features/ledger/ledgerView';

describe('the ledger’s pages, 20 rows each', () => {
  it('counts pages, with one page for an empty ledger', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(20)).toBe(1);
    expect(pageCount(21)).toBe(2);
    expect(pageCount(45)).toBe(3);
  });

  it('moves one page on PageDown and PageUp, stopping at the first and the last', () => {
    expect(pageAfterKey('PageDown', 1, 3)).toBe(2);
    expect(pageAfterKey('PageDown', 3, 3)).toBe(3);
    expect(pageAfterKey('PageUp', 2, 3)).toBe(1);
    expect(pageAfterKey('PageUp', 1, 3)).toBe(1);
    expect(pageAfterKey('ArrowDown', 2, 3)).toBe(2);
  });

  it('keeps the clerk on the last page when a filter shrinks the ledger', () => {
    expect(clampPage(5, 2)).toBe(2);
    expect(clampPage(0, 2)).toBe(1);
    expect(clampPage(3, 0)).toBe(1);
  });

  it('says which rows are shown', () => {
    expect(shownRangeText(45, 2)).toBe('共 45 项，显示第 21–40 项');
    expect(shownRangeText(45, 3)).toBe('共 45 项，显示第 41–45 项');
    expect(shownRangeText(0, 1)).toBe('共 0 项');
  });
});

describe('剩余/超期 in working days', () => {
  it('counts days left, today, and days overdue (red)', () => {
    expect(remainingOf('open', 3)).toEqual({ text: '剩余 3 个工作日', tone: 'left' });
    expect(remainingOf('supervising', 0)).toEqual({ text: '今日到期', tone: 'today' });
    expect(remainingOf('open', -2)).toEqual({ text: '超期 2 个工作日', tone: 'overdue' });
  });

  it('counts nothing for a closed item, and says so when the calendar does not cover the due date', () => {
    expect(remainingOf('closed', -5).tone).toBe('none');
    expect(remainingOf('open', null)).toEqual({ text: '日历未覆盖', tone: 'none' });
  });
});

describe('责任人/专员', () => {
  it('names the department, its 专员 and phone', () => {
    expect(ownerText({ department: '市场监管局登记科', liaisonName: '周敏', liaisonPhone: '13800001111' })).toBe('市场监管局登记科 · 周敏（13800001111）');
    expect(ownerText({ department: '税务局', liaisonName: null, liaisonPhone: null })).toBe('税务局');
  });

  it('says 未指派 when nobody is', () => {
    expect(ownerText(null)).toBe('未指派');
  });

  it('shows what the last change replaced', () => {
    expect(previousText(null, String)).toBeNull();
    expect(previousText({ owner: null, dueDate: '2026-12-01', status: 'open' }, () => '待督办')).toBe('上次变更前：未指派，期限 2026年12月1日，待督办');
  });
});

describe('filters', () => {
  it('are off until one is chosen: by default the items still to supervise', () => {
    expect(isFiltering(noLedgerFilters)).toBe(false);
    expect(isFiltering({ ...noLedgerFilters, department: '  ' })).toBe(false);
    expect(isFiltering({ ...noLedgerFilters, overdueOnly: true })).toBe(true);
    expect(isFiltering({ ...noLedgerFilters, department: '税务局' })).toBe(true);
    expect(isFiltering({ ...noLedgerFilters, status: 'all' })).toBe(true);
  });

  it('send only what narrows the list, for one page of 20', () => {
    expect(ledgerPageQuery(noLedgerFilters, '  ', 'dueDate', 1, '2026-11-06')).toEqual({ status: 'active', sort: 'dueDate', page: 1, pageSize: 20, today: '2026-11-06' });
    expect(
      ledgerPageQuery({ source: 'overdue', status: 'closed', department: ' 税务局 ', overdueOnly: true, greenCardOnly: true }, ' 涪江 ', 'dueDateDesc', 3, '2026-11-06'),
    ).toEqual({ source: 'overdue', status: 'closed', department: '税务局', overdueOnly: true, greenCardOnly: true, search: '涪江', sort: 'dueDateDesc', page: 3, pageSize: 20, today: '2026-11-06' });
  });
});

describe('指派', () => {
  it('needs a department, and gives the owner to save', () => {
    expect(checkAssignForm({ department: '', liaisonName: '', liaisonPhone: '' })).toEqual({ ok: false, errors: { department: '请填写责任部门' } });
    expect(checkAssignForm({ department: ' 市场监管局登记科 ', liaisonName: '周敏', liaisonPhone: '138 0000 1111' })).toEqual({
      ok: true,
      value: { department: '市场监管局登记科', liaisonName: '周敏', liaisonPhone: '13800001111' },
    });
    expect(checkAssignForm({ department: '税务局', liaisonName: '', liaisonPhone: '' })).toEqual({ ok: true, value: { department: '税务局', liaisonName: null, liaisonPhone: null } });
  });

  it('refuses a phone without a 专员 and a malformed phone, naming each field', () => {
    const checked = checkAssignForm({ department: '税务局', liaisonName: '', liaisonPhone: '123' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.liaisonName).toBe('请填写专员姓名');
    expect(checked.errors.liaisonPhone).toMatch(/号码|电话|位/u);
  });
});

describe('调整期限', () => {
  const context = { today: '2026-12-08', current: '2026-12-04' };

  it('needs a new day and a reason', () => {
    expect(checkDueForm({ dueDate: '', reason: '' }, context)).toEqual({ ok: false, errors: { dueDate: '请填写新的期限', reason: '请填写调整理由' } });
    expect(checkDueForm({ dueDate: '2026-12-15', reason: '  ' }, context)).toEqual({ ok: false, errors: { reason: '请填写调整理由' } });
    expect(checkDueForm({ dueDate: '2026-12-15', reason: '需税务部门补充核验' }, context)).toEqual({ ok: true, value: { dueDate: '2026-12-15', reason: '需税务部门补充核验' } });
  });

  it('refuses a day before today and the day it already has', () => {
    const past = checkDueForm({ dueDate: '2026-12-07', reason: '延期' }, context);
    expect(past.ok ? null : past.errors.dueDate).toBe('新的期限不能早于今天（2026年12月8日）');
    const same = checkDueForm({ dueDate: '2026-12-08', reason: '延期' }, { today: '2026-12-08', current: '2026-12-08' });
    expect(same.ok ? null : same.errors.dueDate).toBe('新的期限与现在的期限相同');
  });
});

describe('督办记录', () => {
  it('needs the day, what was done and by whom, not after today', () => {
    expect(checkFollowUpForm({ date: '2026-12-08', text: '', by: '' }, '2026-12-08')).toEqual({ ok: false, errors: { text: '请填写督办情况', by: '请填写督办人' } });
    expect(checkFollowUpForm({ date: '2026-12-09', text: '电话催办', by: '李首席' }, '2026-12-08')).toEqual({ ok: false, errors: { date: '督办日期不能晚于今天' } });
    expect(checkFollowUpForm({ date: '2026-12-07', text: '电话催办登记科', by: '李首席' }, '2026-12-08')).toEqual({ ok: true, value: { date: '2026-12-07', text: '电话催办登记科', by: '李首席' } });
  });

  it('keeps the time of a follow-up recorded on its day, and puts an earlier day’s at noon in the hall', () => {
    expect(followUpInstant('2026-12-08', '2026-12-08', '2026-12-08T10:15:00+08:00')).toBe('2026-12-08T10:15:00+08:00');
    expect(followUpInstant('2026-12-07', '2026-12-08', '2026-12-08T10:15:00+08:00')).toBe('2026-12-07T12:00:00+08:00');
  });
});

describe('办结 and 提请专班督办', () => {
  it('need their text', () => {
    expect(checkRequiredText(' ', '办理结果')).toEqual({ ok: false, message: '请填写办理结果' });
    expect(checkRequiredText('已出证', '办理结果')).toEqual({ ok: true, value: '已出证' });
  });
});

describe('green-card priority on the ledger', () => {
  it('opens green-card items first', () => {
    expect(defaultLedgerSort).toBe('greenCardFirst');
    expect(ledgerPageQuery(noLedgerFilters, '', defaultLedgerSort, 1, '2026-10-12').sort).toBe('greenCardFirst');
  });

  it('marks a green-card item only when it is overdue, and an overdue plain item not as green-card', () => {
    expect(isGreenCardOverdue({ greenCard: true, overdue: true })).toBe(true);
    expect(isGreenCardOverdue({ greenCard: true, overdue: false })).toBe(false);
    expect(isGreenCardOverdue({ greenCard: false, overdue: true })).toBe(false);
  });
});
