import { describe, expect, it } from 'vitest';
import { can, clerkActions, permissionDenial, rolesPermittedTo, type ClerkAction } from '../../../../../renderer/src/domain/clerks/permissions';
import { clerkRoles, type ClerkRole } from '../../../../../renderer/src/domain/clerks/roles';

// Written out by hand from the roles of ARCHITECTURE.md so the table in the source is checked, not restated.
const expected: Record<ClerkAction, readonly ClerkRole[]> = {
  'case.intake': ['clerk', 'chief'],
  'case.counterDecision': ['clerk', 'chief'],
  'case.advance': ['clerk', 'chief'],
  'case.decide': ['chief'],
  'commitment.check': ['clerk', 'chief'],
  'licence.print': ['clerk', 'chief'],
  'licence.handover': ['clerk', 'chief'],
  'licence.void': ['chief'],
  'licence.reprint': ['chief'],
  'licence.issueOffline': ['chief'],
  'printer.calibrate': ['chief'],
  'dayClose.prepare': ['clerk', 'chief'],
  'dayClose.sign': ['chief'],
  'settings.manage': ['admin'],
  'printers.manage': ['admin'],
  'desk.enrol': ['admin'],
  'clerks.manage': ['admin'],
  'audit.view': ['chief', 'admin'],
  'ledger.escalate': ['clerk', 'chief'],
  'ledger.supervise': ['chief', 'admin'],
};

describe('can', () => {
  for (const action of clerkActions) {
    for (const role of clerkRoles) {
      const allowed = expected[action].includes(role);
      it(`${allowed ? 'lets' : 'does not let'} a ${role} ${action}`, () => {
        expect(can(role, action)).toBe(allowed);
      });
    }
  }

  it('reserves in-hall decisions, voids, reprints and the day-close signature to the chief', () => {
    for (const action of ['case.decide', 'licence.void', 'licence.reprint', 'dayClose.sign'] as const) {
      expect(rolesPermittedTo(action)).toEqual(['chief']);
    }
  });

  it('gives the admin the machine but not the counter', () => {
    expect(can('admin', 'printers.manage')).toBe(true);
    expect(can('admin', 'case.counterDecision')).toBe(false);
    expect(can('clerk', 'settings.manage')).toBe(false);
  });
});

describe('permissionDenial', () => {
  it('says nothing when the role may act', () => {
    expect(permissionDenial('chief', 'licence.void')).toBeNull();
  });

  it('says who may act instead, naming the act', () => {
    expect(permissionDenial('clerk', 'licence.void')).toBe('受理员无权作废证照，需由首席代表操作。');
    expect(permissionDenial('admin', 'case.intake')).toBe('管理员无权登记办件，需由受理员或首席代表操作。');
    expect(permissionDenial('chief', 'printers.manage', '添加打印机')).toBe('首席代表无权添加打印机，需由管理员操作。');
  });
});
