import type { Person } from '../domain/cases/parties';
import type { IntakeAnswers } from '../domain/catalogue/answers';
import { intakeAnswersSchema } from '../domain/catalogue/answers';
import { checkMobile, checkResidentId, checkUscc } from '../domain/identifiers';
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

export type IdKind = Person['idKind'];

export interface PartyInput {
  name: string;
  idKind: IdKind;
  idNumber: string;
  /** A mainland mobile number, or null when the person gave none. */
  phone: string | null;
}

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

const otherIdNumber = /^[0-9A-Z()（）-]{4,32}$/;

type PartyRole = 'applicant' | 'agent';
const partyFields = {
  applicant: { name: 'applicantName', idNumber: 'applicantIdNumber', phone: 'applicantPhone' },
  agent: { name: 'agentName', idNumber: 'agentIdNumber', phone: 'agentPhone' },
} as const satisfies Record<PartyRole, Record<string, IntakeField>>;

/** A person as stored: name cleaned, ID number canonical (check digits verified for 居民身份证), mobile bare. */
export function checkParty(input: PartyInput, role: PartyRole): Person {
  const fields = partyFields[role];
  const name = requiredText(input.name, fields.name, 50);
  let idNumber: string;
  if (input.idKind === 'residentId') {
    const id = checkResidentId(input.idNumber);
    if (!id.ok) refuse(fields.idNumber, id.error.message);
    idNumber = id.value;
  } else {
    idNumber = input.idNumber.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
    if (!otherIdNumber.test(idNumber)) refuse(fields.idNumber, '证件号码应为4到32位字母、数字、括号或连字符');
  }
  let phone: string | null = null;
  if (input.phone !== null && input.phone.trim() !== '') {
    const mobile = checkMobile(input.phone);
    if (!mobile.ok) refuse(fields.phone, mobile.error.message);
    phone = mobile.value;
  }
  return { name, idKind: input.idKind, idNumber, phone };
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
