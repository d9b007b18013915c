import { selectionOf } from '../../data/caseChecklist';
import type { IntakePatch } from '../../data/intakeCorrection';
import { sameAnswers, sameSelection } from '../../domain/cases/caseDiff';
import { currentIdKind } from '../../domain/cases/parties';
import type { AgentInput, PartyInput, ShareholderInput } from '../../data/intakeInput';
import type { CaseRow } from '../../data/records';
import type { KnownEnterprise } from './EnterpriseSection';
import { AGENT_QUESTION_ID, emptyPartyForm, type CheckedIntake, type CheckedParty, type EnterpriseChoice, type IntakeForm, type PartyForm } from './intakeFormModel';

/**
 * The intake form filled in from a registered case, and the form's checked values turned back into the
 * changes to save. Correcting the intake uses the same form as taking a case in; only what differs from the
 * case is sent, so an untouched answer never rebuilds the checklist and an untouched field never reaches HQ.
 */

type Person = CaseRow['applicant'];

function partyForm(person: Person | null): PartyForm {
  if (person === null) return emptyPartyForm();
  return { name: person.name, idKind: currentIdKind(person), idNumber: person.idNumber, nationality: person.nationality ?? '', mobile: person.phone ?? '' };
}

/** A person from the form as the data layer takes it. */
export function partyInput(person: CheckedParty): PartyInput {
  return { name: person.name, idKind: person.idKind, idNumber: person.idNumber, ...(person.nationality === null ? {} : { nationality: person.nationality }), phone: person.mobile };
}

/** A shareholder as the data layer takes it (and as the case stores one, for comparing). */
export function shareholderInput(person: { name: string; idKind: ShareholderInput['idKind'] | Person['idKind']; idNumber: string; nationality?: string | null | undefined }): ShareholderInput {
  return { name: person.name, idKind: currentIdKind(person), idNumber: person.idNumber, ...(person.nationality == null ? {} : { nationality: person.nationality }) };
}

export function agentInput(agent: NonNullable<CheckedIntake<unknown>['agent']>): AgentInput {
  return { ...partyInput(agent), authorisation: agent.authorisation };
}

/**
 * Where the enterprise part of the form starts. An enterprise that came in with the case and no other case
 * uses (`owned`) opens with its details in the fields, to be corrected in place; one the hall already knew
 * opens as the chosen enterprise, which the clerk may change for another but not rename from here.
 */
export function enterpriseStart(row: CaseRow, owned: boolean, known: KnownEnterprise | null): EnterpriseChoice<KnownEnterprise> {
  if (owned || known === null) return { mode: 'new', name: row.enterprise.name, uscc: row.enterprise.uscc ?? '', address: row.enterprise.address ?? '' };
  return { mode: 'existing', enterprise: known };
}

/** The intake form as the case stands. The agent question is answered by the agent part of the form. */
export function formFromCase(row: CaseRow, enterprise: EnterpriseChoice<KnownEnterprise>): IntakeForm<KnownEnterprise> {
  const answers = Object.fromEntries(Object.entries(row.answers).filter(([id]) => id !== AGENT_QUESTION_ID));
  return {
    queueTicket: row.queueTicket ?? '',
    selection: selectionOf(row),
    enterprise,
    applicant: partyForm(row.applicant),
    agentUsed: row.agent !== null,
    agent: { ...partyForm(row.agent), authorisation: row.agentAuthorisation ?? '' },
    legalRepresentative: partyForm(row.legalRepresentative ?? null),
    shareholders: (row.shareholders ?? []).map(({ name, idKind, idNumber, nationality }) => ({ name, idKind: currentIdKind({ idKind, idNumber }), idNumber, nationality: nationality ?? '' })),
    answers,
  };
}

function samePerson(person: Person, input: PartyInput): boolean {
  return (
    person.name === input.name &&
    person.idKind === input.idKind &&
    person.idNumber === input.idNumber &&
    (person.nationality ?? null) === (input.nationality ?? null) &&
    person.phone === input.phone
  );
}

/** The fields of the checked form that differ from the case; an empty patch when nothing does. */
export function correctionPatch(row: CaseRow, checked: CheckedIntake<KnownEnterprise>, ownsEnterprise: boolean): IntakePatch {
  const patch: IntakePatch = {};
  if (checked.queueTicket !== row.queueTicket) patch.queueTicket = checked.queueTicket;
  if (!sameSelection(checked.selection, selectionOf(row))) patch.selection = checked.selection;

  const enterprise = checked.enterprise;
  if (enterprise.mode === 'existing') {
    if (enterprise.enterprise.id !== row.enterpriseId) patch.enterprise = { kind: 'existing', id: enterprise.enterprise.id };
  } else {
    const fields = { name: enterprise.name, uscc: enterprise.uscc, address: enterprise.address };
    const current = row.enterprise;
    // The case's own enterprise is corrected in place; typed in for a case whose enterprise others share, it is a new one.
    if (!ownsEnterprise) patch.enterprise = { kind: 'new', ...fields };
    else if (fields.name !== current.name || fields.uscc !== current.uscc || fields.address !== current.address) patch.enterprise = { kind: 'correct', ...fields };
  }

  const applicant = partyInput(checked.applicant);
  if (!samePerson(row.applicant, applicant)) patch.applicant = applicant;
  if (checked.agent === null) {
    if (row.agent !== null) patch.agent = null;
  } else {
    const agent = agentInput(checked.agent);
    if (row.agent === null || !samePerson(row.agent, agent) || row.agentAuthorisation !== agent.authorisation) patch.agent = agent;
  }
  const legalRepresentative = checked.legalRepresentative === null ? null : partyInput(checked.legalRepresentative);
  const stored = row.legalRepresentative ?? null;
  if (legalRepresentative === null ? stored !== null : stored === null || !samePerson(stored, legalRepresentative)) patch.legalRepresentative = legalRepresentative;
  const shareholders = checked.shareholders.map(shareholderInput);
  if (JSON.stringify(shareholders) !== JSON.stringify((row.shareholders ?? []).map(shareholderInput))) patch.shareholders = shareholders;
  if (!sameAnswers(checked.answers, row.answers)) patch.answers = checked.answers;
  return patch;
}
