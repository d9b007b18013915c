export const shellMessages = {
  appName: '一窗通',
  appSubtitle: '企业服务中心 · 综合窗口',
  navLabel: '主导航',
  /** The × of a dialog and of an alert: named apart from a dialog's own 关闭 button. */
  closeDialog: '关闭对话框',
  closeAlert: '关闭提示',
  togglePassword: '显示或隐藏密码',
  sections: {
    intake: '受理',
    cases: '办件',
    issuance: '出证',
    dayClose: '日结',
    settings: '设置',
    ledger: '督办台账',
    figures: '统计',
  },
  shortcutHint: (key: string) => `Alt+${key}`,
  status: {
    desk: '窗口',
    deskNotSet: '未设置',
    online: '网络已连接',
    offline: '离线工作中',
    statusBarLabel: '状态栏',
    /** Rows an upgrade left keyed by an older version: found by names and numbers, not yet by pinyin. */
    rowsSealing: (done: number, total: number) => `正在加密保存个人信息（已完成 ${done.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')}）`,
    searchIndexUpdating: (done: number, total: number) => `正在更新搜索索引（已完成 ${done.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')}）`,
    /** Scans, archived PDFs and drafts stored before encryption, being encrypted in place. */
    blobSealing: (done: number, total: number) => `正在加密已存的扫描件和存档（已完成 ${done.toLocaleString('zh-CN')} / ${total.toLocaleString('zh-CN')}）`,
  },
  referenceLoading: '正在载入事项目录和工作日历…',
  referenceFailed: (detail: string) => `事项目录和工作日历未能载入，暂时不能办理业务：${detail}`,
} as const;
