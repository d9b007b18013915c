import { chromium } from '@playwright/test';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { residentId } from '../fixtures/identities';
import { chromiumArgs, chromiumPath } from './chromium';
import { takeIn } from './harness/counterCase';
import { openCounterDesk } from './harness/counterDesk';
import { bindDesk } from './harness/deskBinding';
import { shooter } from './harness/screenshots';
import { expect, goToSection, test } from './fixtures';

/**
 * Personal data rests sealed: after a case is taken in through the screens, the Chromium profile's
 * IndexedDB files on disk hold none of the applicant's or the agent's name, ID number or phone, the
 * enterprise's name or the address — in rows, search keys or intake drafts — and 办件 still finds the case
 * by every kind of fragment. The test's own page runs off the record (its
 * IndexedDB in memory), so this desk opens in a browser context with a profile on disk.
 */

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** `text` as Chromium may store it: Latin-1/UTF-8 and UTF-16LE (values), UTF-16BE (index keys). */
function encodings(text: string): Buffer[] {
  const utf16le = Buffer.from(text, 'utf16le');
  return [Buffer.from(text, 'utf8'), utf16le, Buffer.from(utf16le).swap16()];
}

/** Where `text` occurs in `bytes`, in any of its encodings. */
function occurrences(bytes: Buffer, text: string): number {
  let found = 0;
  for (const encoded of encodings(text)) {
    for (let at = bytes.indexOf(encoded); at !== -1; at = bytes.indexOf(encoded, at + 1)) found += 1;
  }
  return found;
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
    const agent = { name: '司马青云', id: residentId('510722', '19910214', 528), mobile: '13709876543', authorisation: '代为办理企业开办全部事项' };
    const caseNumber = await takeIn(page, { enterprise, address, applicant, agent });
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
      agentName: '司马青',
      agentIdTail: agent.id.slice(-6),
      agentMobileTail: agent.mobile.slice(-4),
    };
    for (const [kind, fragment] of Object.entries(fragments)) {
      await search.fill(fragment);
      await expect(row, `${kind}: ${fragment}`).toBeVisible();
      await expect(row, kind).toContainText(enterprise);
    }
    await shot('rows-at-rest-02-found-by-agent-mobile-tail');

    await context.close();

    // Rows, search keys (keyed hashes) and intake drafts (the address was typed into one) all rest sealed:
    // none of the parties' values is anywhere in the files, in any encoding Chromium stores text in.
    const files = (await filesUnder(join(profile, 'Default', 'IndexedDB'))).filter((file) => !file.endsWith('LOCK'));
    const onDisk = Buffer.concat(await Promise.all(files.map((file) => readFile(file))));
    // The scan sees what rests plain: the case number is a plain field of the row.
    expect(occurrences(onDisk, caseNumber), 'the case number, stored plain, is found on disk').toBeGreaterThan(0);
    const personal = {
      applicantName: applicant.name,
      applicantId: applicant.id,
      applicantMobile: applicant.mobile,
      address,
      enterprise,
      enterpriseFragment: fragments.enterpriseName,
      agentName: agent.name,
      agentId: agent.id,
      agentMobile: agent.mobile,
    };
    const found = Object.entries(personal).map(([what, value]) => [what, occurrences(onDisk, value)] as const);
    console.info(`[rowsAtRest] personal values on disk — ${found.map(([what, count]) => `${what}: ${count}`).join(', ')}`);
    expect(found.filter(([, count]) => count > 0)).toEqual([]);
  } finally {
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  }
});
