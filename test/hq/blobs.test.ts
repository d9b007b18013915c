import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { putBlobResponseSchema } from '../../renderer/src/protocol/blobs';
import { sha256Hex } from './support/fixtures';
import { HqHarness, type TestDesk } from './support/harness';

let hq: HqHarness;
let desk: TestDesk;

beforeEach(async () => {
  hq = await new HqHarness().start();
  desk = await hq.enrol('FC', '03');
});
afterEach(() => hq.dispose());

const scan = new TextEncoder().encode('%PDF-1.7 营业执照复印件 scan');

describe('PUT and HEAD /v1/blobs/{sha256}', () => {
  it('stores bytes under their hash once: 201, then 200 with stored false; HEAD finds them with their size', async () => {
    const sha256 = sha256Hex(scan);
    expect((await desk.headBlob(sha256)).status).toBe(404);
    const first = await desk.putBlob(sha256, scan);
    expect(first.status).toBe(201);
    expect(putBlobResponseSchema.parse(first.body)).toEqual({ sha256, size: scan.length, stored: true });
    const again = await desk.putBlob(sha256, scan);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ stored: false });
    const head = await desk.headBlob(sha256);
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(scan.length));
  });

  it('refuses bytes that do not match the hash with 422 and keeps nothing', async () => {
    const sha256 = sha256Hex('something else');
    expect(await desk.putBlob(sha256, scan)).toMatchObject({ status: 422, body: { error: 'invalid' } });
    expect((await desk.headBlob(sha256)).status).toBe(404);
  });

  it('refuses a path that is not a lowercase SHA-256 with 400, and a request without a token with 401', async () => {
    expect((await desk.putBlob(sha256Hex(scan).toUpperCase(), scan)).status).toBe(400);
    expect((await desk.headBlob('abc')).status).toBe(400);
    expect((await hq.call('PUT', `/v1/blobs/${sha256Hex(scan)}`, { body: scan })).status).toBe(401);
    expect((await hq.call('HEAD', `/v1/blobs/${sha256Hex(scan)}`)).status).toBe(401);
  });

  it('refuses a blob over 25 MB with 413', async () => {
    const big = new Uint8Array(25 * 1024 * 1024 + 1);
    expect(await desk.putBlob(sha256Hex(big), big)).toMatchObject({ status: 413, body: { error: 'too_large' } });
  });
});

describe('GET /v1/blobs/{sha256}', () => {
  it('returns the bytes a desk of the same hall uploaded, to any desk of that hall', async () => {
    const sha256 = sha256Hex(scan);
    await desk.putBlob(sha256, scan);
    const other = await hq.enrol('FC', '07');
    const fetched = await other.getBlob(sha256);
    expect(fetched.status).toBe(200);
    expect(fetched.contentType).toBe('application/octet-stream');
    expect(fetched.bytes).toEqual(scan);
  });

  it('answers 404 for a blob nobody uploaded and for one only another hall uploaded', async () => {
    expect((await desk.getBlob(sha256Hex('never uploaded'))).status).toBe(404);
    const stranger = await hq.enrol('JY', '01');
    const theirs = new TextEncoder().encode('%PDF-1.7 another hall');
    await stranger.putBlob(sha256Hex(theirs), theirs);
    expect((await desk.getBlob(sha256Hex(theirs))).status).toBe(404);
    expect((await stranger.getBlob(sha256Hex(theirs))).status).toBe(200);
  });

  it('serves a blob both halls uploaded to each of them', async () => {
    const sha256 = sha256Hex(scan);
    const stranger = await hq.enrol('JY', '01');
    await stranger.putBlob(sha256, scan);
    expect((await desk.getBlob(sha256)).status).toBe(404);
    await desk.putBlob(sha256, scan);
    expect((await desk.getBlob(sha256)).bytes).toEqual(scan);
  });

  it('refuses a request without a token with 401 and a malformed address with 400', async () => {
    expect((await hq.call('GET', `/v1/blobs/${sha256Hex(scan)}`)).status).toBe(401);
    expect((await desk.getBlob('ABC')).status).toBe(400);
  });
});

