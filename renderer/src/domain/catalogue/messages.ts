/** Chinese text for the catalogue: labels shown to clerks and the messages that refuse a bad catalogue. */

export const matterKindLabels = { immediate: '即办件', commitment: '承诺件' } as const;

export const materialFormLabels = { original: '原件', copy: '复印件', original_and_copy: '原件及复印件' } as const;

export const questionKindLabels = { boolean: '是/否', single: '单选', multi: '多选', count: '数量' } as const;

/** The operator a condition must use for each question kind. */
export const operatorForKind = { boolean: 'isTrue', single: 'equals', multi: 'includes', count: 'atLeast' } as const;

/** Field names as an HQ editor knows them, for messages about a single field. */
export const fieldLabels: Readonly<Record<string, string>> = {
  version: '版本号',
  matters: '事项列表',
  bundles: '一件事列表',
  code: '编码',
  name: '名称',
  department: '实施部门',
  kind: '类型',
  legalLimitDays: '法定时限',
  promisedLimitDays: '承诺时限',
  feeFen: '收费（分）',
  questions: '受理问题',
  materials: '材料',
  certificate: '产出证照',
  aliases: '别名',
  matterCodes: '包含事项',
  id: '编号',
  label: '问题',
  help: '说明',
  options: '选项',
  max: '最大数量',
  value: '选项值',
  form: '材料形式',
  copies: '份数',
  required: '是否必交',
  condition: '适用条件',
  deferrable: '可容缺',
  commitmentAllowed: '可告知承诺',
  commitmentCheckDays: '承诺核查期限',
  exemptWhenShared: '免提交',
  dataSource: '共享数据来源',
  sharedKey: '共享标识',
  legalBasis: '法律依据',
  guidance: '审核要点',
};

const typeNames: Readonly<Record<string, string>> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  array: '列表',
  object: '对象',
};

const describeList = (values: readonly unknown[]) => values.map((v) => String(v)).join('、');

export const catalogueMessages = {
  // Shape (zod) problems.
  badVersion: '版本号格式应为“年.月.序号”，例如 2026.11.1',
  badCode: '编码只能由字母、数字和连字符组成，长度 3 至 40 位',
  badSlug: '标识只能由小写字母、数字和连字符组成',
  badQuestionId: '问题编号只能由字母和数字组成，且以字母开头',
  badOptionValue: '选项值只能由小写字母、数字和下划线组成，且以字母开头',
  badCondition:
    '条件格式不正确：应为 all、any、not 之一，或 answer 加 equals、includes、isTrue、atLeast 中的一个',
  missing: '缺少必填内容',
  wrongType: (expected: string) => `类型不正确，应为${typeNames[expected] ?? expected}`,
  emptyText: '不能为空',
  tooFewItems: (min: number) => `至少需要 ${min} 项`,
  tooManyItems: (max: number) => `不能超过 ${max} 项`,
  numberTooSmall: (min: number) => `不能小于 ${min}`,
  numberTooLarge: (max: number) => `不能大于 ${max}`,
  notOneOf: (values: readonly unknown[]) => `取值无效，应为以下之一：${describeList(values)}`,
  unknownFields: (keys: readonly string[]) => `含有未定义的字段：${describeList(keys)}`,
  tooDeep: '目录嵌套层级过深，疑似文件损坏',
  moreProblems: (count: number) => `（另有 ${count} 处问题）`,
  refusedPrefix: '目录未通过校验，已整体拒绝：',

  // Entry names, so a message says which entry is wrong.
  catalogueEntry: '目录',
  matterEntry: (name: string, code: string) => `事项 ${name}（${code}）`,
  matterAt: (index: number) => `第 ${index + 1} 个事项`,
  bundleEntry: (name: string, code: string) => `一件事 ${name}（${code}）`,
  bundleAt: (index: number) => `第 ${index + 1} 个一件事`,
  materialEntry: (name: string) => `的材料“${name}”`,
  materialAt: (index: number) => `的第 ${index + 1} 项材料`,
  questionEntry: (label: string, id: string) => `的问题“${label}”（${id}）`,
  questionAt: (index: number) => `的第 ${index + 1} 个问题`,
  optionAt: (index: number) => `的第 ${index + 1} 个选项`,
  itemAt: (index: number) => `第 ${index + 1} 项`,
  withField: (entry: string, field: string) => `${entry}的${field}`,

  // Rules across entries.
  duplicateMatterCode: (code: string) => `事项编码 ${code} 重复`,
  duplicateBundleCode: (code: string) => `一件事编码 ${code} 重复`,
  duplicateQuestionId: (id: string) => `问题编号 ${id} 重复`,
  duplicateOptionValue: (value: string) => `选项值 ${value} 重复`,
  duplicateMaterialId: (id: string) => `材料编号 ${id} 重复`,
  duplicateSharedKeyInMatter: (key: string, other: string) => `共享标识 ${key} 已用于本事项的材料“${other}”`,
  promisedOverLegal: (promised: number, legal: number) =>
    `承诺时限（${promised} 个工作日）不能超过法定时限（${legal} 个工作日）`,
  immediateWithLimit: (promised: number) => `即办件的承诺时限应为 0 个工作日，现为 ${promised}`,
  commitmentWithoutLimit: '承诺件的承诺时限至少为 1 个工作日',
  undefinedQuestion: (id: string) => `条件引用了未定义的问题 ${id}`,
  wrongOperator: (id: string, kind: string, used: string, expected: string) =>
    `条件对问题 ${id}（${kind}）使用了 ${used}，应使用 ${expected}`,
  unknownOption: (id: string, value: string) => `条件中的选项 ${value} 不是问题 ${id} 的选项`,
  atLeastOverMax: (id: string, atLeast: number, max: number) =>
    `条件要求问题 ${id} 至少为 ${atLeast}，超过了该问题的最大数量 ${max}`,
  deferrableNotRequired: '非必交材料不能设为可容缺',
  commitmentNotRequired: '非必交材料不能设为可告知承诺',
  checkDaysWithoutCommitment: '不可告知承诺的材料不能设定承诺核查期限',
  questionMismatch: (id: string, other: string) => `问题 ${id} 与${other}中的同名问题定义不一致（类型或选项不同）`,
  sharedKeyMismatch: (key: string, other: string) =>
    `共享标识 ${key} 与${other}中的同标识材料名称或形式不一致`,
  bundleUnknownMatter: (code: string) => `包含了不存在的事项 ${code}`,
  bundleDuplicateMatter: (code: string) => `重复包含事项 ${code}`,

  // Selections.
  unknownBundle: (code: string) => `目录中没有一件事 ${code}，可能目录已更新，请重新选择`,
  unknownMatter: (code: string) => `目录中没有事项 ${code}，可能目录已更新，请重新选择`,
  emptySelection: '请至少选择一个事项',
  duplicateSelection: (code: string) => `事项 ${code} 被重复选择`,
} as const;
