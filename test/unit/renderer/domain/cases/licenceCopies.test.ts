import { describe, expect, it } from 'vitest';
import {
  copiesChangeRefusal,
  copyMarks,
  copyMarkText,
  copyNumberOf,
  licenceCopiesSchema,
  licenceCopyMarkSchema,
  requestedCopies,
} from '../../../../../renderer/src/domain/cases/licenceCopies';
import { documentEventPayloadSchema } from '../../../../../renderer/src/domain/documentEvents';

describe('the number of 副本 a case asks for', () => {
  it('is one for a case recorded before it was asked, else what was recorded', () => {
    expect(requestedCopies({})).toBe(1);
    expect(requestedCopies({ licenceCopies: 3 })).toBe(3);
  });

  it('is a whole number from 1 to 10, refused otherwise in Chinese', () => {
    expect(licenceCopiesSchema.safeParse(10).success).toBe(true);
    for (const wrong of [0, 11, 2.5, -1]) {
      const parsed = licenceCopiesSchema.safeParse(wrong);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('副本份数应为1到10之间的整数');
    }
  });
});

describe('the mark on each 副本', () => {
  it('numbers every 副本 of the set out of the count, printed as 副本 n/count', () => {
    expect(copyMarks(3)).toEqual([
      { number: 1, of: 3 },
      { number: 2, of: 3 },
      { number: 3, of: 3 },
    ]);
    expect(copyMarks(3).map(copyMarkText)).toEqual(['副本 1/3', '副本 2/3', '副本 3/3']);
  });

  it('refuses a number beyond the count', () => {
    expect(licenceCopyMarkSchema.safeParse({ number: 4, of: 3 }).error?.issues[0]?.message).toBe('副本序号不能大于副本份数');
  });

  it('reads a 副本 printed before copies were numbered as the first', () => {
    expect(copyNumberOf({})).toBe(1);
    expect(copyNumberOf({ licenceCopy: null })).toBe(1);
    expect(copyNumberOf({ licenceCopy: { number: 2, of: 3 } })).toBe(2);
  });

  it('travels to HQ on a 副本’s document event only', () => {
    const event = {
      caseId: '019a4b2c-0000-7000-8000-000000000001',
      documentNumber: '绵市监照字〔2026〕第MY01-0001号',
      action: 'printed',
      sha256: 'a'.repeat(64),
      templateVersion: 'licenceDuplicate/2026.3',
      copies: 1,
      printerName: 'DeskPDF',
      licenceSheetSerial: 'B5107000001',
      reason: null,
    };
    expect(documentEventPayloadSchema.safeParse({ ...event, kind: 'licenceCopy', licenceCopy: { number: 2, of: 3 } }).success).toBe(true);
    expect(documentEventPayloadSchema.safeParse({ ...event, kind: 'licenceCopy' }).success).toBe(true);
    expect(documentEventPayloadSchema.safeParse({ ...event, kind: 'licenceOriginal', licenceCopy: { number: 1, of: 3 } }).error?.issues[0]?.message).toBe('只有营业执照副本才标注副本序号');
  });
});

describe('changing the count', () => {
  it('is free while no 副本 is printed, or to the count the printed ones carry', () => {
    expect(copiesChangeRefusal([], 5)).toBeNull();
    expect(copiesChangeRefusal([{ number: 1, of: 3 }], 3)).toBeNull();
  });

  it('is refused once a 副本 printed with another count is valid, naming it', () => {
    expect(copiesChangeRefusal([{ number: 1, of: 3 }, { number: 3, of: 3 }], 2)).toBe('已打印的副本 1/3、副本 3/3上印有原份数，须先作废这些副本，才能改副本份数');
  });
});
