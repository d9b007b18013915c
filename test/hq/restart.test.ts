import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { uuidv7 } from 'uuidv7';
import { afterEach, describe, expect, it } from 'vitest';
import { pullResponseSchema } from '../../renderer/src/protocol/pull';
import { pushResponseSchema } from '../../renderer/src/protocol/push';
import { HqOperator } from './operatorClient';
import { acceptedStatus, licenceData, Outbox, sha256Hex } from './support/fixtures';
import { HqHarness } from './support/harness';

describe('HQ keeps its data across restarts', () => {
  let hq: HqHarness;
  afterEach(() => hq.dispose());

  it('keeps desks, tokens, lastSeq, cases, decisions, blobs and settings', async () => {
    hq = await new HqHarness().start();
    const desk = await hq.enrol('FC', '03');
    const outbox = new Outbox();
    const caseId = uuidv7();
    const created = outbox.newCase(desk, 1, { status: acceptedStatus() }, caseId);
    await desk.push([created]);
    await hq.operator.approve(caseId, licenceData());
    const blob = new TextEncoder().encode('scan');
    await desk.putBlob(sha256Hex(blob), blob);
    await hq.operator.setMinSchemaVersion(2);

    await hq.stop();
    await hq.start();

    const changes = pullResponseSchema.parse((await desk.pull()).body).changes;
    expect(changes).toEqual([expect.objectContaining({ entityId: caseId, version: 2 })]);
    expect((await desk.headBlob(sha256Hex(blob))).status).toBe(200);
    const duplicate = pushResponseSchema.parse((await desk.push([created])).body);
    expect(duplicate).toEqual({ lastSeq: 1, results: [expect.objectContaining({ status: 'duplicate', originalStatus: 'applied' })] });
    expect((await hq.call('GET', '/operator/min-schema-version', { token: 'operator-secret-token' })).body).toEqual({ minSchemaVersion: 2 });
    const next = pushResponseSchema.parse((await desk.push([outbox.newCase(desk, 2)])).body);
    expect(next.results[0]).toMatchObject({ seq: 2, status: 'applied' });
    const [hqCase] = (await hq.operator.listCases({ decided: true })).cases;
    expect(hqCase?.hqCaseNumber).toMatch(/-000001$/);
  });
});

describe('npm run hq (test/hq/main.ts)', () => {
  const children: ChildProcessWithoutNullStreams[] = [];
  const dataDirs: string[] = [];
  afterEach(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  function runHq(args: string[]): ChildProcessWithoutNullStreams {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'main.ts'), ...args], { stdio: 'pipe' });
    children.push(child);
    return child;
  }

  const exitOf = (child: ChildProcessWithoutNullStreams) =>
    new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  it('prints the URL it listens on first, then that its demo code enrols any desk, serves, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hq-cli-'));
    dataDirs.push(dataDir);
    const child = runHq(['--port', '0', '--data', dataDir, '--enrolment-code', 'CODE', '--admin-token', 'admin-token-for-cli']);
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const firstLine = String((await lines.next()).value);
    const match = /^HQ listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(firstLine);
    expect(match, firstLine).not.toBeNull();
    const secondLine = String((await lines.next()).value);
    expect(secondLine).toContain('演示登记码');
    expect(secondLine).toContain('任何大厅的任何窗口');
    expect(secondLine).toContain('Demo enrolment code enabled: it enrols any desk');
    const url = match?.[1] ?? '';
    expect(await new HqOperator(url, 'admin-token-for-cli').desks()).toEqual([]);
    const enrolled = await fetch(`${url}/v1/desks/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hallCode: 'YX', deskCode: '07', enrolmentCode: 'CODE' }),
    });
    expect(enrolled.status).toBe(200);
    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('runs without a demo code, and then enrols desks only with codes the operator issued for them', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hq-cli-'));
    dataDirs.push(dataDir);
    const child = runHq(['--port', '0', '--data', dataDir, '--admin-token', 'admin-token-for-cli']);
    const firstLine = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
    const url = /^HQ listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(firstLine)?.[1] ?? '';
    const enrol = (enrolmentCode: string) =>
      fetch(`${url}/v1/desks/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ hallCode: 'YX', deskCode: '07', enrolmentCode }),
      });
    expect((await enrol('CODE')).status).toBe(401);
    const { code } = await new HqOperator(url, 'admin-token-for-cli').issueEnrolmentCode({ hallCode: 'YX', deskCode: '07' });
    expect((await enrol(code)).status).toBe(200);
  });

  it('exits with status 2 and the usage when an argument is missing', async () => {
    const child = runHq(['--port', '0']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exitOf(child)).toBe(2);
    expect(stderr).toContain('usage: npm run hq');
  });
});
