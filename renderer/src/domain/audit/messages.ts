/** Chinese text of the audit-log verifier, shown to the chief or admin who runs the check. */
export const auditMessages = {
  malformed: (seq: number) => `第${seq}条审计记录格式不正确，可能已被篡改`,
  edited: (seq: number) => `第${seq}条审计记录的内容与写入时不符，已被改动`,
  editedBeforeNext: (seq: number) => `第${seq}条审计记录在第${seq + 1}条写入之后被改动（两条记录之间的链接不符）`,
  firstNotFromGenesis: '第1条审计记录不是日志的起点，日志开头可能被删除或替换',
  deleted: (from: number, to: number) =>
    from === to ? `第${from}条审计记录已被删除` : `第${from}至${to}条审计记录已被删除`,
  deletedAtEnd: (from: number, to: number) =>
    from === to
      ? `最后一条审计记录（第${from}条）已被删除，与单独保存的末条记录不符`
      : `最后的第${from}至${to}条审计记录已被删除，与单独保存的末条记录不符`,
  reordered: (seq: number) => `第${seq}条审计记录的位置被调换`,
  duplicated: (seq: number) => `出现了重复的第${seq}条审计记录，日志中被插入了记录`,
  beyondHead: (from: number) => `第${from}条及之后的审计记录不在单独保存的末条记录之内，来历不明`,
  headRewritten: (seq: number) => `第${seq}条（最后一条）审计记录与单独保存的末条记录不符，日志可能被整段改写`,
} as const;
