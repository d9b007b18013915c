/** Chinese labels of the packaged desk's application menu (macOS only). */
export const menuMessages = {
  app: '一窗通',
  hide: '隐藏一窗通',
  quit: '退出一窗通',
  edit: '编辑',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
} as const;
