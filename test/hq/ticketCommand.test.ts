import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { takeTicketCommand } from './ticketCommand';
import { adminToken, HqHarness } from './support/harness';

let hq: HqHarness;
beforeEach(async () => {
  hq = await new HqHarness({ now: () => new Date('2026-11-28T09:00:00+08:00') }).start();
});
afterEach(() => {
  vi.restoreAllMocks();
  return hq.dispose();
});

describe('npm run hq -- ticket', () => {
  it('takes the next ticket of a line from a running HQ and prints its number', async () => {
    const printed = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const args = ['--url', hq.url, '--admin-token', adminToken, '--hall', 'FC', '--line', 'V'];
    expect(await takeTicketCommand(args)).toBe(0);
    expect(await takeTicketCommand(args)).toBe(0);
    expect(printed.mock.calls.map(([line]) => String(line).slice(0, 4))).toEqual(['V001', 'V002']);
  });

  it('refuses a line that does not exist, with the usage', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await takeTicketCommand(['--url', hq.url, '--admin-token', adminToken, '--hall', 'FC', '--line', 'C'])).toBe(2);
    expect(errors.mock.calls.at(-1)?.[0]).toContain('usage: npm run hq -- ticket');
  });
});
