import type { LedgerPageQuery, LedgerSort, LedgerStatusFilter } from '../../data/ledger/ledgerQueries';
import { formatChineseDate } from '../../domain/chineseDate';
import type { LedgerOwner, LedgerSource, LedgerStatus } from '../../domain/ledger/ledgerItem';
import { checkPhoneField, checkTextField, type FieldCheck } from '../common/fieldChecks';
import { ledgerScreenMessages as m } from './messages';

/** Rows a ledger page shows: only these are read and rendered, whatever the ledger holds. */
export const ledgerPageSize = 20;

/** The ledger opens with green-card cases first (绿卡企业优先办理), soonest due first within each group. */
export const defaultLedgerSort: LedgerSort = 'greenCardFirst';

/** A green-card case's item past its due date: the screen marks it 绿卡超期, beyond the overdue tint every late item has. */
export function isGreenCardOverdue(row: { greenCard: boolean; overdue: boolean }): boolean {
  return row.greenCard && row.overdue;
}

/** What the clerk chose above the table. By default the items still to supervise (待督办 and 督办中). */
export interface LedgerFilters {
  source: LedgerSource | null;
  status: LedgerStatusFilter;
  /** The owner's department as typed ('' for any): matched in full, as it was assigned. */
  department: string;
  overdueOnly: boolean;
  greenCardOnly: boolean;
}

export const noLedgerFilters: LedgerFilters = { source: null, status: 'active', department: '', overdueOnly: false, greenCardOnly: false };

export function isFiltering(filters: LedgerFilters): boolean {
  return filters.source !== null || filters.status !== 'active' || filters.department.trim() !== '' || filters.overdueOnly || filters.greenCardOnly;
}

/** The page to read for what the clerk chose: only what narrows the list is sent, search and department trimmed. */
export function ledgerPageQuery(filters: LedgerFilters, search: string, sort: LedgerSort, page: number, today: string): LedgerPageQuery {
  const department = filters.department.trim();
  const searched = search.trim();
  return {
    status: filters.status,
    ...(filters.source !== null ? { source: filters.source } : {}),
    ...(department !== '' ? { department } : {}),
    ...(filters.overdueOnly ? { overdueOnly: true } : {}),
    ...(filters.greenCardOnly ? { greenCardOnly: true } : {}),
    ...(searched !== '' ? { search: searched } : {}),
    sort,
    page,
    pageSize: ledgerPageSize,
    today,
  };
}

/** What the exports list: the screen's filters, search and sort, every page. */
export function ledgerExportQuery(filters: LedgerFilters, search: string, sort: LedgerSort, today: string): Omit<LedgerPageQuery, 'page' | 'pageSize'> & { today: string } {
  const { page: _page, pageSize: _pageSize, ...query } = ledgerPageQuery(filters, search, sort, 1, today);
  return { ...query, today };
}

/** How many pages `total` rows fill (at least one, so an empty ledger is "page 1 of 1"). */
export function pageCount(total: number, pageSize: number = ledgerPageSize): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** A page number kept within 1…pages (a filter that shrank the ledger leaves the clerk on its last page). */
export function clampPage(page: number, pages: number): number {
  return Math.min(Math.max(1, Math.trunc(page)), Math.max(1, pages));
}

/** PageUp and PageDown move one page, and stop at the first and the last; other keys leave the page. */
export function pageAfterKey(key: string, page: number, pages: number): number {
  if (key === 'PageDown') return clampPage(page + 1, pages);
  if (key === 'PageUp') return clampPage(page - 1, pages);
  return page;
}

/** "共 45 项，显示第 21–40 项" for page 2 of 20 a page. */
export function shownRangeText(total: number, page: number, pageSize: number = ledgerPageSize): string {
  if (total === 0) return m.count(0, 0, 0);
  const from = (page - 1) * pageSize + 1;
  return m.count(total, from, Math.min(total, page * pageSize));
}

export type RemainingTone = 'left' | 'today' | 'overdue' | 'none';

/**
 * 剩余/超期 in working days: ahead of the due date "剩余 N 个工作日", on it "今日到期", past it "超期 N 个工作日"
 * (red). A closed item counts nothing; null (a due date past the calendar's coverage) says so.
 */
export function remainingOf(status: LedgerStatus, workingDaysLeft: number | null): { text: string; tone: RemainingTone } {
  if (status === 'closed') return { text: m.remaining.closed, tone: 'none' };
  if (workingDaysLeft === null) return { text: m.remaining.unknown, tone: 'none' };
  if (workingDaysLeft > 0) return { text: m.remaining.left(workingDaysLeft), tone: 'left' };
  if (workingDaysLeft === 0) return { text: m.remaining.today, tone: 'today' };
  return { text: m.remaining.overdue(-workingDaysLeft), tone: 'overdue' };
}

/** 责任人/专员 as one line: the department, its 专员 and phone when named, else 未指派. */
export function ownerText(owner: LedgerOwner | null): string {
  if (owner === null) return m.table.noOwner;
  const liaison = owner.liaisonName === null ? '' : ` · ${owner.liaisonName}${owner.liaisonPhone === null ? '' : `（${owner.liaisonPhone}）`}`;
  return `${owner.department}${liaison}`;
}

/** The owner, due date and status a change replaced, for "上次变更前：…". */
export function previousText(previous: { owner: LedgerOwner | null; dueDate: string; status: string } | null, statusLabel: (status: string) => string): string | null {
  if (previous === null) return null;
  return m.drawer.previous(`${ownerText(previous.owner)}，期限 ${formatChineseDate(previous.dueDate)}，${statusLabel(previous.status)}`);
}

/** A form's verdict: the values to save, or one message per field that stops it (nothing is cleared). */
export type FormCheck<T, K extends string> = { ok: true; value: T } | { ok: false; errors: Partial<Record<K, string>> };

function collect<T, K extends string>(checks: Record<K, FieldCheck<unknown>>, build: () => T): FormCheck<T, K> {
  const errors: Partial<Record<K, string>> = {};
  for (const [field, check] of Object.entries(checks) as [K, FieldCheck<unknown>][]) if (!check.ok) errors[field] = check.message;
  return Object.keys(errors).length === 0 ? { ok: true, value: build() } : { ok: false, errors };
}

function valueOf<T>(check: FieldCheck<T>): T {
  if (!check.ok) throw new Error(check.message);
  return check.value;
}

export interface AssignForm {
  department: string;
  liaisonName: string;
  liaisonPhone: string;
}

/** 指派: a department is required; the 专员 and phone are optional, and a phone needs a 专员 to belong to. */
export function checkAssignForm(form: AssignForm): FormCheck<LedgerOwner, keyof AssignForm> {
  const department = checkTextField(form.department, { label: m.assign.department, max: 60, required: true });
  const liaisonName = checkTextField(form.liaisonName, { label: m.assign.liaisonName, max: 50, required: form.liaisonPhone.trim() !== '' });
  const liaisonPhone = checkPhoneField(form.liaisonPhone, { label: m.assign.liaisonPhone, required: false });
  return collect({ department, liaisonName, liaisonPhone }, () => ({
    department: valueOf(department) ?? '',
    liaisonName: valueOf(liaisonName),
    liaisonPhone: valueOf(liaisonPhone),
  }));
}

export interface DueForm {
  /** `YYYY-MM-DD`, or '' while the field names no day. */
  dueDate: string;
  reason: string;
}

/** 调整期限: a day from today on, different from the current one, and a reason (the write requires it too). */
export function checkDueForm(form: DueForm, context: { today: string; current: string }): FormCheck<{ dueDate: string; reason: string }, keyof DueForm> {
  const dueDate: FieldCheck<string> =
    form.dueDate === ''
      ? { ok: false, message: m.required(m.due.dueDate) }
      : form.dueDate < context.today
        ? { ok: false, message: `${m.due.dueDate}不能早于今天（${formatChineseDate(context.today)}）` }
        : form.dueDate === context.current
          ? { ok: false, message: m.due.unchanged }
          : { ok: true, value: form.dueDate };
  const reason = checkTextField(form.reason, { label: m.due.reason, max: 500, required: true, multiline: true });
  return collect({ dueDate, reason }, () => ({ dueDate: valueOf(dueDate), reason: valueOf(reason) ?? '' }));
}

export interface FollowUpForm {
  /** The day it was done, `YYYY-MM-DD`. */
  date: string;
  text: string;
  by: string;
}

/** 督办记录: the day it was done (not after today), what was done and by whom, all required. */
export function checkFollowUpForm(form: FollowUpForm, today: string): FormCheck<{ date: string; text: string; by: string }, keyof FollowUpForm> {
  const date: FieldCheck<string> =
    form.date === '' ? { ok: false, message: m.required(m.followUps.at) } : form.date > today ? { ok: false, message: m.followUps.future } : { ok: true, value: form.date };
  const text = checkTextField(form.text, { label: m.followUps.text, max: 500, required: true, multiline: true });
  const by = checkTextField(form.by, { label: m.followUps.by, max: 50, required: true });
  return collect({ date, text, by }, () => ({ date: valueOf(date), text: valueOf(text) ?? '', by: valueOf(by) ?? '' }));
}

/** 办结 and 提请专班督办 each need one required text: the result, the reason. */
export function checkRequiredText(raw: string, label: string): FieldCheck<string> {
  const check = checkTextField(raw, { label, max: 500, required: true, multiline: true });
  return check.ok ? { ok: true, value: check.value ?? '' } : check;
}

/**
 * When a follow-up dated `date` was done, as stored: today's keeps the time it is recorded, an earlier
 * day's is put at noon of that day in the hall (a time nobody typed is not made to look precise).
 */
export function followUpInstant(date: string, today: string, nowIso: string): string {
  return date === today ? nowIso : `${date}T12:00:00+08:00`;
}
