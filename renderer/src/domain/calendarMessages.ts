/** Messages about the working-day calendar, shown to clerks and in HQ update reports. */
export const calendarMessages = {
  notCovered: (year: number) => `节假日日历未包含${year}年的安排，无法计算工作日，请先更新日历`,
  badDate: (text: string) => `日期“${text}”无效，应为实际存在的日期，格式如2026-10-01`,
  badDayCount: (n: number) => `工作日天数应为不小于0的整数，收到的是${n}`,
  emptyVersion: '日历版本号不能为空',
  badYearKey: '年份应为四位数字，如2026',
  noYears: '日历未包含任何年份的安排',
  yearWithoutHolidays: '每年的安排至少应包含一个放假日',
  dateOutsideYear: (year: string, date: string) => `${year}年的安排中出现了不属于该年的日期${date}`,
  makeUpDayNotWeekend: (date: string) => `调休上班日${date}不是周六或周日`,
  holidayAndMakeUpDay: (date: string) => `${date}同时被列为放假日和调休上班日`,
  packageDataUnreadable: 'chinese-days 节假日数据格式不符合预期，无法生成默认日历',
} as const;
