import { z } from 'zod';
import { businessDateOf } from '../chineseDate';
import { eventRecordMeta } from '../eventRecord';
import { plainTextSchema } from '../text';
import { caseIdSchema, type CaseId } from './caseId';
import type { AddWorkingDays } from './caseStateMachine';
import type { CaseStatus } from './caseStatus';
import { casesMessages } from './messages';

/**
 * 告知承诺: for a material the catalogue allows it, the applicant signs a commitment (告知承诺书) instead
 * of handing the document in. The case goes on as if the material were there; the hall then checks the
 * commitment (核查) within a period counted in working days from acceptance, and records what it found:
 * 属实, or 不属实 with the action taken.
 */

const m = casesMessages.commitment;

/** 核查 period when the catalogue sets none for the material, in working days from acceptance. */
export const defaultCommitmentCheckDays = 20;

export const commitmentOutcomes = ['truthful', 'untruthful'] as const;
export type CommitmentOutcome = (typeof commitmentOutcomes)[number];
export const commitmentOutcomeLabels: Readonly<Record<CommitmentOutcome, string>> = m.outcomeLabels;

const commitmentCheckShape = {
  caseId: caseIdSchema,
  /** The checklist item's key (material id, or shared key in a bundle). */
  materialKey: z.string().min(1).max(120),
  /** The material's name when checked, so every window reads it without the case's catalogue. */
  name: plainTextSchema(120),
  outcome: z.enum(commitmentOutcomes),
  /** What was done about it: required when the commitment proved untrue (e.g. 责令改正, 撤销登记). */
  action: plainTextSchema(500, true).nullable(),
};

/** A 核查 result: what its `commitmentCheck` op carries (the op's entityId is its id, its `at` when). */
export const commitmentCheckPayloadSchema = z
  .object(commitmentCheckShape)
  .refine((check) => check.outcome === 'truthful' || check.action !== null, { error: m.actionRequired, path: ['action'] });
export type CommitmentCheckPayload = z.infer<typeof commitmentCheckPayloadSchema>;
export type CommitmentCheckInput = z.input<typeof commitmentCheckPayloadSchema>;

export const commitmentCheckRecordSchema = z.object({ ...commitmentCheckShape, ...eventRecordMeta });
export type CommitmentCheckRecord = z.infer<typeof commitmentCheckRecordSchema>;

/** The statement the applicant signs for one material: the fact the document would have proved, promised instead. */
export function commitmentStatement(materialName: string): string {
  return m.statement(materialName);
}

/** The day acceptance fixed (every status from 受理 on carries it); null before acceptance or without one. */
export function acceptanceDate(status: CaseStatus): string | null {
  return 'acceptance' in status && status.acceptance !== null ? businessDateOf(status.acceptance.acceptedAt) : null;
}

/** The last day of the 核查: `days` (the material's, else the default) working days after acceptance. */
export function commitmentCheckDueDate(acceptedOn: string, days: number | null, addWorkingDays: AddWorkingDays): string {
  return addWorkingDays(acceptedOn, days ?? defaultCommitmentCheckDays);
}

/** One committed item of a case, as the list of checks needs it. */
export interface CommittedMaterial {
  materialKey: string;
  name: string;
  /** The catalogue's 核查 period for it; null: the default. */
  checkDays: number | null;
}

/** A case with committed items, and the check results recorded for it at any window. */
export interface CommitmentCase {
  caseId: CaseId;
  caseNumber: string;
  enterpriseName: string;
  status: CaseStatus;
  committed: readonly CommittedMaterial[];
  /** Results in any order; the latest per material stands. */
  checks: ReadonlyArray<{ materialKey: string; at: string }>;
}

export type CommitmentCheckState = 'open' | 'overdue';

/** A 核查 still to be done. */
export interface CommitmentCheckTask {
  caseId: CaseId;
  caseNumber: string;
  enterpriseName: string;
  materialKey: string;
  name: string;
  acceptedOn: string;
  dueDate: string;
  state: CommitmentCheckState;
}

/**
 * The checks still to be done on `today` (`YYYY-MM-DD`): every committed item of an accepted case with no
 * result yet, overdue once its due date has passed; soonest due first. A case not (yet) accepted has no
 * check, as the period runs from acceptance; nor has a withdrawn or denied one. Pure, so screens and a later ledger read the same list.
 */
export function openCommitmentChecks(cases: readonly CommitmentCase[], today: string, addWorkingDays: AddWorkingDays): CommitmentCheckTask[] {
  const tasks: CommitmentCheckTask[] = [];
  for (const entry of cases) {
    const acceptedOn = acceptanceDate(entry.status);
    // Withdrawn or denied, nothing was registered on the strength of the commitment.
    if (acceptedOn === null || entry.status.code === 'withdrawn' || entry.status.code === 'denied') continue;
    const checked = new Set(entry.checks.map((check) => check.materialKey));
    for (const item of entry.committed) {
      if (checked.has(item.materialKey)) continue;
      const dueDate = commitmentCheckDueDate(acceptedOn, item.checkDays, addWorkingDays);
      tasks.push({
        caseId: entry.caseId,
        caseNumber: entry.caseNumber,
        enterpriseName: entry.enterpriseName,
        materialKey: item.materialKey,
        name: item.name,
        acceptedOn,
        dueDate,
        state: today > dueDate ? 'overdue' : 'open',
      });
    }
  }
  return tasks.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.caseNumber.localeCompare(b.caseNumber) || a.materialKey.localeCompare(b.materialKey));
}

/** The result that stands for each material: the latest recorded. */
export function latestChecks<T extends { materialKey: string; at: string }>(checks: readonly T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const check of checks) {
    const known = latest.get(check.materialKey);
    if (known === undefined || Date.parse(check.at) > Date.parse(known.at)) latest.set(check.materialKey, check);
  }
  return latest;
}
