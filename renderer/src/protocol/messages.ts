/** Chinese text of the wire contract's own checks (HQ returns them with a 422). */
export const protocolMessages = {
  seqNotContiguous: 'seq 须连续递增',
  opIdRepeated: '同一请求中 opId 重复',
  calendarDateOutsideYear: '日期须属于该年份',
} as const;
