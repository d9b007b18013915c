/** Chinese text of the small shared parts (identifier inputs, shortcut hints, reading stored data). */
export const commonMessages = {
  required: (label: string) => `请填写${label}`,
  typedCount: (typed: number, total: number) => `已输入 ${typed} / ${total} 位`,
  residentIdDetails: (birthDate: string, sex: string, province: string) => `出生日期 ${birthDate} · ${sex} · ${province}`,
  usccDetails: (authority: string, type: string) => `${authority} · ${type}`,
  unknownCodePart: (code: string) => `代码 ${code}`,
  shortcutsLabel: '快捷键',
  readFailed: (detail: string) => `读取本机数据失败：${detail}`,
  irreversible: {
    values: '将要保存：',
    cannotUndo: '保存后不可更改',
    cancel: '返回修改',
  },
} as const;
