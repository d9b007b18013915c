import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeskId } from '../../../renderer/src/domain/desk';
import { schemaVersionHeader } from '../../../renderer/src/protocol/version';
import { HqOperator } from '../operatorClient';
import { startHq, type HqOptions, type HqServer } from '../server';

/** The harness's HQ runs with this demo code, which enrols any desk: tests of other things enrol with it on purpose. */
export const enrolmentCode = 'ENROL-2026';
export const adminToken = 'operator-secret-token';
export const deskSchemaVersion = 3;

export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

/** A reference HQ on port 0 in a fresh temp folder, restartable on the same data. */
export class HqHarness {
  private server: HqServer | undefined;
  readonly dataDir = mkdtempSync(join(tmpdir(), 'hq-test-'));

  constructor(private readonly options: Partial<HqOptions> = {}) {}

  async start(extra: Partial<HqOptions> = {}): Promise<this> {
    this.server = await startHq({
      port: 0,
      dataDir: this.dataDir,
      demoEnrolmentCode: enrolmentCode,
      adminToken,
      ...this.options,
      ...extra,
    });
    return this;
  }

  get url(): string {
    if (!this.server) throw new Error('HQ is not running');
    return this.server.url;
  }

  get operator(): HqOperator {
    return new HqOperator(this.url, adminToken);
  }

  async stop(): Promise<void> {
    await this.server?.close();
    this.server = undefined;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** A raw HTTP call: status, parsed JSON body (or the text when not JSON) and headers. */
  async call(method: string, path: string, init: { token?: string; json?: unknown; body?: string | Uint8Array; headers?: Record<string, string> } = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token !== undefined) headers['authorization'] = `Bearer ${init.token}`;
    let body: string | Uint8Array | undefined = init.body;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    const payload = body === undefined || typeof body === 'string' ? body : new Uint8Array(body);
    const response = await fetch(`${this.url}${path}`, { method, headers, ...(payload !== undefined && { body: payload }) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // Not JSON: the raw text is the answer.
    }
    return { status: response.status, body: parsed, headers: response.headers };
  }

  async enrol(hallCode = 'FC', deskCode = '03'): Promise<TestDesk> {
    const answer = await this.call('POST', '/v1/desks/enrol', { json: { hallCode, deskCode, enrolmentCode } });
    if (answer.status !== 200) throw new Error(`enrol failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    const { deskId, token } = answer.body as { deskId: DeskId; token: string };
    return new TestDesk(this, deskId, token, hallCode, deskCode);
  }
}

/** One enrolled desk speaking the protocol with raw requests, so tests see every status and body. */
export class TestDesk {
  constructor(
    private readonly hq: HqHarness,
    readonly deskId: DeskId,
    public token: string,
    readonly hallCode: string,
    readonly deskCode: string,
  ) {}

  get tag(): string {
    return `${this.hallCode}${this.deskCode}`;
  }

  private get auth() {
    return { token: this.token, headers: { [schemaVersionHeader]: String(deskSchemaVersion) } };
  }

  push(ops: readonly unknown[], overrides: Record<string, unknown> = {}): Promise<Answer> {
    return this.hq.call('POST', '/v1/sync/push', {
      ...this.auth,
      json: { deskId: this.deskId, schemaVersion: deskSchemaVersion, ops, ...overrides },
    });
  }

  pull(query = ''): Promise<Answer> {
    return this.hq.call('GET', `/v1/sync/pull${query}`, this.auth);
  }

  reference(kind: string, query = ''): Promise<Answer> {
    return this.hq.call('GET', `/v1/reference/${kind}${query}`, this.auth);
  }

  putBlob(sha256: string, bytes: Uint8Array): Promise<Answer> {
    return this.hq.call('PUT', `/v1/blobs/${sha256}`, { ...this.auth, body: bytes, headers: { ...this.auth.headers, 'content-type': 'application/octet-stream' } });
  }

  headBlob(sha256: string): Promise<Answer> {
    return this.hq.call('HEAD', `/v1/blobs/${sha256}`, this.auth);
  }

  /** GET of a blob, read as bytes (not as the text `call` reads). */
  async getBlob(sha256: string): Promise<{ status: number; bytes: Uint8Array; contentType: string | null }> {
    const response = await fetch(`${this.hq.url}/v1/blobs/${sha256}`, { headers: { authorization: `Bearer ${this.token}`, ...this.auth.headers } });
    return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('content-type') };
  }

  closeDay(body: Record<string, unknown>): Promise<Answer> {
    return this.hq.call('POST', '/v1/sync/close-day', { ...this.auth, json: { deskId: this.deskId, ...body } });
  }
}
