import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import { sha256Schema } from '../../renderer/src/domain/sha256';
import { closeDayRequestSchema } from '../../renderer/src/protocol/closeDay';
import { protocolLimits } from '../../renderer/src/protocol/common';
import { caseIdSchema } from '../../renderer/src/domain/cases/caseId';
import { enrolRequestSchema } from '../../renderer/src/protocol/enrol';
import { issuanceClaimRequestSchema } from '../../renderer/src/protocol/issuanceClaim';
import { pullQuerySchema } from '../../renderer/src/protocol/pull';
import { pushRequestSchema } from '../../renderer/src/protocol/push';
import { queueCallRequestSchema, queueDoneRequestSchema, queueTransferRequestSchema, takeTicketRequestSchema } from '../../renderer/src/protocol/queue';
import { referenceItemSchemas, referenceKindSchema, referenceQuerySchema, type ReferenceKind } from '../../renderer/src/protocol/reference';
import { schemaVersionHeader } from '../../renderer/src/protocol/version';
import { authenticateDesk, enrolDesk, issueEnrolmentCode, requireAdmin } from './auth';
import { BlobStore } from './blobs';
import { caseRecordOf } from './cases';
import { chinaDate, chinaIso } from './clock';
import { closeDay } from './closeDay';
import { openHqDatabase } from './database';
import { decideCase } from './decisions';
import { FaultInjector } from './faults';
import { claimIssuance, releaseIssuance } from './issuance';
import { HttpError, isLoopback, json, parseBody, parseJsonBody, parseParams, readBody, type Reply } from './http';
import { hqMessages } from './messages';
import {
  caseQuerySchema,
  decisionRequestSchema,
  enrolmentCodeRequestSchema,
  faultPlanSchema,
  minSchemaVersionSchema,
  opsQuerySchema,
  publishRequestSchema,
  type FaultRoute,
} from './operatorProtocol';
import { pullPage } from './pull';
import { processPush } from './push';
import { QueueStore } from './queue';
import { publishReference, referenceReply } from './reference';
import { HqStore, type StoredCase } from './store';

export interface HqOptions {
  /** 0 picks a free port. HQ always binds 127.0.0.1. */
  port: number;
  /** Where the database and blobs live; reused across restarts. */
  dataDir: string;
  /**
   * A demo code that enrols any desk, beside the single-use codes the operator issues for one desk
   * (`POST /operator/enrolment-codes`); for demos and tests only.
   */
  demoEnrolmentCode?: string;
  /** Bearer token of the operator API. */
  adminToken: string;
  /** Published as version 1 of their kind when HQ has none yet (first start on an empty `dataDir`). */
  catalogue?: z.input<typeof referenceItemSchemas.catalogue>[];
  calendar?: z.input<typeof referenceItemSchemas.calendar>[];
  greencards?: z.input<typeof referenceItemSchemas.greencards>[];
  /** HQ's clock (decision times, HQ case number years); the real one unless a test fixes it. */
  now?: () => Date;
}

export interface HqServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  url: string;
  /** Stops accepting, lets requests in flight finish (1 s at most), then closes the database. */
  close(): Promise<void>;
}

const MIN_SCHEMA_VERSION = 'minSchemaVersion';
const SMALL_BODY_LIMIT = 64 * 1024;
const CLOSE_DAY_BODY_LIMIT = 1024 * 1024;
const OPERATOR_BODY_LIMIT = 16 * 1024 * 1024;
const SHUTDOWN_GRACE_MS = 1000;

interface RouteRequest {
  req: IncomingMessage;
  url: URL;
  /** Captured path segments of the route's pattern. */
  params: string[];
}

interface Route<Name extends string> {
  name: Name;
  method: string;
  pattern: RegExp;
  /** Refused (403) unless the request comes from this machine. */
  loopbackOnly?: true;
  handle: (request: RouteRequest) => Reply | Promise<Reply>;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** Starts the reference HQ on 127.0.0.1 (the contract of ARCHITECTURE.md plus the operator API). */
export async function startHq(options: HqOptions): Promise<HqServer> {
  const now = options.now ?? (() => new Date());
  const db = openHqDatabase(options.dataDir);
  const store = new HqStore(db);
  const queue = new QueueStore(db);
  const blobs = new BlobStore(join(options.dataDir, 'blobs'));
  const faults = new FaultInjector();

  for (const kind of referenceKindSchema.options) {
    const items = options[kind];
    if (items === undefined || store.latestReference(kind) !== undefined) continue;
    publishReference(store, kind, parseBody(publishRequestSchema(kind), { items }).items, chinaIso(now()));
  }

  const minSchemaVersion = () => Number(store.setting(MIN_SCHEMA_VERSION) ?? '1');
  const requireSchemaVersion = (version: number) => {
    const minimum = minSchemaVersion();
    if (version < minimum) {
      throw new HttpError(426, { error: 'desk_too_old', minSchemaVersion: minimum, message: hqMessages.deskTooOld(minimum) });
    }
  };
  const checkSchemaHeader = (req: IncomingMessage) => {
    const raw = req.headers[schemaVersionHeader.toLowerCase()];
    if (raw === undefined) return;
    if (typeof raw !== 'string' || !/^[1-9]\d{0,8}$/.test(raw)) {
      throw new HttpError(400, { error: 'malformed', message: hqMessages.badSchemaVersionHeader });
    }
    requireSchemaVersion(Number(raw));
  };
  const requireOwnDesk = (tokenDeskId: string, bodyDeskId: string) => {
    if (tokenDeskId !== bodyDeskId) throw new HttpError(403, { error: 'wrong_desk', message: hqMessages.wrongDesk });
  };
  const clock = () => {
    const instant = now();
    return { nowIso: chinaIso(instant), today: chinaDate(instant), year: Number(chinaDate(instant).slice(0, 4)) };
  };
  const referenceKind = (raw: string): ReferenceKind => {
    const kind = referenceKindSchema.safeParse(raw);
    if (!kind.success) throw new HttpError(404, { error: 'not_found', message: hqMessages.notFound });
    return kind.data;
  };
  const sha256Param = (raw: string) => parseParams(sha256Schema, raw);

  const deskRoutes: Route<FaultRoute>[] = [
    {
      name: 'enrol',
      method: 'POST',
      pattern: /^\/v1\/desks\/enrol$/,
      handle: async ({ req }) => {
        const request = parseBody(enrolRequestSchema, parseJsonBody(await readBody(req, SMALL_BODY_LIMIT)));
        return json(200, enrolDesk(store, request, options.demoEnrolmentCode, now()));
      },
    },
    {
      name: 'push',
      method: 'POST',
      pattern: /^\/v1\/sync\/push$/,
      handle: async ({ req }) => {
        const body = await readBody(req, protocolLimits.maxPushBytes);
        const desk = authenticateDesk(store, req.headers.authorization);
        const raw = parseJsonBody(body);
        const ops = field(raw, 'ops');
        if (Array.isArray(ops) && ops.length > protocolLimits.maxOpsPerPush) {
          const limit = protocolLimits.maxOpsPerPush;
          throw new HttpError(413, { error: 'too_large', limit, message: hqMessages.tooLarge(limit) });
        }
        const declaredVersion = field(raw, 'schemaVersion');
        if (typeof declaredVersion === 'number') requireSchemaVersion(declaredVersion);
        const request = parseBody(pushRequestSchema, raw);
        requireOwnDesk(desk.deskId, request.deskId);
        const { nowIso, year } = clock();
        return json(200, processPush({ store, deskId: desk.deskId, nowIso, year, plannedRejection: (entity) => faults.takeRejection(entity) }, request));
      },
    },
    {
      name: 'pull',
      method: 'GET',
      pattern: /^\/v1\/sync\/pull$/,
      handle: ({ req, url }) => {
        const desk = authenticateDesk(store, req.headers.authorization);
        const { cursor, limit } = parseParams(pullQuerySchema, Object.fromEntries(url.searchParams));
        return { status: 200, raw: pullPage(store, desk.hallCode, cursor, limit) };
      },
    },
    {
      name: 'reference',
      method: 'GET',
      pattern: /^\/v1\/reference\/([^/]+)$/,
      handle: ({ req, url, params }) => {
        authenticateDesk(store, req.headers.authorization);
        const kind = referenceKind(params[0] ?? '');
        const { since } = parseParams(referenceQuerySchema, Object.fromEntries(url.searchParams));
        return { status: 200, raw: referenceReply(store, kind, since) };
      },
    },
    {
      name: 'blobPut',
      method: 'PUT',
      pattern: /^\/v1\/blobs\/([^/]+)$/,
      handle: async ({ req, params }) => {
        const sha256 = sha256Param(params[0] ?? '');
        const body = await readBody(req, protocolLimits.maxBlobBytes);
        const desk = authenticateDesk(store, req.headers.authorization);
        const result = await blobs.put(sha256, body, desk.hallCode);
        return json(result.stored ? 201 : 200, result);
      },
    },
    {
      name: 'blobGet',
      method: 'GET',
      pattern: /^\/v1\/blobs\/([^/]+)$/,
      handle: async ({ req, params }) => {
        const desk = authenticateDesk(store, req.headers.authorization);
        const bytes = await blobs.read(sha256Param(params[0] ?? ''), desk.hallCode);
        if (bytes === undefined) throw new HttpError(404, { error: 'not_found', message: hqMessages.blobNotFound });
        return { status: 200, bytes };
      },
    },
    {
      name: 'blobHead',
      method: 'HEAD',
      pattern: /^\/v1\/blobs\/([^/]+)$/,
      handle: async ({ req, params }) => {
        authenticateDesk(store, req.headers.authorization);
        const size = await blobs.size(sha256Param(params[0] ?? ''));
        return size === undefined ? { status: 404, empty: true } : { status: 200, empty: true, headers: { 'content-length': String(size) } };
      },
    },
    {
      name: 'closeDay',
      method: 'POST',
      pattern: /^\/v1\/sync\/close-day$/,
      handle: async ({ req }) => {
        const body = await readBody(req, CLOSE_DAY_BODY_LIMIT);
        const desk = authenticateDesk(store, req.headers.authorization);
        const raw = parseJsonBody(body);
        const declaredVersion = field(raw, 'schemaVersion');
        if (typeof declaredVersion === 'number') requireSchemaVersion(declaredVersion);
        const request = parseBody(closeDayRequestSchema, raw);
        requireOwnDesk(desk.deskId, request.deskId);
        return json(200, closeDay(store, desk.deskId, request, clock().nowIso));
      },
    },
    {
      name: 'issuanceClaim',
      method: 'POST',
      pattern: /^\/v1\/cases\/([^/]+)\/issuance-claim$/,
      handle: async ({ req, params }) => {
        const caseId = parseParams(caseIdSchema, params[0] ?? '');
        const body = await readBody(req, SMALL_BODY_LIMIT);
        const desk = authenticateDesk(store, req.headers.authorization);
        const request = parseBody(issuanceClaimRequestSchema, parseJsonBody(body));
        return json(200, claimIssuance(store, desk, caseId, request, now()));
      },
    },
    {
      name: 'queueCall',
      method: 'POST',
      pattern: /^\/v1\/queue\/call$/,
      handle: async ({ req }) => {
        const body = await readBody(req, SMALL_BODY_LIMIT);
        const desk = authenticateDesk(store, req.headers.authorization);
        const ticket = queue.call(desk, parseBody(queueCallRequestSchema, parseJsonBody(body)), now());
        return ticket === null ? { status: 204, empty: true } : json(200, { ticket });
      },
    },
    {
      name: 'queueTicket',
      method: 'POST',
      pattern: /^\/v1\/queue\/tickets\/([^/]+)\/(recall|skip|transfer|done)$/,
      handle: async ({ req, params }) => {
        const ticketId = parseParams(z.uuid(), params[0] ?? '');
        const body = await readBody(req, SMALL_BODY_LIMIT);
        const desk = authenticateDesk(store, req.headers.authorization);
        const raw = body.byteLength === 0 ? {} : parseJsonBody(body);
        switch (params[1]) {
          case 'recall':
            return json(200, queue.recall(desk, ticketId, now()));
          case 'skip':
            return json(200, queue.skip(desk, ticketId, now()));
          case 'transfer':
            return json(200, queue.transfer(desk, ticketId, parseBody(queueTransferRequestSchema, raw), now()));
          default:
            return json(200, queue.done(desk, ticketId, parseBody(queueDoneRequestSchema, raw), now()));
        }
      },
    },
    {
      name: 'queueBoard',
      method: 'GET',
      pattern: /^\/v1\/queue\/board$/,
      handle: ({ req }) => json(200, queue.board(authenticateDesk(store, req.headers.authorization))),
    },
    {
      name: 'issuanceRelease',
      method: 'DELETE',
      pattern: /^\/v1\/cases\/([^/]+)\/issuance-claim$/,
      handle: ({ req, params }) => {
        const caseId = parseParams(caseIdSchema, params[0] ?? '');
        const desk = authenticateDesk(store, req.headers.authorization);
        return json(200, releaseIssuance(store, desk, caseId));
      },
    },
  ];

  const operatorCase = (stored: StoredCase) => ({ ...caseRecordOf(stored), version: stored.version });
  const operatorBody = async <S extends z.ZodType>(req: IncomingMessage, schema: S) =>
    parseBody(schema, parseJsonBody(await readBody(req, OPERATOR_BODY_LIMIT)));
  const knownDesk = (deskId: string) => {
    const desk = store.desk(deskId);
    if (!desk) throw new HttpError(404, { error: 'not_found', message: hqMessages.notFound });
    return desk;
  };

  const operatorRoutes: Route<string>[] = [
    {
      name: 'listCases',
      method: 'GET',
      pattern: /^\/operator\/cases$/,
      handle: ({ url }) => {
        const query = parseParams(caseQuerySchema, Object.fromEntries(url.searchParams));
        const { cases, total } = store.cases({
          hallCode: query.hallCode,
          statusCode: query.status,
          originDeskId: query.originDeskId,
          decided: query.decided,
          limit: query.limit,
          offset: query.offset,
        });
        return json(200, { cases: cases.map(operatorCase), total });
      },
    },
    {
      name: 'getCase',
      method: 'GET',
      pattern: /^\/operator\/cases\/([^/]+)$/,
      handle: ({ params }) => {
        const caseId = params[0] ?? '';
        const stored = store.case(caseId);
        if (!stored) throw new HttpError(404, { error: 'not_found', message: hqMessages.caseNotFound });
        return json(200, { case: operatorCase(stored), events: store.eventsOfCase(caseId) });
      },
    },
    {
      name: 'decideCase',
      method: 'POST',
      pattern: /^\/operator\/cases\/([^/]+)\/decision$/,
      handle: async ({ req, params }) => {
        const request = await operatorBody(req, decisionRequestSchema);
        return json(200, operatorCase(decideCase(store, params[0] ?? '', request, clock())));
      },
    },
    {
      name: 'publishReference',
      method: 'POST',
      pattern: /^\/operator\/reference\/([^/]+)$/,
      handle: async ({ req, params }) => {
        const kind = referenceKind(params[0] ?? '');
        const { items } = await operatorBody(req, publishRequestSchema(kind));
        return json(200, { kind, version: publishReference(store, kind, items, clock().nowIso) });
      },
    },
    {
      name: 'listDesks',
      method: 'GET',
      pattern: /^\/operator\/desks$/,
      handle: () => json(200, { desks: store.desks() }),
    },
    {
      name: 'listOps',
      method: 'GET',
      pattern: /^\/operator\/desks\/([^/]+)\/ops$/,
      handle: ({ url, params }) => {
        const desk = knownDesk(params[0] ?? '');
        const { afterSeq, limit } = parseParams(opsQuerySchema, Object.fromEntries(url.searchParams));
        const ops = store.opsAfter(desk.deskId, afterSeq, limit).map((op) => ({
          seq: op.seq,
          opId: op.opId,
          entity: op.entity,
          entityId: op.entityId,
          type: op.type,
          status: op.status,
          serverVersion: op.serverVersion,
          reason: op.reason,
          at: op.at,
          businessDate: op.businessDate,
        }));
        return json(200, { ops });
      },
    },
    {
      name: 'issueEnrolmentCode',
      method: 'POST',
      pattern: /^\/operator\/enrolment-codes$/,
      handle: async ({ req }) => json(200, issueEnrolmentCode(store, await operatorBody(req, enrolmentCodeRequestSchema), now())),
    },
    {
      name: 'takeQueueTicket',
      method: 'POST',
      pattern: /^\/operator\/queue\/tickets$/,
      handle: async ({ req }) => json(200, queue.take(await operatorBody(req, takeTicketRequestSchema), now())),
    },
    {
      name: 'expireToken',
      method: 'POST',
      pattern: /^\/operator\/desks\/([^/]+)\/expire-token$/,
      handle: ({ params }) => json(200, { expired: store.expireTokens(knownDesk(params[0] ?? '').deskId) }),
    },
    {
      name: 'setMinSchemaVersion',
      method: 'PUT',
      pattern: /^\/operator\/min-schema-version$/,
      handle: async ({ req }) => {
        const { minSchemaVersion: minimum } = await operatorBody(req, minSchemaVersionSchema);
        store.setSetting(MIN_SCHEMA_VERSION, String(minimum));
        return json(200, { minSchemaVersion: minimum });
      },
    },
    {
      name: 'getMinSchemaVersion',
      method: 'GET',
      pattern: /^\/operator\/min-schema-version$/,
      handle: () => json(200, { minSchemaVersion: minSchemaVersion() }),
    },
    {
      name: 'listAlerts',
      method: 'GET',
      pattern: /^\/operator\/alerts$/,
      handle: () =>
        json(200, {
          alerts: [
            ...store.issuanceConflicts().map((conflict) => ({
              kind: 'issuanceConflict',
              caseId: conflict.caseId,
              deskCode: conflict.deskCode,
              at: conflict.at,
              resolved: conflict.resolvedAt !== null,
            })),
            ...store.auditAlerts().map((alert) => ({
              kind: 'auditChain',
              deskId: alert.deskId,
              deskCode: alert.deskCode,
              reason: alert.reason,
              held: { seq: alert.seq, hash: alert.storedHash },
              received: { seq: alert.receivedSeq, hash: alert.receivedHash },
              at: alert.at,
            })),
          ],
        }),
    },
    {
      name: 'getFaults',
      loopbackOnly: true,
      method: 'GET',
      pattern: /^\/operator\/faults$/,
      handle: () => json(200, faults.current()),
    },
    {
      name: 'setFaults',
      loopbackOnly: true,
      method: 'PUT',
      pattern: /^\/operator\/faults$/,
      handle: async ({ req }) => {
        faults.set(await operatorBody(req, faultPlanSchema));
        return json(200, faults.current());
      },
    },
    {
      name: 'clearFaults',
      loopbackOnly: true,
      method: 'DELETE',
      pattern: /^\/operator\/faults$/,
      handle: () => {
        faults.clear();
        return json(200, faults.current());
      },
    },
  ];

  const sockets = new Set<Socket>();
  const hanging = new Map<Socket, NodeJS.Timeout>();
  let closing = false;

  const send = (res: ServerResponse, reply: Reply) => {
    if (res.destroyed || res.headersSent) return;
    const headers: Record<string, string> = { 'cache-control': 'no-store', ...reply.headers };
    if ('bytes' in reply) {
      res.writeHead(reply.status, { ...headers, 'content-type': 'application/octet-stream', 'content-length': String(reply.bytes.length) });
      res.end(reply.bytes);
      return;
    }
    const body = 'json' in reply ? JSON.stringify(reply.json) : 'raw' in reply ? reply.raw : undefined;
    if (body !== undefined) {
      headers['content-type'] = 'application/json; charset=utf-8';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    res.writeHead(reply.status, headers);
    res.end(body);
  };

  const sendTruncated = (res: ServerResponse, reply: Reply) => {
    const body = 'bytes' in reply ? reply.bytes : Buffer.from('json' in reply ? JSON.stringify(reply.json) : 'raw' in reply ? reply.raw : '');
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(body.length) });
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
  };

  const hang = (res: ServerResponse, hangMs: number) => {
    const socket = res.socket;
    if (!socket) return;
    const timer = setTimeout(() => {
      hanging.delete(socket);
      socket.destroy();
    }, hangMs);
    hanging.set(socket, timer);
    socket.once('close', () => {
      clearTimeout(timer);
      hanging.delete(socket);
    });
  };

  const errorReply = (error: unknown): Reply => {
    if (error instanceof HttpError) return { status: error.status, json: error.body, ...(error.headers && { headers: error.headers }) };
    console.error('[hq] request failed:', error);
    return json(500, { error: 'server_error', message: hqMessages.internal });
  };

  const serveDesk = async (route: Route<FaultRoute>, request: RouteRequest, res: ServerResponse) => {
    const failure = faults.takeFailure(route.name);
    if (failure !== undefined) {
      send(res, json(failure, { error: 'server_error', message: hqMessages.faultInjected }));
      return;
    }
    let reply: Reply;
    try {
      checkSchemaHeader(request.req);
      reply = await route.handle(request);
    } catch (error) {
      reply = errorReply(error);
    }
    const delay = faults.takeDelay();
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const succeeded = reply.status < 300;
    const afterCommit = succeeded ? faults.takeAfterCommit(route.name) : undefined;
    if (afterCommit?.mode === 'hang') hang(res, afterCommit.hangMs);
    else if (afterCommit?.mode === 'error') send(res, json(500, { error: 'server_error', message: hqMessages.faultInjected }));
    else if (succeeded && faults.takeTruncation(route.name)) sendTruncated(res, reply);
    else send(res, reply);
  };

  const serveOperator = async (route: Route<string>, request: RouteRequest, res: ServerResponse) => {
    let reply: Reply;
    try {
      requireAdmin(options.adminToken, request.req.headers.authorization);
      if (route.loopbackOnly && !isLoopback(request.req.socket.remoteAddress)) {
        throw new HttpError(403, { error: 'forbidden', message: hqMessages.faultsLoopbackOnly });
      }
      reply = await route.handle(request);
    } catch (error) {
      reply = errorReply(error);
    }
    send(res, reply);
  };

  const route = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const find = <N extends string>(routes: Route<N>[]) => {
      const onPath = routes.filter((candidate) => candidate.pattern.test(url.pathname));
      return { onPath, route: onPath.find((candidate) => candidate.method === method) };
    };
    const params = (matched: Route<string>) => {
      try {
        return (matched.pattern.exec(url.pathname) ?? []).slice(1).map(decodeURIComponent);
      } catch {
        throw new HttpError(400, { error: 'malformed', message: hqMessages.badQuery });
      }
    };
    const desk = find(deskRoutes);
    const operator = find(operatorRoutes);
    if (desk.route) return serveDesk(desk.route, { req, url, params: params(desk.route) }, res);
    if (operator.route) return serveOperator(operator.route, { req, url, params: params(operator.route) }, res);
    if (desk.onPath.length > 0 || operator.onPath.length > 0) {
      throw new HttpError(405, { error: 'method_not_allowed', message: hqMessages.methodNotAllowed });
    }
    throw new HttpError(404, { error: 'not_found', message: hqMessages.notFound });
  };

  const server = createServer((req, res) => {
    Promise.resolve()
      .then(() => route(req, res))
      .catch((error: unknown) => send(res, errorReply(error)));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      if (closing) return;
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      for (const [socket, timer] of hanging) {
        clearTimeout(timer);
        socket.destroy();
      }
      const grace = setTimeout(() => {
        for (const socket of sockets) socket.destroy();
      }, SHUTDOWN_GRACE_MS);
      await closed;
      clearTimeout(grace);
      db.close();
    },
  };
}
