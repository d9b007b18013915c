import { describe, expect, it } from 'vitest';
import type { EnterpriseId } from '../../../../../renderer/src/data/records';
import type { BundleCode } from '../../../../../renderer/src/domain/catalogue/schema';
import { correctionPatch, enterpriseStart, formFromCase } from '../../../../../renderer/src/features/intake/correctionForm';
import type { KnownEnterprise } from '../../../../../renderer/src/features/intake/EnterpriseSection';
import { AGENT_QUESTION_ID, checkIntakeForm, withAnswer, type CheckedIntake, type IntakeForm } from '../../../../../renderer/src/features/intake/intakeFormModel';
import type { QuestionId } from '../../../../../renderer/src/domain/catalogue/schema';
import { caseRow, person } from '../../data/caseRowFixture';
import { uscc } from '../../../../fixtures/identities';

const asked = new Set(['premises', 'shareholderKinds', AGENT_QUESTION_ID]);
const today = '2026-09-30';
const known: KnownEnterprise = {
  id: '01900000-0000-7000-8000-0000000000e1' as EnterpriseId,
  name: '绵阳老字号餐饮有限公司',
  uscc: uscc('510703', '5A6B7C8D'),
  address: null,
  greenCard: null,
};

function checked(form: IntakeForm<KnownEnterprise>): CheckedIntake<KnownEnterprise> {
  const check = checkIntakeForm(form, { asked, pending: [], today });
  if (!check.ok) throw new Error([...check.problems.values()].join('; '));
  return check.value;
}

describe('formFromCase', () => {
  it('fills the intake form from the case, the agent question left to the agent part', () => {
    const row = caseRow();
    const form = formFromCase(row, enterpriseStart(row, true, null));
    expect(form).toEqual({
      queueTicket: 'A023',
      selection: { kind: 'matters', matterCodes: ['510700-0001'] },
      enterprise: { mode: 'new', name: '绵阳星辰科技有限公司', uscc: '', address: '绵阳市涪城区长虹大道中段18号' },
      applicant: { name: '王小明', idKind: 'residentId', idNumber: person.idNumber, nationality: '', mobile: person.phone },
      agentUsed: true,
      agent: { name: '陈代办', idKind: 'residentId', idNumber: row.agent!.idNumber, nationality: '', mobile: row.agent!.phone, authorisation: '代为办理企业开办全部事项' },
      legalRepresentative: { name: '', idKind: 'residentId', idNumber: '', nationality: '', mobile: '' },
      shareholders: [],
      answers: { premises: 'rented', shareholderKinds: ['natural_person', 'company'] },
    });
  });

  it('opens the legal representative and shareholders taken in, and sends back only what the clerk changed', () => {
    const legalRepresentative = { name: '陈大文', idKind: 'hkMacaoPermit' as const, idNumber: 'H60248731', phone: null };
    const shareholder = { name: 'John Smith', idKind: 'passport' as const, idNumber: 'EP7319468', nationality: 'GBR' };
    const row = { ...caseRow(), legalRepresentative, shareholders: [shareholder] };
    const form = formFromCase(row, enterpriseStart(row, true, null));
    expect([form.legalRepresentative, form.shareholders]).toEqual([
      { name: '陈大文', idKind: 'hkMacaoPermit', idNumber: 'H60248731', nationality: '', mobile: '' },
      [{ name: 'John Smith', idKind: 'passport', idNumber: 'EP7319468', nationality: 'GBR' }],
    ]);
    const check = checkIntakeForm({ ...form, shareholders: [] }, { asked: new Set(['premises', 'shareholderKinds', AGENT_QUESTION_ID]), pending: [], foundsCompany: true });
    if (!check.ok) throw new Error([...check.problems.values()].join());
    expect(correctionPatch(row, check.value, true)).toEqual({ shareholders: [] });
  });

  it('leaves blank what the case does not have: no agent, no ticket, no mobile; a bundle stays a bundle', () => {
    const row = caseRow({ agent: null, agentAuthorisation: null, queueTicket: null, applicant: { ...person, phone: null }, bundleCode: 'YJS-0001' as BundleCode });
    const form = formFromCase(row, enterpriseStart(row, true, null));
    expect(form).toMatchObject({ queueTicket: '', agentUsed: false, agent: { name: '', authorisation: '' }, applicant: { mobile: '' }, selection: { kind: 'bundle', bundleCode: 'YJS-0001' } });
  });
});

describe('formFromCase with documents of other kinds', () => {
  it('opens a passport with its nationality', () => {
    const row = caseRow({ agent: { name: 'John Smith', idKind: 'passport', idNumber: 'EP1234567', nationality: 'GBR', phone: '+442079460958' } });
    expect(formFromCase(row, enterpriseStart(row, true, null)).agent).toMatchObject({ idKind: 'passport', idNumber: 'EP1234567', nationality: 'GBR', mobile: '+442079460958' });
  });

  it('opens a case stored with a 往来通行证 as the permit its number reads as, and "other" as a passport', () => {
    const kindOf = (idKind: 'travelPermit' | 'other', idNumber: string) =>
      formFromCase(caseRow({ applicant: { ...person, idKind, idNumber } }), { mode: 'none' }).applicant.idKind;
    expect(kindOf('travelPermit', 'H12345678')).toBe('hkMacaoPermit');
    expect(kindOf('travelPermit', '12345678')).toBe('taiwanPermit');
    expect(kindOf('other', 'X1234567')).toBe('passport');
  });

  it('sends a legacy kind back as today\'s kind once the clerk saves the correction', () => {
    const row = caseRow({ applicant: { ...person, idKind: 'travelPermit', idNumber: 'H12345678' } });
    const patch = correctionPatch(row, checked(formFromCase(row, enterpriseStart(row, true, null))), true);
    expect(patch.applicant).toEqual({ name: '王小明', idKind: 'hkMacaoPermit', idNumber: 'H12345678', phone: person.phone });
  });
});

describe('enterpriseStart', () => {
  it('opens the case’s own enterprise for correcting, and one the hall knew as the chosen one', () => {
    const row = caseRow({ enterprise: { name: '绵阳老字号餐饮有限公司', uscc: known.uscc, address: null, greenCard: false } });
    expect(enterpriseStart(row, true, known)).toEqual({ mode: 'new', name: '绵阳老字号餐饮有限公司', uscc: known.uscc, address: '' });
    expect(enterpriseStart(row, false, known)).toEqual({ mode: 'existing', enterprise: known });
    // Its row gone from the register, the case's details are what is left to work from.
    expect(enterpriseStart(row, false, null)).toMatchObject({ mode: 'new', name: '绵阳老字号餐饮有限公司' });
  });
});

describe('correctionPatch', () => {
  const row = caseRow();
  const start = () => formFromCase(row, enterpriseStart(row, true, null));

  it('is empty for the form as it was filled in', () => {
    expect(correctionPatch(row, checked(start()), true)).toEqual({});
  });

  it('carries only the fields the clerk changed', () => {
    let form = { ...start(), applicant: { ...start().applicant, mobile: '139 1234 5678' }, queueTicket: 'b105' };
    form = withAnswer(form, 'shareholderKinds' as QuestionId, ['company', 'natural_person', 'public_institution']);
    expect(correctionPatch(row, checked(form), true)).toEqual({
      queueTicket: 'B105',
      applicant: { name: '王小明', idKind: 'residentId', idNumber: person.idNumber, phone: '13912345678' },
      answers: { premises: 'rented', shareholderKinds: ['company', 'natural_person', 'public_institution'], agentUsed: true },
    });
  });

  it('leaves out answers ticked in another order', () => {
    const form = withAnswer(start(), 'shareholderKinds' as QuestionId, ['company', 'natural_person']);
    expect(correctionPatch(row, checked(form), true)).toEqual({});
  });

  it('removes the agent, and the agent answer with it', () => {
    expect(correctionPatch(row, checked({ ...start(), agentUsed: false }), true)).toEqual({
      agent: null,
      answers: { premises: 'rented', shareholderKinds: ['natural_person', 'company'], agentUsed: false },
    });
  });

  it('corrects the case’s own enterprise in place, and registers a new one for a case sharing its enterprise', () => {
    const renamed = { ...start(), enterprise: { mode: 'new' as const, name: '绵阳星辰智能科技有限公司', uscc: '', address: '绵阳市涪城区长虹大道中段18号' } };
    const fields = { name: '绵阳星辰智能科技有限公司', uscc: null, address: '绵阳市涪城区长虹大道中段18号' };
    expect(correctionPatch(row, checked(renamed), true)).toEqual({ enterprise: { kind: 'correct', ...fields } });
    expect(correctionPatch(row, checked(renamed), false)).toEqual({ enterprise: { kind: 'new', ...fields } });
  });

  it('moves the case to another known enterprise, and leaves the one it has alone', () => {
    const other = { ...known, id: '01900000-0000-7000-8000-0000000000e2' as EnterpriseId };
    expect(correctionPatch(row, checked({ ...start(), enterprise: { mode: 'existing', enterprise: other } }), false)).toEqual({ enterprise: { kind: 'existing', id: other.id } });
    expect(correctionPatch(row, checked({ ...start(), enterprise: { mode: 'existing', enterprise: known } }), false)).toEqual({});
  });
});
