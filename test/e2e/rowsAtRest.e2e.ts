import { chromium } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { plainSearchKeys } from '../../renderer/src/data/crypto/searchKeyer';
import type { CaseRow, EnterpriseId, EnterpriseRow } from '../../renderer/src/data/records';
import { caseSearchKeys, enterpriseSearchKeys } from '../../renderer/src/data/search/keys';
import { mobile, residentId } from '../fixtures/identities';
import { indexedDbFiles, occurrences } from '../support/profileScan';
import { caseRow } from '../unit/renderer/data/caseRowFixture';
import { chromiumArgs, chromiumPath } from './chromium';
import { takeIn } from './harness/counterCase';
import { openCounterDesk } from './harness/counterDesk';
import { bindDesk } from './harness/deskBinding';
import type { DeskDbSnapshot } from './harness/deskDb';
import { shooter } from './harness/screenshots';
import { expect, goToSection, test } from './fixtures';

/**
 * Personal data rests sealed: after a case is taken in through the screens, the Chromium profile's
 * IndexedDB files on disk hold none of the applicant's or the agent's name, ID number or phone, the
 * enterprise's name or the address — in rows, search keys or intake drafts — and 办件 still finds the case
 * by every kind of fragment. The test's own page runs off the record (its
 * IndexedDB in memory), so this desk opens in a browser context with a profile on disk.
 */

/** A persistent Chromium profile on disk for the desk's page (the test's own page keeps IndexedDB in memory). */
async function launchDeskProfile(profile: string, origin: string, options: { viewport: { width: number; height: number } | null; locale?: string; timezoneId?: string }) {
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: chromiumArgs,
    headless: true,
    baseURL: origin,
    viewport: options.viewport,
    ...(options.locale !== undefined && { locale: options.locale }),
    ...(options.timezoneId !== undefined && { timezoneId: options.timezoneId }),
  });
}

test('the desk\'s IndexedDB files hold no personal data in plain form after an intake, and search still finds the case', async ({ server, deskSeeds, locale, timezoneId, viewport }) => {
  test.setTimeout(180_000);
  const profile = await mkdtemp(join(tmpdir(), 'rows-at-rest-'));
  const context = await launchDeskProfile(profile, server.origin, { viewport, locale, timezoneId });
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
    const files = await indexedDbFiles(profile);
    const onDisk = Buffer.concat(await Promise.all(files.map((file) => readFile(file))));
    // The scan sees what rests plain: the case number is a plain field of the row.
    expect(occurrences(onDisk, caseNumber).length, 'the case number, stored plain, is found on disk').toBeGreaterThan(0);
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
    const found = Object.entries(personal).map(([what, value]) => [what, occurrences(onDisk, value).length] as const);
    console.info(`[rowsAtRest] personal values on disk — ${found.map(([what, count]) => `${what}: ${count}`).join(', ')}`);
    expect(found.filter(([, count]) => count > 0)).toEqual([]);
  } finally {
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  }
});

/** Cases (each with its enterprise) as a desk before sealing stored them: plain rows, plain search keys (version 3). */
function plainRows(count: number): { cases: CaseRow[]; enterprises: EnterpriseRow[] } {
  const surnames = ['上官', '司徒', '欧阳', '诸葛', '东方'];
  const cases: CaseRow[] = [];
  const enterprises: EnterpriseRow[] = [];
  for (let i = 0; i < count; i += 1) {
    const serial = String(i + 1).padStart(4, '0');
    const enterpriseId = `01800000-0000-7000-8000-00000000${serial}` as EnterpriseId;
    const name = `绵阳旧档${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰巳午未申酉戌亥'[i % 12]}商贸有限公司`;
    const at = '2026-09-29T10:00:00.000+08:00';
    const enterprise: EnterpriseRow = { id: enterpriseId, name, uscc: null, address: `绵阳市涪城区旧档路${i + 1}号`, createdAt: at, updatedAt: at, searchKeys: [] };
    enterprises.push({ ...enterprise, searchKeys: enterpriseSearchKeys(enterprise, plainSearchKeys), freshKeys: [] });
    const base = caseRow();
    const row = caseRow({
      id: `01800000-0000-7000-8000-10000000${serial}` as CaseRow['id'],
      caseNumber: `MY01-20260929-${serial}` as CaseRow['caseNumber'],
      enterpriseId,
      enterprise: { ...base.enterprise, name, address: enterprise.address },
      applicant: { ...base.applicant, name: `${surnames[i % surnames.length]}旧${'春夏秋冬'[i % 4]}`, idNumber: residentId('510703', '19800101', 100 + i), phone: mobile('135', 20000000 + i * 7) },
      agent: null,
      agentAuthorisation: null,
    });
    cases.push({ ...row, searchKeys: caseSearchKeys(row, plainSearchKeys), freshKeys: [] });
  }
  return { cases, enterprises };
}

/** The snapshot with `rows` added plain, and the two passes a desk upgraded from schema version 7 has due. */
function withPlainRows(snapshot: DeskDbSnapshot, rows: { cases: CaseRow[]; enterprises: EnterpriseRow[] }): DeskDbSnapshot {
  const lastId = (list: { id: string }[]) => list.map((row) => row.id).sort().at(-1) ?? null;
  const added: Record<string, unknown[]> = {
    cases: rows.cases,
    enterprises: rows.enterprises,
    meta: [
      { key: 'rows.sealing', value: { pass: 'start' } },
      {
        key: 'search.keys',
        value: { keysVersion: 4, pass: { table: 'cases', after: null, until: { cases: lastId(rows.cases), enterprises: lastId(rows.enterprises) }, done: 0, total: rows.cases.length + rows.enterprises.length } },
      },
    ],
  };
  return {
    ...snapshot,
    stores: snapshot.stores.map((store) => ({ ...store, rows: [...store.rows, ...(added[store.name] ?? []).map((value) => ({ key: null, value }))] })),
  };
}

test('a desk upgraded from plain storage seals its rows and re-keys its search keys in the background, with progress shown, and search finds the rows meanwhile', async ({ server, deskSeeds, locale, timezoneId, viewport }) => {
  test.setTimeout(240_000);
  const profile = await mkdtemp(join(tmpdir(), 'rows-sealed-later-'));
  const context = await launchDeskProfile(profile, server.origin, { viewport, locale, timezoneId });
  const rows = plainRows(60);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const shot = shooter(page);
    const desk = await bindDesk(page, server.origin);
    const seeds = await deskSeeds();
    await openCounterDesk(page, desk, { role: 'clerk', furnished: true }, { ...seeds, furnished: withPlainRows(seeds.furnished, rows) });
    const statusBar = page.getByRole('contentinfo');
    await expect(statusBar.getByText(/正在加密保存个人信息（已完成 \d+ \/ \d+）/)).toBeVisible();
    await expect(statusBar.getByText(/正在更新搜索索引（已完成 0 \/ 120）/)).toBeVisible();
    await shot('rows-sealed-later-01-progress');

    // Before the passes reach them, the plain rows are found by every kind of fragment (plain probes).
    await goToSection(page, 'cases');
    const search = page.getByLabel('检索办件');
    const results = page.getByRole('table', { name: '检索结果' });
    const sample = rows.cases[7]!;
    const fragments = [sample.enterprise.name.slice(4, 8), sample.applicant.name, sample.applicant.idNumber.slice(-6), sample.applicant.phone!.slice(-4), sample.caseNumber.slice(-4)];
    const findsSample = async (when: string) => {
      for (const fragment of fragments) {
        await search.fill(fragment);
        await expect(results.getByRole('row', { name: new RegExp(sample.caseNumber) }), `${when}: ${fragment}`).toBeVisible();
      }
    };
    await findsSample('before the passes');

    // Nobody touches the desk: both passes run in its quiet time, and their lines leave the status bar.
    await expect(statusBar.getByText(/正在加密保存个人信息|正在更新搜索索引/)).toHaveCount(0, { timeout: 150_000 });
    await shot('rows-sealed-later-02-passes-done');
    await findsSample('after the passes');

    // The database holds none of the plain values any more: every row as IndexedDB hands it out (past the
    // app) is sealed, and its keys are keyed.
    const stored = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('yichuangtong-desk');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['cases', 'enterprises']);
            const all = ['cases', 'enterprises'].map((name) => tx.objectStore(name).getAll());
            tx.oncomplete = () => {
              open.result.close();
              const rows = all.flatMap((request) => request.result as Record<string, unknown>[]);
              resolve(JSON.stringify(rows.map((row) => ({ ...row, sealed: row['sealed'] instanceof Uint8Array ? 'sealed' : 'MISSING' }))));
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    expect(stored).not.toContain('MISSING');
    const plainValues = rows.cases.flatMap((row) => [row.applicant.name, row.applicant.idNumber, row.applicant.phone!, row.enterprise.name, row.enterprise.address!]);
    expect(plainValues.filter((value) => stored.includes(value))).toEqual([]);
    await context.close();

    // The files on disk still hold most of the replaced plain values: Chromium's IndexedDB is LevelDB, which
    // keeps an overwritten value in its log and older table files until a compaction merges them. No web API
    // asks for one (tried: leaving the origin and waiting 8 s for Chromium's pre-close tasks left 297 of
    // 300), so this is reported, not asserted: ARCHITECTURE.md, "Security".
    const files = await indexedDbFiles(profile);
    const onDisk = Buffer.concat(await Promise.all(files.map((file) => readFile(file))));
    const left = plainValues.filter((value) => occurrences(onDisk, value).length > 0);
    test.info().annotations.push({ type: 'replaced plain values still in the LevelDB files', description: `${left.length} of ${plainValues.length}` });
    console.info(`[rowsAtRest] replaced plain values still in the LevelDB files (until compaction): ${left.length} of ${plainValues.length}`);
  } finally {
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  }
});
