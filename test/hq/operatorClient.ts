import { queueTicketSchema, type QueueTicket, type TakeTicketRequest } from '../../renderer/src/protocol/queue';
import { z } from 'zod';
import type { ReferenceKind } from '../../renderer/src/protocol/reference';
import {
  alertListSchema,
  caseDetailSchema,
  caseListSchema,
  deskListSchema,
  enrolmentCodeResponseSchema,
  expireTokenResponseSchema,
  faultPlanSchema,
  minSchemaVersionSchema,
  opListSchema,
  operatorCaseSchema,
  publishResponseSchema,
  type Alert,
  type CaseDetail,
  type CaseList,
  type CaseQuery,
  type DecisionRequest,
  type DeskSummary,
  type EnrolmentCodeRequest,
  type EnrolmentCodeResponse,
  type FaultPlan,
  type FaultPlanInput,
  type OperatorCase,
  type OpSummary,
} from './operatorProtocol';

/** A non-2xx answer of the operator API, with its status and JSON body. */
export class HqOperatorError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HQ operator API answered ${status}: ${JSON.stringify(body)}`);
  }
}

type Approval = Extract<DecisionRequest, { decision: 'approve' }>;

/** Plays the back office against a running reference HQ (tests, e2e, bench, demos). */
export class HqOperator {
  constructor(
    readonly baseUrl: string,
    private readonly adminToken: string,
  ) {}

  private async call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.adminToken}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const parsed: unknown = text === '' ? undefined : JSON.parse(text);
    if (!response.ok) throw new HqOperatorError(response.status, parsed);
    return schema.parse(parsed);
  }

  listCases(query: CaseQuery = {}): Promise<CaseList> {
    const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
    return this.call('GET', `/operator/cases?${search.toString()}`, caseListSchema);
  }

  getCase(caseId: string): Promise<CaseDetail> {
    return this.call('GET', `/operator/cases/${encodeURIComponent(caseId)}`, caseDetailSchema);
  }

  approve(caseId: string, licence: Approval['licence'], decidedBy = '市场监管局审批科'): Promise<OperatorCase> {
    const request: DecisionRequest = { decision: 'approve', decidedBy, licence };
    return this.call('POST', `/operator/cases/${encodeURIComponent(caseId)}/decision`, operatorCaseSchema, request);
  }

  deny(caseId: string, reason: string, options: { legalBasis?: string; decidedBy?: string } = {}): Promise<OperatorCase> {
    const { legalBasis = '《中华人民共和国行政许可法》第三十八条第二款', decidedBy = '市场监管局审批科' } = options;
    const request: DecisionRequest = { decision: 'deny', decidedBy, reason, legalBasis };
    return this.call('POST', `/operator/cases/${encodeURIComponent(caseId)}/decision`, operatorCaseSchema, request);
  }

  /** Publishes a whole new list of `kind`; resolves to its version. */
  async publish(kind: ReferenceKind, items: readonly unknown[]): Promise<number> {
    return (await this.call('POST', `/operator/reference/${kind}`, publishResponseSchema, { items })).version;
  }

  async desks(): Promise<DeskSummary[]> {
    return (await this.call('GET', '/operator/desks', deskListSchema)).desks;
  }

  async ops(deskId: string, options: { afterSeq?: number; limit?: number } = {}): Promise<OpSummary[]> {
    const search = new URLSearchParams(Object.entries(options).map(([key, value]) => [key, String(value)]));
    return (await this.call('GET', `/operator/desks/${encodeURIComponent(deskId)}/ops?${search.toString()}`, opListSchema)).ops;
  }

  /** A single-use enrolment code for one hall and desk (24 hours unless `validHours` says otherwise). */
  issueEnrolmentCode(request: EnrolmentCodeRequest): Promise<EnrolmentCodeResponse> {
    return this.call('POST', '/operator/enrolment-codes', enrolmentCodeResponseSchema, request);
  }

  /** Makes every live token of the desk answer 401 `expired`; resolves to how many there were. */
  /** The ticket machine: the next number of the hall's line (叫号). */
  async takeQueueTicket(request: TakeTicketRequest): Promise<QueueTicket> {
    return this.call('POST', '/operator/queue/tickets', queueTicketSchema, request);
  }

  async expireToken(deskId: string): Promise<number> {
    return (await this.call('POST', `/operator/desks/${encodeURIComponent(deskId)}/expire-token`, expireTokenResponseSchema)).expired;
  }

  async setMinSchemaVersion(minSchemaVersion: number): Promise<void> {
    await this.call('PUT', '/operator/min-schema-version', minSchemaVersionSchema, { minSchemaVersion });
  }

  async alerts(): Promise<Alert[]> {
    return (await this.call('GET', '/operator/alerts', alertListSchema)).alerts;
  }

  setFaults(plan: FaultPlanInput): Promise<FaultPlan> {
    return this.call('PUT', '/operator/faults', faultPlanSchema, plan);
  }

  clearFaults(): Promise<FaultPlan> {
    return this.call('DELETE', '/operator/faults', faultPlanSchema);
  }

  faults(): Promise<FaultPlan> {
    return this.call('GET', '/operator/faults', faultPlanSchema);
  }
}
