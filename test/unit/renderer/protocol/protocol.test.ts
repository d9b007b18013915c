import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { casePatchSchema, newCaseSchema } from '../../../../renderer/src/domain/cases/caseRecord';
import { syncOpSchema } from '../../../../renderer/src/protocol/ops';
import { pullQuerySchema } from '../../../../renderer/src/protocol/pull';
import { pushRequestSchema } from '../../../../renderer/src/protocol/push';
import { calendarItemSchema, referenceQuerySchema } from '../../../../renderer/src/protocol/reference';

const envelope = (seq: number, fields: Record<string, unknown> = {}) => ({
  opId: uuidv7(),
  seq,
  type: 'upsert',
  entity: 'case',
  entityId: uuidv7(),
  payload: {},
  clerkId: uuidv7(),
  at: '2026-11-28T09:30:00+08:00',
  ...fields,
});

describe('pushRequestSchema', () => {
  it('takes a batch with contiguous seqs and an envelope lenient about entity and payload', () => {
    const request = { deskId: uuidv7(), schemaVersion: 1, ops: [envelope(4, { entity: 'whatever', payload: 42 }), envelope(5)] };
    expect(pushRequestSchema.safeParse(request).success).toBe(true);
  });

  it('refuses seqs that skip or go back, a repeated opId, and an instant without an offset', () => {
    const deskId = uuidv7();
    const skip = { deskId, schemaVersion: 1, ops: [envelope(1), envelope(3)] };
    const first = envelope(1);
    const repeat = { deskId, schemaVersion: 1, ops: [first, { ...first, seq: 2 }] };
    const local = { deskId, schemaVersion: 1, ops: [envelope(1, { at: '2026-11-28T09:30:00' })] };
    for (const request of [skip, repeat, local]) expect(pushRequestSchema.safeParse(request).success).toBe(false);
  });

  it('refuses more than 500 ops', () => {
    const ops = Array.from({ length: 501 }, (_, index) => envelope(index + 1));
    expect(pushRequestSchema.safeParse({ deskId: uuidv7(), schemaVersion: 1, ops }).success).toBe(false);
  });
});

describe('syncOpSchema', () => {
  const clerkId = uuidv7();
  const at = '2026-11-28T09:30:00+08:00';

  it('types a case patch and refuses an empty one, an unknown status, or a wrong type for the entity', () => {
    const op = { opId: uuidv7(), seq: 1, entity: 'case', type: 'upsert', entityId: uuidv7(), clerkId, at, payload: { visits: 2 } };
    expect(syncOpSchema.safeParse(op).success).toBe(true);
    expect(syncOpSchema.safeParse({ ...op, payload: {} }).success).toBe(false);
    expect(syncOpSchema.safeParse({ ...op, payload: { status: { code: 'lost' } } }).success).toBe(false);
    expect(syncOpSchema.safeParse({ ...op, type: 'append' }).success).toBe(false);
  });

  it('cleans free text and refuses control characters in it', () => {
    const payload = { enterprise: { name: '  绵阳市\u3000星河科技有限公司 ', uscc: null, address: null, greenCard: false } };
    expect(casePatchSchema.parse(payload).enterprise?.name).toBe('绵阳市 星河科技有限公司');
    expect(casePatchSchema.safeParse({ enterprise: { ...payload.enterprise, name: '星河\u0007科技' } }).success).toBe(false);
  });

  it('refuses a resident ID with a wrong check digit but takes other identity documents as written', () => {
    const applicant = { name: '张三', idKind: 'residentId', idNumber: '110105194912310021', phone: null };
    expect(casePatchSchema.safeParse({ applicant }).success).toBe(false);
    expect(casePatchSchema.safeParse({ applicant: { ...applicant, idKind: 'passport', idNumber: 'E12345678' } }).success).toBe(true);
  });

  it('requires the fields of a new case', () => {
    expect(newCaseSchema.safeParse({ visits: 1 }).success).toBe(false);
  });

  it('requires a reason to void a document, and a reason and the chief to void a licence sheet', () => {
    const document = {
      opId: uuidv7(),
      seq: 1,
      entity: 'documentEvent',
      type: 'append',
      entityId: uuidv7(),
      clerkId,
      at,
      payload: {
        caseId: null,
        documentNumber: '绵市监企受字〔2026〕第FC03-0001号',
        kind: 'licenceOriginal',
        action: 'voided',
        sha256: 'a'.repeat(64),
        templateVersion: '1',
        copies: 0,
        printerName: null,
        licenceSheetSerial: 'YZ-000001',
        reason: null,
      },
    };
    expect(syncOpSchema.safeParse(document).success).toBe(false);
    expect(syncOpSchema.safeParse({ ...document, payload: { ...document.payload, reason: '套打错位' } }).success).toBe(true);
    const sheet = {
      ...document,
      entity: 'licenceSheetEvent',
      payload: { serial: 'YZ-000001', action: 'voided', caseId: null, documentNumber: null, reason: '套打错位', approvedBy: null },
    };
    expect(syncOpSchema.safeParse(sheet).success).toBe(false);
    expect(syncOpSchema.safeParse({ ...sheet, payload: { ...sheet.payload, approvedBy: uuidv7() } }).success).toBe(true);
  });
});

describe('pull and reference queries', () => {
  it('defaults the cursor to 0 and the limit to 500, and serves no more than 500 a page', () => {
    expect(pullQuerySchema.parse({})).toEqual({ cursor: 0, limit: 500 });
    expect(pullQuerySchema.parse({ cursor: '42', limit: '9999' })).toEqual({ cursor: 42, limit: 500 });
    expect(pullQuerySchema.safeParse({ cursor: '2026-11-28T09:00:00Z' }).success).toBe(false);
    expect(referenceQuerySchema.parse({})).toEqual({});
  });

  it('refuses a calendar year holding dates of another year', () => {
    expect(calendarItemSchema.safeParse({ year: 2026, holidays: ['2026-10-01'], workdays: [] }).success).toBe(true);
    expect(calendarItemSchema.safeParse({ year: 2026, holidays: ['2027-01-01'], workdays: [] }).success).toBe(false);
  });
});
