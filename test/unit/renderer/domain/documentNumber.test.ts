import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  documentNumberSchema,
  formatDocumentNumber,
  parseDocumentNumber,
} from '../../../../renderer/src/domain/documentNumber';

describe('formatDocumentNumber', () => {
  it('writes 代字, 〔year〕, the desk tag and a four-digit sequence', () => {
    expect(formatDocumentNumber({ agencyCode: '绵市监企受', year: 2026, deskTag: 'FC03', sequence: 1 })).toBe(
      '绵市监企受字〔2026〕第FC03-0001号',
    );
  });

  it('lets the sequence grow past 9999 instead of wrapping', () => {
    expect(formatDocumentNumber({ agencyCode: '绵市监企受', year: 2026, deskTag: 'FC03', sequence: 12345 })).toBe(
      '绵市监企受字〔2026〕第FC03-12345号',
    );
  });

  it('refuses a zero sequence, a lower-case desk tag and a 代字 that is not Chinese', () => {
    expect(() => formatDocumentNumber({ agencyCode: '绵市监企受', year: 2026, deskTag: 'FC03', sequence: 0 })).toThrow();
    expect(() => formatDocumentNumber({ agencyCode: '绵市监企受', year: 2026, deskTag: 'fc03', sequence: 1 })).toThrow();
    expect(() => formatDocumentNumber({ agencyCode: 'MSJ', year: 2026, deskTag: 'FC03', sequence: 1 })).toThrow();
  });

  it('never gives two desks the same number, whatever their sequences', () => {
    const tag = fc.stringMatching(/^[0-9A-Z]{2,8}$/);
    fc.assert(
      fc.property(tag, tag, fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 1, max: 99_999 }), (a, b, seqA, seqB) => {
        fc.pre(a !== b);
        const numberA = formatDocumentNumber({ agencyCode: '绵市监企受', year: 2026, deskTag: a, sequence: seqA });
        const numberB = formatDocumentNumber({ agencyCode: '绵市监企受', year: 2026, deskTag: b, sequence: seqB });
        expect(numberA).not.toBe(numberB);
      }),
    );
  });
});

describe('parseDocumentNumber', () => {
  it('reads back what formatDocumentNumber wrote', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{2,8}$/), fc.integer({ min: 1, max: 10_000_000 }), (deskTag, sequence) => {
        const parts = { agencyCode: '绵市监企补', year: 2027, deskTag, sequence };
        expect(parseDocumentNumber(formatDocumentNumber(parts))).toEqual(parts);
      }),
    );
  });

  it('returns null for numbers that are not ours', () => {
    expect(parseDocumentNumber('绵市监企受字[2026]第FC03-0001号')).toBeNull();
    expect(parseDocumentNumber('绵市监企受字〔2026〕第0001号')).toBeNull();
    expect(parseDocumentNumber('绵市监企受字〔2026〕第FC03-00001号')).toBeNull();
    expect(parseDocumentNumber('绵市监企受字〔2026〕第FC03-0000号')).toBeNull();
  });
});

describe('documentNumberSchema', () => {
  it('refuses a malformed 文号 with a message that shows the expected form', () => {
    const result = documentNumberSchema.safeParse('第1号');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('绵市监企受字〔2026〕第FC03-0001号');
  });
});
