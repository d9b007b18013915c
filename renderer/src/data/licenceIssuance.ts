import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { licenceDataSchema as printedLicenceSchema, type LicenceData as PrintedLicence } from '../documents/schemas';
import { addWorkingDaysOn } from '../domain/calendar';
import type { CaseCommandInput } from '../domain/cases/caseCommands';
import type { HandoverPayload } from '../domain/cases/caseEventRecords';
import type { CaseEvent } from '../domain/cases/caseEvents';
import { inHallApprovalRefusal, type InHallApprovalRefusal } from '../domain/cases/decisionAuthority';
import type { CaseId } from '../domain/cases/caseId';
import { applyCaseCommand } from '../domain/cases/caseStateMachine';
import { caseStatusLabels, type CaseStatusCode } from '../domain/cases/caseStatus';
import { runningDueDate } from '../domain/cases/dueStatus';
import { enteredLicenceDataSchema, licenceDataSchema, type LicenceData } from '../domain/cases/hqDecision';
import type { SignedInClerk } from '../domain/clerks/account';
import { copiesChangeRefusal, copyMarks, copyMarkText, copyNumberOf, licenceCopiesSchema, requestedCopies } from '../domain/cases/licenceCopies';
import { checkIdentityDocument, checkNationality, type IdentityDocumentKind } from '../domain/identityDocuments';
import { cleanText } from '../domain/text';
import { writeWithAudit } from './audit';
import { catalogueForCase, checklistWithin, decisionItems, type CaseCatalogue } from './caseChecklist';
import { caseSearchKeys } from './search/keys';
import { freshened } from './search/keyTiers';
import { actingClerk, caseEventOps, caseOp, caseSubject, caseWriteTables, changedCaseFields, requireCase, type WriteContext } from './caseWrite';
import { activeCalendar } from './catalogueStore';
import { chinaIso } from './clock';
import { requirePermission } from './clerks';
import { guardStorage } from './dataError';
import type { DeskDatabase } from './db';
import { issuanceDataMessages } from './issuanceMessages';
import { dataMessages } from './messages';
import { appendOps, type OpDraft } from './outbox';
import { requirePersonalDataStorable } from './keyProtection';
import type { CaseRow, DocumentRow } from './records';
import { Refusal, refusalsAsResults, type ChangeResult } from './refusal';
import { currentWriteTransaction } from './transaction';

const m = issuanceDataMessages.issuance;

/**
 * The issuing window (统一出件): cases waiting for their licence, an approval the chief records in the hall
 * (on a desk not enrolled with HQ; an enrolled one gets HQ's decisions by sync), and the handover that
 * completes a case and fixes the hall's headline figure, the time from intake to handover.
 */

/** The national enterprise credit publicity system, where a licence's QR code leads. */
const PUBLICITY_URL = 'https://www.gsxt.gov.cn/index.html?uniscid=';

/**
 * Licence data as the licence template prints it (limits of the paper's boxes, and the QR code's text).
 * Refused while 营业期限 is unknown (HQ sent none): the desk neither guesses 长期 nor leaves the box
 * blank, since a licence handed over with a false or missing term must be recalled, voided and printed
 * again on a new sheet, at one more visit of the applicant. The issuing screen says so before printing.
 */
export function printedLicence(licence: LicenceData): PrintedLicence {
  if (licence.businessTerm === undefined) throw new Refusal(m.businessTermUnknown);
  return {
    uscc: licence.uscc,
    name: licence.name,
    type: licence.type,
    legalRepresentative: licence.legalRepresentative,
    registeredCapitalFen: licence.registeredCapitalFen,
    establishedOn: licence.establishedOn,
    businessTerm: licence.businessTerm,
    address: licence.address,
    businessScope: licence.businessScope,
    issuedOn: licence.issuedOn,
    qrText: `${PUBLICITY_URL}${licence.uscc}`,
  };
}

/** Licence data as a form gives it: 营业期限 may be missing, which `checkLicence` refuses. */
export type LicenceInput = z.input<typeof licenceDataSchema>;
export type LicenceField = keyof LicenceData;

/**
 * Checks licence data entered in the hall (营业期限 stated) against the sync protocol and against what
 * the licence paper can hold.
 */
export function checkLicence(input: LicenceInput): ChangeResult<LicenceData, LicenceField> {
  const parsed = enteredLicenceDataSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: issue.message, field: issue.path[0] as LicenceField };
  }
  const printable = printedLicenceSchema.safeParse(printedLicence(parsed.data));
  if (!printable.success) {
    const issue = printable.error.issues[0]!;
    const max = 'maximum' in issue ? Number(issue.maximum) : null;
    return { ok: false, message: max === null ? issue.message : `最多可填${max}个字，超出执照版面`, field: issue.path[0] as LicenceField };
  }
  return { ok: true, value: parsed.data };
}

/** Statuses from which the chief may record an in-hall approval, and the commands that get it to 待出证. */
const towardsIssuance: Partial<Record<CaseStatusCode, CaseCommandInput[]>> = {
  accepted: [{ type: 'startReview' }, { type: 'approve' }, { type: 'markReadyForIssuance' }],
  acceptedWithDeferral: [{ type: 'startReview' }, { type: 'approve' }, { type: 'markReadyForIssuance' }],
  underReview: [{ type: 'approve' }, { type: 'markReadyForIssuance' }],
  approved: [{ type: 'markReadyForIssuance' }],
  // Approved already (by HQ) but without licence data, or without its 营业期限, yet: only the data is recorded.
  awaitingIssuance: [],
};

export const approvableStatusCodes = Object.keys(towardsIssuance) as CaseStatusCode[];

/**
 * Gives the case's state each command in turn through the state machine, without writing: the state and
 * events after them all, or a refusal with the state machine's message at the first it refuses.
 */
async function commandsOutcome(
  db: DeskDatabase,
  row: CaseRow,
  commands: readonly CaseCommandInput[],
  context: { clerk: SignedInClerk; at: string; loaded: CaseCatalogue; addWorkingDays: (start: string, n: number) => string },
): Promise<{ state: CaseRow['state']; events: CaseEvent[] }> {
  const { clerk, at, addWorkingDays } = context;
  const checklist = decisionItems(await checklistWithin(db, row, context.loaded));
  let state = row.state;
  const events: CaseEvent[] = [];
  for (const command of commands) {
    const result = applyCaseCommand(state, command, { clerk, at, checklist, addWorkingDays });
    if (!result.ok) throw new Refusal(result.error.message);
    state = result.state;
    events.push(...result.events);
  }
  return { state, events };
}

/**
 * Inside a case write: gives the case each command in turn through the state machine, as one change.
 * The first refusal stops it (and rolls the whole write back) with the state machine's message.
 */
async function applyCommandsWithin(
  db: DeskDatabase,
  caseId: CaseId,
  commands: readonly CaseCommandInput[],
  context: { clerk: SignedInClerk; at: string; loaded: CaseCatalogue; addWorkingDays: (start: string, n: number) => string },
): Promise<{ before: CaseRow; after: CaseRow; events: CaseEvent[] }> {
  const before = await requireCase(db, caseId);
  const { state, events } = await commandsOutcome(db, before, commands, context);
  const after: CaseRow = { ...before, state, statusCode: state.status.code, dueDate: runningDueDate(state.status) ?? '', updatedAt: context.at };
  return { before, after, events };
}

/**
 * Before a write that gives a case commands: what the state machine will need inside it (the calendar
 * in force and the case's catalogue), read now because a transaction cannot wait on anything else.
 * Undefined for an unknown case.
 */
async function commandContext(db: DeskDatabase, caseId: CaseId, clerk: SignedInClerk, at: string) {
  const existing = await guardStorage(() => db.cases.get(caseId));
  if (existing === undefined) return undefined;
  const [calendar, loaded] = await Promise.all([activeCalendar(db), catalogueForCase(db, existing)]);
  return { existing, clerk, at, loaded, addWorkingDays: (start: string, n: number) => addWorkingDaysOn(calendar.data, start, n) };
}

/** What an in-hall approval needs to know besides who and when: whether the desk is enrolled with HQ. */
export interface InHallApprovalContext extends WriteContext {
  /** From the main process's enrolment (`hqGetConfig`); an enrolled desk takes decisions from HQ only. */
  deskEnrolled: boolean;
}

const inHallRefusalMessages: Record<InHallApprovalRefusal, string> = {
  deskEnrolled: m.decidedByHq,
  caseHeldByHq: m.caseHeldByHq,
};

/** The commands that take the case to 待出证 in the hall; a refusal when the case may not be approved here. */
function approvalCommands(current: CaseRow, deskEnrolled: boolean): readonly CaseCommandInput[] {
  const refusal = inHallApprovalRefusal({ deskEnrolled, caseOnHq: current });
  if (refusal !== null) throw new Refusal(inHallRefusalMessages[refusal]);
  const commands = towardsIssuance[current.statusCode];
  // A case HQ approved without licence data, or with data lacking 营业期限, may have it entered.
  const licenceComplete = current.licence !== null && current.licence.businessTerm !== undefined;
  if (commands === undefined || (current.statusCode === 'awaitingIssuance' && licenceComplete)) {
    throw new Refusal(m.notReviewable(caseStatusLabels[current.statusCode]));
  }
  return commands;
}

/**
 * What stops an in-hall approval of the case now (HQ, its status, 容缺 materials still outstanding…), as
 * the approval itself would refuse it, or null: asked before the chief types the licence data.
 */
export async function inHallApprovalBlocker(db: DeskDatabase, caseId: CaseId, context: InHallApprovalContext): Promise<string | null> {
  const deskRefusal = inHallApprovalRefusal({ deskEnrolled: context.deskEnrolled });
  if (deskRefusal !== null) return inHallRefusalMessages[deskRefusal];
  const prepared = await commandContext(db, caseId, context.clerk, chinaIso(context.at ?? new Date()));
  if (prepared === undefined) return dataMessages.cases.notFound;
  const outcome = await refusalsAsResults(() =>
    guardStorage(() => commandsOutcome(db, prepared.existing, approvalCommands(prepared.existing, context.deskEnrolled), prepared)),
  );
  return outcome.ok ? null : outcome.message;
}

/**
 * The chief records in the hall that the case is approved, with the licence data to print (准予, 厅内):
 * review started if need be, approved, ready for issuance, in one write with its ops and audit entry.
 * Only on a desk not enrolled with HQ, for a case HQ does not hold (`inHallApprovalRefusal`): HQ owns
 * decisions and licence data and sends its own with its decisions.
 */
export async function recordInHallApproval(
  db: DeskDatabase,
  caseId: CaseId,
  input: LicenceInput,
  context: InHallApprovalContext,
): Promise<ChangeResult<CaseRow, LicenceField>> {
  // Refused before anything is read when the desk itself may not; the case is judged inside the write.
  const deskRefusal = inHallApprovalRefusal({ deskEnrolled: context.deskEnrolled });
  if (deskRefusal !== null) return { ok: false, message: inHallRefusalMessages[deskRefusal] };
  const licence = checkLicence(input);
  if (!licence.ok) return licence;
  const at = chinaIso(context.at ?? new Date());
  const prepared = await commandContext(db, caseId, context.clerk, at);
  if (prepared === undefined) return { ok: false, message: dataMessages.cases.notFound };
  const audit = { at, clerkId: context.clerk.id, action: 'case.inHallApproval', subject: caseSubject(caseId), details: { uscc: licence.value.uscc, name: licence.value.name } };
  return refusalsAsResults<CaseRow, LicenceField>(() =>
    guardStorage(async () => {
      const { value } = await writeWithAudit(db, caseWriteTables(db), audit, async () => {
        // The licence data names the legal representative.
        const [clerk] = await Promise.all([actingClerk(db, context.clerk), requirePersonalDataStorable(db)]);
        await requirePermission(db, clerk, 'case.decide', m.notPermittedApproval);
        const current = await requireCase(db, caseId);
        const commands = approvalCommands(current, context.deskEnrolled);
        const { before, after, events } = await applyCommandsWithin(db, caseId, commands, { ...prepared, clerk });
        // The licence's USCC is one of the case's search keys.
        const withLicence: CaseRow = { ...after, licence: licence.value, updatedAt: at };
        const approved = freshened(withLicence, caseSearchKeys(withLicence));
        await db.cases.put(approved);
        await appendOps(currentWriteTransaction(), [...caseOp(approved, changedCaseFields(before, approved), clerk, at), ...caseEventOps(caseId, events, clerk, at)]);
        return approved;
      });
      return value;
    }),
  );
}

/** Who collects the licence: the applicant, the agent, or another person, with an identity document. */
export interface CollectorInput {
  role: HandoverPayload['collectorRole'];
  name: string;
  /** 居民身份证 when not given. */
  idKind?: IdentityDocumentKind;
  idNumber: string;
  /** A passport's nationality (alpha-3 or alpha-2). */
  nationality?: string | null;
}

interface CheckedCollector {
  role: HandoverPayload['collectorRole'];
  name: string;
  idKind: IdentityDocumentKind;
  idNumber: string;
  nationality: string | null;
}

export type CollectorField = 'collectorName' | 'collectorIdNumber';

export interface Handover {
  case: CaseRow;
  documentNumbers: string[];
  /** From intake (the case's createdAt) to this handover. */
  elapsedMinutes: number;
}

/** Whole minutes from intake to handover of a completed case; null for a case not handed over. */
export function intakeToHandoverMinutes(row: Pick<CaseRow, 'createdAt' | 'state'>): number | null {
  const status = row.state.status;
  if (status.code !== 'completed') return null;
  return Math.max(0, Math.floor((Date.parse(status.completedAt) - Date.parse(row.createdAt)) / 60_000));
}

function checkCollector(input: CollectorInput): ChangeResult<CheckedCollector, CollectorField> {
  const name = cleanText(input.name, { max: 50 });
  if (!name.ok) return { ok: false, message: name.error.message, field: 'collectorName' };
  if (name.value === '') return { ok: false, message: m.collectorNameRequired, field: 'collectorName' };
  const idKind = input.idKind ?? 'residentId';
  const id = checkIdentityDocument(idKind, input.idNumber);
  if (!id.ok) return { ok: false, message: m.collectorIdInvalid(id.message), field: 'collectorIdNumber' };
  let nationality: string | null = null;
  if (idKind === 'passport') {
    const checked = checkNationality(input.nationality ?? '');
    if (!checked.ok) return { ok: false, message: m.collectorIdInvalid(checked.message), field: 'collectorIdNumber' };
    nationality = checked.country.alpha3;
  }
  return { ok: true, value: { role: input.role, name: name.value, idKind, idNumber: id.normalised, nationality } };
}

/** The licences of a case that are printed and valid: the 正本, and each 副本 the case asked for. */
export interface LiveLicences {
  licenceOriginal: DocumentRow | undefined;
  /** One entry per 副本 asked for, in order (副本 1/n first); undefined where that 副本 is not printed. */
  licenceCopies: (DocumentRow | undefined)[];
}

export function liveLicences(documents: readonly DocumentRow[], row: Pick<CaseRow, 'licenceCopies'>): LiveLicences {
  const printed = documents.filter((document) => document.status === 'printed');
  return {
    licenceOriginal: printed.find((document) => document.kind === 'licenceOriginal'),
    licenceCopies: copyMarks(requestedCopies(row)).map((mark) => printed.find((document) => document.kind === 'licenceCopy' && copyNumberOf(document) === mark.number)),
  };
}

/** What is still to print before the handover, as the clerk reads it: 营业执照正本, 营业执照副本（副本 2/3）… */
export function missingLicences(live: LiveLicences): string[] {
  const copies = live.licenceCopies.length;
  return [
    ...(live.licenceOriginal === undefined ? [m.originalLabel] : []),
    ...live.licenceCopies.flatMap((document, index) => (document !== undefined ? [] : [copies === 1 ? m.copyLabel : `${m.copyLabel}（${copyMarkText({ number: index + 1, of: copies })}）`])),
  ];
}

/** Whether anything of the case's licences is printed and valid (the 正本 or any 副本). */
export function anyLicencePrinted(live: LiveLicences): boolean {
  return live.licenceOriginal !== undefined || live.licenceCopies.some((document) => document !== undefined);
}

/**
 * Records how many 副本 the company asks for (at 出证, before they are printed). Refused once a 副本 is
 * printed with another count on it (`copiesChangeRefusal`), for a case past issuance, and for a clerk
 * who may not print licences. The count goes to HQ as a case field, with the audit entry.
 */
export async function setLicenceCopies(db: DeskDatabase, caseId: CaseId, count: number, context: WriteContext): Promise<ChangeResult<CaseRow>> {
  const parsed = licenceCopiesSchema.safeParse(count);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  const at = chinaIso(context.at ?? new Date());
  const audit = { at, clerkId: context.clerk.id, action: 'case.licenceCopies', subject: caseSubject(caseId), details: { licenceCopies: parsed.data } };
  return refusalsAsResults<CaseRow>(() =>
    guardStorage(async () => {
      const { value } = await writeWithAudit(db, [...caseWriteTables(db), db.documents], audit, async () => {
        const clerk = await actingClerk(db, context.clerk);
        await requirePermission(db, clerk, 'licence.print', m.notPermittedCopies);
        const before = await requireCase(db, caseId);
        if (!copiesSettable.includes(before.statusCode)) throw new Refusal(m.copiesClosed(caseStatusLabels[before.statusCode]));
        const documents = await db.documents.where('caseId').equals(caseId).toArray();
        const liveMarks = documents.filter((document) => document.kind === 'licenceCopy' && document.status === 'printed').map((document) => document.licenceCopy ?? { number: 1, of: 1 });
        const refusal = copiesChangeRefusal(liveMarks, parsed.data);
        if (refusal !== null) throw new Refusal(refusal);
        const after: CaseRow = { ...before, licenceCopies: parsed.data, updatedAt: at };
        await db.cases.put(freshened(after));
        await appendOps(currentWriteTransaction(), caseOp(after, changedCaseFields(before, after), clerk, at));
        return after;
      });
      return value;
    }),
  );
}

/** A case's 副本 count may be recorded until it is handed over (or closed otherwise). */
const copiesSettable: readonly CaseStatusCode[] = ['accepted', 'acceptedWithDeferral', 'underReview', 'approved', 'awaitingIssuance'];

/**
 * Hands the printed 正本 and 副本 over and completes the case through the state machine: the collector
 * (resident ID checked), the `handover` op naming the licences' 文号, the case's status and event ops and
 * the audit entry with the elapsed time, in one write.
 */
export async function handOver(db: DeskDatabase, caseId: CaseId, collectorInput: CollectorInput, context: WriteContext): Promise<ChangeResult<Handover, CollectorField>> {
  const collector = checkCollector(collectorInput);
  if (!collector.ok) return collector;
  const at = chinaIso(context.at ?? new Date());
  const prepared = await commandContext(db, caseId, context.clerk, at);
  if (prepared === undefined) return { ok: false, message: dataMessages.cases.notFound };
  const minutes = Math.max(0, Math.floor((Date.parse(at) - Date.parse(prepared.existing.createdAt)) / 60_000));
  const audit = {
    at,
    clerkId: context.clerk.id,
    action: 'case.handover',
    subject: caseSubject(caseId),
    details: { collectorRole: collector.value.role, collectorName: collector.value.name, elapsedMinutes: minutes },
  };
  return refusalsAsResults<Handover, CollectorField>(() =>
    guardStorage(async () => {
      const { value } = await writeWithAudit(db, [...caseWriteTables(db), db.documents], audit, async () => {
        const clerk = await actingClerk(db, context.clerk);
        const current = await requireCase(db, caseId);
        if (current.statusCode !== 'awaitingIssuance') throw new Refusal(m.notAwaitingIssuance(caseStatusLabels[current.statusCode]));
        const live = liveLicences(await db.documents.where('caseId').equals(caseId).toArray(), current);
        const missing = missingLicences(live);
        if (missing.length > 0) throw new Refusal(m.licencesMissing(missing));
        const command: CaseCommandInput = { type: 'complete', collector: { name: collector.value.name, idNumber: collector.value.idNumber } };
        const { before, after, events } = await applyCommandsWithin(db, caseId, [command], { ...prepared, clerk });
        await db.cases.put(freshened(after));
        const documentNumbers = [live.licenceOriginal!, ...live.licenceCopies].map((document) => document!.documentNumber);
        const handoverOp: OpDraft = {
          entity: 'handover',
          entityId: uuidv7(),
          payload: {
            caseId,
            collectorName: collector.value.name,
            collectorIdNumber: collector.value.idNumber,
            collectorIdKind: collector.value.idKind,
            ...(collector.value.nationality === null ? {} : { collectorNationality: collector.value.nationality }),
            collectorRole: collector.value.role,
            documentNumbers,
          },
          clerkId: clerk.id,
          at,
        };
        await appendOps(currentWriteTransaction(), [...caseOp(after, changedCaseFields(before, after), clerk, at), ...caseEventOps(caseId, events, clerk, at), handoverOp]);
        return { case: after, documentNumbers, elapsedMinutes: intakeToHandoverMinutes(after)! };
      });
      return value;
    }),
  );
}

/** Cases waiting at the issuing window (待出证), oldest approval first. */
export async function casesAwaitingIssuance(db: DeskDatabase): Promise<CaseRow[]> {
  const rows = await guardStorage(() => db.cases.where('statusCode').equals('awaitingIssuance').toArray());
  return rows.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
}

/**
 * Cases the chief may approve in the hall of a desk not enrolled with HQ (accepted, under review or
 * approved without licence data, and not held by HQ), oldest first.
 */
export async function casesAwaitingDecision(db: DeskDatabase): Promise<CaseRow[]> {
  const codes = approvableStatusCodes.filter((code) => code !== 'awaitingIssuance');
  const rows = await guardStorage(() => db.cases.where('statusCode').anyOf(codes).toArray());
  return rows
    .filter((row) => inHallApprovalRefusal({ deskEnrolled: false, caseOnHq: row }) === null)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
