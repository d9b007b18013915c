import { describe, expect, it } from 'vitest';
import { closedDayRefusal } from '../../../../../renderer/src/domain/dayClose/closedDay';

describe('closedDayRefusal', () => {
  const closed = new Set(['2026-11-02']);

  it('lets work of an open day be written', () => {
    expect(closedDayRefusal(['2026-11-03'], closed)).toBeNull();
    expect(closedDayRefusal([], closed)).toBeNull();
    expect(closedDayRefusal(['2026-11-02'], new Set())).toBeNull();
  });

  it('refuses work dated on a signed day, naming the day and sending the clerk to the next working day', () => {
    expect(closedDayRefusal(['2026-11-03', '2026-11-02'], closed)).toBe(
      '2026年11月2日已日结（首席代表已签字），当日不能再办理受理、决定、材料登记、打印或交付，请于下一个工作日办理。',
    );
  });
});
