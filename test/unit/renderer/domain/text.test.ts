import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, codePointLength, type CleanTextResult } from '../../../../renderer/src/domain/text';

function errorOf(result: CleanTextResult) {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.error;
}

const NAME = { max: 50 } as const;
const NOTE = { max: 500, multiline: true } as const;

describe('cleanText', () => {
  it('keeps HTML and script as plain text, verbatim', () => {
    expect(cleanText('<script>alert(1)</script>', NAME)).toEqual({ ok: true, value: '<script>alert(1)</script>' });
    expect(cleanText('A&B <b>有限公司</b> "引号" \'单引号\'', NAME)).toEqual({
      ok: true,
      value: 'A&B <b>有限公司</b> "引号" \'单引号\'',
    });
  });

  it('trims ordinary, full-width and other Unicode spaces at both ends', () => {
    expect(cleanText('  \u3000张三\u00a0\t', NAME)).toEqual({ ok: true, value: '张三' });
  });

  it('turns full-width and no-break spaces inside the text into ordinary spaces', () => {
    expect(cleanText('张\u3000三\u00a0丰', NAME)).toEqual({ ok: true, value: '张 三 丰' });
  });

  it('drops zero-width spaces and byte-order marks that come with pasted text', () => {
    expect(cleanText('\ufeff张\u200b三\u2060', NAME)).toEqual({ ok: true, value: '张三' });
  });

  it('trims whitespace hidden behind a dropped zero-width space', () => {
    expect(cleanText('\u200b\t张三\r\n\u200b', NAME)).toEqual({ ok: true, value: '张三' });
  });

  it('accepts an empty field as empty text (whether it is required is the form\'s rule)', () => {
    expect(cleanText(' \u3000 ', NAME)).toEqual({ ok: true, value: '' });
  });

  describe('length', () => {
    it('counts 𠮷 (outside the BMP) as one character', () => {
      expect('𠮷'.length).toBe(2);
      expect(codePointLength('𠮷野家')).toBe(3);
      expect(cleanText('𠮷'.repeat(5), { max: 5 })).toEqual({ ok: true, value: '𠮷'.repeat(5) });
    });

    it('refuses text over the limit and gives the limit and the count', () => {
      expect(errorOf(cleanText('𠮷'.repeat(6), { max: 5 }))).toEqual({
        kind: 'tooLong',
        message: '最多可填5个字，当前6个字，请删减1个字',
      });
    });

    it('measures after trimming', () => {
      expect(cleanText('   12345   ', { max: 5 })).toEqual({ ok: true, value: '12345' });
    });

    it('counts a lone surrogate as one character', () => {
      expect(codePointLength('\ud842')).toBe(1);
      expect(codePointLength('\udfb7\ud842')).toBe(2);
    });

    it('agrees with iterating the string for any text', () => {
      fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => codePointLength(text) === [...text].length));
    });
  });

  describe('control characters', () => {
    it.each([
      ['NUL', '张\u0000三', '空字符'],
      ['BEL', '张\u0007三', 'U+0007'],
      ['ESC', '张\u001b三', 'U+001B'],
      ['DEL', '张\u007f三', 'U+007F'],
      ['C1 NEL', '张\u0085三', 'U+0085'],
      ['C1 CSI', '张\u009b三', 'U+009B'],
      ['a tab inside the text', '张\t三', '制表符 Tab'],
      ['a vertical tab inside the text', '张\u000b三', 'U+000B'],
    ])('refuses %s and names it and its position', (_label, raw, name) => {
      expect(errorOf(cleanText(raw, NOTE))).toEqual({
        kind: 'controlCharacter',
        message: `第2个字符是看不见的控制字符（${name}），请删除后再保存`,
      });
    });

    it('counts positions in characters of the text as typed, including leading spaces and 𠮷', () => {
      expect(errorOf(cleanText('  𠮷野\u0007', NAME)).message).toContain('第5个字符');
    });
  });

  describe('line breaks', () => {
    it('refuses a line break inside a single-line field', () => {
      expect(errorOf(cleanText('张三\n李四', NAME))).toEqual({
        kind: 'lineBreak',
        message: '此处只能填写一行，第3个字符处有换行，请删除换行后再保存',
      });
      expect(errorOf(cleanText('张三\u2028李四', NAME)).kind).toBe('lineBreak');
    });

    it('trims a trailing line break from a single-line field', () => {
      expect(cleanText('张三\r\n', NAME)).toEqual({ ok: true, value: '张三' });
    });

    it('keeps line breaks in a multi-line field, normalising Windows and old Mac endings to \\n', () => {
      expect(cleanText('第一行\r\n第二行\r第三行\n第四行\u2029第五行', NOTE)).toEqual({
        ok: true,
        value: '第一行\n第二行\n第三行\n第四行\n第五行',
      });
    });

    it('counts positions in code points, so a pasted \\r\\n takes two', () => {
      expect(errorOf(cleanText('甲\r\n乙\u0007', NOTE)).message).toContain('第5个字符');
    });
  });

  describe('direction overrides', () => {
    it.each([0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c])(
      'refuses U+%s',
      (codePoint) => {
        const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
        expect(errorOf(cleanText(`invoice${String.fromCodePoint(codePoint)}fdp.exe`, NAME))).toEqual({
          kind: 'bidiControl',
          message: `第8个字符是文字方向控制符（U+${hex}），它会让文字显示的顺序与实际内容不同，请删除后再保存`,
        });
      },
    );

    it('refuses an override even at the very end, where trimming would not remove it', () => {
      expect(errorOf(cleanText('张三\u202e', NAME)).kind).toBe('bidiControl');
    });
  });

  it('refuses half a character (a lone surrogate) left by a broken paste', () => {
    expect(errorOf(cleanText('张\ud842三', NAME))).toEqual({
      kind: 'brokenCharacter',
      message: '第2个字符已损坏（编码不完整），请删除后重新输入',
    });
  });

  it('reports a forbidden character before the length', () => {
    expect(errorOf(cleanText(`${'长'.repeat(60)}\u0007`, NAME)).kind).toBe('controlCharacter');
  });

  it('never returns text with a refused character, untrimmed, or longer than the limit, and is idempotent', () => {
    const tricky = ['\u0000', '\u0007', '\n', '\r', '\t', '\u0085', '\u202e', '\u2066', '\u3000', '\u00a0', '\u200b', '\ufeff', ' ', '张', '𠮷', '\ud842', '<'];
    const unit = fc.oneof(fc.constantFrom(...tricky), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    const refused = (codePoint: number, multiline: boolean) =>
      (codePoint <= 0x1f && !(multiline && codePoint === 0x0a)) ||
      (codePoint >= 0x7f && codePoint <= 0x9f) ||
      (codePoint >= 0x202a && codePoint <= 0x202e) ||
      (codePoint >= 0x2066 && codePoint <= 0x2069) ||
      (codePoint >= 0xd800 && codePoint <= 0xdfff);
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), fc.integer({ min: 1, max: 30 }), fc.boolean(), (raw, max, multiline) => {
        const result = cleanText(raw, { max, multiline });
        if (!result.ok) return;
        expect(codePointLength(result.value)).toBeLessThanOrEqual(max);
        expect(result.value).toBe(result.value.trim());
        for (const character of result.value) expect(refused(character.codePointAt(0)!, multiline)).toBe(false);
        expect(cleanText(result.value, { max, multiline })).toEqual(result);
      }),
    );
  });

  it.each([0, -1, 2.5, Number.NaN])('treats max = %d as a programming error', (max) => {
    expect(() => cleanText('x', { max })).toThrow(RangeError);
  });
});
