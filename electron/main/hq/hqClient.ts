import type { z } from 'zod';
import { toChinaIsoDateTime } from '../../../renderer/src/domain/chineseDate';
import { putBlobResponseSchema, type PutBlobResponse } from '../../../renderer/src/protocol/blobs';
import { closeDayRequestSchema, closeDayResponseSchema, type CloseDayResponse } from '../../../renderer/src/protocol/closeDay';
import { protocolLimits } from '../../../renderer/src/protocol/common';
import { enrolResponseSchema } from '../../../renderer/src/protocol/enrol';
import { hqErrorSchema, type HqError } from '../../../renderer/src/protocol/errors';
import {
  issuanceClaimedSchema,
  issuanceClaimGrantSchema,
  issuanceClaimRequestSchema,
  issuanceReleaseResponseSchema,
  type IssuanceReleaseResponse,
} from '../../../renderer/src/protocol/issuanceClaim';
import { pullResponseSchema, type PullResponse } from '../../../renderer/src/protocol/pull';
import { pushRequestSchema, pushResponseSchema, type PushResponse } from '../../../renderer/src/protocol/push';
import {
  queueCallRequestSchema,
  queueCallResponseSchema,
  queueDoneRequestSchema,
  queueTicketStateSchema,
  queueTransferRequestSchema,
  type QueueTicketState,
} from '../../../renderer/src/protocol/queue';
import { referenceResponseSchema, type ReferenceResponse } from '../../../renderer/src/protocol/reference';
import { schemaVersionHeader } from '../../../renderer/src/protocol/version';
import { sha256Hex } from '../../../renderer/src/domain/sha256';
import type {
  blobRefInputSchema,
  closeDayInputSchema,
  enrolInputSchema,
  EnrolOutput,
  HqConfig,
  HqFailure,
  GetBlobOutput,
  HqResult,
  issuanceClaimInputSchema,
  IssuanceClaimOutput,
  issuanceReleaseInputSchema,
  pullInputSchema,
  pushInputSchema,
  putBlobInputSchema,
  queueActInputSchema,
  queueCallInputSchema,
  QueueCallOutput,
  referenceInputSchema,
} from '../../ipc/hq';
import { checkHqBaseUrl } from './hqUrl';
import { hqMessages } from './messages';
import type { SecretStore } from './secretStore';
import type { HqSettingsStore } from './settingsStore';

export interface HqClientDeps {
  settings: HqSettingsStore;
  secrets: SecretStore;
  /** The desk's `protocolVersion`, stated on every request (HQ answers 426 below its minimum). */
  protocolVersion: number;
  fetch?: typeof fetch;
  /** How long a request may take, headers and body, before it is abandoned (ms). */
  timeoutMs?: number;
  /** The same for an attachment upload, which may be large. */
  blobTimeoutMs?: number;
  now?: () => Date;
}

/** The main process's side of sync: one method per HQ endpoint, each answering an `HqResult`. */
export interface HqClient {
  config(): Promise<HqConfig>;
  enrol(input: z.output<typeof enrolInputSchema>): Promise<HqResult<EnrolOutput>>;
  push(input: z.output<typeof pushInputSchema>): Promise<HqResult<PushResponse>>;
  pull(input: z.output<typeof pullInputSchema>): Promise<HqResult<PullResponse>>;
  reference(input: z.output<typeof referenceInputSchema>): Promise<HqResult<ReferenceResponse>>;
  hasBlob(input: z.output<typeof blobRefInputSchema>): Promise<HqResult<{ present: boolean }>>;
  putBlob(input: z.output<typeof putBlobInputSchema>): Promise<HqResult<PutBlobResponse>>;
  /** A blob of the hall's desks, accepted only when its bytes hash to the address asked for. */
  getBlob(input: z.output<typeof blobRefInputSchema>): Promise<HqResult<GetBlobOutput>>;
  closeDay(input: z.output<typeof closeDayInputSchema>): Promise<HqResult<CloseDayResponse>>;
  /** Another window's claim or issuance is a `claimed` value, not a failure. */
  claimIssuance(input: z.output<typeof issuanceClaimInputSchema>): Promise<HqResult<IssuanceClaimOutput>>;
  releaseIssuance(input: z.output<typeof issuanceReleaseInputSchema>): Promise<HqResult<IssuanceReleaseResponse>>;
  /** The next ticket for the window's lines; `ticket: null` when nobody waits for it (HQ's 204). */
  queueCall(input: z.output<typeof queueCallInputSchema>): Promise<HqResult<QueueCallOutput>>;
  /** Recall, skip, transfer or finish a ticket this window called; another window's ticket is HQ's 409, a `badRequest` with HQ's sentence. */
  queueAct(input: z.output<typeof queueActInputSchema>): Promise<HqResult<QueueTicketState>>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_BLOB_TIMEOUT_MS = 120_000;

/** An HTTP answer as read: status, body text and its `Retry-After` header (for a 429). */
export interface Received {
  status: number;
  text: string;
  retryAfter: string | null;
  /** The body as bytes instead of text, when the request asked for bytes and the answer is a 200. */
  bytes?: Uint8Array<ArrayBuffer>;
}

type Answer = ({ ok: true } & Received) | { ok: false; failure: HqFailure };

interface Authorised {
  baseUrl: string;
  deskId: string;
  token: string;
}

const failed = (failure: HqFailure): { ok: false; failure: HqFailure } => ({ ok: false, failure });

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** HQ's details of a 4xx, for the clerk: its message and the first few schema issues. */
function detailOf(error: HqError | undefined): string {
  if (error === undefined) return '';
  const issues = error.error === 'invalid' ? (error.issues ?? []).slice(0, 3).map((issue) => `${issue.path}：${issue.message}`) : [];
  return [error.message, ...issues].filter((part) => part !== undefined && part !== '').join('；');
}

/** Seconds to wait from a `Retry-After` header (seconds or an HTTP date); null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now: Date): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d{1,9}$/.test(value)) return Number(value);
  // The IMF-fixdate form HTTP uses (Date.parse alone would read "-5" as a year).
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value)) return null;
  const until = Date.parse(value);
  return Number.isNaN(until) ? null : Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}

/**
 * Maps a non-2xx answer to the failure the sync engine acts on (the contract's error list, ARCHITECTURE.md).
 * During enrolment a 401 is about the enrolment code, a 403 a code issued for another desk and a 429 the
 * hall and desk's refused attempts, whatever the body says.
 */
export function failureOf(received: Received, context: { protocolVersion: number; now: Date; enrolling?: boolean }): HqFailure {
  const { status, text } = received;
  const parsed = hqErrorSchema.safeParse(parseJson(text));
  const error = parsed.success ? parsed.data : undefined;
  const unauthorized = error?.error === 'unauthorized' ? error : undefined;
  if (status === 401 && context.enrolling === true) {
    const codeStatus = unauthorized?.codeStatus ?? 'unknown';
    return { kind: 'unauthorized', reason: 'enrolmentCode', codeStatus, message: hqMessages.enrolmentCode[codeStatus] };
  }
  if (status === 401) {
    const reason = unauthorized?.reason ?? 'unknown';
    return { kind: 'unauthorized', reason, message: reason === 'enrolmentCode' ? hqMessages.enrolmentCode.unknown : hqMessages.unauthorized[reason] };
  }
  if (status === 403 && context.enrolling === true) return { kind: 'otherDeskCode', message: hqMessages.otherDeskCode };
  if (status === 403) return { kind: 'wrongDesk', message: hqMessages.wrongDesk };
  if (status === 429) {
    const wait = retryAfterSeconds(received.retryAfter, context.now);
    const message = context.enrolling === true ? hqMessages.tooManyEnrolmentAttempts(wait) : hqMessages.tooManyRequests(wait);
    return { kind: 'tooManyRequests', retryAfterSeconds: wait, message };
  }
  if (status === 409 && error?.error === 'seq_gap') return { kind: 'seqGap', expectedSeq: error.expectedSeq, message: hqMessages.seqGap(error.expectedSeq) };
  if (status === 409 && error?.error === 'seq_conflict') return { kind: 'seqConflict', seq: error.seq, message: hqMessages.seqConflict(error.seq) };
  if (status === 413) {
    const limit = error?.error === 'too_large' ? error.limit : protocolLimits.maxPushBytes;
    return { kind: 'tooLarge', limit, message: hqMessages.tooLarge(limit) };
  }
  if (status === 426) {
    const minimum = error?.error === 'desk_too_old' ? error.minSchemaVersion : context.protocolVersion + 1;
    return { kind: 'deskTooOld', minSchemaVersion: minimum, message: hqMessages.deskTooOld(minimum) };
  }
  if (status >= 500 && status <= 599) return { kind: 'serverError', status, message: hqMessages.serverError(status) };
  if (status >= 400 && status <= 499) return { kind: 'badRequest', status, message: hqMessages.badRequest(status, detailOf(error)) };
  return { kind: 'badResponse', message: hqMessages.badResponse };
}

/**
 * The HQ client of the main process. It alone reads the token (from the `SecretStore`) and puts it on
 * requests; what it hands back is HQ's parsed answer or a typed failure, so nothing it returns can carry
 * the token to the renderer. Redirects are refused, so the token never follows one to another host.
 */
export function createHqClient(deps: HqClientDeps): HqClient {
  const fetchImpl = deps.fetch ?? fetch;
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const blobTimeoutMs = deps.blobTimeoutMs ?? DEFAULT_BLOB_TIMEOUT_MS;
  const now = deps.now ?? (() => new Date());
  let cachedToken: string | null = null;

  async function send(
    url: string,
    init: { method: string; headers: Record<string, string>; body?: string | Uint8Array<ArrayBuffer>; timeoutMs: number; binary?: boolean },
  ): Promise<Answer> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), init.timeoutMs);
    const timedOut = () => failed({ kind: 'timeout', message: hqMessages.timeout(Math.round(init.timeoutMs / 1000)) });
    try {
      let response: Response;
      try {
        response = await fetchImpl(url, {
          method: init.method,
          headers: { [schemaVersionHeader]: String(deps.protocolVersion), ...init.headers },
          ...(init.body !== undefined && { body: init.body }),
          signal: controller.signal,
          redirect: 'error',
        });
      } catch {
        return controller.signal.aborted ? timedOut() : failed({ kind: 'network', message: hqMessages.network });
      }
      try {
        // Read under the same timer: a body that stalls or is cut off is no answer either.
        const retryAfter = response.headers.get('retry-after');
        if (init.binary === true && response.status === 200) return { ok: true, status: 200, text: '', bytes: new Uint8Array(await response.arrayBuffer()), retryAfter };
        return { ok: true, status: response.status, text: await response.text(), retryAfter };
      } catch {
        return controller.signal.aborted ? timedOut() : failed({ kind: 'badResponse', message: hqMessages.badResponse });
      }
    } finally {
      clearTimeout(timer);
    }
  }

  const failureOfAnswer = (received: Received, enrolling = false) => failureOf(received, { protocolVersion: deps.protocolVersion, now: now(), enrolling });

  function interpret<S extends z.ZodType>(answer: Answer, schema: S, enrolling = false): HqResult<z.output<S>> {
    if (!answer.ok) return answer;
    if (answer.status < 200 || answer.status > 299) return failed(failureOfAnswer(answer, enrolling));
    const parsed = schema.safeParse(parseJson(answer.text));
    return parsed.success ? { ok: true, value: parsed.data } : failed({ kind: 'badResponse', message: hqMessages.badResponse });
  }

  async function authorised(): Promise<{ ok: true; value: Authorised } | { ok: false; failure: HqFailure }> {
    const enrolment = await deps.settings.read();
    if (enrolment === null) return failed({ kind: 'notEnrolled', message: hqMessages.notEnrolled });
    cachedToken ??= await deps.secrets.read();
    if (cachedToken === null) return failed({ kind: 'notEnrolled', message: hqMessages.tokenUnreadable });
    return { ok: true, value: { baseUrl: enrolment.baseUrl, deskId: enrolment.deskId, token: cachedToken } };
  }

  type RequestOptions = { json?: (auth: Authorised) => unknown; check?: z.ZodType; bytes?: Uint8Array; timeoutMs?: number };

  /**
   * An authorised request. `json` builds the body from the enrolment (it may name the desk); `check`
   * parses that body against the protocol before it leaves, so a desk bug is named here, not by HQ.
   */
  async function request(method: string, path: string, options: RequestOptions = {}): Promise<Answer> {
    const auth = await authorised();
    if (!auth.ok) return auth;
    const headers: Record<string, string> = { authorization: `Bearer ${auth.value.token}`, accept: 'application/json' };
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (options.json !== undefined) {
      const json = options.json(auth.value);
      const checked = options.check?.safeParse(json);
      if (checked !== undefined && !checked.success) {
        const detail = checked.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.')}：${issue.message}`).join('；');
        return failed({ kind: 'badRequest', status: 422, message: hqMessages.badRequestBody(detail) });
      }
      headers['content-type'] = 'application/json';
      body = JSON.stringify(json);
    } else if (options.bytes !== undefined) {
      headers['content-type'] = 'application/octet-stream';
      // A copy on its own ArrayBuffer, as fetch takes it (IPC may hand over a view of a larger buffer).
      body = new Uint8Array(options.bytes);
    }
    return send(`${auth.value.baseUrl}${path}`, { method, headers, ...(body !== undefined && { body }), timeoutMs: options.timeoutMs ?? timeoutMs });
  }

  async function call<S extends z.ZodType>(method: string, path: string, schema: S, options: RequestOptions = {}): Promise<HqResult<z.output<S>>> {
    return interpret(await request(method, path, options), schema);
  }

  const claimPath = (caseId: string) => `/v1/cases/${encodeURIComponent(caseId)}/issuance-claim`;

  return {
    async config() {
      const enrolment = await deps.settings.read();
      if (enrolment === null) return { enrolment: null, tokenAvailable: false };
      cachedToken ??= await deps.secrets.read();
      return { enrolment, tokenAvailable: cachedToken !== null };
    },

    async enrol(input) {
      const base = checkHqBaseUrl(input.baseUrl);
      if (!base.ok) return failed({ kind: 'invalidUrl', message: base.message });
      if (!deps.secrets.available()) return failed({ kind: 'storage', message: hqMessages.secretUnavailable });
      const answer = await send(`${base.url}/v1/desks/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ hallCode: input.hallCode, deskCode: input.deskCode, enrolmentCode: input.enrolmentCode }),
        timeoutMs,
      });
      const enrolled = interpret(answer, enrolResponseSchema, true);
      if (!enrolled.ok) return enrolled;
      try {
        await deps.secrets.write(enrolled.value.token);
      } catch {
        return failed({ kind: 'storage', message: hqMessages.secretWriteFailed });
      }
      cachedToken = enrolled.value.token;
      const enrolment = {
        baseUrl: base.url,
        hallCode: input.hallCode,
        deskCode: input.deskCode,
        deskId: enrolled.value.deskId,
        enrolledAt: toChinaIsoDateTime(now()),
      };
      try {
        await deps.settings.write(enrolment);
      } catch {
        return failed({ kind: 'storage', message: hqMessages.settingsWriteFailed });
      }
      return { ok: true, value: { ...enrolment, lastSeq: enrolled.value.lastSeq ?? null } };
    },

    push(input) {
      return call('POST', '/v1/sync/push', pushResponseSchema, {
        json: (auth) => ({ deskId: auth.deskId, schemaVersion: deps.protocolVersion, ...input }),
        check: pushRequestSchema,
      });
    },

    pull(input) {
      return call('GET', `/v1/sync/pull?cursor=${input.cursor}&limit=${input.limit}`, pullResponseSchema);
    },

    reference(input) {
      const query = input.since === null ? '' : `?since=${input.since}`;
      return call('GET', `/v1/reference/${input.kind}${query}`, referenceResponseSchema);
    },

    async hasBlob(input) {
      const auth = await authorised();
      if (!auth.ok) return auth;
      const answer = await send(`${auth.value.baseUrl}/v1/blobs/${input.sha256}`, {
        method: 'HEAD',
        headers: { authorization: `Bearer ${auth.value.token}` },
        timeoutMs,
      });
      if (!answer.ok) return answer;
      if (answer.status === 200) return { ok: true, value: { present: true } };
      if (answer.status === 404) return { ok: true, value: { present: false } };
      return failed(failureOfAnswer(answer));
    },

    putBlob(input) {
      return call('PUT', `/v1/blobs/${input.sha256}`, putBlobResponseSchema, { bytes: input.bytes, timeoutMs: blobTimeoutMs });
    },

    async getBlob(input) {
      const auth = await authorised();
      if (!auth.ok) return auth;
      const answer = await send(`${auth.value.baseUrl}/v1/blobs/${input.sha256}`, {
        method: 'GET',
        headers: { authorization: `Bearer ${auth.value.token}`, accept: 'application/octet-stream' },
        timeoutMs: blobTimeoutMs,
        binary: true,
      });
      if (!answer.ok) return answer;
      if (answer.status === 404) return { ok: true, value: { found: false } };
      if (answer.bytes === undefined) return failed(failureOfAnswer(answer));
      // HQ, or whatever stands between, may not swap the document: only the bytes of the address are accepted.
      if (answer.bytes.byteLength > protocolLimits.maxBlobBytes || (await sha256Hex(answer.bytes)) !== input.sha256) {
        return failed({ kind: 'badResponse', message: hqMessages.blobHashMismatch });
      }
      return { ok: true, value: { found: true, bytes: answer.bytes } };
    },

    closeDay(input) {
      return call('POST', '/v1/sync/close-day', closeDayResponseSchema, {
        json: (auth) => ({ deskId: auth.deskId, schemaVersion: deps.protocolVersion, ...input }),
        check: closeDayRequestSchema,
      });
    },

    async claimIssuance({ caseId, clerkId, clerkName }) {
      const answer = await request('POST', claimPath(caseId), { json: () => ({ clerkId, clerkName }), check: issuanceClaimRequestSchema });
      if (answer.ok && answer.status === 409) {
        const claimed = issuanceClaimedSchema.safeParse(parseJson(answer.text));
        if (claimed.success) {
          const { deskCode, clerkName: holder, at } = claimed.data;
          return { ok: true, value: { outcome: 'claimed', deskCode, clerkName: holder, at, message: hqMessages.issuanceClaimed(deskCode, holder) } };
        }
      }
      const granted = interpret(answer, issuanceClaimGrantSchema);
      return granted.ok ? { ok: true, value: { outcome: 'granted', ...granted.value } } : granted;
    },

    releaseIssuance({ caseId }) {
      return call('DELETE', claimPath(caseId), issuanceReleaseResponseSchema);
    },

    async queueCall({ lines }) {
      const answer = await request('POST', '/v1/queue/call', { json: () => ({ lines }), check: queueCallRequestSchema });
      if (answer.ok && answer.status === 204) return { ok: true, value: { ticket: null } };
      const called = interpret(answer, queueCallResponseSchema);
      return called.ok ? { ok: true, value: { ticket: called.value.ticket } } : called;
    },

    queueAct(input) {
      const path = `/v1/queue/tickets/${encodeURIComponent(input.ticketId)}/${input.action}`;
      switch (input.action) {
        case 'transfer':
          return call('POST', path, queueTicketStateSchema, { json: () => ({ deskCode: input.deskCode }), check: queueTransferRequestSchema });
        case 'done':
          return call('POST', path, queueTicketStateSchema, {
            json: () => (input.caseId === undefined ? {} : { caseId: input.caseId }),
            check: queueDoneRequestSchema,
          });
        default:
          return call('POST', path, queueTicketStateSchema, { json: () => ({}) });
      }
    },
  };
}
