import { describe, expect, it } from 'vitest';
import type { BundleCode, QuestionId } from '../../../../../renderer/src/domain/catalogue/schema';
import { AGENT_QUESTION_ID, checkIntakeForm, effectiveAnswers, emptyIntakeForm, withAnswer, type IntakeForm } from '../../../../../renderer/src/features/intake/intakeFormModel';

type Known = { id: string };
const asked = new Set(['shareholderKinds', 'premises', AGENT_QUESTION_ID]);
const today = '2026-09-30';

function filledForm(): IntakeForm<Known> {
  return {
    ...emptyIntakeForm<Known>(),
    queueTicket: 'a012',
    selection: { kind: 'bundle', bundleCode: '510700-YJS-0001' as BundleCode },
    enterprise: { mode: 'new', name: '  绵阳云帆科技有限公司 ', uscc: '', address: '绵阳市涪城区科创园1号' },
    applicant: { name: '李明', idKind: 'residentId', idNumber: '510703199003071233', nationality: '', mobile: '138 0000 1234' },
    answers: { premises: 'rented', shareholderKinds: ['natural_person', 'company'] },
  };
}

describe('checkIntakeForm', () => {
  it('accepts a complete form and hands back cleaned, typed values', () => {
    const check = checkIntakeForm(filledForm(), { asked, pending: [], today });
    expect(check).toEqual({
      ok: true,
      value: {
        queueTicket: 'A012',
        selection: { kind: 'bundle', bundleCode: '510700-YJS-0001' },
        enterprise: { mode: 'new', name: '绵阳云帆科技有限公司', uscc: null, address: '绵阳市涪城区科创园1号' },
        applicant: { name: '李明', idKind: 'residentId', idNumber: '510703199003071233', nationality: null, mobile: '13800001234' },
        agent: null,
        legalRepresentative: null,
        shareholders: [],
        answers: { premises: 'rented', shareholderKinds: ['natural_person', 'company'], agentUsed: false },
      },
    });
  });

  describe('for a company being founded', () => {
    const founding = { asked, pending: [], today, foundsCompany: true };
    const hongKong = { name: '陈大文', idKind: 'hkMacaoPermit' as const, idNumber: 'h60248731', nationality: '', mobile: '' };
    const foreign = { name: 'John Smith', idKind: 'passport' as const, idNumber: 'ep7319468', nationality: 'GBR' };

    it('takes the legal representative without a phone and each shareholder, numbers normalised', () => {
      const check = checkIntakeForm({ ...filledForm(), legalRepresentative: hongKong, shareholders: [foreign] }, founding);
      expect(check.ok && [check.value.legalRepresentative, check.value.shareholders]).toEqual([
        { name: '陈大文', idKind: 'hkMacaoPermit', idNumber: 'H60248731', nationality: null, mobile: null },
        [{ name: 'John Smith', idKind: 'passport', idNumber: 'EP7319468', nationality: 'GBR' }],
      ]);
    });

    it('leaves out a legal representative not begun, and asks for all of him once begun', () => {
      const untouched = checkIntakeForm(filledForm(), founding);
      expect(untouched.ok && untouched.value.legalRepresentative).toBeNull();
      const begun = checkIntakeForm({ ...filledForm(), legalRepresentative: { ...emptyIntakeForm<Known>().legalRepresentative, idKind: 'passport' } }, founding);
      expect(begun.ok ? [] : [...begun.problems.keys()].sort()).toEqual(['legalRepresentative.idNumber', 'legalRepresentative.name', 'legalRepresentative.nationality']);
    });

    it('names the field of the shareholder row that is wrong', () => {
      const check = checkIntakeForm({ ...filledForm(), shareholders: [foreign, { ...foreign, nationality: '' }] }, founding);
      expect(check.ok ? null : Object.fromEntries(check.problems)).toEqual({ 'shareholders.1.nationality': '请选择护照的国籍' });
    });

    it('drops them when no selected matter founds a company, as answers to a removed matter are', () => {
      const check = checkIntakeForm({ ...filledForm(), legalRepresentative: hongKong, shareholders: [{ ...foreign, idNumber: '' }] }, { asked, pending: [], today });
      expect(check.ok && [check.value.legalRepresentative, check.value.shareholders]).toEqual([null, []]);
    });
  });

  it('names every field that is wrong at once', () => {
    const form = { ...filledForm(), selection: null, applicant: { name: '', idKind: 'residentId' as const, idNumber: '510703199003071234', nationality: '', mobile: '12345' } };
    const check = checkIntakeForm(form, { asked, pending: [], today });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect([...check.problems.keys()].sort()).toEqual(['applicant.idNumber', 'applicant.mobile', 'applicant.name', 'selection']);
    expect(check.problems.get('applicant.idNumber')).toContain('校验不通过');
  });

  it('takes in a name with 𠮷, which the documents print with their fallback font', () => {
    const form = { ...filledForm(), enterprise: { mode: 'new' as const, name: '绵阳𠮷祥科技有限公司', uscc: '', address: '' }, applicant: { ...filledForm().applicant, name: '𠮷田明远' } };
    const check = checkIntakeForm(form, { asked, pending: [], today });
    expect(check.ok && [check.value.enterprise, check.value.applicant.name]).toEqual([{ mode: 'new', name: '绵阳𠮷祥科技有限公司', uscc: null, address: null }, '𠮷田明远']);
  });

  it('refuses a name or address with a character no document font has, naming the character and what to do', () => {
    const form = {
      ...filledForm(),
      enterprise: { mode: 'new' as const, name: '绵阳𱍐祥科技有限公司', uscc: '', address: '涪城区😀路1号' },
      applicant: { ...filledForm().applicant, name: '王𱍐' },
    };
    const check = checkIntakeForm(form, { asked, pending: [], today });
    expect(!check.ok && [...check.problems.keys()].sort()).toEqual(['applicant.name', 'enterprise.address', 'enterprise.name']);
    if (check.ok) return;
    expect(check.problems.get('enterprise.name')).toBe(
      '“𱍐”（U+31350）文书字库中没有，通知书和执照都打印不出来。请先核对是否录错；确为证件上的用字的，请联系系统管理员补充字库后再办理。',
    );
    expect(check.problems.get('enterprise.address')).toContain('“😀”（U+1F600）');
  });

  it('refuses to take a case in while a question the checklist depends on is unanswered', () => {
    const check = checkIntakeForm(filledForm(), { asked, pending: ['premises' as QuestionId], today });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problems.get('questions')).toContain('1个受理询问未回答');
  });

  it('requires the agent and the authorisation when an agent is used', () => {
    const form = { ...filledForm(), agentUsed: true };
    const check = checkIntakeForm(form, { asked, pending: [], today });
    expect(!check.ok && [...check.problems.keys()].sort()).toEqual(['agent.authorisation', 'agent.idNumber', 'agent.mobile', 'agent.name']);
  });

  it('keeps the agent and answers the agent question from the form', () => {
    const form = {
      ...filledForm(),
      agentUsed: true,
      agent: { name: '王芳', idKind: 'residentId' as const, idNumber: '11010519491231002X', nationality: '', mobile: '13900001111', authorisation: '代为办理设立登记' },
    };
    const check = checkIntakeForm(form, { asked, pending: [], today });
    expect(check.ok && check.value.agent).toEqual({ name: '王芳', idKind: 'residentId', idNumber: '11010519491231002X', nationality: null, mobile: '13900001111', authorisation: '代为办理设立登记' });
    expect(check.ok && check.value.answers[AGENT_QUESTION_ID]).toBe(true);
  });

  it('takes a Hong Kong applicant and a foreign agent: each document checked by its kind, numbers normalised', () => {
    const form = {
      ...filledForm(),
      applicant: { name: '陈大文', idKind: 'hkMacaoPermit' as const, idNumber: 'h 1234 5678', nationality: '', mobile: '+852 9123 4567' },
      agentUsed: true,
      agent: { name: 'John Smith', idKind: 'passport' as const, idNumber: 'ep1234567', nationality: 'GBR', mobile: '+44 20 7946 0958', authorisation: '代为办理设立登记' },
    };
    const check = checkIntakeForm(form, { asked, pending: [], today });
    expect(check.ok && check.value.applicant).toEqual({ name: '陈大文', idKind: 'hkMacaoPermit', idNumber: 'H12345678', nationality: null, mobile: '+85291234567' });
    expect(check.ok && check.value.agent).toMatchObject({ idKind: 'passport', idNumber: 'EP1234567', nationality: 'GBR', mobile: '+442079460958' });
  });

  it('requires a passport holder\'s nationality and names the kind of a refused number', () => {
    const form = {
      ...filledForm(),
      applicant: { name: 'John Smith', idKind: 'passport' as const, idNumber: 'EP1234567', nationality: '', mobile: '+44 20 7946 0958' },
      agentUsed: true,
      agent: { name: '林志明', idKind: 'taiwanPermit' as const, idNumber: '1234567', nationality: '', mobile: '+886 912 345 678', authorisation: '代为办理设立登记' },
    };
    const check = checkIntakeForm(form, { asked, pending: [], today });
    expect(!check.ok && Object.fromEntries(check.problems)).toEqual({
      'applicant.nationality': '请选择护照的国籍',
      'agent.idNumber': '台湾居民来往大陆通行证号码应为8位数字，旧版为10位数字或字母',
    });
  });

  it('drops answers to questions no selected matter asks any more', () => {
    const form = withAnswer(filledForm(), 'foodBusinessItems' as QuestionId, ['hot_food']);
    const check = checkIntakeForm(form, { asked, pending: [], today });
    expect(check.ok && Object.keys(check.value.answers).sort()).toEqual(['agentUsed', 'premises', 'shareholderKinds']);
  });

  it('refuses a malformed queue ticket and a wrong USCC for a new enterprise', () => {
    const form = { ...filledForm(), queueTicket: '12-AB', enterprise: { mode: 'new' as const, name: '某公司', uscc: '91350100M000100Y44', address: '' } };
    const check = checkIntakeForm(form, { asked, pending: [], today });
    expect(!check.ok && [...check.problems.keys()].sort()).toEqual(['enterprise.uscc', 'queueTicket']);
  });

  it('requires an enterprise to be chosen or registered', () => {
    const check = checkIntakeForm({ ...filledForm(), enterprise: { mode: 'none' } }, { asked, pending: [], today });
    expect(!check.ok && check.problems.get('enterprise')).toBe('请选择已有企业或登记新企业');
  });
});

describe('answers', () => {
  it('clears an answer set to undefined and answers the agent question from the toggle', () => {
    const form = withAnswer(withAnswer(filledForm(), 'premises' as QuestionId, undefined), 'x' as QuestionId, 3);
    expect(form.answers).toEqual({ shareholderKinds: ['natural_person', 'company'], x: 3 });
    expect(effectiveAnswers({ answers: {}, agentUsed: true })).toEqual({ agentUsed: true });
  });
});
