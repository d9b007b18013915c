import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createIppPost,
  decodeIppResponse,
  encodeGetJobAttributes,
  IppDecodeError,
  IppUnreachableError,
  ippStatus,
} from '../../../../../electron/main/printing/ipp';
import { getJobAttributesRequestHex, ippJob } from './recordedCups';

const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

describe('encodeGetJobAttributes', () => {
  it('produces the request a real CUPS 2.4 answered', () => {
    expect(Buffer.from(encodeGetJobAttributes(12, 'root', 7)).toString('hex')).toBe(getJobAttributesRequestHex);
  });

  it('encodes a non-ASCII user name by its UTF-8 length', () => {
    const request = encodeGetJobAttributes(1, '王芳', 1);
    const name = new TextEncoder().encode('王芳');
    const at = Buffer.from(request).indexOf(Buffer.from(name));
    expect(at).toBeGreaterThan(0);
    expect((request[at - 2]! << 8) | request[at - 1]!).toBe(name.length);
  });
});

describe('decodeIppResponse', () => {
  it('reads job-state and reasons of a completed job', () => {
    const response = decodeIppResponse(bytes(ippJob.completed));
    expect(response.statusCode).toBe(ippStatus.ok);
    expect(response.attributes.get('job-state')).toEqual([9]);
    expect(response.attributes.get('job-state-reasons')).toEqual(['processing-to-stop-point']);
    expect(response.attributes.get('job-printer-state-message')).toEqual(['']);
  });

  it('reads the printer message of a job whose filter failed', () => {
    const response = decodeIppResponse(bytes(ippJob.filterFailed));
    expect(response.attributes.get('job-state')).toEqual([6]);
    expect(response.attributes.get('job-printer-state-message')?.[0]).toMatch(/^loadFilename failed/);
  });

  it('reads the not-found status and its message', () => {
    const response = decodeIppResponse(bytes(ippJob.notFound));
    expect(response.statusCode).toBe(ippStatus.notFound);
    expect(response.attributes.get('status-message')).toEqual(['Job #999 does not exist.']);
  });

  it('collects additional values of a multi-valued attribute and text with a language', () => {
    const response = Uint8Array.from([
      0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x02,
      0x44, 0x00, 0x01, 0x72, 0x00, 0x01, 0x61, // r = "a"
      0x44, 0x00, 0x00, 0x00, 0x01, 0x62, // additional value "b"
      0x35, 0x00, 0x01, 0x6d, 0x00, 0x08, 0x00, 0x02, 0x7a, 0x68, 0x00, 0x02, 0x6f, 0x6b, // m = "ok" (zh)
      0x22, 0x00, 0x01, 0x62, 0x00, 0x01, 0x01, // b = true
      0x03,
    ]);
    const decoded = decodeIppResponse(response);
    expect(decoded.attributes.get('r')).toEqual(['a', 'b']);
    expect(decoded.attributes.get('m')).toEqual(['ok']);
    expect(decoded.attributes.get('b')).toEqual([true]);
  });

  it('refuses a truncated response instead of reading past its end', () => {
    const whole = bytes(ippJob.completed);
    expect(() => decodeIppResponse(whole.subarray(0, 40))).toThrow(IppDecodeError);
    expect(() => decodeIppResponse(whole.subarray(0, 5))).toThrow(IppDecodeError);
  });
});

describe('createIppPost', () => {
  let server: Server | undefined;
  let folder: string | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (folder) await rm(folder, { recursive: true, force: true });
    server = undefined;
    folder = undefined;
  });

  it('posts application/ipp to /jobs/ over the scheduler domain socket and returns the body', async () => {
    folder = await mkdtemp(join(tmpdir(), 'ipp-test-'));
    const socketPath = join(folder, 'cups.sock');
    const seen: { method?: string; url?: string; type?: string; body?: Buffer } = {};
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        Object.assign(seen, { method: req.method, url: req.url, type: req.headers['content-type'], body: Buffer.concat(chunks) });
        res.writeHead(200, { 'Content-Type': 'application/ipp' }).end(Buffer.from(ippJob.completed, 'base64'));
      });
    });
    await new Promise<void>((resolve) => server!.listen(socketPath, resolve));

    const request = encodeGetJobAttributes(3, 'root', 1);
    const answer = await createIppPost({ kind: 'socket', path: socketPath })(request);
    expect(seen).toMatchObject({ method: 'POST', url: '/jobs/', type: 'application/ipp' });
    expect(new Uint8Array(seen.body!)).toEqual(request);
    expect(decodeIppResponse(answer).attributes.get('job-state')).toEqual([9]);
  });

  it('reports an HTTP error status as a failure, not as an IPP answer', async () => {
    server = createServer((_req, res) => res.writeHead(403).end('Forbidden'));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await expect(createIppPost({ kind: 'tcp', host: '127.0.0.1', port })(Uint8Array.of(1))).rejects.toThrow('HTTP 403');
  });

  it('tells an absent scheduler apart from other failures', async () => {
    const missingSocket = join(tmpdir(), `no-cups-${process.pid}.sock`);
    await expect(createIppPost({ kind: 'socket', path: missingSocket })(Uint8Array.of(1))).rejects.toBeInstanceOf(IppUnreachableError);
  });
});
