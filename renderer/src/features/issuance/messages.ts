export const issuanceMessages = {
  title: '出证',
  summary: '统一出件：在编号空白证书上套打营业执照正本、副本，登记领取人并办结。',
  upcoming: ['待出证办件列表', '扫描或录入空白证书编号后套打', '作废与重打（须首席代表确认）', '领取登记与办结'],
} as const;
