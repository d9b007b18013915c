import type { z } from 'zod';
import { CalendarCoverageError } from '../calendar';
import { formatChineseDate, isoDateTimeSchema, toChinaCalendarDate } from '../chineseDate';
import { formatIsoDate } from '../civilDate';
import type { ClerkId } from '../clerks/clerkId';
import { can, permissionDenial, type ClerkAction } from '../clerks/permissions';
import type { ClerkRole } from '../clerks/roles';
import { caseCommandLabels, caseCommandSchema, type CaseCommand, type CaseCommandInput, type CaseCommandType } from './caseCommands';
import { decisionDocuments } from './caseDocuments';
import type { CaseEvent, ChecklistItemRef, CorrectionItem, IntakeCorrectionField } from './caseEvents';
import type { CaseState } from './caseState';
import { isIntakeOpen, type Acceptance, type CaseStatus, type CaseStatusCode, type DeferredMaterial, type ReceivedDeferredMaterial, type WithdrawableStatusCode } from './caseStatus';
import { deferredItems, missingRequired, type DecisionChecklistItem } from './decisionChecklist';
import { isOverdue, openAcceptance } from './deferredMaterials';
import { casesMessages as m } from './messages';

/** Who acts and when (ISO 8601 with offset; the hall's calendar day of it is the business date). */
export interface CaseActor {
  clerk: { id: ClerkId; role: ClerkRole };
  at: string;
}

/** `addWorkingDays` of the calendar in force (see `calendar.ts`): the n-th working day after a date. */
export type AddWorkingDays = (startIsoDate: string, n: number) => string;

/** The world as it stands when a command is given: the actor, the case's checklist, the calendar. */
export interface CaseCommandContext extends CaseActor {
  checklist: readonly DecisionChecklistItem[];
  addWorkingDays: AddWorkingDays;
}

export type CaseCommandErrorKind =
  | 'invalidInput'
  | 'illegalTransition'
  | 'forbidden'
  | 'checklistIncomplete'
  | 'deferralInvalid'
  | 'correctionNoticeIncomplete'
  | 'deferredMaterialsOutstanding'
  | 'calendarNotCovered';

export interface CaseCommandError {
  kind: CaseCommandErrorKind;
  /** A sentence for the clerk, in Chinese, saying what stands in the way. */
  message: string;
}

type Failure = { ok: false; error: CaseCommandError };
export type CaseCommandResult = { ok: true; state: CaseState; events: CaseEvent[] } | Failure;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event before the dispatcher stamps it with its timeline position, time and clerk. */
type EventDraft = DistributiveOmit<CaseEvent, 'seq' | 'at' | 'clerkId'>;

interface Env {
  at: string;
  /** The business date of `at`: acceptance date, and the start of the promised time limit. */
  today: string;
  /** The applicant's visit this act happens on. */
  visit: number;
  promisedWorkingDays: number;
  checklist: readonly DecisionChecklistItem[];
  addWorkingDays: AddWorkingDays;
}

type Outcome = { ok: true; status: CaseStatus; visits: number; events: EventDraft[] } | Failure;

type StatusOf<C extends CaseStatusCode> = Extract<CaseStatus, { code: C }>;
type CommandOf<T extends CaseCommandType> = Extract<CaseCommand, { type: T }>;
type Handler<C extends CaseStatusCode, T extends CaseCommandType> = (status: StatusOf<C>, command: CommandOf<T>, env: Env) => Outcome;
type TransitionTable = { readonly [C in CaseStatusCode]: { readonly [T in CaseCommandType]?: Handler<C, T> } };

function fail(kind: CaseCommandErrorKind, message: string): Failure {
  return { ok: false, error: { kind, message } };
}

const namesOf = (items: readonly DecisionChecklistItem[]) => items.map((item) => item.name);

function dueDateFor(env: Env): { ok: true; dueDate: string } | Failure {
  try {
    return { ok: true, dueDate: env.addWorkingDays(env.today, env.promisedWorkingDays) };
  } catch (error) {
    // A calendar that does not reach the due date's year is a fact to tell the clerk; anything else is a bug.
    if (error instanceof CalendarCoverageError) return fail('calendarNotCovered', m.calendarNotCovered(error.message));
    throw error;
  }
}

function accept(env: Env): Outcome {
  const missing = missingRequired(env.checklist);
  if (missing.length > 0) return fail('checklistIncomplete', m.checklistIncomplete(namesOf(missing)));
  const deferred = deferredItems(env.checklist);
  if (deferred.length > 0) return fail('checklistIncomplete', m.deferredNeedsDeferralAcceptance(namesOf(deferred)));
  const due = dueDateFor(env);
  if (!due.ok) return due;
  return {
    ok: true,
    visits: env.visit,
    status: { code: 'accepted', acceptance: { acceptedAt: env.at, dueDate: due.dueDate, deferral: null } },
    events: [{ type: 'accepted', visit: env.visit, dueDate: due.dueDate, documents: decisionDocuments.accepted() }],
  };
}

function acceptWithDeferral(command: CommandOf<'acceptWithDeferral'>, env: Env): Outcome {
  const missing = missingRequired(env.checklist);
  if (missing.length > 0) return fail('checklistIncomplete', m.checklistIncomplete(namesOf(missing)));
  const deferred = deferredItems(env.checklist);
  if (deferred.length === 0) return fail('deferralInvalid', m.noDeferredMaterial);
  const notDeferrable = deferred.filter((item) => !item.deferrable);
  if (notDeferrable.length > 0) return fail('deferralInvalid', m.notDeferrable(namesOf(notDeferrable)));

  const nameOf = (key: string) => env.checklist.find((item) => item.materialKey === key)?.name ?? key;
  const deadlines = new Map<string, string>();
  for (const { materialKey, deadline } of command.deadlines) {
    if (!deferred.some((item) => item.materialKey === materialKey)) {
      return fail('deferralInvalid', m.deadlineForNonDeferred(nameOf(materialKey)));
    }
    if (deadlines.has(materialKey)) return fail('deferralInvalid', m.deadlineRepeated(nameOf(materialKey)));
    deadlines.set(materialKey, deadline);
  }
  const withoutDeadline = deferred.filter((item) => !deadlines.has(item.materialKey));
  if (withoutDeadline.length > 0) return fail('deferralInvalid', m.deadlineMissing(namesOf(withoutDeadline)));

  const due = dueDateFor(env);
  if (!due.ok) return due;
  const materials: DeferredMaterial[] = [];
  for (const item of deferred) {
    const deadline = deadlines.get(item.materialKey)!;
    if (deadline < env.today) {
      return fail('deferralInvalid', m.deadlineBeforeAcceptance(item.name, formatChineseDate(deadline), formatChineseDate(env.today)));
    }
    if (deadline > due.dueDate) {
      return fail('deferralInvalid', m.deadlineAfterDue(item.name, formatChineseDate(deadline), formatChineseDate(due.dueDate)));
    }
    materials.push({ materialKey: item.materialKey, name: item.name, deadline });
  }
  return {
    ok: true,
    visits: env.visit,
    status: {
      code: 'acceptedWithDeferral',
      acceptance: { acceptedAt: env.at, dueDate: due.dueDate, deferral: { undertaking: command.undertaking, materials } },
    },
    events: [
      {
        type: 'acceptedWithDeferral',
        visit: env.visit,
        dueDate: due.dueDate,
        undertaking: command.undertaking,
        deferredMaterials: materials,
        documents: decisionDocuments.acceptedWithDeferral(),
      },
    ],
  };
}

function issueCorrectionNotice(command: CommandOf<'issueCorrectionNotice'>, env: Env): Outcome {
  const items: CorrectionItem[] = [];
  for (const { materialKey, problem } of command.items) {
    const item = env.checklist.find((candidate) => candidate.materialKey === materialKey);
    if (item === undefined) return fail('invalidInput', m.noticeItemUnknown(materialKey));
    if (items.some((listed) => listed.materialKey === materialKey)) return fail('invalidInput', m.noticeItemRepeated(item.name));
    if (item.status === 'received' && problem === null) return fail('invalidInput', m.noticeItemNeedsProblem(item.name));
    items.push({ materialKey, name: item.name, problem });
  }
  // 一次性告知: everything missing goes on this one notice, so the applicant never learns of more later.
  const unlisted = missingRequired(env.checklist).filter((item) => !items.some((listed) => listed.materialKey === item.materialKey));
  if (unlisted.length > 0) return fail('correctionNoticeIncomplete', m.noticeIncomplete(namesOf(unlisted)));
  return {
    ok: true,
    visits: env.visit,
    status: { code: 'awaitingCorrection', noticeIssuedAt: env.at },
    events: [{ type: 'correctionNoticeIssued', visit: env.visit, items, documents: decisionDocuments.correctionNoticeIssued() }],
  };
}

function refuse(command: CommandOf<'refuse'>, env: Env): Outcome {
  return {
    ok: true,
    visits: env.visit,
    status: { code: 'refused', refusedAt: env.at, reason: command.reason },
    events: [{ type: 'refused', visit: env.visit, reason: command.reason, documents: decisionDocuments.refused() }],
  };
}

function withdraw(
  from: WithdrawableStatusCode,
  acceptance: Acceptance | null,
  command: CommandOf<'withdraw'>,
  env: Env,
): Outcome {
  return {
    ok: true,
    visits: env.visit,
    status: { code: 'withdrawn', withdrawnAt: env.at, from, acceptance, reason: command.reason },
    events: [{ type: 'withdrawn', from, reason: command.reason, request: command.request }],
  };
}

function startReview(acceptance: Acceptance, env: Env): Outcome {
  return {
    ok: true,
    visits: env.visit,
    status: { code: 'underReview', acceptance, reviewStartedAt: env.at },
    events: [{ type: 'reviewStarted' }],
  };
}

/** The applicant came back after a correction notice: count the visit, then make the decision (if any). */
function afterReturn(env: Env, decide: (returned: Env) => Outcome): Outcome {
  const returned = { ...env, visit: env.visit + 1 };
  const outcome = decide(returned);
  if (!outcome.ok) return outcome;
  return { ...outcome, events: [{ type: 'applicantReturned', visit: returned.visit }, ...outcome.events] };
}

const backToDrafting = (env: Env): Outcome => ({ ok: true, visits: env.visit, status: { code: 'drafting' }, events: [] });

/**
 * Every legal move, and nothing else: a status's row lists the commands it accepts, in the order the
 * counter offers them. A correction-notice case also takes the decision commands directly — the
 * applicant's return is then recorded first, as its own event, so the same case continues and the visit
 * is counted either way.
 */
const transitions: TransitionTable = {
  drafting: {
    accept: (_status, _command, env) => accept(env),
    acceptWithDeferral: (_status, command, env) => acceptWithDeferral(command, env),
    issueCorrectionNotice: (_status, command, env) => issueCorrectionNotice(command, env),
    refuse: (_status, command, env) => refuse(command, env),
    withdraw: (status, command, env) => withdraw(status.code, null, command, env),
  },
  awaitingCorrection: {
    applicantReturns: (_status, _command, env) => afterReturn(env, backToDrafting),
    accept: (_status, _command, env) => afterReturn(env, accept),
    acceptWithDeferral: (_status, command, env) => afterReturn(env, (returned) => acceptWithDeferral(command, returned)),
    issueCorrectionNotice: (_status, command, env) => afterReturn(env, (returned) => issueCorrectionNotice(command, returned)),
    refuse: (_status, command, env) => afterReturn(env, (returned) => refuse(command, returned)),
    withdraw: (status, command, env) => withdraw(status.code, null, command, env),
  },
  accepted: {
    startReview: (status, _command, env) => startReview(status.acceptance, env),
    withdraw: (status, command, env) => withdraw(status.code, status.acceptance, command, env),
  },
  acceptedWithDeferral: {
    startReview: (status, _command, env) => startReview(status.acceptance, env),
    withdraw: (status, command, env) => withdraw(status.code, status.acceptance, command, env),
  },
  underReview: {
    approve: (status, command, env) => ({
      ok: true,
      visits: env.visit,
      status: { code: 'approved', acceptance: status.acceptance, decidedAt: env.at },
      events: [{ type: 'approved', note: command.note }],
    }),
    deny: (status, command, env) => ({
      ok: true,
      visits: env.visit,
      status: { code: 'denied', acceptance: status.acceptance, decidedAt: env.at, reason: command.reason },
      events: [{ type: 'denied', reason: command.reason, documents: decisionDocuments.denied() }],
    }),
    withdraw: (status, command, env) => withdraw(status.code, status.acceptance, command, env),
  },
  approved: {
    markReadyForIssuance: (status, _command, env) => {
      // 容缺受理 lets review start early, but the licence waits until the promised materials are in.
      const outstanding = deferredItems(env.checklist);
      if (outstanding.length > 0) return fail('deferredMaterialsOutstanding', m.deferredOutstanding(namesOf(outstanding)));
      return {
        ok: true,
        visits: env.visit,
        status: { code: 'awaitingIssuance', acceptance: status.acceptance, decidedAt: status.decidedAt },
        events: [{ type: 'readyForIssuance' }],
      };
    },
  },
  awaitingIssuance: {
    complete: (status, command, env) => ({
      ok: true,
      visits: env.visit,
      status: {
        code: 'completed',
        acceptance: status.acceptance,
        decidedAt: status.decidedAt,
        completedAt: env.at,
        collector: command.collector,
      },
      events: [{ type: 'completed', collector: command.collector }],
    }),
  },
  refused: {},
  denied: {},
  completed: {},
  withdrawn: {},
};

/** The permission each command needs (see `clerks/permissions.ts`). */
const commandPermission: Readonly<Record<CaseCommandType, ClerkAction>> = {
  accept: 'case.counterDecision',
  acceptWithDeferral: 'case.counterDecision',
  issueCorrectionNotice: 'case.counterDecision',
  applicantReturns: 'case.counterDecision',
  refuse: 'case.counterDecision',
  withdraw: 'case.counterDecision',
  startReview: 'case.advance',
  markReadyForIssuance: 'case.advance',
  approve: 'case.decide',
  deny: 'case.decide',
  complete: 'licence.handover',
};

function handlerFor(code: CaseStatusCode, type: CaseCommandType): Handler<CaseStatusCode, CaseCommandType> | undefined {
  // The table's type pairs each status with the commands it allows, so the handler found under
  // (code, type) takes exactly this status and this command; TypeScript cannot follow that correlation.
  const row: Partial<Record<CaseCommandType, unknown>> = transitions[code];
  return row[type] as Handler<CaseStatusCode, CaseCommandType> | undefined;
}

/** Commands a case in this status accepts, optionally only those the given role may give (for buttons). */
export function availableCaseCommands(code: CaseStatusCode, role?: ClerkRole): CaseCommandType[] {
  const allowed = Object.keys(transitions[code]) as CaseCommandType[];
  return role === undefined ? allowed : allowed.filter((type) => can(role, commandPermission[type]));
}

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? m.unknownCommand;
}

function businessDate(at: string): string {
  return formatIsoDate(toChinaCalendarDate(at));
}

/** Starts a case at intake: status 登记中, the applicant's first visit, and an `opened` event. */
export function openCase(input: { promisedWorkingDays: number }, actor: CaseActor): CaseCommandResult {
  const at = isoDateTimeSchema.safeParse(actor.at);
  if (!at.success) return fail('invalidInput', firstIssue(at.error));
  const days = input.promisedWorkingDays;
  if (!Number.isInteger(days) || days < 0 || days > 365) return fail('invalidInput', m.promisedDaysInvalid);
  const denial = permissionDenial(actor.clerk.role, 'case.intake');
  if (denial !== null) return fail('forbidden', denial);
  const opened: CaseEvent = { seq: 1, at: actor.at, clerkId: actor.clerk.id, type: 'opened' };
  return { ok: true, state: { promisedWorkingDays: days, visits: 1, status: { code: 'drafting' }, timeline: [opened] }, events: [opened] };
}

/**
 * The one place a case changes status. Returns the new state (timeline extended) and the events the
 * command produced, or a refusal saying in Chinese why the command cannot be carried out. Pure: the same
 * state, command and context always give the same answer.
 */
export function applyCaseCommand(state: CaseState, input: CaseCommandInput, context: CaseCommandContext): CaseCommandResult {
  const at = isoDateTimeSchema.safeParse(context.at);
  if (!at.success) return fail('invalidInput', firstIssue(at.error));
  const parsed = caseCommandSchema.safeParse(input);
  if (!parsed.success) return fail('invalidInput', firstIssue(parsed.error));
  const command = parsed.data;
  const code = state.status.code;

  const handler = handlerFor(code, command.type);
  if (handler === undefined) {
    const next = availableCaseCommands(code).map((type) => caseCommandLabels[type]);
    return fail('illegalTransition', m.illegalTransition(m.statusSentences[code], caseCommandLabels[command.type], next));
  }
  const denial = permissionDenial(context.clerk.role, commandPermission[command.type], caseCommandLabels[command.type]);
  if (denial !== null) return fail('forbidden', denial);

  const outcome = handler(state.status, command, {
    at: context.at,
    today: businessDate(context.at),
    visit: state.visits,
    promisedWorkingDays: state.promisedWorkingDays,
    checklist: context.checklist,
    addWorkingDays: context.addWorkingDays,
  });
  if (!outcome.ok) return outcome;
  const lastSeq = state.timeline.at(-1)?.seq ?? 0;
  const events = outcome.events.map(
    (draft, index): CaseEvent => ({ ...draft, seq: lastSeq + index + 1, at: context.at, clerkId: context.clerk.id }),
  );
  return {
    ok: true,
    state: { ...state, visits: outcome.visits, status: outcome.status, timeline: [...state.timeline, ...events] },
    events,
  };
}

/** What a correction of the intake changed (see `intakeCorrected` in `caseEvents.ts`). */
export interface IntakeCorrection {
  fields: readonly IntakeCorrectionField[];
  addedItems: readonly ChecklistItemRef[];
  droppedItems: readonly ChecklistItemRef[];
  /** The promised limit of the matters as they now stand (unchanged unless the matters changed). */
  promisedWorkingDays: number;
}

/**
 * Records a correction of the intake (parties, enterprise, queue ticket, matters, answers) while the case
 * is still at the counter: the status stays, the promised limit follows the matters, and the timeline gets
 * an `intakeCorrected` entry. It counts no visit: a 待补正 case may be corrected before the applicant is
 * back (a typo seen afterwards), and the return is recorded by the decision that follows. Once a counter
 * decision is made the intake is what was decided on, so it is refused from then on. Pure.
 */
export function correctIntake(state: CaseState, correction: IntakeCorrection, actor: CaseActor): CaseCommandResult {
  const at = isoDateTimeSchema.safeParse(actor.at);
  if (!at.success) return fail('invalidInput', firstIssue(at.error));
  const code = state.status.code;
  if (!isIntakeOpen(code)) return fail('illegalTransition', m.intakeClosed(m.statusSentences[code]));
  const denial = permissionDenial(actor.clerk.role, 'case.intake');
  if (denial !== null) return fail('forbidden', denial);
  if (correction.fields.length === 0) return fail('invalidInput', m.intakeCorrectionEmpty);
  const days = correction.promisedWorkingDays;
  if (!Number.isInteger(days) || days < 0 || days > 365) return fail('invalidInput', m.promisedDaysInvalid);
  const event: CaseEvent = {
    seq: (state.timeline.at(-1)?.seq ?? 0) + 1,
    at: actor.at,
    clerkId: actor.clerk.id,
    type: 'intakeCorrected',
    fields: [...new Set(correction.fields)],
    addedItems: [...correction.addedItems],
    droppedItems: [...correction.droppedItems],
  };
  return { ok: true, state: { ...state, promisedWorkingDays: days, timeline: [...state.timeline, event] }, events: [event] };
}

/**
 * 补交: deferred materials brought in after a 容缺 acceptance, at any window, while the case may still owe
 * them (`deferralOpenStatusCodes`). Each must be one the acceptance deferred and still be deferred
 * on the checklist as it stood before this write; the status stays, and the timeline gets a
 * `deferredMaterialsReceived` entry asking for the 补交收件凭证. A material brought after its deadline is
 * still taken in, marked late. Not a command of the transition table: it moves the case nowhere. Pure.
 */
export function receiveDeferredMaterials(state: CaseState, materialKeys: readonly string[], context: CaseCommandContext): CaseCommandResult {
  const at = isoDateTimeSchema.safeParse(context.at);
  if (!at.success) return fail('invalidInput', firstIssue(at.error));
  const acceptance = openAcceptance(state.status);
  if (acceptance === null) return fail('illegalTransition', m.supplementClosed(m.statusSentences[state.status.code]));
  const denial = permissionDenial(context.clerk.role, 'case.counterDecision', m.supplementLabel);
  if (denial !== null) return fail('forbidden', denial);
  const promised = acceptance.deferral?.materials ?? [];
  if (promised.length === 0) return fail('deferralInvalid', m.nothingDeferred);
  if (materialKeys.length === 0) return fail('invalidInput', m.supplementEmpty);
  const today = businessDate(context.at);
  const received: ReceivedDeferredMaterial[] = [];
  for (const materialKey of materialKeys) {
    const material = promised.find((candidate) => candidate.materialKey === materialKey);
    const item = context.checklist.find((candidate) => candidate.materialKey === materialKey);
    const name = material?.name ?? item?.name ?? materialKey;
    if (material === undefined) return fail('deferralInvalid', m.supplementNotDeferred(name));
    if (received.some((listed) => listed.materialKey === materialKey)) return fail('deferralInvalid', m.supplementRepeated(name));
    if (item?.status !== 'deferred') return fail('deferralInvalid', m.supplementAlreadyIn(name));
    received.push({ ...material, late: isOverdue(material.deadline, today) });
  }
  const event: CaseEvent = {
    seq: (state.timeline.at(-1)?.seq ?? 0) + 1,
    at: context.at,
    clerkId: context.clerk.id,
    type: 'deferredMaterialsReceived',
    materials: received,
    documents: decisionDocuments.deferredMaterialsReceived(),
  };
  return { ok: true, state: { ...state, timeline: [...state.timeline, event] }, events: [event] };
}
