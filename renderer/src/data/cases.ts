import { caseFields } from '../domain/cases/caseRecord';
import { businessDateOf } from '../domain/chineseDate';
import { uuidv7 } from 'uuidv7';
import { addWorkingDaysOn } from '../domain/calendar';
import { caseCommandSchema, type CaseCommandInput } from '../domain/cases/caseCommands';
import type { CaseEvent } from '../domain/cases/caseEvents';
import { newCaseId, type CaseId } from '../domain/cases/caseId';
import { casesMessages } from '../domain/cases/messages';
import { caseNumberSchema } from '../domain/cases/caseNumber';
import { applyCaseCommand, correctIntake, openCase } from '../domain/cases/caseStateMachine';
import { runningDueDate } from '../domain/cases/dueStatus';
import type { IntakeAnswers } from '../domain/catalogue/answers';
import { buildChecklist, type Checklist } from '../domain/catalogue/checklist';
import type { Catalogue } from '../domain/catalogue/schema';
import type { CatalogueSelection } from '../domain/catalogue/selection';
import { can } from '../domain/clerks/permissions';
import { catalogueForCase, checklistWithin, decisionItems, selectionOf, type CaseCatalogue } from './caseChecklist';
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
import { chinaIso } from './clock';
import { readIntakeCounters, takeIntakeNumbers } from './counters';
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
  type EnterprisePatch,
  type PartyInput,
} from './intakeInput';
import { checklistDelta, correctedFields, sameAnswers, sameSelection, type ChecklistDelta } from './intakeCorrection';
import { dataMessages } from './messages';
import { appendOps } from './outbox';
import { enterpriseIdSchema, type CaseRow, type EnterpriseRow } from './records';
import { Refusal } from './refusal';
import { freshened, keyedIn, unkeyed, type Keyed } from './search/keyTiers';
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
export type IntakePatch = Partial<Omit<DraftCaseInput, 'enterprise'>> & { enterprise?: EnterprisePatch };

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
  // Keys in the fresh index: the clerk is waiting on this write (see `search/keyTiers.ts`).
  const row: EnterpriseRow = { id: enterpriseIdSchema.parse(uuidv7()), ...fields, createdAt: at, updatedAt: at, ...keyedIn('fresh', enterpriseSearchKeys(fields)) };
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
    // Every read goes to the database at once, then every write: each wait inside a transaction is a round
    // trip, and on a busy desk each costs a millisecond or more.
    const [clerk, desk, resolved, counters] = await Promise.all([
      actingClerk(db, context.clerk),
      requireDeskIdentity(db),
      resolveEnterprise(db, input.enterprise, at),
      readIntakeCounters(tx, businessDateOf(at)),
    ]);
    if (!can(clerk.role, 'case.intake')) throw new Refusal(m.notPermitted);
    const enterprise = resolved.row;
    // The case op and one op per event.
    const opCount = 1 + opened.events.length;
    const { caseNumber, firstSeq, stored } = await takeIntakeNumbers(tx, desk, counters, opCount);
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

/**
 * Corrects the intake while the case is still at the counter (登记中, or 待补正 until the applicant comes
 * back): parties, enterprise, queue ticket, matters, answers. New answers or matters rebuild the checklist
 * from the catalogue in use; what was recorded for an item stays with its key, so an item the new answers
 * take off the list keeps its record (and gets it back if they put it on again). The case, the enterprise
 * register, an `intakeCorrected` timeline entry, the ops for HQ (only the fields that changed) and the
 * audit entry naming what changed are written in one transaction. A patch that changes nothing is refused.
 */
export async function updateIntake(db: DeskDatabase, caseId: CaseId, patch: IntakePatch, context: WriteContext): Promise<CaseChange<CaseRow>> {
  const checked = await checkIntake(async () => ({
    enterprise: patch.enterprise === undefined || patch.enterprise.kind === 'existing' ? undefined : checkNewEnterprise(patch.enterprise),
    applicant: patch.applicant === undefined ? undefined : checkParty(patch.applicant, 'applicant'),
    agent: patch.agent === undefined ? undefined : checkAgent(patch.agent),
    queueTicket: patch.queueTicket === undefined ? undefined : checkQueueTicket(patch.queueTicket),
    answers: patch.answers === undefined ? undefined : checkAnswers(patch.answers),
  }));
  if (!checked.ok) return checked;
  const at = chinaIso(context.at ?? new Date());
  const before = await getCase(db, caseId);
  if (before === undefined) return { ok: false, message: m.notFound };
  const [catalogue, cards, loaded] = await Promise.all([activeCatalogue(db), activeGreenCards(db), catalogueForCase(db, before)]);
  // The audit entry is hashed before the transaction, so the correction is worked out first from the case
  // as read here; the write below goes ahead only if the case is still exactly that.
  const planned = await checkIntake(() =>
    guardStorage(() => planCorrection(db, before, patch, checked.value, { catalogue: catalogue.data, cards: cards.data, loaded, at, clerk: context.clerk })),
  );
  if (!planned.ok) return planned;
  const { after, event, enterpriseWrite } = planned.value;
  const audit = {
    at,
    clerkId: context.clerk.id,
    action: 'case.updateIntake',
    subject: caseSubject(caseId),
    details: {
      caseNumber: before.caseNumber,
      fields: [...event.fields],
      addedItems: event.addedItems.map((item) => item.materialKey),
      droppedItems: event.droppedItems.map((item) => item.materialKey),
    },
  };

  return runCaseWrite(db, audit, async () => {
    const [clerk, current] = await Promise.all([actingClerk(db, context.clerk), requireCase(db, caseId)]);
    if (!can(clerk.role, 'case.intake')) throw new Refusal(m.notPermitted);
    requireIntakeOpen(current);
    // Keys moving to the settled index meanwhile (the desk fell quiet) is not a change to the case.
    if (JSON.stringify(unkeyed(current)) !== JSON.stringify(unkeyed(before))) throw new Refusal(m.changedMeanwhile);
    if (enterpriseWrite !== null) {
      if (enterpriseWrite.kind === 'correct' && (await otherCasesOf(db, enterpriseWrite.row.id, caseId)) > 0) throw new Refusal(m.enterpriseShared);
      await db.enterprises.put(enterpriseWrite.row);
    }
    // An enterprise registered with this case and left by it is nobody's: the finder should not offer it.
    if (before.enterpriseId !== null && after.enterpriseId !== before.enterpriseId && (await otherCasesOf(db, before.enterpriseId, caseId)) === 0) {
      await db.enterprises.delete(before.enterpriseId);
    }
    await Promise.all([
      db.cases.put(after),
      appendOps(currentWriteTransaction(), [...caseOp(after, changedCaseFields(before, after), clerk, at), ...caseEventOps(caseId, [event], clerk, at)]),
    ]);
    return after;
  });
}

/** How many cases other than this one are for the enterprise. */
function otherCasesOf(db: DeskDatabase, enterpriseId: EnterpriseRow['id'], caseId: CaseId): Promise<number> {
  return db.cases
    .where('enterpriseId')
    .equals(enterpriseId)
    .filter((row) => row.id !== caseId)
    .count();
}

interface CorrectionEnv {
  catalogue: Catalogue;
  cards: GreenCardList;
  /** The catalogue the case's current checklist is built from, to tell what the correction adds and drops. */
  loaded: CaseCatalogue;
  at: string;
  clerk: WriteContext['clerk'];
}

interface CheckedPatch {
  enterprise: ReturnType<typeof checkNewEnterprise> | undefined;
  applicant: CaseRow['applicant'] | undefined;
  agent: ReturnType<typeof checkAgent> | undefined;
  queueTicket: string | null | undefined;
  answers: ReturnType<typeof checkAnswers> | undefined;
}

interface PlannedCorrection {
  after: CaseRow;
  event: Extract<CaseEvent, { type: 'intakeCorrected' }>;
  /** The enterprise row to store: a new one, or the case's own one corrected. */
  enterpriseWrite: { kind: 'new' | 'correct'; row: EnterpriseRow } | null;
}

/** The case after the correction, and the timeline entry saying what changed; refuses what cannot be done. */
async function planCorrection(db: DeskDatabase, before: CaseRow, patch: IntakePatch, checked: CheckedPatch, env: CorrectionEnv): Promise<PlannedCorrection> {
  const { at } = env;
  requireIntakeOpen(before);
  const after: CaseRow = { ...before, updatedAt: at };
  let enterpriseWrite: PlannedCorrection['enterpriseWrite'] = null;
  if (patch.enterprise?.kind === 'correct' && checked.enterprise !== undefined) {
    const corrected = await correctOwnEnterprise(db, before, checked.enterprise, env);
    after.enterprise = corrected.snapshot;
    if (corrected.row !== null) enterpriseWrite = { kind: 'correct', row: corrected.row };
  } else if (patch.enterprise !== undefined && patch.enterprise.kind !== 'correct') {
    const { row, isNew } = await resolveEnterprise(db, patch.enterprise, at);
    if (row.id !== before.enterpriseId) {
      after.enterpriseId = row.id;
      after.enterprise = caseEnterprise(row, env.cards, at);
      if (isNew) enterpriseWrite = { kind: 'new', row };
    }
  }
  if (checked.applicant !== undefined) after.applicant = checked.applicant;
  if (checked.agent !== undefined) {
    after.agent = checked.agent.agent;
    after.agentAuthorisation = checked.agent.authorisation;
  }
  if (checked.queueTicket !== undefined) after.queueTicket = checked.queueTicket;

  const selectionChanged = patch.selection !== undefined && !sameSelection(patch.selection, selectionOf(before));
  const answersChanged = checked.answers !== undefined && !sameAnswers(checked.answers, before.answers);
  let promised = before.state.promisedWorkingDays;
  let delta: ChecklistDelta = { addedItems: [], droppedItems: [] };
  if (selectionChanged || answersChanged) {
    const answers = answersChanged && checked.answers !== undefined ? checked.answers : before.answers;
    const checklist = build(env.catalogue, selectionChanged && patch.selection !== undefined ? patch.selection : selectionOf(before), answers);
    after.answers = answers;
    after.matterCodes = [...checklist.matterCodes];
    after.bundleCode = checklist.bundleCode;
    after.catalogueVersion = checklist.catalogueVersion;
    promised = promisedDays(env.catalogue, checklist);
    const previous = buildChecklist(env.loaded.catalogue, selectionOf(before), before.answers);
    delta = checklistDelta(previous.ok ? previous.checklist : null, checklist);
  }

  const corrected = correctIntake(before.state, { fields: correctedFields(before, after), ...delta, promisedWorkingDays: promised }, { clerk: env.clerk, at });
  if (!corrected.ok) throw new Refusal(corrected.error.message);
  const event = corrected.events[0];
  if (event?.type !== 'intakeCorrected') throw new Error('correctIntake returned no intakeCorrected event');
  after.state = corrected.state;
  // The clerk is waiting: the new keys go to the fresh index, whichever index held the old ones.
  Object.assign(after, keyedIn('fresh', caseSearchKeys(after)));
  return { after, event, enterpriseWrite };
}

/**
 * The case's own enterprise with corrected details: the snapshot the case carries and, when the enterprise
 * is in the hall's register, the corrected row (null when nothing in it changes or the case has none, as a
 * case another desk took in may not). Refused when other cases use the enterprise or the USCC is another's.
 */
async function correctOwnEnterprise(
  db: DeskDatabase,
  before: CaseRow,
  fields: ReturnType<typeof checkNewEnterprise>,
  env: CorrectionEnv,
): Promise<{ snapshot: CaseRow['enterprise']; row: EnterpriseRow | null }> {
  if (fields.uscc !== null) {
    const holder = await db.enterprises.where('uscc').equals(fields.uscc).first();
    if (holder !== undefined && holder.id !== before.enterpriseId) throw new Refusal(m.usccTaken(holder.name), 'uscc');
  }
  if (before.enterpriseId === null) {
    const snapshot = { ...fields, greenCard: fields.uscc !== null && greenCardIn(env.cards, fields.uscc, businessDateOf(env.at)) !== null };
    return { snapshot, row: null };
  }
  const row = await db.enterprises.get(before.enterpriseId);
  if (row === undefined) throw new Refusal(m.enterpriseNotFound);
  if ((await otherCasesOf(db, row.id, before.id)) > 0) throw new Refusal(m.enterpriseShared);
  const unchanged = row.name === fields.name && row.uscc === fields.uscc && row.address === fields.address;
  const corrected: EnterpriseRow = unchanged ? row : { ...row, ...fields, updatedAt: env.at, ...keyedIn('fresh', enterpriseSearchKeys(fields)) };
  return { snapshot: caseEnterprise(corrected, env.cards, env.at), row: unchanged ? null : corrected };
}

/** Whether the case's enterprise may be corrected from the case: it came in with it and no other case uses it. */
export async function caseOwnsEnterprise(db: DeskDatabase, row: Pick<CaseRow, 'id' | 'enterpriseId'>): Promise<boolean> {
  const { enterpriseId } = row;
  if (enterpriseId === null) return true;
  return guardStorage(async () => (await otherCasesOf(db, enterpriseId, row.id)) === 0);
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
