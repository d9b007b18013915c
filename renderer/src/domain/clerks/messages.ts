/**
 * Chinese text produced by the clerk rules: role names, permission names, password and account checks.
 * Label maps are typed (and checked for completeness) where their keys are defined.
 */
export const clerksMessages = {
  roleLabels: {
    clerk: '受理员',
    chief: '首席代表',
    admin: '管理员',
  },
  actionLabels: {
    'case.intake': '登记办件',
    'case.counterDecision': '作出窗口受理决定',
    'case.advance': '办件流转',
    'case.decide': '作出审批决定',
    'commitment.check': '登记告知承诺核查结果',
    'licence.print': '打印证照',
    'licence.handover': '出证交付',
    'licence.void': '作废证照',
    'licence.reprint': '重打证照',
    'licence.issueOffline': '批准离线发证',
    'printer.calibrate': '校准打印机',
    'dayClose.prepare': '日结对账',
    'dayClose.sign': '日结签字',
    'settings.manage': '修改本机设置',
    'printers.manage': '管理打印机',
    'desk.enrol': '注册窗口',
    'clerks.manage': '管理工作人员账号',
    'audit.view': '查看审计日志',
    'ledger.escalate': '提请专班督办',
    'ledger.supervise': '督办台账事项',
  },
  forbidden: (role: string, action: string, roles: readonly string[]) => `${role}无权${action}，需由${roles.join('或')}操作。`,
  invalidRole: '角色应为受理员、首席代表或管理员',
  invalidClerkId: '工作人员编号格式不正确',
  password: {
    tooShort: (min: number) => `密码至少需要${min}个字符`,
    tooLong: (max: number) => `密码不能超过${max}个字符`,
    controlCharacters: '密码不能包含不可见的控制字符',
    sameAsLoginName: '密码不能与登录名相同',
    singleCharacter: '密码不能由同一个字符重复组成',
    sequence: '密码不能是连续的数字或字母（如 12345678、abcdefgh）',
    common: '这是常见的弱密码，请换一个不易被猜到的密码',
    malformedRecord: '密码记录已损坏，无法校验，请联系管理员重置密码',
    repeatMismatch: '两次输入的密码不一致',
  },
  loginName: {
    invalid: '登录名应为2至32位字母、数字、点、下划线或连字符',
  },
  displayName: {
    empty: '请填写姓名',
    invalid: (detail: string) => `姓名：${detail}`,
  },
  signIn: {
    wrongCredentials: '登录名或密码不正确',
    disabled: '该账号已停用，请联系管理员',
  },
  idleMinutes: (min: number, max: number) => `自动锁屏时间应为${min}至${max}分钟之间的整数`,
} as const;
