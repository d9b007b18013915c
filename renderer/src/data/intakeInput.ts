import { casesMessages } from '../domain/cases/messages';
import { MAX_SHAREHOLDERS, type Person, type Shareholder } from '../domain/cases/parties';
import type { IntakeAnswers } from '../domain/catalogue/answers';
import { intakeAnswersSchema } from '../domain/catalogue/answers';
import { checkUscc } from '../domain/identifiers';
import { checkIdentityDocument, checkNationality, type IdentityDocumentKind } from '../domain/identityDocuments';
import { checkPhone } from '../domain/phone';
import { cleanText } from '../domain/text';
import { dataMessages } from './messages';
import type { EnterpriseId } from './records';
import { Refusal } from './refusal';

/**
 * What the intake screen hands the data layer, and the checks that turn it into stored values. Each
 * problem is refused with the field it is about and a Chinese sentence naming that field, so the screen
 * can put the message under the right input.
 */

const m = dataMessages.cases;
const labels = m.fieldLabels;

/** Fields a refusal can point at. */
export type IntakeField = keyof typeof labels;

export interface PartyInput {
  name: string;
  /** A case is taken in or corrected with one of today's kinds (older kinds are only read). */
  idKind: IdentityDocumentKind;
  idNumber: string;
  /** A passport's nationality (ISO 3166 alpha-3 or alpha-2); ignored for other documents. */
  nationality?: string | null;
  /** A phone number (mainland, or abroad with its country code), or null when the person gave none. */
  phone: string | null;
}

/** A natural-person shareholder of a company being founded: name and identity document. */
export type ShareholderInput = Omit<PartyInput, 'phone'>;

export interface AgentInput extends PartyInput {
  /** What the agent may do and on which authorisation (授权委托书 signed on …). */
  authorisation: string;
}

/** An enterprise the hall already knows (from `findEnterprises`), or one being registered now. */
export type EnterpriseChoice =
  | { kind: 'existing'; id: EnterpriseId }
  | { kind: 'new'; name: string; uscc: string | null; address: string | null };

export type NewEnterprise = Extract<EnterpriseChoice, { kind: 'new' }>;

/**
 * Corrects the details of the enterprise a case is for (a misspelt 拟设立名称, a wrong address), in the
 * hall's register too. Only for an enterprise that came in with the case and no other case uses.
 */
export interface EnterpriseCorrection {
  kind: 'correct';
  name: string;
  uscc: string | null;
  address: string | null;
}

/** How a correction of the intake changes the enterprise: another one, a new one, or the same one corrected. */
export type EnterprisePatch = EnterpriseChoice | EnterpriseCorrection;

function refuse(field: IntakeField, detail: string): never {
  throw new Refusal<IntakeField>(m.field(labels[field], detail), field);
}

function text(raw: string, field: IntakeField, max: number, multiline = false): string {
  const cleaned = cleanText(raw, { max, multiline });
  if (!cleaned.ok) refuse(field, cleaned.error.message);
  return cleaned.value;
}

function requiredText(raw: string, field: IntakeField, max: number, multiline = false): string {
  const value = text(raw, field, max, multiline);
  if (value === '') refuse(field, m.empty);
  return value;
}

function optionalText(raw: string | null, field: IntakeField, max: number): string | null {
  if (raw === null) return null;
  const value = text(raw, field, max);
  return value === '' ? null : value;
}

type PartyRole = 'applicant' | 'agent' | 'legalRepresentative';
const partyFields = {
  applicant: { name: 'applicantName', idNumber: 'applicantIdNumber', nationality: 'applicantNationality', phone: 'applicantPhone' },
  agent: { name: 'agentName', idNumber: 'agentIdNumber', nationality: 'agentNationality', phone: 'agentPhone' },
  legalRepresentative: {
    name: 'legalRepresentativeName',
    idNumber: 'legalRepresentativeIdNumber',
    nationality: 'legalRepresentativeNationality',
    phone: 'legalRepresentativePhone',
  },
} as const satisfies Record<PartyRole, Record<string, IntakeField>>;

type DocumentPart = 'name' | 'idNumber' | 'nationality';
type DocumentHolder = Pick<Person, 'name' | 'idKind' | 'idNumber' | 'nationality'>;

/** Name cleaned, number normalised and checked by its kind (check digits included), a passport's nationality as alpha-3. */
function checkDocumentHolder(input: Omit<PartyInput, 'phone'>, refuseOn: (part: DocumentPart, detail: string) => never): DocumentHolder {
  const cleaned = cleanText(input.name, { max: 50 });
  if (!cleaned.ok) refuseOn('name', cleaned.error.message);
  const name = cleaned.value;
  if (name === '') refuseOn('name', m.empty);
  const id = checkIdentityDocument(input.idKind, input.idNumber);
  if (!id.ok) refuseOn('idNumber', id.message);
  let nationality: string | undefined;
  if (input.idKind === 'passport') {
    const checked = checkNationality(input.nationality ?? '');
    if (!checked.ok) refuseOn('nationality', checked.message);
    nationality = checked.country.alpha3;
  }
  return { name, idKind: input.idKind, idNumber: id.normalised, ...(nationality === undefined ? {} : { nationality }) };
}

/**
 * A person as stored: name cleaned, ID number normalised and checked by its kind (check digits included),
 * a passport's nationality as alpha-3, the phone in its stored form (`domain/phone.ts`).
 */
export function checkParty(input: PartyInput, role: PartyRole): Person {
  const fields = partyFields[role];
  const holder = checkDocumentHolder(input, (part, detail) => refuse(fields[part], detail));
  let phone: string | null = null;
  if (input.phone !== null && input.phone.trim() !== '') {
    const checked = checkPhone(input.phone);
    if (!checked.ok) refuse(fields.phone, checked.message);
    phone = checked.normalised;
  }
  return { ...holder, phone };
}

/** The 法定代表人 of a company being founded, or null when the intake names none. */
export function checkLegalRepresentative(input: PartyInput | null): Person | null {
  return input === null ? null : checkParty(input, 'legalRepresentative');
}

/** The natural-person shareholders, each checked like a person on the case; a refusal names the row. */
export function checkShareholders(inputs: readonly ShareholderInput[]): Shareholder[] {
  if (inputs.length > MAX_SHAREHOLDERS) throw new Refusal<IntakeField>(casesMessages.tooManyShareholders(MAX_SHAREHOLDERS), 'shareholders');
  return inputs.map((input, index) =>
    checkDocumentHolder(input, (part, detail) => {
      throw new Refusal<IntakeField>(m.shareholderField(index + 1, m.shareholderParts[part], detail), 'shareholders');
    }),
  );
}

export function checkAgent(input: AgentInput | null): { agent: Person | null; authorisation: string | null } {
  if (input === null) return { agent: null, authorisation: null };
  const agent = checkParty(input, 'agent');
  const authorisation = text(input.authorisation, 'agentAuthorisation', 500, true);
  if (authorisation === '') throw new Refusal<IntakeField>(m.authorisationRequired, 'agentAuthorisation');
  return { agent, authorisation };
}

/** A new enterprise's fields, cleaned; the USCC (when the enterprise already has one) check-digit verified. */
export function checkNewEnterprise(input: Omit<NewEnterprise, 'kind'>): { name: string; uscc: string | null; address: string | null } {
  const name = requiredText(input.name, 'enterpriseName', 200);
  let uscc: string | null = null;
  if (input.uscc !== null && input.uscc.trim() !== '') {
    const checked = checkUscc(input.uscc);
    if (!checked.ok) refuse('uscc', checked.error.message);
    uscc = checked.value;
  }
  return { name, uscc, address: optionalText(input.address, 'address', 300) };
}

/** Queue tickets are printed by the hall's queue machine: capitals, digits and hyphens (A023, B-105). */
export function checkQueueTicket(raw: string | null): string | null {
  if (raw === null || raw.trim() === '') return null;
  const ticket = raw.normalize('NFKC').trim().toUpperCase();
  if (!/^[0-9A-Z-]{1,16}$/.test(ticket)) refuse('queueTicket', '排队号应为1到16位字母、数字或连字符');
  return ticket;
}

/** Answers keep only answered questions (an unanswered one has no key). */
export function checkAnswers(answers: IntakeAnswers): Record<string, NonNullable<IntakeAnswers[string]>> {
  const defined = Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined));
  const parsed = intakeAnswersSchema.safeParse(defined);
  if (!parsed.success) refuse('answers', parsed.error.issues[0]?.message ?? m.empty);
  return parsed.data as Record<string, NonNullable<IntakeAnswers[string]>>;
}
