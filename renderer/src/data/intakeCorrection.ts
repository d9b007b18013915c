import { checklistDelta, correctedFields, sameAnswers, sameSelection, type ChecklistDelta } from '../domain/cases/caseDiff';
import type { CaseEvent } from '../domain/cases/caseEvents';
import type { CaseId } from '../domain/cases/caseId';
import { correctIntake } from '../domain/cases/caseStateMachine';
import type { IntakeAnswers } from '../domain/catalogue/answers';
import { buildChecklist, type Checklist } from '../domain/catalogue/checklist';
import type { Catalogue } from '../domain/catalogue/schema';
import type { CatalogueSelection } from '../domain/catalogue/selection';
import { businessDateOf } from '../domain/chineseDate';
import { can } from '../domain/clerks/permissions';
import { catalogueForCase, selectionOf, type CaseCatalogue } from './caseChecklist';
import { caseEnterprise, otherCasesOf, resolveEnterprise } from './caseEnterprise';
import { getCase, promisedDays, type DraftCaseInput } from './cases';
import {
  actingClerk,
  caseEventOps,
  caseOp,
  caseSubject,
  changedCaseFields,
  checkIntake,
  requireCase,
  requireIntakeOpen,
  runCaseWrite,
  type CaseChange,
  type WriteContext,
} from './caseWrite';
import { activeCatalogue, activeGreenCards, greenCardIn } from './catalogueStore';
import { chinaIso } from './clock';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import type { GreenCardList } from './greenCards';
import { checkAgent, checkAnswers, checkLegalRepresentative, checkNewEnterprise, checkParty, checkQueueTicket, checkShareholders, type EnterprisePatch } from './intakeInput';
import { dataMessages } from './messages';
import { appendOps } from './outbox';
import type { CaseRow, EnterpriseRow } from './records';
import { Refusal } from './refusal';
import { keyedIn, unkeyed } from './search/keyTiers';
import { caseSearchKeys, enterpriseSearchKeys } from './search/keys';
import { currentWriteTransaction } from './transaction';

/**
 * Correcting the intake of a case still at the counter (修改受理信息). The correction is worked out from
 * the case as read, then written only if the case is still exactly that.
 */

const m = dataMessages.cases;

/** Intake fields to change; those left out stay as they are. `answers` replaces all answers. */
export type IntakePatch = Partial<Omit<DraftCaseInput, 'enterprise'>> & { enterprise?: EnterprisePatch };

/** The checklist the corrected selection and answers call for; refused when the catalogue cannot build it. */
function build(catalogue: Catalogue, selection: CatalogueSelection, answers: IntakeAnswers): Checklist {
  const built = buildChecklist(catalogue, selection, answers);
  if (!built.ok) throw new Refusal(built.message);
  return built.checklist;
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
    legalRepresentative: patch.legalRepresentative === undefined ? undefined : checkLegalRepresentative(patch.legalRepresentative),
    shareholders: patch.shareholders === undefined ? undefined : checkShareholders(patch.shareholders),
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
  legalRepresentative: ReturnType<typeof checkLegalRepresentative> | undefined;
  shareholders: ReturnType<typeof checkShareholders> | undefined;
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
  // The called ticket's times belong to its number: another number typed in keeps none (叫号, data/queueService.ts).
  if (after.queueTicket !== before.queueTicket && before.queueService !== undefined && before.queueService !== null) after.queueService = null;
  if (checked.legalRepresentative !== undefined) after.legalRepresentative = checked.legalRepresentative;
  if (checked.shareholders !== undefined) after.shareholders = checked.shareholders;

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
