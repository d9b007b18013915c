import { describe, expect, it } from 'vitest';
import { caseIdSchema, newCaseId } from '../../../../../renderer/src/domain/cases/caseId';

describe('case ids', () => {
  it('are made on the desk as UUIDv7, later ones sorting after earlier ones', async () => {
    const first = newCaseId();
    await new Promise((resolve) => setTimeout(resolve, 2));
    const second = newCaseId();
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second > first).toBe(true);
  });

  it('accept an upper-case id as the same id, and refuse another UUID version or junk', () => {
    const id = newCaseId();
    expect(caseIdSchema.parse(id.toUpperCase())).toBe(id);
    expect(caseIdSchema.safeParse('0d5e9b3c-6f1a-4c2b-9a3e-1b2c3d4e5f60').error?.issues[0]?.message).toBe('办件编号格式不正确');
    expect(caseIdSchema.safeParse('FC03-20261128-0001').success).toBe(false);
  });
});
