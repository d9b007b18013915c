import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../../../../../renderer/src/domain/catalogue/parseCatalogue';
import { materialAt, matterAt, rawCatalogue, type RawCatalogue } from './catalogueFixture';

function refusal(raw: unknown) {
  const result = parseCatalogue(raw);
  if (result.ok) throw new Error('expected the catalogue to be refused');
  return result;
}

function edited(edit: (raw: RawCatalogue) => void): RawCatalogue {
  const raw = rawCatalogue();
  edit(raw);
  return raw;
}

describe('parseCatalogue — a good catalogue', () => {
  it('accepts a well-formed catalogue and fills the documented defaults', () => {
    const result = parseCatalogue(rawCatalogue());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const material = result.catalogue.matters[0]!.materials[0]!;
    expect(material.deferrable).toBe(false);
    expect(material.commitmentAllowed).toBe(false);
    expect(result.catalogue.matters[1]!.questions).toEqual([]);
    expect(result.catalogue.bundles[0]!.aliases).toEqual([]);
  });

  it('trims surrounding spaces from names', () => {
    const result = parseCatalogue(edited((raw) => (materialAt(raw, 0, 1).name = '  公司章程 ')));
    expect(result.ok && result.catalogue.matters[0]!.materials[1]!.name).toBe('公司章程');
  });
});

describe('parseCatalogue — shape problems name the entry', () => {
  it('refuses something that is not a catalogue at all', () => {
    expect(refusal('{"version":"2026.11.1"}').message).toContain('目录：类型不正确，应为对象');
    expect(refusal(null).ok).toBe(false);
  });

  it('refuses a malformed version', () => {
    const { message } = refusal(edited((raw) => (raw.version = '2026-11')));
    expect(message).toBe('目录未通过校验，已整体拒绝：目录的版本号：版本号格式应为“年.月.序号”，例如 2026.11.1');
  });

  it('refuses a material with an unknown form, naming matter and material', () => {
    const raw = edited((r) => Object.assign(materialAt(r, 0, 1), { form: 'scan' }));
    expect(refusal(raw).message).toContain(
      '事项 设立登记（110000-0001）的材料“公司章程”的材料形式：取值无效，应为以下之一：original、copy、original_and_copy',
    );
  });

  it('refuses a missing required field', () => {
    const raw = edited((r) => {
      const material: Record<string, unknown> = materialAt(r, 0, 1);
      delete material.copies;
    });
    expect(refusal(raw).message).toContain('事项 设立登记（110000-0001）的材料“公司章程”的份数：缺少必填内容');
  });

  it('refuses a misspelt field instead of silently dropping it', () => {
    const raw = edited((r) => Object.assign(materialAt(r, 0, 1), { conditon: { answer: 'premises', equals: 'rented' } }));
    expect(refusal(raw).message).toContain('事项 设立登记（110000-0001）的材料“公司章程”：含有未定义的字段：conditon');
  });

  it('refuses a condition leaf with two operators', () => {
    const raw = edited((r) =>
      Object.assign(materialAt(r, 0, 2), { condition: { answer: 'premises', equals: 'rented', isTrue: true } }),
    );
    expect(refusal(raw).message).toContain('事项 设立登记（110000-0001）的材料“租赁协议”的适用条件：条件格式不正确');
  });

  it('refuses a condition that is an expression string, since nothing is ever evaluated as code', () => {
    const raw = edited((r) => Object.assign(materialAt(r, 0, 2), { condition: "answers.premises === 'rented'" }));
    expect(refusal(raw).message).toContain('的适用条件：条件格式不正确');
  });

  it('refuses an empty all', () => {
    const raw = edited((r) => (materialAt(r, 0, 2).condition = { all: [] }));
    expect(refusal(raw).message).toContain('的适用条件：至少需要 1 项');
  });

  it('refuses a question of an unknown kind, listing the kinds', () => {
    const raw = edited((r) => Object.assign(matterAt(r, 0).questions![2]!, { kind: 'yesno' }));
    expect(refusal(raw).message).toContain(
      '事项 设立登记（110000-0001）的问题“是否委托代理”（agentUsed）的类型：取值无效，应为以下之一：boolean、single、multi、count',
    );
  });

  it('refuses a negative fee and a fractional time limit', () => {
    const raw = edited((r) => {
      matterAt(r, 0).feeFen = -1;
      matterAt(r, 1).legalLimitDays = 1.5;
    });
    const { problems } = refusal(raw);
    expect(problems).toContain('事项 设立登记（110000-0001）的收费（分）：不能小于 0');
    expect(problems).toContain('事项 公章刻制（110000-0002）的法定时限：类型不正确，应为整数');
  });

  it('refuses too many copies, too many legal bases, an over-long name and a blank one', () => {
    const raw = edited((r) => {
      materialAt(r, 0, 0).copies = 21;
      materialAt(r, 0, 1).legalBasis = Array.from({ length: 11 }, (_, i) => `《依据》第${i + 1}条`);
      materialAt(r, 0, 2).name = '租'.repeat(121);
      materialAt(r, 0, 3).name = '   ';
    });
    const { problems } = refusal(raw);
    expect(problems).toContain('事项 设立登记（110000-0001）的材料“公司登记（备案）申请书”的份数：不能大于 20');
    expect(problems).toContain('事项 设立登记（110000-0001）的材料“公司章程”的法律依据：不能超过 10 项');
    expect(problems.some((p) => p.endsWith('的名称：最多可填120个字，当前121个字，请删减1个字'))).toBe(true);
    expect(problems).toContain('事项 设立登记（110000-0001）的第 4 项材料的名称：不能为空');
  });

  it('refuses control characters in a name', () => {
    const raw = edited((r) => (materialAt(r, 0, 1).name = '公司\u0007章程'));
    expect(refusal(raw).message).toContain('材料“公司\u0007章程”的名称：第3个字符是看不见的控制字符');
  });

  it('names an entry by position when its own name is unusable', () => {
    const raw = edited((r) => Object.assign(matterAt(r, 1), { name: 42 }));
    expect(refusal(raw).message).toContain('第 2 个事项的名称：类型不正确，应为文字');
  });

  it('says how many more problems there are and lists them all', () => {
    const raw = edited((r) => {
      r.version = 'x';
      matterAt(r, 0).feeFen = -1;
    });
    const result = refusal(raw);
    expect(result.problems).toHaveLength(2);
    expect(result.message).toMatch(/（另有 1 处问题）$/);
  });

  it('refuses absurdly deep nesting without overflowing the stack', () => {
    let condition: unknown = { answer: 'agentUsed', isTrue: true };
    for (let depth = 0; depth < 100_000; depth += 1) condition = { not: condition };
    const raw = edited((r) => Object.assign(materialAt(r, 0, 2), { condition }));
    expect(refusal(raw).message).toContain('嵌套层级过深');
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(parseCatalogue(value).ok).toBe(false);
      }),
    );
  });
});

describe('parseCatalogue — rules across entries', () => {
  it('refuses a condition on a question the matter does not ask, in the words of the brief', () => {
    const raw = edited((r) => (materialAt(r, 0, 1).condition = { answer: 'foo', isTrue: true }));
    expect(refusal(raw).message).toBe(
      '目录未通过校验，已整体拒绝：事项 设立登记（110000-0001）的材料“公司章程”：条件引用了未定义的问题 foo',
    );
  });

  it('refuses a condition on a question that only another matter asks', () => {
    const raw = edited((r) => (materialAt(r, 1, 0).condition = { answer: 'agentUsed', isTrue: true }));
    expect(refusal(raw).message).toContain('事项 公章刻制（110000-0002）的材料“法定代表人身份证件”：条件引用了未定义的问题 agentUsed');
  });

  it('finds an undefined question deep inside all / any / not', () => {
    const raw = edited(
      (r) =>
        (materialAt(r, 0, 2).condition = {
          all: [{ answer: 'premises', equals: 'rented' }, { any: [{ not: { answer: 'ghost', isTrue: true } }] }],
        }),
    );
    expect(refusal(raw).message).toContain('条件引用了未定义的问题 ghost');
  });

  it.each([
    [{ answer: 'premises', includes: 'rented' }, '条件对问题 premises（单选）使用了 includes，应使用 equals'],
    [{ answer: 'shareholderKinds', equals: 'company' }, '条件对问题 shareholderKinds（多选）使用了 equals，应使用 includes'],
    [{ answer: 'agentUsed', atLeast: 1 }, '条件对问题 agentUsed（是/否）使用了 atLeast，应使用 isTrue'],
    [{ answer: 'staffCount', isTrue: true }, '条件对问题 staffCount（数量）使用了 isTrue，应使用 atLeast'],
  ])('refuses an operator that does not fit the question kind: %j', (condition, expected) => {
    const raw = edited((r) => (materialAt(r, 0, 2).condition = condition));
    expect(refusal(raw).message).toContain(expected);
  });

  it('refuses an option value the question does not offer', () => {
    const raw = edited((r) => (materialAt(r, 0, 2).condition = { answer: 'premises', equals: 'rentd' }));
    expect(refusal(raw).message).toContain('条件中的选项 rentd 不是问题 premises 的选项');
  });

  it('refuses a count threshold above the question maximum', () => {
    const raw = edited((r) => (materialAt(r, 0, 2).condition = { answer: 'staffCount', atLeast: 501 }));
    expect(refusal(raw).message).toContain('条件要求问题 staffCount 至少为 501，超过了该问题的最大数量 500');
  });

  it('refuses duplicate matter codes', () => {
    const raw = edited((r) => (matterAt(r, 1).code = '110000-0001'));
    expect(refusal(raw).message).toContain('事项 公章刻制（110000-0001）：事项编码 110000-0001 重复');
  });

  it('refuses duplicate bundle codes', () => {
    const raw = edited((r) => r.bundles!.push({ ...r.bundles![0]!, name: '另一件事' }));
    expect(refusal(raw).message).toContain('一件事 另一件事（YJS-0001）：一件事编码 YJS-0001 重复');
  });

  it('refuses a bundle that includes a matter the catalogue lacks, or one matter twice', () => {
    const raw = edited((r) => (r.bundles![0]!.matterCodes = ['110000-0001', '110000-0009', '110000-0001']));
    const { problems } = refusal(raw);
    expect(problems).toContain('一件事 企业开办（YJS-0001）：包含了不存在的事项 110000-0009');
    expect(problems).toContain('一件事 企业开办（YJS-0001）：重复包含事项 110000-0001');
  });

  it('refuses a shared key whose materials differ in name or form', () => {
    const renamed = edited((r) => (materialAt(r, 1, 0).name = '法人身份证'));
    expect(refusal(renamed).message).toContain(
      '事项 公章刻制（110000-0002）的材料“法人身份证”：共享标识 legal-rep-id 与事项 设立登记（110000-0001）的材料“法定代表人身份证件”中的同标识材料名称或形式不一致',
    );
    const reformed = edited((r) => (materialAt(r, 1, 0).form = 'original'));
    expect(refusal(reformed).message).toContain('共享标识 legal-rep-id');
  });

  it('refuses one shared key used twice within a matter', () => {
    const raw = edited((r) => (materialAt(r, 0, 1).sharedKey = 'legal-rep-id'));
    expect(refusal(raw).problems).toContain(
      '事项 设立登记（110000-0001）的材料“法定代表人身份证件”：共享标识 legal-rep-id 已用于本事项的材料“公司章程”',
    );
  });

  it('refuses the same question id defined differently by two matters', () => {
    const raw = edited((r) => {
      matterAt(r, 1).questions = [
        { id: 'premises', kind: 'single', label: '场所', options: [{ value: 'owned', label: '自有' }, { value: 'shared', label: '共用' }] },
      ];
    });
    expect(refusal(raw).message).toContain(
      '事项 公章刻制（110000-0002）的问题“场所”（premises）：问题 premises 与事项 设立登记（110000-0001）中的同名问题定义不一致',
    );
  });

  it('accepts the same question asked by two matters with different wording', () => {
    const raw = edited((r) => {
      matterAt(r, 1).questions = [{ id: 'agentUsed', kind: 'boolean', label: '是否由经办人代办' }];
    });
    expect(parseCatalogue(raw).ok).toBe(true);
  });

  it('refuses a promised limit even one day longer than the legal one, and accepts an equal one', () => {
    const raw = edited((r) => (matterAt(r, 0).promisedLimitDays = 4));
    expect(refusal(raw).message).toContain('事项 设立登记（110000-0001）：承诺时限（4 个工作日）不能超过法定时限（3 个工作日）');
    expect(parseCatalogue(edited((r) => (matterAt(r, 0).promisedLimitDays = 3))).ok).toBe(true);
  });

  it('refuses an 即办件 with a promised limit and a 承诺件 without one', () => {
    expect(refusal(edited((r) => (matterAt(r, 1).promisedLimitDays = 1))).message).toContain(
      '即办件的承诺时限应为 0 个工作日，现为 1',
    );
    expect(refusal(edited((r) => (matterAt(r, 0).promisedLimitDays = 0))).message).toContain(
      '承诺件的承诺时限至少为 1 个工作日',
    );
  });

  it('refuses duplicate question ids, option values and material ids within a matter', () => {
    const raw = edited((r) => {
      const matter = matterAt(r, 0);
      matter.questions!.push({ id: 'agentUsed', kind: 'boolean', label: '重复' });
      matter.questions![0] = {
        id: 'premises',
        kind: 'single',
        label: '住所情况',
        options: [{ value: 'rented', label: '租赁' }, { value: 'rented', label: '租用' }],
      };
      materialAt(r, 0, 2).id = 'articles';
    });
    const { problems } = refusal(raw);
    expect(problems).toContain('事项 设立登记（110000-0001）的问题“重复”（agentUsed）：问题编号 agentUsed 重复');
    expect(problems).toContain('事项 设立登记（110000-0001）的问题“住所情况”（premises）：选项值 rented 重复');
    expect(problems).toContain('事项 设立登记（110000-0001）的材料“租赁协议”：材料编号 articles 重复');
  });

  it('refuses 容缺 or 告知承诺 on an optional material', () => {
    const raw = edited((r) => Object.assign(materialAt(r, 0, 1), { required: false, deferrable: true, commitmentAllowed: true }));
    const { problems } = refusal(raw);
    expect(problems).toContain('事项 设立登记（110000-0001）的材料“公司章程”：非必交材料不能设为可容缺');
    expect(problems).toContain('事项 设立登记（110000-0001）的材料“公司章程”：非必交材料不能设为可告知承诺');
  });

  it('refuses a 核查 period on a material that allows no commitment', () => {
    const raw = edited((r) => Object.assign(materialAt(r, 0, 1), { commitmentCheckDays: 20 }));
    expect(refusal(raw).problems).toContain('事项 设立登记（110000-0001）的材料“公司章程”：不可告知承诺的材料不能设定承诺核查期限');
  });
});
