import { describe, expect, it } from 'vitest';
import { clerkIdSchema, newClerkId } from '../../../../../renderer/src/domain/clerks/clerkId';

describe('clerk ids', () => {
  it('are distinct time-ordered UUIDv7s', () => {
    const a = newClerkId();
    const b = newClerkId();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('refuses a UUID of another version', () => {
    expect(clerkIdSchema.safeParse('0d5e9b3c-6f1a-4c2b-9a3e-1b2c3d4e5f60').error?.issues[0]?.message).toBe(
      '工作人员编号格式不正确',
    );
  });
});
