import { describe, expect, it } from 'vitest';
import type { SignedInClerk } from '../../../../../renderer/src/domain/clerks/account';
import type { ClerkId } from '../../../../../renderer/src/domain/clerks/clerkId';
import { allowedScope, scopeOf } from '../../../../../renderer/src/features/figures/loadFigures';

const person = (role: SignedInClerk['role']): SignedInClerk => ({ id: '0190a000-0000-7000-8000-00000000000a' as ClerkId, role, displayName: '李受理' });

describe('the figures a person may see', () => {
  it('gives the chief and the admin whatever scope they ask for', () => {
    expect(allowedScope(person('chief'), '01', 'hall')).toBe('hall');
    expect(allowedScope(person('admin'), '01', 'desk:02')).toBe('desk:02');
  });

  it('gives a clerk their own window’s figures whatever was asked', () => {
    expect(allowedScope(person('clerk'), '01', 'hall')).toBe('desk:01');
    expect(allowedScope(person('clerk'), '01', 'clerk:0190a000-0000-7000-8000-00000000000b')).toBe('desk:01');
  });

  it('reads the select’s value as a scope', () => {
    expect(scopeOf('hall')).toEqual({ kind: 'hall' });
    expect(scopeOf('desk:02')).toEqual({ kind: 'desk', deskCode: '02' });
    expect(scopeOf('clerk:abc')).toEqual({ kind: 'clerk', clerkId: 'abc' });
  });
});
