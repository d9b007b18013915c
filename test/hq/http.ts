import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import type { HqError } from '../../renderer/src/protocol/errors';
import { hqMessages } from './messages';
import type { OperatorError } from './operatorProtocol';

/** A reply a route hands back; `raw` is JSON already serialised (pull pages, reference lists), `bytes` a blob. */
export type Reply =
  | { status: number; json: unknown; headers?: Record<string, string> }
  | { status: number; raw: string; headers?: Record<string, string> }
  | { status: number; empty: true; headers?: Record<string, string> }
  | { status: number; bytes: Buffer; headers?: Record<string, string> };

/** A refusal with the contract's error body; thrown anywhere in a route, it becomes the reply. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: HqError | OperatorError,
    readonly headers?: Record<string, string>,
  ) {
    super(body.message ?? body.error);
  }
}

export function json(status: number, body: unknown): Reply {
  return { status, json: body };
}

/**
 * Reads a request body up to `limit` bytes. Past the limit it stops keeping the bytes and answers 413
 * at once; Node discards the rest of the upload after the reply, so the client still reads the 413.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(tooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.off('end', onEnd);
        req.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks, size));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, { error: 'too_large', limit, message: hqMessages.tooLarge(limit) });
}

export function parseJsonBody(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, { error: 'malformed', message: hqMessages.notJson });
  }
}

export function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Parses a request body: 422 with the issues when it breaks the schema. */
export function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new HttpError(422, { error: 'invalid', message: hqMessages.invalidRequest, issues: issuesOf(result.error) });
  }
  return result.data;
}

/** Parses query or path parameters: 400, since the request cannot even be read. */
export function parseParams<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const details = issuesOf(result.error).map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new HttpError(400, { error: 'malformed', message: `${hqMessages.badQuery}（${details}）` });
  }
  return result.data;
}

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}
