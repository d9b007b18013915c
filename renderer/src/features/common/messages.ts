/** Chinese text of the small shared parts (identifier inputs, shortcut hints, reading stored data). */
export const commonMessages = {
  required: (label: string) => `请填写${label}`,
  unprintable: (characters: readonly string[]) =>
    `${characters.map((char) => `“${char}”（U+${char.codePointAt(0)!.toString(16).toUpperCase()}）`).join('、')}文书字库中没有，通知书和执照都打印不出来。请先核对是否录错；确为证件上的用字的，请联系系统管理员补充字库后再办理。`,
  typedCount: (typed: number, total: number) => `已输入 ${typed} / ${total} 位`,
  residentIdDetails: (birthDate: string, sex: string, province: string) => `出生日期 ${birthDate} · ${sex} · ${province}`,
  phoneHint: '境外号码以+和国际区号开头，如 +852 9123 4567',
  documentKind: (who: string) => `${who}证件类型`,
  documentNumber: (who: string, kind: 'residentId' | 'other') => (kind === 'residentId' ? `${who}身份证号码` : `${who}证件号码`),
  nationality: (who: string) => `${who}国籍`,
  nationalityPlaceholder: '输入国名或代码，如 美国 或 USA',
  nationalityNotFound: '没有匹配的国家或地区',
  usccDetails: (authority: string, type: string) => `${authority} · ${type}`,
  unknownCodePart: (code: string) => `代码 ${code}`,
  shortcutsLabel: '快捷键',
  date: {
    hint: '如 2026年12月8日、2026-12-8 或 20261208；↑↓ 键前后一天',
    unreadable: '请按年、月、日填写日期，如 2026年12月8日 或 20261208',
    before: (earliest: string) => `不能早于${earliest}`,
    after: (latest: string) => `不能晚于${latest}`,
  },
  readFailed: (detail: string) => `读取本机数据失败：${detail}`,
  irreversible: {
    values: '将要保存：',
    cannotUndo: '保存后不可更改',
    cancel: '返回修改',
  },
} as const;
