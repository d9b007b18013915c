/** Messages the main process sends back to the renderer. */
export const ipcMessages = {
  untrustedSender: '请求来源不受信任，已拒绝。',
  invalidInput: (issues: string) => `请求内容不符合要求：${issues}`,
  failed: '主进程处理请求时出错，请重试；如仍失败请联系管理员。',
  externalUrlRefused: '该链接不在允许打开的网址名单内。',
} as const;
