/**
 * JSON with one spelling per value, so a hash over it is reproducible: object keys sorted by UTF-16 code
 * units at every depth, no whitespace, numbers and strings as `JSON.stringify` writes them (the same rules
 * as RFC 8785 for the values we store). Anything JSON cannot say exactly — `undefined`, NaN, Infinity,
 * functions, class instances such as Date or Map — throws instead of being silently changed.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
    return JSON.stringify(value);
  }
  // Array.from turns holes into undefined, which then throws, rather than letting `map` skip them.
  if (Array.isArray(value)) return `[${Array.from(value, (item: unknown) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object' && isPlainObject(value)) {
    const keys = Object.keys(value).sort();
    const members = keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`canonicalJson: a ${typeof value === 'object' ? value.constructor?.name : typeof value} has no JSON form`);
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
