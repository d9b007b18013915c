import { describe, expect, it } from 'vitest';
import type { ChecklistItemStatus } from '../../../../../renderer/src/domain/cases/decisionChecklist';
import type { IntakeAnswers } from '../../../../../renderer/src/domain/catalogue/answers';
import {
  buildChecklist,
  checklistProgress,
  initialItemStatus,
  materialNameForKey,
  type Checklist,
  type ChecklistItem,
  type ChecklistItemKey,
} from '../../../../../renderer/src/domain/catalogue/checklist';
import type { BundleCode, Catalogue, MatterCode } from '../../../../../renderer/src/domain/catalogue/schema';
import type { CatalogueSelection } from '../../../../../renderer/src/domain/catalogue/selection';
import { materialAt, matterAt, rawCatalogue, validCatalogue, type RawCatalogue } from './catalogueFixture';

const bundle: CatalogueSelection = { kind: 'bundle', bundleCode: 'YJS-0001' as BundleCode };
const matters = (...codes: string[]): CatalogueSelection => ({ kind: 'matters', matterCodes: codes as MatterCode[] });

function checklistOf(catalogue: Catalogue, selection: CatalogueSelection, answers: IntakeAnswers): Checklist {
  const result = buildChecklist(catalogue, selection, answers);
  if (!result.ok) throw new Error(result.message);
  return result.checklist;
}

function item(checklist: Checklist, key: string): ChecklistItem {
  const found = checklist.items.find((candidate) => candidate.key === key);
  if (found === undefined) throw new Error(`no item ${key} in ${checklist.items.map((i) => i.key).join(', ')}`);
  return found;
}

const keys = (checklist: Checklist) => checklist.items.map((candidate) => candidate.key);

describe('buildChecklist — conditions', () => {
  it('lists the materials whose conditions hold, in matter then material order', () => {
    const checklist = checklistOf(validCatalogue(), matters('110000-0001'), { premises: 'rented' });
    expect(keys(checklist)).toEqual([
      '110000-0001/application-form',
      '110000-0001/articles',
      '110000-0001/lease',
      'shared:legal-rep-id',
    ]);
  });

  it('leaves out a material whose condition fails', () => {
    const checklist = checklistOf(validCatalogue(), matters('110000-0001'), { premises: 'owned' });
    expect(keys(checklist)).not.toContain('110000-0001/lease');
    expect(checklist.pendingQuestionIds).toEqual([]);
  });

  it('leaves out a material whose question is unanswered and reports the question as pending', () => {
    const checklist = checklistOf(validCatalogue(), matters('110000-0001'), {});
    expect(keys(checklist)).not.toContain('110000-0001/lease');
    expect(checklist.pendingQuestionIds).toEqual(['premises']);
  });

  it('reports only the unanswered questions an undecided condition still depends on', () => {
    const raw = rawCatalogue();
    materialAt(raw, 0, 2).condition = {
      all: [{ answer: 'premises', equals: 'rented' }, { answer: 'shareholderKinds', includes: 'company' }],
    };
    const checklist = checklistOf(validCatalogue(raw), matters('110000-0001'), { premises: 'rented' });
    expect(checklist.pendingQuestionIds).toEqual(['shareholderKinds']);
  });

  it('carries form, copies, flags, legal basis and guidance of a material', () => {
    const raw = rawCatalogue();
    Object.assign(materialAt(raw, 0, 2), { deferrable: true, commitmentAllowed: true, guidance: '核对租期。' });
    const lease = item(checklistOf(validCatalogue(raw), matters('110000-0001'), { premises: 'rented' }), '110000-0001/lease');
    expect(lease).toEqual({
      key: '110000-0001/lease',
      name: '租赁协议',
      form: 'copy',
      copies: 1,
      required: true,
      deferrable: true,
      commitmentAllowed: true,
      commitmentCheckDays: null,
      exempt: null,
      legalBasis: ['《中华人民共和国市场主体登记管理条例》第十六条'],
      guidance: ['核对租期。'],
      sources: [
        {
          matterCode: '110000-0001',
          matterName: '设立登记',
          department: '市场监督管理局',
          materialId: 'lease',
          required: true,
          copies: 1,
        },
      ],
    });
  });

  it('records the catalogue version, the bundle and the matters it was built from', () => {
    const checklist = checklistOf(validCatalogue(), bundle, {});
    expect(checklist.catalogueVersion).toBe('2026.11.1');
    expect(checklist.bundleCode).toBe('YJS-0001');
    expect(checklist.matterCodes).toEqual(['110000-0001', '110000-0002']);
    expect(checklistOf(validCatalogue(), matters('110000-0002'), {}).bundleCode).toBeNull();
  });
});

describe('buildChecklist — shared materials', () => {
  it('collects a shared material once in a bundle, listing every matter and department it serves', () => {
    const checklist = checklistOf(validCatalogue(), bundle, { premises: 'owned' });
    const shared = checklist.items.filter((candidate) => candidate.name === '法定代表人身份证件');
    expect(shared).toHaveLength(1);
    expect(shared[0]!.sources.map((source) => [source.matterCode, source.department])).toEqual([
      ['110000-0001', '市场监督管理局'],
      ['110000-0002', '公安局'],
    ]);
  });

  it('merges copies (the most asked), legal bases and guidance of the shared material', () => {
    const shared = item(checklistOf(validCatalogue(), bundle, {}), 'shared:legal-rep-id');
    expect(shared.copies).toBe(2);
    expect(shared.legalBasis).toEqual(['《市场主体登记管理条例实施细则》', '《印铸刻字业暂行管理规则》']);
    expect(shared.guidance).toEqual(['复印件由本人签字。', '用于印章备案。']);
  });

  it('takes the shortest 核查 period a matter sets for a shared commitment, or none (the default period)', () => {
    const raw = rawCatalogue();
    Object.assign(materialAt(raw, 0, 3), { commitmentAllowed: true, commitmentCheckDays: 30 });
    Object.assign(materialAt(raw, 1, 0), { commitmentAllowed: true });
    expect(item(checklistOf(validCatalogue(raw), bundle, {}), 'shared:legal-rep-id').commitmentCheckDays).toBe(30);
    materialAt(raw, 1, 0).commitmentCheckDays = 10;
    const shared = item(checklistOf(validCatalogue(raw), bundle, {}), 'shared:legal-rep-id');
    expect([shared.commitmentAllowed, shared.commitmentCheckDays]).toEqual([true, 10]);
    expect(item(checklistOf(validCatalogue(), bundle, {}), 'shared:legal-rep-id').commitmentCheckDays).toBeNull();
  });

  it('also collects once when the same matters are picked one by one', () => {
    const checklist = checklistOf(validCatalogue(), matters('110000-0002', '110000-0001'), {});
    expect(keys(checklist).filter((key) => key === 'shared:legal-rep-id')).toHaveLength(1);
    expect(item(checklist, 'shared:legal-rep-id').sources[0]!.matterCode).toBe('110000-0002');
  });

  it('is exempt only when every matter that requires it obtains the data itself', () => {
    const raw = rawCatalogue();
    materialAt(raw, 1, 0).exemptWhenShared = { dataSource: '公安人口库' };
    expect(item(checklistOf(validCatalogue(raw), bundle, {}), 'shared:legal-rep-id').exempt).toBeNull();

    materialAt(raw, 0, 3).exemptWhenShared = { dataSource: '实名认证系统' };
    expect(item(checklistOf(validCatalogue(raw), bundle, {}), 'shared:legal-rep-id').exempt).toEqual({
      dataSources: ['实名认证系统', '公安人口库'],
    });
  });

  it('may be deferred or replaced by a commitment only when every matter requiring it allows so', () => {
    const raw = rawCatalogue();
    Object.assign(materialAt(raw, 1, 0), { deferrable: true, commitmentAllowed: true });
    const partly = item(checklistOf(validCatalogue(raw), bundle, {}), 'shared:legal-rep-id');
    expect([partly.deferrable, partly.commitmentAllowed]).toEqual([false, false]);

    Object.assign(materialAt(raw, 0, 3), { deferrable: true, commitmentAllowed: true });
    const fully = item(checklistOf(validCatalogue(raw), bundle, {}), 'shared:legal-rep-id');
    expect([fully.deferrable, fully.commitmentAllowed]).toEqual([true, true]);
  });

  it('lets the matters that require an item decide, not those listing it as optional', () => {
    const raw: RawCatalogue = rawCatalogue();
    Object.assign(materialAt(raw, 1, 0), { required: false });
    Object.assign(materialAt(raw, 0, 3), { exemptWhenShared: { dataSource: '实名认证系统' }, deferrable: true });
    const shared = item(checklistOf(validCatalogue(raw), bundle, {}), 'shared:legal-rep-id');
    expect(shared.required).toBe(true);
    expect(shared.deferrable).toBe(true);
    expect(shared.exempt).toEqual({ dataSources: ['实名认证系统'] });
    expect(shared.sources.map((source) => source.required)).toEqual([true, false]);
  });

  it('counts only the matters whose condition holds as sources', () => {
    const raw = rawCatalogue();
    materialAt(raw, 0, 3).condition = { answer: 'agentUsed', isTrue: false };
    const checklist = checklistOf(validCatalogue(raw), bundle, { agentUsed: true });
    expect(item(checklist, 'shared:legal-rep-id').sources.map((source) => source.matterCode)).toEqual(['110000-0002']);
  });
});

describe('materialNameForKey', () => {
  it('names the material behind a key whatever the answers, a shared key included', () => {
    const catalogue = validCatalogue();
    // The lease is on no checklist for owned premises; its name is still known, for a case that dropped it.
    expect(keys(checklistOf(catalogue, matters('110000-0001'), { premises: 'owned' }))).not.toContain('110000-0001/lease');
    expect(materialNameForKey(catalogue, '110000-0001/lease' as ChecklistItemKey)).toBe(materialAt(rawCatalogue(), 0, 2).name);
    expect(materialNameForKey(catalogue, 'shared:legal-rep-id' as ChecklistItemKey)).toBe('法定代表人身份证件');
  });

  it('answers null for a key this catalogue does not know', () => {
    expect(materialNameForKey(validCatalogue(), '999999-0001/lease' as ChecklistItemKey)).toBeNull();
    expect(materialNameForKey(validCatalogue(), 'shared:no-such-material' as ChecklistItemKey)).toBeNull();
  });
});

describe('buildChecklist — selections it refuses', () => {
  it('refuses a bundle the catalogue does not have', () => {
    const result = buildChecklist(validCatalogue(), { kind: 'bundle', bundleCode: 'YJS-9999' as BundleCode }, {});
    expect(result).toEqual({ ok: false, message: '目录中没有一件事 YJS-9999，可能目录已更新，请重新选择' });
  });

  it('refuses a matter the catalogue no longer has', () => {
    const result = buildChecklist(validCatalogue(), matters('110000-0001', '110000-0404'), {});
    expect(result).toEqual({ ok: false, message: '目录中没有事项 110000-0404，可能目录已更新，请重新选择' });
  });

  it('refuses an empty selection and a matter picked twice', () => {
    expect(buildChecklist(validCatalogue(), matters(), {})).toEqual({ ok: false, message: '请至少选择一个事项' });
    expect(buildChecklist(validCatalogue(), matters('110000-0001', '110000-0001'), {})).toEqual({
      ok: false,
      message: '事项 110000-0001 被重复选择',
    });
  });
});

describe('checklistProgress', () => {
  const catalogue = (() => {
    const raw = rawCatalogue();
    materialAt(raw, 0, 0).exemptWhenShared = { dataSource: '一网通办' };
    matterAt(raw, 0).materials.push({
      id: 'photos',
      name: '经营场所照片',
      form: 'original',
      copies: 1,
      required: false,
      legalBasis: ['《市场主体登记管理条例实施细则》'],
    });
    return validCatalogue(raw);
  })();
  // application-form (required, exempt), articles, lease, legal-rep-id (required), photos (optional).
  const items = checklistOf(catalogue, bundle, { premises: 'rented' }).items;
  const statuses = (entries: Record<string, ChecklistItemStatus>) =>
    new Map(Object.entries(entries) as Array<[ChecklistItemKey, ChecklistItemStatus]>);

  it('starts an exempt item as exempt and any other as missing', () => {
    expect(items.map(initialItemStatus)).toEqual(['exempt', 'missing', 'missing', 'missing', 'missing']);
  });

  it('counts required items still to collect; exempt ones and optional ones stay out', () => {
    expect(checklistProgress(items, new Map())).toEqual({ requiredReceived: 0, requiredTotal: 3 });
  });

  it('counts received required items', () => {
    const progress = checklistProgress(
      items,
      statuses({ '110000-0001/articles': 'received', 'shared:legal-rep-id': 'received', '110000-0001/photos': 'received' }),
    );
    expect(progress).toEqual({ requiredReceived: 2, requiredTotal: 3 });
  });

  it('keeps a deferred item in the total without counting it received', () => {
    const progress = checklistProgress(
      items,
      statuses({ '110000-0001/articles': 'received', 'shared:legal-rep-id': 'received', '110000-0001/lease': 'deferred' }),
    );
    expect(progress).toEqual({ requiredReceived: 2, requiredTotal: 3 });
  });

  it('drops an item marked not applicable from the total', () => {
    const progress = checklistProgress(items, statuses({ '110000-0001/lease': 'notApplicable' }));
    expect(progress).toEqual({ requiredReceived: 0, requiredTotal: 2 });
  });

  it('counts an exempt item the applicant handed in anyway', () => {
    const progress = checklistProgress(items, statuses({ '110000-0001/application-form': 'received' }));
    expect(progress).toEqual({ requiredReceived: 1, requiredTotal: 4 });
  });
});
