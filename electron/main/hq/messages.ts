/** A wait as the clerk reads it: seconds under a minute, else whole minutes rounded up. */
function waitFor(seconds: number | null): string {
  if (seconds === null) return '稍后';
  return seconds < 60 ? ` ${seconds} 秒后` : ` ${Math.ceil(seconds / 60)} 分钟后`;
}

/** What the HQ client tells the clerk (through the sync engine, the outbox screen and 设置). */
export const hqMessages = {
  notEnrolled: '本窗口尚未在市级系统注册，请管理员在“设置 → 市级系统连接”中注册。',
  tokenUnreadable: '本机保存的访问凭据无法读取，请管理员重新注册本窗口。',
  urlUnreadable: '市级系统地址无法识别，请输入完整地址，例如 https://hq.example.gov.cn',
  urlScheme: '市级系统地址只能以 https:// 开头（本机测试服务器可用 http://127.0.0.1）。',
  urlPlainHttp: '只有本机（127.0.0.1 或 localhost）的测试服务器可以使用 http://，其他地址必须使用 https://。',
  urlCredentials: '市级系统地址中不能包含用户名或密码。',
  urlExtras: '市级系统地址中不能包含“?”查询参数或“#”片段。',
  secretUnavailable: '本机无法加密保存访问凭据（系统密钥服务不可用），为安全起见未完成注册。',
  secretWriteFailed: '访问凭据未能保存到本机，注册未完成，请重试。',
  settingsWriteFailed: '注册信息未能保存到本机，请重试。',
  unauthorized: {
    missing: '市级系统未收到访问凭据，同步已暂停，请重新注册本窗口。',
    unknown: '市级系统不认可本窗口的访问凭据，同步已暂停，请重新注册本窗口。',
    expired: '访问凭据已过期，同步已暂停（本机数据不受影响），请管理员重新注册本窗口。',
    revoked:
      '访问凭据已被撤销（本窗口已在市级系统重新注册，可能是在另一台电脑上），同步已暂停（本机数据不受影响）。' +
      '请管理员向市级系统申请本窗口的新登记码，在“设置 → 市级系统连接”中重新注册。',
  },
  /** Why HQ refused an enrolment code (401), by its `codeStatus`. */
  enrolmentCode: {
    unknown: '登记码不正确，请向市级系统管理员核对。',
    used: '此登记码已使用过（每个登记码只能使用一次），请向市级系统管理员申请新的登记码。',
    expired: '此登记码已过期，请向市级系统管理员申请新的登记码。',
    stale: '此登记码签发于本窗口上次注册之前，已不能使用，请向市级系统管理员申请新的登记码。',
  },
  otherDeskCode: '此登记码属于其他大厅或窗口，请核对大厅代码和窗口号，或向市级系统管理员申请本窗口的登记码。',
  tooManyEnrolmentAttempts: (seconds: number | null) => `本窗口注册失败次数过多，市级系统暂不受理，请${waitFor(seconds)}再试。`,
  tooManyRequests: (seconds: number | null) => `市级系统请求过于频繁，请${waitFor(seconds)}再试。`,
  wrongDesk: '市级系统认为请求来自另一个窗口，同步已暂停，请联系管理员。',
  seqGap: (expected: number) => `市级系统等待序号 ${expected} 的数据，将从该序号起重新发送。`,
  seqConflict: (seq: number) => `序号 ${seq} 在市级系统已被另一条数据占用，同步已暂停，请联系管理员。`,
  blobHashMismatch: '市级系统传回的文件与本机记录的校验值（SHA-256）不符，未予采用。',
  tooLarge: (limit: number) => `一次发送的数据超过市级系统上限（${limit}），将分批重试。`,
  deskTooOld: (min: number) => `本窗口程序版本过旧（市级系统最低要求第 ${min} 版），请在待上传数据清空后升级。`,
  badRequest: (status: number, detail: string) => `市级系统无法处理本次请求（${status}）${detail ? `：${detail}` : ''}`,
  serverError: (status: number) => `市级系统暂时出错（${status}），稍后自动重试。`,
  network: '无法连接市级系统（网络不通或服务器未启动），稍后自动重试。',
  timeout: (seconds: number) => `市级系统 ${seconds} 秒内没有应答，稍后自动重试。`,
  badResponse: '市级系统的应答不完整或格式不符，稍后自动重试。',
  issuanceClaimed: (deskCode: string, clerkName: string) =>
    `窗口 ${deskCode}（${clerkName}）正在为该办件发证或已发证，本窗口不能打印执照正本、副本。`,
  badRequestBody: (detail: string) => `本窗口准备发送的数据不符合接口规范：${detail}`,
} as const;
