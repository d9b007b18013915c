import { serviceOfCalledTicket, type CalledTicketInput } from './queueService';
import { businessDateOf } from '../domain/chineseDate';
import { addWorkingDaysOn } from '../domain/calendar';
import { caseCommandSchema, type CaseCommandInput } from '../domain/cases/caseCommands';
import type { CaseEvent } from '../domain/cases/caseEvents';
import { newCaseId, type CaseId } from '../domain/cases/caseId';
import { casesMessages } from '../domain/cases/messages';
import { caseNumberSchema } from '../domain/cases/caseNumber';
import { applyCaseCommand, openCase } from '../domain/cases/caseStateMachine';
import { runningDueDate } from '../domain/cases/dueStatus';
import type { IntakeAnswers } from '../domain/catalogue/answers';
import { buildChecklist, type Checklist } from '../domain/catalogue/checklist';
import type { Catalogue } from '../domain/catalogue/schema';
import type { CatalogueSelection } from '../domain/catalogue/selection';
import { can } from '../domain/clerks/permissions';
import { caseFields } from '../domain/cases/caseRecord';
import { catalogueForCase, checklistWithin, decisionItems } from './caseChecklist';
import { caseEnterprise, resolveEnterprise } from './caseEnterprise';
import {
  actingClerk,
  caseEventOps,
  checkIntake,
  caseOp,
  caseSubject,
  changedCaseFields,
  requireCase,
  runCaseWrite,
  type CaseChange,
  type WriteContext,
} from './caseWrite';
import { activeCalendar, activeCatalogue, activeGreenCards } from './catalogueStore';
import { chinaIso } from './clock';
import { readIntakeSequences, takeIntakeNumbers } from './sequences';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import { requireDeskIdentity } from './desk';
import {
  checkAgent,
  checkAnswers,
  checkLegalRepresentative,
  checkNewEnterprise,
  checkParty,
  checkQueueTicket,
  checkShareholders,
  type AgentInput,
  type EnterpriseChoice,
  type PartyInput,
  type ShareholderInput,
} from './intakeInput';
import { dataMessages } from './messages';
import { appendOps } from './outbox';
import type { CaseRow, EnterpriseRow } from './records';
import { Refusal } from './refusal';
import { freshened, keyedIn, type Keyed } from './search/keyTiers';
import { caseSearchKeys } from './search/keys';
import { currentWriteTransaction } from './transaction';

const m = dataMessages.cases;

export interface DraftCaseInput {
  enterprise: EnterpriseChoice;
  applicant: PartyInput;
  agent: AgentInput | null;
  /** The 法定代表人 of a company being founded; absent or null when the intake names none. */
  legalRepresentative?: PartyInput | null;
  /** The natural-person shareholders of a company being founded; absent when none. */
  shareholders?: ShareholderInput[];
  /** A bundle (一件事) or matters picked one by one. */
  selection: CatalogueSelection;
  answers: IntakeAnswers;
  queueTicket: string | null;
  /** The ticket the window called (叫号); its times are recorded when the case is taken in on its number. */
  calledTicket?: CalledTicketInput | null;
}

/** The longest promised limit of the selected matters: the case is due when its slowest matter is. */
export function promisedDays(catalogue: Catalogue, checklist: Checklist): number {
  const limits = catalogue.matters.filter((matter) => checklist.matterCodes.includes(matter.code)).map((matter) => matter.promisedLimitDays);
  return Math.max(0, ...limits);
}

/**
 * Takes a new case in (登记中): the enterprise (known or new), applicant, agent with authorisation,
 * matters or bundle, intake answers and queue ticket. Builds the checklist from the catalogue in use,
 * numbers the case for this desk and day, and writes the case, its checklist, the enterprise if new,
 * the ops for HQ and the audit entry in one transaction.
 */
export async function createDraftCase(db: DeskDatabase, input: DraftCaseInput, context: WriteContext): Promise<CaseChange<CaseRow>> {
  const checked = await checkIntake(async () => {
    if (input.enterprise.kind === 'new') checkNewEnterprise(input.enterprise);
    return {
      applicant: checkParty(input.applicant, 'applicant'),
      ...checkAgent(input.agent),
      queueTicket: checkQueueTicket(input.queueTicket),
      answers: checkAnswers(input.answers),
      legalRepresentative: checkLegalRepresentative(input.legalRepresentative ?? null),
      shareholders: checkShareholders(input.shareholders ?? []),
    };
  });
  if (!checked.ok) return checked;
  const { applicant, agent, authorisation, queueTicket, answers, legalRepresentative, shareholders } = checked.value;
  const queueService = serviceOfCalledTicket(input.calledTicket, queueTicket);
  const at = chinaIso(context.at ?? new Date());
  const [catalogue, cards] = await Promise.all([activeCatalogue(db), activeGreenCards(db)]);
  const built = buildChecklist(catalogue.data, input.selection, answers);
  if (!built.ok) return { ok: false, message: built.message };
  const checklist = built.checklist;
  const opened = openCase({ promisedWorkingDays: promisedDays(catalogue.data, checklist) }, { clerk: context.clerk, at });
  if (!opened.ok) return { ok: false, message: opened.error.message };
  const caseId = newCaseId();
  const audit = {
    at,
    clerkId: context.clerk.id,
    action: 'case.open',
    subject: caseSubject(caseId),
    details: { matterCodes: [...checklist.matterCodes], bundleCode: checklist.bundleCode, queueTicket },
  };

  return runCaseWrite(db, audit, async () => {
    const tx = currentWriteTransaction();
    // Every read goes to the database at once, then every write: each wait inside a transaction is a round
    // trip, and on a busy desk each costs a millisecond or more.
    const [clerk, desk, resolved, sequences] = await Promise.all([
      actingClerk(db, context.clerk),
      requireDeskIdentity(db),
      resolveEnterprise(db, input.enterprise, at),
      readIntakeSequences(tx, businessDateOf(at)),
    ]);
    if (!can(clerk.role, 'case.intake')) throw new Refusal(m.notPermitted);
    const enterprise = resolved.row;
    // The case op and one op per event.
    const opCount = 1 + opened.events.length;
    const { caseNumber, firstSeq, stored } = await takeIntakeNumbers(tx, desk, sequences, opCount);
    const unkeyed: Omit<CaseRow, keyof Keyed> = {
      id: caseId,
      caseNumber,
      hallCode: desk.hallCode,
      deskCode: desk.deskCode,
      state: opened.state,
      statusCode: opened.state.status.code,
      dueDate: '',
      enterpriseId: enterprise.id,
      enterprise: caseEnterprise(enterprise, cards.data, at),
      applicant,
      agent,
      agentAuthorisation: authorisation,
      matterCodes: [...checklist.matterCodes],
      bundleCode: checklist.bundleCode,
      answers,
      catalogueVersion: checklist.catalogueVersion,
      queueTicket,
      ...(queueService === null ? {} : { queueService }),
      ...(legalRepresentative === null ? {} : { legalRepresentative }),
      ...(shareholders.length === 0 ? {} : { shareholders }),
      clerkId: clerk.id,
      createdAt: at,
      updatedAt: at,
      hqCaseNumber: null,
      decision: null,
      licence: null,
      hqVersion: null,
      conflicts: [],
    };
    // Keys in the fresh index: the clerk is waiting on this write (see `search/keyTiers.ts`).
    const row: CaseRow = { ...unkeyed, ...keyedIn('fresh', caseSearchKeys(unkeyed)) };
    await Promise.all([
      stored,
      resolved.isNew ? db.enterprises.add(enterprise) : undefined,
      db.cases.add(row),
      appendOps(tx, [...caseOp(row, caseFields, clerk, at), ...caseEventOps(caseId, opened.events, clerk, at)], { first: firstSeq, count: opCount }),
    ]);
    return row;
  });
}

export interface CommandOutcome {
  case: CaseRow;
  /** The timeline events the command added; decision events name the documents to print. */
  events: CaseEvent[];
}

/** What a command reads before its transaction opens: the case as it stands, the calendar and the case's catalogue. */
export interface CommandSetting {
  existing: CaseRow;
  calendar: Awaited<ReturnType<typeof activeCalendar>>;
  catalogue: Awaited<ReturnType<typeof catalogueForCase>>;
}

/** The command's setting, or undefined when the case is not stored on this desk. */
export async function readCommandSetting(db: DeskDatabase, caseId: CaseId): Promise<CommandSetting | undefined> {
  const existing = await getCase(db, caseId);
  if (existing === undefined) return undefined;
  const [calendar, catalogue] = await Promise.all([activeCalendar(db), catalogueForCase(db, existing)]);
  return { existing, calendar, catalogue };
}

/**
 * Inside a case write: gives the stored case the command through the state machine (refused with its
 * message), stores the new state and appends the status and every new event for HQ.
 */
export async function commandWithin(
  db: DeskDatabase,
  caseId: CaseId,
  command: CaseCommandInput,
  setting: CommandSetting,
  context: { clerk: WriteContext['clerk']; at: string },
): Promise<CommandOutcome & { clerk: WriteContext['clerk'] }> {
  const { at } = context;
  const [clerk, before] = await Promise.all([actingClerk(db, context.clerk), requireCase(db, caseId)]);
  const result = applyCaseCommand(before.state, command, {
    clerk,
    at,
    checklist: decisionItems(await checklistWithin(db, before, setting.catalogue)),
    addWorkingDays: (start, n) => addWorkingDaysOn(setting.calendar.data, start, n),
  });
  if (!result.ok) throw new Refusal(result.error.message);
  const after: CaseRow = freshened({
    ...before,
    state: result.state,
    statusCode: result.state.status.code,
    dueDate: runningDueDate(result.state.status) ?? '',
    updatedAt: at,
  });
  await Promise.all([
    db.cases.put(after),
    appendOps(currentWriteTransaction(), [...caseOp(after, changedCaseFields(before, after), clerk, at), ...caseEventOps(caseId, result.events, clerk, at)]),
  ]);
  return { case: after, events: result.events, clerk };
}

/**
 * Gives the case a command (受理, 容缺受理, 一次性告知, 不予受理, 撤回, …) through the domain state machine,
 * with the case's current checklist and the calendar in use. A refused command changes nothing and comes
 * back with the state machine's message; a carried-out one stores the new state, sends the status and
 * every new event to HQ and logs the act, in one transaction.
 */
export async function applyCommand(db: DeskDatabase, caseId: CaseId, command: CaseCommandInput, context: WriteContext): Promise<CaseChange<CommandOutcome>> {
  const parsed = caseCommandSchema.safeParse(command);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? casesMessages.unknownCommand };
  const at = chinaIso(context.at ?? new Date());
  const setting = await readCommandSetting(db, caseId);
  if (setting === undefined) return { ok: false, message: m.notFound };
  const audit = {
    at,
    clerkId: context.clerk.id,
    action: `case.${parsed.data.type}`,
    subject: caseSubject(caseId),
    details: { caseNumber: setting.existing.caseNumber },
  };

  return runCaseWrite(db, audit, async () => {
    const outcome = await commandWithin(db, caseId, command, setting, { clerk: context.clerk, at });
    return { case: outcome.case, events: outcome.events };
  });
}

export async function getCase(db: DeskDatabase, caseId: CaseId): Promise<CaseRow | undefined> {
  return guardStorage(() => db.cases.get(caseId));
}

/** The case with this number, however it was typed (lower case, spaces); undefined when none. */
export async function findCaseByNumber(db: DeskDatabase, caseNumber: string): Promise<CaseRow | undefined> {
  const parsed = caseNumberSchema.safeParse(caseNumber);
  if (!parsed.success) return undefined;
  return guardStorage(() => db.cases.where('caseNumber').equals(parsed.data).first());
}

export async function getEnterprise(db: DeskDatabase, id: EnterpriseRow['id']): Promise<EnterpriseRow | undefined> {
  return guardStorage(() => db.enterprises.get(id));
}
