import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../../renderer/src/domain/audit/canonicalJson';

describe('canonicalJson', () => {
  it('spells an object the same whatever order its keys were written in, at every depth', () => {
    const a = canonicalJson({ b: 1, a: { y: [1, { d: true, c: null }], x: '张三' } });
    const b = canonicalJson({ a: { x: '张三', y: [1, { c: null, d: true }] }, b: 1 });
    expect(a).toBe(b);
    expect(a).toBe('{"a":{"x":"张三","y":[1,{"c":null,"d":true}]},"b":1}');
  });

  it('keeps array order, which is meaningful', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('escapes strings as JSON does, so markup and quotes survive unchanged', () => {
    expect(canonicalJson({ name: '<script>"x"</script>\n' })).toBe('{"name":"<script>\\"x\\"</script>\\n"}');
  });

  it('refuses values JSON cannot hold exactly instead of changing them', () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(TypeError);
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ a: Infinity })).toThrow(TypeError);
    expect(() => canonicalJson({ at: new Date(0) })).toThrow(TypeError);
    expect(() => canonicalJson(new Map())).toThrow(TypeError);
    // eslint-disable-next-line no-sparse-arrays
    expect(() => canonicalJson([1, , 3])).toThrow(TypeError);
  });
});
