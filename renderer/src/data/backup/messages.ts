import { formatChineseDateTime } from '../../domain/chineseDate';
import type { DeskIdentity } from '../../domain/desk';

/** What the clerk and the admin read about backups and restores. */
export const backupMessages = {
  noDeskIdentity: '本机尚未设置大厅代码和窗口号，无法备份',
  notABackup: '所选文件不是一窗通备份文件',
  otherFormat: (format: number) => `此备份文件的格式（第 ${format} 版）与本机一窗通不符，无法读取，请用写出它的一窗通版本恢复`,
  wrongPassphrase: '备份密码不正确',
  tampered: (detail: string) => `备份文件已损坏或被改动（${detail}），未恢复任何数据`,
  incomplete: '备份文件不完整（可能在写入时中断），未恢复任何数据',
  notFresh: '本机已有业务数据，只能在全新安装的本机上从备份恢复',
  otherDesk: (backup: DeskIdentity, here: DeskIdentity) =>
    `这是窗口 ${backup.hallCode}${backup.deskCode} 的备份，本机是窗口 ${here.hallCode}${here.deskCode}。确认要用它恢复本机吗？`,
  otherSchema: (version: number) => `备份的数据版本（${version}）与本机一窗通的版本不同，请用同一版本的一窗通恢复`,
  /**
   * What the clerk is told once the restored desk has found where HQ stands. Work done after the backup
   * that never reached HQ is gone with the old desk: only where it would start can be named.
   */
  resumed: (facts: { backupCreatedAt: string; backupLastSeq: number; hqLastSeq: number; kept: number; renumbered: number }) => {
    const when = formatChineseDateTime(facts.backupCreatedAt);
    const parts = [`已从 ${when} 的备份恢复。`];
    if (facts.hqLastSeq > facts.backupLastSeq) {
      parts.push(`市级系统另有本窗口在备份之后已同步的 ${facts.hqLastSeq - facts.backupLastSeq} 项操作（第 ${facts.backupLastSeq + 1}–${facts.hqLastSeq} 号），相关办件已从市级系统取回。`);
    }
    if (facts.kept > 0) {
      const moved = facts.renumbered > 0 ? `（其中 ${facts.renumbered} 项改为自第 ${facts.hqLastSeq + 1} 号起发送）` : '';
      parts.push(`备份中有 ${facts.kept} 项操作市级系统尚未收到，已保留并将发送${moved}。`);
    }
    const lostAfter = Math.max(facts.hqLastSeq, facts.backupLastSeq);
    parts.push(`备份之后在本窗口办理、但未同步到市级系统的操作（第 ${lostAfter} 号之后的操作）无法找回：请核对 ${when} 以后本窗口办理的业务，办件列表中没有的请凭纸质材料重新录入。`);
    return parts.join('');
  },
  detail: {
    frame: '加密数据校验失败',
    entryHash: (name: string) => `${name} 的校验值不符`,
    entryMissing: (name: string) => `缺少 ${name}`,
    entryExtra: (name: string) => `多出 ${name}`,
    noManifest: '缺少清单',
    audit: (message: string) => `审计日志校验未通过：${message}`,
    auditHead: '审计日志末条与清单不符',
    rows: (name: string) => `${name} 的记录无法读取`,
  },
} as const;
