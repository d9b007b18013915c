import { chromium } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { residentId } from '../fixtures/identities';
import { holds, indexedDbFiles, occurrences } from '../support/profileScan';
import { chromiumArgs, chromiumPath } from './chromium';
import { takeIn } from './harness/counterCase';
import { openCounterDesk } from './harness/counterDesk';
import { bindDesk } from './harness/deskBinding';
import { shooter } from './harness/screenshots';
import { expect, goToSection, test } from './fixtures';

/**
 * Personal data rests sealed: after a case is taken in through the screens, the Chromium profile's
 * IndexedDB files on disk hold none of the applicant's name, ID number, phone or address in the row data,
 * and 办件 still finds the case by every kind of fragment. The test's own page runs off the record (its
 * IndexedDB in memory), so this desk opens in a browser context with a profile on disk.
 */

/**
 * Whether an occurrence lies in an intake draft row (V8-serialized `{clerkId, values: {…}}`, the only row
 * with a `values` object; drafts are sealed on their own): the last row start before it is a draft's.
 */
function isInIntakeDraft(bytes: Buffer, at: number): boolean {
  const window = bytes.subarray(Math.max(0, at - 4000), at);
  const draft = window.lastIndexOf(Buffer.from('"\x06valueso', 'latin1'));
  // A case or enterprise row starts `{id: …`; a draft row has no `id`.
  const row = window.lastIndexOf(Buffer.from('o"\x02id"', 'latin1'));
  return draft !== -1 && draft > row;
}

test('the desk\'s IndexedDB files hold no personal data in plain form after an intake, and search still finds the case', async ({ server, deskSeeds, locale, timezoneId, viewport }) => {
  test.setTimeout(180_000);
  const profile = await mkdtemp(join(tmpdir(), 'rows-at-rest-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
    baseURL: server.origin,
    viewport,
    ...(locale !== undefined && { locale }),
    ...(timezoneId !== undefined && { timezoneId }),
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const shot = shooter(page);
    const desk = await bindDesk(page, server.origin);
    await openCounterDesk(page, desk, { role: 'clerk', furnished: true }, await deskSeeds());

    const applicant = { name: '欧阳雪晴', id: residentId('510703', '19880627', 317), mobile: '13981234567' };
    const enterprise = '绵阳雪晴文化传媒有限公司';
    const address = '绵阳市游仙区富乐路东段77号';
    const caseNumber = await takeIn(page, { enterprise, address, applicant });
    await shot('rows-at-rest-01-taken-in');

    // Found by every kind of fragment, each opened from its sealed row.
    await goToSection(page, 'cases');
    const search = page.getByLabel('检索办件');
    const results = page.getByRole('table', { name: '检索结果' });
    const row = results.getByRole('row', { name: new RegExp(caseNumber) });
    const fragments = {
      enterpriseName: '雪晴文化',
      applicantName: '欧阳雪',
      pinyin: 'ouyangxueqing',
      idStart: applicant.id.slice(0, 10),
      idTail: applicant.id.slice(-6),
      idMiddle: applicant.id.slice(6, 14),
      mobileTail: applicant.mobile.slice(-4),
      mobile: applicant.mobile,
      caseNumber,
      caseNumberTail: caseNumber.slice(-4),
    };
    for (const [kind, fragment] of Object.entries(fragments)) {
      await search.fill(fragment);
      await expect(row, `${kind}: ${fragment}`).toBeVisible();
      await expect(row, kind).toContainText(enterprise);
    }
    await shot('rows-at-rest-02-found-by-case-number-tail');

    // The row's search keys are the search index's to protect (keyed hashes, data/search/keys.ts): a value
    // found on disk that a plain search key contains is reported, one no search key contains is a failure.
    const stored = await page.evaluate(
      (number) =>
        new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
          const open = indexedDB.open('yichuangtong-desk');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('cases').objectStore('cases').index('caseNumber').get(number);
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              open.result.close();
              resolve(request.result as Record<string, unknown> | undefined);
            };
          };
        }),
      caseNumber,
    );
    expect(stored, 'the case row').toBeDefined();
    expect(stored).not.toHaveProperty('applicant');
    const searchKeys = [...((stored!['searchKeys'] as string[] | undefined) ?? []), ...((stored!['freshKeys'] as string[] | undefined) ?? [])];
    await context.close();

    const files = await indexedDbFiles(profile);
    const onDisk = Buffer.concat(await Promise.all(files.map((file) => readFile(file))));
    // The scan sees what rests plain: the case number is a plain field of the row.
    expect(holds(onDisk, caseNumber), 'the case number, stored plain, is found on disk').toBe(true);
    const personal = { name: applicant.name, idNumber: applicant.id, mobile: applicant.mobile, address, enterprise };
    const found: Record<string, string[]> = {};
    for (const [what, value] of Object.entries(personal)) {
      for (const at of occurrences(onDisk, value)) {
        const where = searchKeys.some((key) => key.includes(value)) ? 'plain search keys' : isInIntakeDraft(onDisk, at) ? 'intake draft' : 'row data';
        (found[where] ??= []).push(what);
      }
    }
    const summary = Object.entries(found).map(([where, whats]) => `${where}: ${[...new Set(whats)].join(', ')}`);
    test.info().annotations.push({ type: 'personal data on disk', description: summary.join('; ') || 'none' });
    console.info(`[rowsAtRest] personal data on disk — ${summary.join('; ') || 'none'}`);
    // Search keys (data/search/keys.ts) and intake drafts (data/intakeDrafts.ts) are sealed on their own.
    expect(found['row data'] ?? [], 'personal data in the rows').toEqual([]);
  } finally {
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  }
});
