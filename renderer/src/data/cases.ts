import { uuidv7 } from 'uuidv7';
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
import { caseFields } from '../sync/protocol';
import { catalogueForCase, checklistWithin, decisionItems, selectionOf } from './caseChecklist';
import {
  actingClerk,
  caseEventOps,
  checkIntake,
  caseOp,
  caseSubject,
  changedCaseFields,
  requireCase,
  requireIntakeOpen,
  runCaseWrite,
  type CaseChange,
  type WriteContext,
} from './caseWrite';
import { activeCalendar, activeCatalogue, activeGreenCards, greenCardIn } from './catalogueStore';
import { businessDateOf, chinaIso } from './clock';
import { nextCaseNumber } from './counters';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import { requireDeskIdentity } from './desk';
import {
  checkAgent,
  checkAnswers,
  checkNewEnterprise,
  checkParty,
  checkQueueTicket,
  type AgentInput,
  type EnterpriseChoice,
  type PartyInput,
} from './intakeInput';
import { dataMessages } from './messages';
import { appendOps } from './outbox';
import { enterpriseIdSchema, type CaseRow, type EnterpriseRow } from './records';
import { Refusal } from './refusal';
import { caseSearchKeys, enterpriseSearchKeys } from './search/keys';
import type { GreenCardList } from './greenCards';
import { currentWriteTransaction } from './transaction';

const m = dataMessages.cases;

export interface DraftCaseInput {
  enterprise: EnterpriseChoice;
  applicant: PartyInput;
  agent: AgentInput | null;
  /** A bundle (一件事) or matters picked one by one. */
  selection: CatalogueSelection;
  answers: IntakeAnswers;
  queueTicket: string | null;
}

/** Intake fields to change; those left out stay as they are. `answers` replaces all answers. */
export type IntakePatch = Partial<DraftCaseInput>;

/** The longest promised limit of the selected matters: the case is due when its slowest matter is. */
function promisedDays(catalogue: Catalogue, checklist: Checklist): number {
  const limits = catalogue.matters.filter((matter) => checklist.matterCodes.includes(matter.code)).map((matter) => matter.promisedLimitDays);
  return Math.max(0, ...limits);
}

function build(catalogue: Catalogue, selection: CatalogueSelection, answers: IntakeAnswers): Checklist {
  const built = buildChecklist(catalogue, selection, answers);
  if (!built.ok) throw new Refusal(built.message);
  return built.checklist;
}

/**
 * Inside a write: the enterprise chosen at intake. A new one comes back with `isNew` and is not yet
 * stored, so the caller can write it together with the case (one round trip to the database).
 */
async function resolveEnterprise(db: DeskDatabase, choice: EnterpriseChoice, at: string): Promise<{ row: EnterpriseRow; isNew: boolean }> {
  if (choice.kind === 'existing') {
    const row = await db.enterprises.get(choice.id);
    if (row === undefined) throw new Refusal(m.enterpriseNotFound);
    return { row, isNew: false };
  }
  const fields = checkNewEnterprise(choice);
  if (fields.uscc !== null) {
    const holder = await db.enterprises.where('uscc').equals(fields.uscc).first();
    if (holder !== undefined) throw new Refusal(m.usccTaken(holder.name), 'uscc');
  }
  const row: EnterpriseRow = { id: enterpriseIdSchema.parse(uuidv7()), ...fields, createdAt: at, updatedAt: at, searchKeys: enterpriseSearchKeys(fields) };
  return { row, isNew: true };
}

function caseEnterprise(row: EnterpriseRow, cards: GreenCardList, at: string): CaseRow['enterprise'] {
  const greenCard = row.uscc !== null && greenCardIn(cards, row.uscc, businessDateOf(at)) !== null;
  return { name: row.name, uscc: row.uscc, address: row.address, greenCard };
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
    };
  });
  if (!checked.ok) return checked;
  const { applicant, agent, authorisation, queueTicket, answers } = checked.value;
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
    // Independent reads go to the database together: each await inside a transaction is a round trip.
    const [clerk, desk, resolved] = await Promise.all([actingClerk(db, context.clerk), requireDeskIdentity(db), resolveEnterprise(db, input.enterprise, at)]);
    if (!can(clerk.role, 'case.intake')) throw new Refusal(m.notPermitted);
    const enterprise = resolved.row;
    const caseNumber = await nextCaseNumber(tx, desk, businessDateOf(at));
    const row: CaseRow = {
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
      clerkId: clerk.id,
      createdAt: at,
      updatedAt: at,
      searchKeys: [],
      hqCaseNumber: null,
      decision: null,
      licence: null,
      hqVersion: null,
      conflicts: [],
    };
    row.searchKeys = caseSearchKeys(row);
    await Promise.all([
      resolved.isNew ? db.enterprises.add(enterprise) : undefined,
      db.cases.add(row),
      appendOps(tx, [...caseOp(row, caseFields, clerk, at), ...caseEventOps(caseId, opened.events, clerk, at)]),
    ]);
    return row;
  });
}

/**
 * Changes intake data while the case is still being taken in (登记中) or awaiting correction (待补正).
 * New answers or matters rebuild the checklist from the catalogue in use; what was recorded for an item
 * stays with its key. Only the fields that changed are sent to HQ.
 */
export async function updateIntake(db: DeskDatabase, caseId: CaseId, patch: IntakePatch, context: WriteContext): Promise<CaseChange<CaseRow>> {
  const checked = await checkIntake(async () => ({
    applicant: patch.applicant === undefined ? undefined : checkParty(patch.applicant, 'applicant'),
    agent: patch.agent === undefined ? undefined : checkAgent(patch.agent),
    queueTicket: patch.queueTicket === undefined ? undefined : checkQueueTicket(patch.queueTicket),
    answers: patch.answers === undefined ? undefined : checkAnswers(patch.answers),
  }));
  if (!checked.ok) return checked;
  const at = chinaIso(context.at ?? new Date());
  const [catalogue, cards] = await Promise.all([activeCatalogue(db), activeGreenCards(db)]);
  const audit = {
    at,
    clerkId: context.clerk.id,
    action: 'case.updateIntake',
    subject: caseSubject(caseId),
    details: { fields: Object.keys(patch).filter((key) => patch[key as keyof IntakePatch] !== undefined) },
  };

  return runCaseWrite(db, audit, async () => {
    const [clerk, before] = await Promise.all([actingClerk(db, context.clerk), requireCase(db, caseId)]);
    requireIntakeOpen(before);
    const after: CaseRow = { ...before, updatedAt: at };
    if (patch.enterprise !== undefined) {
      const { row: enterprise, isNew } = await resolveEnterprise(db, patch.enterprise, at);
      if (isNew) await db.enterprises.add(enterprise);
      after.enterpriseId = enterprise.id;
      after.enterprise = caseEnterprise(enterprise, cards.data, at);
    }
    if (checked.value.applicant !== undefined) after.applicant = checked.value.applicant;
    if (checked.value.agent !== undefined) {
      after.agent = checked.value.agent.agent;
      after.agentAuthorisation = checked.value.agent.authorisation;
    }
    if (checked.value.queueTicket !== undefined) after.queueTicket = checked.value.queueTicket;
    if (patch.selection !== undefined || checked.value.answers !== undefined) {
      const answers = checked.value.answers ?? before.answers;
      const checklist = build(catalogue.data, patch.selection ?? selectionOf(before), answers);
      after.answers = answers;
      after.matterCodes = [...checklist.matterCodes];
      after.bundleCode = checklist.bundleCode;
      after.catalogueVersion = checklist.catalogueVersion;
      // Recorded items keep their records by key; the checklist itself is rebuilt whenever it is read.
      after.state = { ...before.state, promisedWorkingDays: promisedDays(catalogue.data, checklist) };
    }
    after.searchKeys = caseSearchKeys(after);
    await db.cases.put(after);
    await appendOps(currentWriteTransaction(), caseOp(after, changedCaseFields(before, after), clerk, at));
    return after;
  });
}

export interface CommandOutcome {
  case: CaseRow;
  /** The timeline events the command added; decision events name the documents to print. */
  events: CaseEvent[];
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
  const existing = await getCase(db, caseId);
  if (existing === undefined) return { ok: false, message: m.notFound };
  const [calendar, catalogue] = await Promise.all([activeCalendar(db), catalogueForCase(db, existing)]);
  const audit = {
    at,
    clerkId: context.clerk.id,
    action: `case.${parsed.data.type}`,
    subject: caseSubject(caseId),
    details: { caseNumber: existing.caseNumber },
  };

  return runCaseWrite(db, audit, async () => {
    const [clerk, before] = await Promise.all([actingClerk(db, context.clerk), requireCase(db, caseId)]);
    const result = applyCaseCommand(before.state, command, {
      clerk,
      at,
      checklist: decisionItems(await checklistWithin(db, before, catalogue)),
      addWorkingDays: (start, n) => addWorkingDaysOn(calendar.data, start, n),
    });
    if (!result.ok) throw new Refusal(result.error.message);
    const after: CaseRow = {
      ...before,
      state: result.state,
      statusCode: result.state.status.code,
      dueDate: runningDueDate(result.state.status) ?? '',
      updatedAt: at,
    };
    await Promise.all([
      db.cases.put(after),
      appendOps(currentWriteTransaction(), [...caseOp(after, changedCaseFields(before, after), clerk, at), ...caseEventOps(caseId, result.events, clerk, at)]),
    ]);
    return { case: after, events: result.events };
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
