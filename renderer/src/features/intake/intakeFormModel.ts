import type { AnswerValue, IntakeAnswers } from '../../domain/catalogue/answers';
import type { QuestionId } from '../../domain/catalogue/schema';
import type { CatalogueSelection } from '../../domain/catalogue/selection';
import type { Uscc } from '../../domain/identifiers';
import type { IdentityDocumentKind } from '../../domain/identityDocuments';
import { checkIdentityDocumentField, checkNationalityField, checkPhoneField, checkTextField, checkUsccField, type FieldCheck } from '../common/fieldChecks';
import type { IdentityDocumentValue } from '../common/IdentityDocumentFields';
import { intakeMessages as m } from './messages';

/**
 * The intake form as typed, and its check into clean values. Every field is checked by the same function
 * that shows its message under the field, so the form refuses exactly what the clerk sees in red.
 */

/**
 * The catalogue's question "是否委托代理人办理" is answered by the agent part of the form rather than asked
 * again among the matter questions: the form cannot then say "no agent" while listing one.
 */
export const AGENT_QUESTION_ID = 'agentUsed' as QuestionId;

export interface PartyForm extends IdentityDocumentValue {
  name: string;
  mobile: string;
}

/** A natural-person shareholder as typed: name and identity document. */
export interface ShareholderForm extends IdentityDocumentValue {
  name: string;
}

export interface AgentForm extends PartyForm {
  /** What the 授权委托书 authorises and until when, as the clerk reads it. */
  authorisation: string;
}

/** An enterprise picked from those the hall knows (its id), or a new one typed in. */
export type EnterpriseChoice<Known> =
  | { mode: 'none' }
  | { mode: 'existing'; enterprise: Known }
  | { mode: 'new'; name: string; uscc: string; address: string };

export interface IntakeForm<Known> {
  queueTicket: string;
  selection: CatalogueSelection | null;
  enterprise: EnterpriseChoice<Known>;
  applicant: PartyForm;
  agentUsed: boolean;
  agent: AgentForm;
  /** Asked only when a selected matter founds a company (`foundsCompany`); ignored otherwise. */
  legalRepresentative: PartyForm;
  shareholders: ShareholderForm[];
  answers: IntakeAnswers;
}

export function emptyPartyForm(): PartyForm {
  return { name: '', idKind: 'residentId', idNumber: '', nationality: '', mobile: '' };
}

export function emptyIntakeForm<Known>(): IntakeForm<Known> {
  const party = emptyPartyForm();
  return {
    queueTicket: '',
    selection: null,
    enterprise: { mode: 'none' },
    applicant: { ...party },
    agentUsed: false,
    agent: { ...party, authorisation: '' },
    legalRepresentative: { ...party },
    shareholders: [],
    answers: {},
  };
}

export function emptyShareholderForm(): ShareholderForm {
  return { name: '', idKind: 'residentId', idNumber: '', nationality: '' };
}

/**
 * Whether the clerk has begun the 法定代表人: he is optional on the form, and is checked (and asked for in
 * full) once anything of him is typed or another document than a 居民身份证 is chosen.
 */
export function legalRepresentativeBegun(person: PartyForm): boolean {
  return person.idKind !== 'residentId' || [person.name, person.idNumber, person.nationality, person.mobile].some((value) => value.trim() !== '');
}

/** The answers the checklist is built from: the clerk's answers plus the agent question from the form. */
export function effectiveAnswers(form: Pick<IntakeForm<unknown>, 'answers' | 'agentUsed'>): IntakeAnswers {
  return { ...form.answers, [AGENT_QUESTION_ID]: form.agentUsed };
}

function askedAnswers(answers: IntakeAnswers, asked: ReadonlySet<string>): IntakeAnswers {
  return Object.fromEntries(Object.entries(answers).filter(([id, value]) => asked.has(id) && value !== undefined));
}

export function withAnswer<K>(form: IntakeForm<K>, id: QuestionId, value: AnswerValue | undefined): IntakeForm<K> {
  const answers: Record<string, AnswerValue | undefined> = { ...form.answers };
  if (value === undefined) delete answers[id];
  else answers[id] = value;
  return { ...form, answers };
}

export interface CheckedParty {
  name: string;
  idKind: IdentityDocumentKind;
  /** Normalised for its kind. */
  idNumber: string;
  /** A passport's nationality (alpha-3); null for other documents. */
  nationality: string | null;
  /** In its stored form (`domain/phone.ts`); null only where the phone is optional (the 法定代表人's). */
  mobile: string | null;
}

export type CheckedShareholder = Omit<CheckedParty, 'mobile'>;

export type CheckedEnterprise<Known> =
  | { mode: 'existing'; enterprise: Known }
  | { mode: 'new'; name: string; uscc: Uscc | null; address: string | null };

export interface CheckedIntake<Known> {
  queueTicket: string | null;
  selection: CatalogueSelection;
  enterprise: CheckedEnterprise<Known>;
  applicant: CheckedParty;
  agent: (CheckedParty & { authorisation: string }) | null;
  /** Null when no matter founds a company, or none was typed. */
  legalRepresentative: CheckedParty | null;
  shareholders: CheckedShareholder[];
  answers: IntakeAnswers;
}

/** Field paths the form shows messages under. */
export type IntakeField =
  | 'queueTicket'
  | 'selection'
  | 'enterprise'
  | 'enterprise.name'
  | 'enterprise.uscc'
  | 'enterprise.address'
  | `${'applicant' | 'agent' | 'legalRepresentative'}.${'name' | 'idNumber' | 'nationality' | 'mobile'}`
  | `shareholders.${number}.${'name' | 'idNumber' | 'nationality'}`
  | 'agent.authorisation'
  | 'questions';

export type IntakeCheck<Known> =
  | { ok: true; value: CheckedIntake<Known> }
  | { ok: false; problems: ReadonlyMap<IntakeField, string> };

export const fieldLimits = {
  queueTicket: 10,
  enterpriseName: 60,
  address: 100,
  personName: 30,
  authorisation: 200,
} as const;

const QUEUE_TICKET = /^[A-Za-z]{0,2}\d{1,5}$/;

export interface IntakeCheckContext {
  /** The questions the selected matters ask; answers to others (from a matter since removed) are dropped. */
  asked: ReadonlySet<string>;
  /** Questions the checklist still depends on (`Checklist.pendingQuestionIds`): a case cannot be taken
   * in while its list of materials is unsettled. */
  pending: readonly QuestionId[];
  /** `YYYY-MM-DD` for the birth-date-not-in-the-future rule; defaults to this machine's date. */
  today?: string;
  /** A selected matter founds a company: its 法定代表人 and natural-person shareholders are taken in. */
  foundsCompany?: boolean;
}

/** Checks the whole form; on success the values are cleaned and typed for saving. */
export function checkIntakeForm<Known>(form: IntakeForm<Known>, context: IntakeCheckContext): IntakeCheck<Known> {
  const { pending: pendingQuestions, today } = context;
  const problems = new Map<IntakeField, string>();
  const take = <T>(field: IntakeField, check: FieldCheck<T>): T | undefined => {
    if (check.ok) return check.value;
    problems.set(field, check.message);
    return undefined;
  };

  const ticket = take('queueTicket', checkTextField(form.queueTicket, { label: m.queueTicket.label, max: fieldLimits.queueTicket, required: false }));
  if (ticket !== undefined && ticket !== null && !QUEUE_TICKET.test(ticket)) problems.set('queueTicket', m.queueTicket.invalid);

  if (form.selection === null) problems.set('selection', m.matters.empty);
  if (pendingQuestions.length > 0) problems.set('questions', m.questions.unanswered(pendingQuestions.length));

  let enterprise: CheckedEnterprise<Known> | undefined;
  if (form.enterprise.mode === 'none') problems.set('enterprise', m.enterprise.empty);
  else if (form.enterprise.mode === 'existing') enterprise = form.enterprise;
  else {
    const name = take('enterprise.name', checkTextField(form.enterprise.name, { label: m.enterprise.name, max: fieldLimits.enterpriseName, required: true }));
    const uscc = take('enterprise.uscc', checkUsccField(form.enterprise.uscc, { label: m.enterprise.uscc, required: false }));
    const address = take('enterprise.address', checkTextField(form.enterprise.address, { label: m.enterprise.address, max: fieldLimits.address, required: false }));
    if (name !== undefined && name !== null && uscc !== undefined && address !== undefined) {
      enterprise = { mode: 'new', name, uscc: uscc?.value ?? null, address };
    }
  }

  const documentHolder = (at: `${'applicant' | 'agent' | 'legalRepresentative'}` | `shareholders.${number}`, raw: ShareholderForm, labels: { name: string; idNumber: string }) => {
    const name = take(`${at}.name`, checkTextField(raw.name, { label: labels.name, max: fieldLimits.personName, required: true }));
    const idNumber = take(`${at}.idNumber`, checkIdentityDocumentField(raw.idKind, raw.idNumber, { label: labels.idNumber, required: true }, today));
    const nationality = raw.idKind === 'passport' ? take(`${at}.nationality`, checkNationalityField(raw.nationality)) : null;
    return name && idNumber && nationality !== undefined ? { name, idKind: raw.idKind, idNumber, nationality } : undefined;
  };
  const party = (who: 'applicant' | 'agent' | 'legalRepresentative', raw: PartyForm, labels: { name: string; idNumber: string; mobile: string }, mobileRequired = true) => {
    const holder = documentHolder(who, raw, labels);
    const mobile = take(`${who}.mobile`, checkPhoneField(raw.mobile, { label: labels.mobile, required: mobileRequired }));
    return holder && mobile !== undefined && (mobile !== null || !mobileRequired) ? { ...holder, mobile } : undefined;
  };
  const applicant = party('applicant', form.applicant, m.applicant);
  let agent: CheckedIntake<Known>['agent'] | undefined = null;
  if (form.agentUsed) {
    const person = party('agent', form.agent, m.agent);
    const authorisation = take(
      'agent.authorisation',
      checkTextField(form.agent.authorisation, { label: m.agent.authorisation, max: fieldLimits.authorisation, required: true, multiline: true }),
    );
    agent = person && authorisation ? { ...person, authorisation } : undefined;
  }

  // The company's people only for a founding; typed for a matter since removed, they are dropped like its answers.
  const founding = context.foundsCompany === true;
  const legalRepresentative =
    founding && legalRepresentativeBegun(form.legalRepresentative) ? party('legalRepresentative', form.legalRepresentative, m.legalRepresentative, false) : null;
  const shareholders = founding
    ? form.shareholders.map((shareholder, index) => documentHolder(`shareholders.${index}`, shareholder, m.shareholders.labels(index + 1)))
    : [];

  if (
    problems.size > 0 ||
    form.selection === null ||
    !enterprise ||
    !applicant ||
    agent === undefined ||
    ticket === undefined ||
    legalRepresentative === undefined ||
    shareholders.some((shareholder) => shareholder === undefined)
  ) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    value: {
      queueTicket: ticket === null ? null : ticket.toUpperCase(),
      selection: form.selection,
      enterprise,
      applicant,
      agent,
      legalRepresentative,
      shareholders: shareholders.filter((shareholder) => shareholder !== undefined),
      answers: askedAnswers(effectiveAnswers(form), context.asked),
    },
  };
}

