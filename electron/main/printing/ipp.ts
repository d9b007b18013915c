import { request } from 'node:http';

/**
 * The one IPP request the print service makes itself: Get-Job-Attributes (RFC 8011 §4.3.4) against the
 * local CUPS scheduler. lpstat cannot be used for outcomes: it prints no job-state, and a cancelled or
 * backend-failed job reads exactly like a completed one (`Alerts: processing-to-stop-point` for all three,
 * checked on CUPS 2.4.2), so the job's real `job-state` is asked for over IPP.
 */

export type CupsServer = { kind: 'socket'; path: string } | { kind: 'tcp'; host: string; port: number };

/** Sends one IPP request body to the scheduler and resolves with the response body. */
export type IppPost = (body: Uint8Array) => Promise<Uint8Array>;

export type IppValue = string | number | boolean;
export interface IppResponse {
  statusCode: number;
  /** Attributes of every group, by name (job and operation attribute names do not collide). */
  attributes: Map<string, IppValue[]>;
}

export const ippStatus = { ok: 0x0000, okIgnoredOrSubstituted: 0x0001, notFound: 0x0406 } as const;

/** RFC 8011 §5.3.7 job-state values. */
export const ippJobState = {
  pending: 3,
  pendingHeld: 4,
  processing: 5,
  processingStopped: 6,
  canceled: 7,
  aborted: 8,
  completed: 9,
} as const;

const operationGetJobAttributes = 0x0009;
const tag = {
  operationAttributes: 0x01,
  end: 0x03,
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  textWithLanguage: 0x35,
  nameWithLanguage: 0x36,
  text: 0x41,
  name: 0x42,
  keyword: 0x44,
  uri: 0x45,
  charset: 0x47,
  naturalLanguage: 0x48,
} as const;
const stringTags = new Set<number>([0x41, 0x42, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49]);

const jobAttributesWanted = ['job-state', 'job-state-reasons', 'job-state-message', 'job-printer-state-message'];

export function encodeGetJobAttributes(jobNumber: number, userName: string, requestId: number): Uint8Array {
  const parts: number[] = [0x01, 0x01, operationGetJobAttributes >> 8, operationGetJobAttributes & 0xff];
  parts.push((requestId >>> 24) & 0xff, (requestId >>> 16) & 0xff, (requestId >>> 8) & 0xff, requestId & 0xff);
  parts.push(tag.operationAttributes);
  const attribute = (valueTag: number, name: string, value: string) => {
    const nameBytes = new TextEncoder().encode(name);
    const valueBytes = new TextEncoder().encode(value);
    parts.push(valueTag, nameBytes.length >> 8, nameBytes.length & 0xff, ...nameBytes);
    parts.push(valueBytes.length >> 8, valueBytes.length & 0xff, ...valueBytes);
  };
  // The charset and language attributes must come first, in this order (RFC 8011 §4.1.4).
  attribute(tag.charset, 'attributes-charset', 'utf-8');
  attribute(tag.naturalLanguage, 'attributes-natural-language', 'en');
  attribute(tag.uri, 'job-uri', `ipp://localhost/jobs/${jobNumber}`);
  attribute(tag.name, 'requesting-user-name', userName);
  jobAttributesWanted.forEach((name, i) => attribute(tag.keyword, i === 0 ? 'requested-attributes' : '', name));
  parts.push(tag.end);
  return Uint8Array.from(parts);
}

export class IppDecodeError extends Error {
  override readonly name = 'IppDecodeError';
}

export function decodeIppResponse(bytes: Uint8Array): IppResponse {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  let offset = 0;
  const need = (count: number) => {
    if (offset + count > bytes.byteLength) throw new IppDecodeError(`IPP response truncated at byte ${offset}`);
  };
  need(8);
  const statusCode = view.getUint16(2);
  offset = 8;

  const attributes = new Map<string, IppValue[]>();
  let lastName: string | null = null;
  for (;;) {
    need(1);
    const valueTag = view.getUint8(offset);
    offset += 1;
    if (valueTag === tag.end) break;
    if (valueTag <= 0x0f) continue; // a new attribute group begins
    need(2);
    const nameLength = view.getUint16(offset);
    offset += 2;
    need(nameLength);
    const name: string | null = nameLength > 0 ? decoder.decode(bytes.subarray(offset, offset + nameLength)) : lastName;
    offset += nameLength;
    need(2);
    const valueLength = view.getUint16(offset);
    offset += 2;
    need(valueLength);
    const value = bytes.subarray(offset, offset + valueLength);
    offset += valueLength;
    if (name === null) throw new IppDecodeError('IPP additional value without an attribute');
    lastName = name;
    const decoded = decodeValue(valueTag, value, decoder);
    if (decoded === undefined) continue;
    const values = attributes.get(name);
    if (values) values.push(decoded);
    else attributes.set(name, [decoded]);
  }
  return { statusCode, attributes };
}

function decodeValue(valueTag: number, value: Uint8Array, decoder: TextDecoder): IppValue | undefined {
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  if ((valueTag === tag.integer || valueTag === tag.enum) && value.byteLength === 4) return view.getInt32(0);
  if (valueTag === tag.boolean && value.byteLength === 1) return value[0] === 1;
  if (stringTags.has(valueTag)) return decoder.decode(value);
  if ((valueTag === tag.textWithLanguage || valueTag === tag.nameWithLanguage) && value.byteLength >= 4) {
    const languageLength = view.getUint16(0);
    const textLength = view.getUint16(2 + languageLength);
    return decoder.decode(value.subarray(4 + languageLength, 4 + languageLength + textLength));
  }
  return undefined; // dates, ranges, resolutions…: not needed for job state
}

/** Thrown when the scheduler cannot be reached at all (no socket, connection refused). */
export class IppUnreachableError extends Error {
  override readonly name = 'IppUnreachableError';
}

/** Posts IPP over HTTP to CUPS, on its domain socket or TCP port; CUPS takes job operations at `/jobs/`. */
export function createIppPost(server: CupsServer, timeoutMs = 5_000): IppPost {
  return (body) =>
    new Promise((resolve, reject) => {
      const target = server.kind === 'socket' ? { socketPath: server.path } : { host: server.host, port: server.port };
      const req = request(
        {
          ...target,
          method: 'POST',
          path: '/jobs/',
          timeout: timeoutMs,
          headers: { 'Content-Type': 'application/ipp', 'Content-Length': body.byteLength, Host: 'localhost' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            if (res.statusCode !== 200) reject(new Error(`CUPS answered HTTP ${res.statusCode ?? '?'}`));
            else resolve(new Uint8Array(Buffer.concat(chunks)));
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('IPP request timed out')));
      req.on('error', (error: NodeJS.ErrnoException) => {
        const unreachable = error.code === 'ECONNREFUSED' || error.code === 'ENOENT';
        reject(unreachable ? new IppUnreachableError(error.message) : error);
      });
      req.end(body);
    });
}
