import { describe, expect, it } from 'vitest';
import type { EnterpriseId } from '../../../../../renderer/src/data/records';
import type { BundleCode } from '../../../../../renderer/src/domain/catalogue/schema';
import type { KnownEnterprise } from '../../../../../renderer/src/features/intake/EnterpriseSection';
import { intakeDraftSchema, intakeDraftSummary, isBlankIntakeForm } from '../../../../../renderer/src/features/intake/intakeDraft';
import { emptyIntakeForm, type IntakeForm } from '../../../../../renderer/src/features/intake/intakeFormModel';

const known: KnownEnterprise = {
  id: '019a0000-0000-7000-8000-000000000001' as EnterpriseId,
  name: '绵阳云帆科技有限公司',
  uscc: '91510700MA62X4B21K',
  address: null,
  greenCard: { liaisonName: '周专员', liaisonPhone: '0816-2345678', priority: 1 },
};

/** A form half typed: a passport number cut short, the agent switched on with nothing typed yet. */
function halfTyped(): IntakeForm<KnownEnterprise> {
  return {
    ...emptyIntakeForm<KnownEnterprise>(),
    queueTicket: 'a01',
    selection: { kind: 'bundle', bundleCode: '510700-YJS-0001' as BundleCode },
    enterprise: { mode: 'existing', enterprise: known },
    applicant: { name: '李明', idKind: 'passport', idNumber: 'E1234', nationality: 'GBR', mobile: '' },
    agentUsed: true,
    answers: { premises: 'rented', shareholderKinds: ['natural_person'] },
  };
}

describe('intakeDraftSchema', () => {
  it('reads back a half-typed form exactly as it was typed, after being stored as structured data', () => {
    const stored: unknown = structuredClone(halfTyped());
    expect(intakeDraftSchema.parse(stored)).toEqual(halfTyped());
  });

  it('reads back a new enterprise and matters picked one by one', () => {
    const form: IntakeForm<KnownEnterprise> = {
      ...emptyIntakeForm<KnownEnterprise>(),
      selection: { kind: 'matters', matterCodes: [] },
      enterprise: { mode: 'new', name: '绵阳', uscc: '', address: '' },
    };
    expect(intakeDraftSchema.parse(structuredClone(form))).toEqual(form);
  });

  it('refuses a draft saved by a form whose fields have another shape', () => {
    const older = { ...structuredClone(halfTyped()), applicant: { name: '李明', idNumber: { kind: 'residentId' } } };
    expect(intakeDraftSchema.safeParse(older).success).toBe(false);
    expect(intakeDraftSchema.safeParse({ ...structuredClone(halfTyped()), enterprise: { mode: 'existing', enterprise: { ...known, id: 'not-an-id' } } }).success).toBe(false);
    expect(intakeDraftSchema.safeParse(null).success).toBe(false);
  });
});

describe('isBlankIntakeForm', () => {
  it('is true for the empty form only', () => {
    expect(isBlankIntakeForm(emptyIntakeForm())).toBe(true);
    expect(isBlankIntakeForm({ ...emptyIntakeForm<KnownEnterprise>(), queueTicket: 'A' })).toBe(false);
    expect(isBlankIntakeForm({ ...emptyIntakeForm<KnownEnterprise>(), agentUsed: true })).toBe(false);
  });
});

describe('intakeDraftSummary', () => {
  it('names the applicant, the enterprise and the ticket as far as they were typed', () => {
    expect(intakeDraftSummary(halfTyped())).toEqual({ applicant: '李明', enterprise: '绵阳云帆科技有限公司', queueTicket: 'a01' });
    expect(intakeDraftSummary({ ...emptyIntakeForm<KnownEnterprise>(), enterprise: { mode: 'new', name: ' ', uscc: '', address: '' } })).toEqual({
      applicant: null,
      enterprise: null,
      queueTicket: null,
    });
  });
});
