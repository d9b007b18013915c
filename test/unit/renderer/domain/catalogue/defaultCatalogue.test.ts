import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChecklistItemStatus } from '../../../../../renderer/src/domain/cases/decisionChecklist';
import type { IntakeAnswers } from '../../../../../renderer/src/domain/catalogue/answers';
import {
  buildChecklist,
  checklistProgress,
  type Checklist,
  type ChecklistItemKey,
} from '../../../../../renderer/src/domain/catalogue/checklist';
import { parseCatalogue } from '../../../../../renderer/src/domain/catalogue/parseCatalogue';
import type { Catalogue, Matter, QuestionId } from '../../../../../renderer/src/domain/catalogue/schema';
import { intakeQuestionsFor, type CatalogueSelection } from '../../../../../renderer/src/domain/catalogue/selection';

/** The catalogue the app ships with, read the way the loader will: JSON handed to `parseCatalogue`. */
const shippedJson: unknown = JSON.parse(readFileSync('resources/catalogue/default.json', 'utf8'));

function shipped(): Catalogue {
  const result = parseCatalogue(shippedJson);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.catalogue;
}

const catalogue = shipped();
const enterpriseOpening = catalogue.bundles.find((bundle) => bundle.name === '企业开办')!;
const bundleSelection: CatalogueSelection = { kind: 'bundle', bundleCode: enterpriseOpening.code };

function matterNamed(fragment: string): Matter {
  const matter = catalogue.matters.find((candidate) => candidate.name.includes(fragment));
  if (matter === undefined) throw new Error(`no matter named like ${fragment}`);
  return matter;
}

function checklistFor(selection: CatalogueSelection, answers: IntakeAnswers): Checklist {
  const result = buildChecklist(catalogue, selection, answers);
  if (!result.ok) throw new Error(result.message);
  return result.checklist;
}

const establishment = matterNamed('有限责任公司设立登记');
const onlyEstablishment: CatalogueSelection = { kind: 'matters', matterCodes: [establishment.code] };
const itemNames = (checklist: Checklist) => checklist.items.map((item) => item.name);

/** The brief's scenario: one natural-person and one corporate shareholder, rented premises. */
const scenario: IntakeAnswers = {
  shareholderKinds: ['natural_person', 'company'],
  premises: 'rented',
  agentUsed: false,
  scopeNeedsPreApproval: false,
  needsInvoices: true,
  employeeCount: 3,
};

describe('the shipped catalogue', () => {
  it('passes its own validation', () => {
    expect(parseCatalogue(shippedJson)).toMatchObject({ ok: true });
  });

  it('offers the 企业开办 bundle with its six matters', () => {
    const names = enterpriseOpening.matterCodes.map((code) => catalogue.matters.find((m) => m.code === code)!.name);
    expect(names).toHaveLength(6);
    for (const fragment of ['设立登记', '公章刻制', '发票', '员工参保', '住房公积金', '银行开户']) {
      expect(names.some((name) => name.includes(fragment))).toBe(true);
    }
    expect(establishment.name).toContain('社保登记');
  });

  it('offers at least six more matters an enterprise service centre handles', () => {
    const others = catalogue.matters.filter((matter) => !enterpriseOpening.matterCodes.includes(matter.code));
    expect(others.length).toBeGreaterThanOrEqual(6);
    for (const fragment of ['变更登记', '简易注销', '食品经营许可', '分公司设立', '个体工商户', '印章补刻']) {
      expect(others.some((matter) => matter.name.includes(fragment))).toBe(true);
    }
  });

  it('gives 设立登记 a one-day promise within the three-day legal limit and issues a licence', () => {
    expect(establishment).toMatchObject({
      kind: 'commitment',
      legalLimitDays: 3,
      promisedLimitDays: 1,
      feeFen: 0,
      certificate: '营业执照',
    });
    expect(matterNamed('食品经营许可')).toMatchObject({ legalLimitDays: 10, promisedLimitDays: 5 });
  });

  it('asks the four intake questions that drive the 设立登记 materials', () => {
    const questions = new Map(establishment.questions.map((question) => [question.id, question]));
    const shareholderKinds = questions.get('shareholderKinds' as QuestionId);
    const premises = questions.get('premises' as QuestionId);
    expect(shareholderKinds?.kind).toBe('multi');
    expect(shareholderKinds?.kind === 'multi' && shareholderKinds.options.map((o) => o.value)).toEqual([
      'natural_person',
      'company',
      'public_institution',
    ]);
    expect(premises?.kind === 'single' && premises.options.map((o) => o.value)).toEqual([
      'owned_titled',
      'owned_untitled',
      'purchased_untitled',
      'rented',
      'cluster',
    ]);
    expect(questions.get('agentUsed' as QuestionId)?.kind).toBe('boolean');
    expect(questions.get('scopeNeedsPreApproval' as QuestionId)?.kind).toBe('boolean');
  });

  it('asks each question of the bundle once', () => {
    const ids = intakeQuestionsFor(
      enterpriseOpening.matterCodes.map((code) => catalogue.matters.find((m) => m.code === code)!),
    ).map((question) => question.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['agentUsed', 'needsInvoices', 'employeeCount']));
  });
});

describe('企业开办 with a natural-person and a corporate shareholder on rented premises', () => {
  const checklist = checklistFor(bundleSelection, scenario);
  const names = itemNames(checklist);

  it('asks for the lease and the owner’s title proof', () => {
    expect(names).toContain('住所使用证明：租赁协议或无偿使用证明');
    expect(names).toContain('出租（出借）方的房屋产权证明');
  });

  it('asks for the corporate shareholder’s licence copy and the natural person’s ID', () => {
    const licence = checklist.items.find((item) => item.name === '企业股东的营业执照');
    expect(licence).toMatchObject({ form: 'copy', required: true });
    expect(names).toContain('自然人股东身份证件');
  });

  it('does not ask for the own-title proof, the other premises proofs, or an institution’s certificate', () => {
    expect(names).not.toContain('住所使用证明：房屋产权证明（自有房产）');
    expect(names.filter((name) => name.startsWith('住所'))).toEqual(['住所使用证明：租赁协议或无偿使用证明']);
    expect(names.some((name) => name.includes('事业单位'))).toBe(false);
  });

  it('asks for the core 设立登记 materials and the 2026 实名登记确认', () => {
    for (const name of ['公司登记（备案）申请书', '公司章程', '董事、监事、经理的任职文件', '法定代表人任职文件', '实名登记确认（2026年版）']) {
      expect(names).toContain(name);
    }
  });

  it('collects a shared material once, listing every department it goes to', () => {
    expect(names.filter((name) => name === '法定代表人身份证件')).toHaveLength(1);
    const legalRepId = checklist.items.find((item) => item.name === '法定代表人身份证件')!;
    expect(legalRepId.sources.map((source) => source.department)).toEqual([
      '市市场监督管理局',
      '市公安局',
      '市税务局',
      '市住房公积金管理中心',
      '开户银行（申请人自选）',
    ]);
  });

  it('marks the licence, which other departments receive from the registration, as exempt and collects it once', () => {
    const licences = checklist.items.filter((item) => item.name === '营业执照（副本）');
    expect(licences).toHaveLength(1);
    expect(licences[0]!.exempt).not.toBeNull();
    expect(licences[0]!.sources).toHaveLength(5);
  });

  it('collects the articles once and keeps them required, because 设立登记 needs the original', () => {
    const articles = checklist.items.filter((item) => item.name === '公司章程');
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({ required: true, exempt: null, form: 'original' });
    expect(articles[0]!.sources.map((source) => source.matterCode)).toEqual([establishment.code, '510700-0006']);
  });

  it('asks for no agent papers when the legal representative applies in person, and no pre-approval', () => {
    expect(names.some((name) => name.includes('授权委托书'))).toBe(false);
    expect(names.some((name) => name.includes('前置许可'))).toBe(false);
    expect(checklist.pendingQuestionIds).toEqual([]);
  });

  it('reaches full progress once every required item that is not exempt is received', () => {
    const statuses = new Map<ChecklistItemKey, ChecklistItemStatus>();
    for (const item of checklist.items) if (item.required && item.exempt === null) statuses.set(item.key, 'received');
    const progress = checklistProgress(checklist.items, statuses);
    expect(progress.requiredTotal).toBeGreaterThan(10);
    expect(progress.requiredReceived).toBe(progress.requiredTotal);
  });
});

describe('设立登记 materials by intake answer', () => {
  it.each([
    ['owned_titled', ['住所使用证明：房屋产权证明（自有房产）']],
    ['owned_untitled', ['住所使用证明：房产管理部门或村（居）委会出具的场所证明']],
    ['purchased_untitled', ['住所使用证明：购房合同']],
    ['rented', ['住所使用证明：租赁协议或无偿使用证明', '出租（出借）方的房屋产权证明']],
    ['cluster', ['住所托管协议（集群注册）', '托管企业（受托方）营业执照']],
  ])('premises %s asks for exactly its own proof', (premises, expected) => {
    const names = itemNames(checklistFor(onlyEstablishment, { ...scenario, premises }));
    const premisesNames = names.filter((name) => name.startsWith('住所') || name.includes('出租') || name.includes('托管'));
    expect(premisesNames).toEqual(expected);
  });

  it('asks a public institution shareholder for its registration certificate', () => {
    const names = itemNames(checklistFor(onlyEstablishment, { ...scenario, shareholderKinds: ['public_institution'] }));
    expect(names).toContain('事业单位、社会团体或民办非企业单位股东的登记证书');
    expect(names).not.toContain('企业股东的营业执照');
    expect(names).not.toContain('自然人股东身份证件');
  });

  it('asks for the authorisation and the agent’s ID when an agent applies', () => {
    const names = itemNames(checklistFor(onlyEstablishment, { ...scenario, agentUsed: true }));
    expect(names).toContain('指定代表或者共同委托代理人授权委托书');
    expect(names).toContain('指定代表或委托代理人身份证件');
  });

  it('asks for the pre-approval when the business scope needs one', () => {
    const names = itemNames(checklistFor(onlyEstablishment, { ...scenario, scopeNeedsPreApproval: true }));
    expect(names).toContain('前置许可：登记前须经批准项目的许可证件或批准文件');
  });

  it('holds back the shareholder and premises proofs until those questions are answered', () => {
    const checklist = checklistFor(onlyEstablishment, {});
    expect(checklist.pendingQuestionIds).toEqual(['agentUsed', 'shareholderKinds', 'premises', 'scopeNeedsPreApproval']);
    expect(itemNames(checklist).some((name) => name.includes('股东') || name.startsWith('住所'))).toBe(false);
  });
});

describe('other shipped matters', () => {
  it('简易注销 takes the licence back, or a loss statement when it was lost', () => {
    const dereg: CatalogueSelection = { kind: 'matters', matterCodes: [matterNamed('简易注销').code] };
    expect(itemNames(checklistFor(dereg, { agentUsed: false, licenceLost: false }))).toContain('营业执照正本、副本');
    const lost = itemNames(checklistFor(dereg, { agentUsed: false, licenceLost: true }));
    expect(lost).toContain('营业执照遗失声明');
    expect(lost).not.toContain('营业执照正本、副本');
  });

  it('变更登记 asks for the debt statement only for a capital decrease', () => {
    const change: CatalogueSelection = { kind: 'matters', matterCodes: [matterNamed('变更登记').code] };
    const base = { changeItems: ['capital'], agentUsed: false };
    expect(itemNames(checklistFor(change, { ...base, capitalChange: 'decrease' }))).toContain('债务清偿或者债务担保情况的说明');
    expect(itemNames(checklistFor(change, { ...base, capitalChange: 'increase' }))).not.toContain(
      '债务清偿或者债务担保情况的说明',
    );
  });

  it('印章补刻 asks for the loss statement, 换刻 for the old seal', () => {
    const seal: CatalogueSelection = { kind: 'matters', matterCodes: [matterNamed('印章补刻').code] };
    const lost = itemNames(checklistFor(seal, { sealReason: 'lost', agentUsed: false }));
    const renamed = itemNames(checklistFor(seal, { sealReason: 'renamed', agentUsed: false }));
    expect([lost.includes('印章遗失声明'), lost.includes('原印章（交回销毁）')]).toEqual([true, false]);
    expect([renamed.includes('印章遗失声明'), renamed.includes('原印章（交回销毁）')]).toEqual([false, true]);
  });
});
