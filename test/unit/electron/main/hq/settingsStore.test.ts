import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HqEnrolment } from '../../../../../electron/ipc/hq';
import { jsonFileSettingsStore } from '../../../../../electron/main/hq/settingsStore';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function settingsPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hq-settings-'));
  dirs.push(dir);
  return join(dir, 'hq-settings.json');
}

const enrolment = {
  baseUrl: 'https://hq.example.gov.cn',
  hallCode: 'MY',
  deskCode: '01',
  deskId: '0b6a3a54-5d4e-4a4b-9b8e-1c2d3e4f5a6b',
  enrolledAt: '2026-11-28T09:00:00.000+08:00',
} as HqEnrolment;

describe('jsonFileSettingsStore', () => {
  it('has nothing before the first enrolment and keeps what was written across instances', async () => {
    const path = settingsPath();
    expect(await jsonFileSettingsStore(path).read()).toBeNull();
    await jsonFileSettingsStore(path).write(enrolment);
    expect(await jsonFileSettingsStore(path).read()).toEqual(enrolment);
  });

  it.each([
    ['not JSON', '{"baseUrl":'],
    ['the wrong shape', JSON.stringify({ ...enrolment, deskId: 'desk-1' })],
  ])('reads a damaged file (%s) as no enrolment', async (_label, content) => {
    const path = settingsPath();
    writeFileSync(path, content);
    expect(await jsonFileSettingsStore(path).read()).toBeNull();
  });
});
