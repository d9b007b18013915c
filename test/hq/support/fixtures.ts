import { createHash } from 'node:crypto';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import type { licenceDataSchema } from '../../../renderer/src/domain/cases/hqDecision';
import { opTypeByEntity, type SyncOpInput } from '../../../renderer/src/protocol/ops';
import type { TestDesk } from './harness';

export const at = (time = '09:30:00', date = '2026-11-28') => `${date}T${time}+08:00`;
export const validUscc = '91350100M000100Y43';
export const validResidentId = '11010519491231002X';

export const draftingStatus = { code: 'drafting' } as const;
export const acceptedStatus = (acceptedAt = at('10:00:00')) =>
  ({ code: 'accepted', acceptance: { acceptedAt, dueDate: '2026-12-03', deferral: null } }) as const;
export const withdrawnStatus = (withdrawnAt = at('11:00:00')) =>
  ({ code: 'withdrawn', withdrawnAt, from: 'accepted', acceptance: null, reason: '申请人撤回' }) as const;

type CaseOpInput = Extract<SyncOpInput, { entity: 'case' }>;
type Payload<E extends SyncOpInput['entity']> = Extract<SyncOpInput, { entity: E }>['payload'];

export function newCasePayload(desk: TestDesk, n: number, overrides: Partial<CaseOpInput['payload']> = {}): CaseOpInput['payload'] {
  return {
    caseNumber: `${desk.tag}-20261128-${String(n).padStart(4, '0')}`,
    status: draftingStatus,
    enterprise: { name: `绵阳市星河科技有限公司${n}`, uscc: null, address: '绵阳市涪城区临园路东段 1 号', greenCard: false },
    applicant: { name: '张三', idKind: 'residentId', idNumber: validResidentId, phone: '13800138000' },
    agent: null,
    matterCodes: ['QYKB-SLDJ'],
    bundleCode: 'QYKB',
    answers: { shareholderKinds: ['naturalPerson', 'company'], premises: 'rented' },
    catalogueVersion: '2026.11.1',
    queueTicket: `A${String(n).padStart(3, '0')}`,
    visits: 1,
    createdAt: at(),
    ...overrides,
  };
}

export function licenceData(overrides: Partial<z.input<typeof licenceDataSchema>> = {}) {
  return {
    uscc: validUscc,
    name: '绵阳市星河科技有限公司',
    type: '有限责任公司(自然人投资或控股)',
    legalRepresentative: '张三',
    registeredCapitalFen: 100_000_000,
    businessScope: '一般项目：技术服务、技术开发、技术咨询。',
    address: '绵阳市涪城区临园路东段 1 号',
    establishedOn: '2026-11-28',
    businessTerm: { kind: 'longTerm' } as const,
    registrationAuthority: '绵阳市涪城区市场监督管理局',
    ...overrides,
  };
}

export function documentPayload(overrides: Partial<Payload<'documentEvent'>> = {}): Payload<'documentEvent'> {
  return {
    caseId: null,
    documentNumber: '绵市监企受字〔2026〕第FC03-0001号',
    kind: 'receipt',
    action: 'printed',
    sha256: sha256Hex('pdf bytes'),
    templateVersion: '1',
    copies: 1,
    printerName: null,
    licenceSheetSerial: null,
    reason: null,
    ...overrides,
  };
}

export function sha256Hex(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Numbers a desk's ops as its outbox would: seq contiguous from 1, one clerk, fresh ids. `op` builds
 * typed ops; `raw` anything at all, for ops HQ must reject.
 */
export class Outbox {
  private seq = 0;
  readonly clerkId = uuidv7();

  constructor(startAfter = 0) {
    this.seq = startAfter;
  }

  get lastSeq(): number {
    return this.seq;
  }

  op<E extends SyncOpInput['entity']>(
    entity: E,
    entityId: string,
    payload: Payload<E>,
    extra: { baseVersion?: number; at?: string } = {},
  ): SyncOpInput {
    return this.raw({ entity, type: opTypeByEntity[entity], entityId, payload, ...extra }) as SyncOpInput;
  }

  raw(fields: Record<string, unknown>): Record<string, unknown> {
    this.seq += 1;
    return { opId: uuidv7(), seq: this.seq, clerkId: this.clerkId, at: at(), ...fields };
  }

  newCase(desk: TestDesk, n: number, overrides: Partial<CaseOpInput['payload']> = {}, caseId = uuidv7()): SyncOpInput {
    return this.op('case', caseId, newCasePayload(desk, n, overrides));
  }
}
