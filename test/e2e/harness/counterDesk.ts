import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { HqHarness } from '../../hq/support/harness';
import type { CupsPdfPrinter } from './cups';
import type { BoundDesk } from './deskBinding';
import { bindDesk } from './deskBinding';
import { restoreDeskDb, snapshotDeskDb, type DeskDbSnapshot } from './deskDb';
import { fillAgency, referenceDeskCodes, setDefaultPrinters, setDeskCodes } from './deskSettings';
import { syncState } from './hqDesk';
import { addAccount, chiefRepresentative, counterClerk, deskAccounts, setUpFirstAdmin, signIn, type TestAccount, type TestRole } from './signIn';

/** How a test's desk is when the test starts (see the `counterDesk` fixture in fixtures.ts). */
export interface DeskSetup {
  /** Who is signed in; null leaves the desk at the sign-in screen, with the accounts in place. */
  role: TestRole | null;
  /** The admin has set the codes MY-01, 文书抬头 and (when CUPS is up) the default printers in 设置. */
  furnished?: boolean;
  /** A reference HQ is started for the test, and the furnished desk is enrolled with it and has synced. */
  enrolled?: boolean;
  /** The section the desk opens on. */
  section?: string;
  /** "Now" for the page, fixed before the desk opens. */
  fixedTime?: Date;
}

/** The desks a worker set up once through the UI, as copies of their databases. */
export interface SeededDesks {
  /** The first admin 王管理, the clerk 张三 and the chief 李首席; nothing else set. */
  accounts: DeskDbSnapshot;
  /** `accounts`, then the desk codes, 文书抬头 and (when there is a cups-pdf queue) the default printers. */
  furnished: DeskDbSnapshot;
}

/** The day the seeded desks were set up: before any day a test pins its clock to. */
const seededAt = new Date('2026-09-01T08:00:00+08:00');

/** Sets the desks up through the UI as an admin would, once: three password hashes and the 设置 forms. */
export async function seedDesks(browser: Browser, options: BrowserContextOptions, printer: CupsPdfPrinter | null): Promise<SeededDesks> {
  const context = await browser.newContext(options);
  try {
    const page = await context.newPage();
    await bindDesk(page, options.baseURL!);
    await page.clock.setFixedTime(seededAt);
    await setUpFirstAdmin(page, '/#/settings');
    await addAccount(page, counterClerk, 'clerk');
    await addAccount(page, chiefRepresentative, 'chief');
    const accounts = await snapshotDeskDb(page);
    await setDeskCodes(page, referenceDeskCodes);
    await fillAgency(page);
    if (printer !== null) await setDefaultPrinters(page, printer.printer);
    return { accounts, furnished: await snapshotDeskDb(page) };
  } finally {
    await context.close();
  }
}

/** The test's desk once opened: who is signed in and, when enrolled, the HQ and the desk's id there. */
export interface OpenedDesk {
  account: TestAccount | null;
  enrolment: { hq: HqHarness; deskId: string } | null;
}

/**
 * Enrols the desk with the reference HQ before its page opens, with an enrolment code the operator issued
 * for it, through the main process's HQ client as 注册本窗口 does on a desk that has its codes
 * (sync.e2e.ts and enrolment.e2e.ts drive that form themselves).
 */
async function enrolBeforeOpening(desk: BoundDesk, hq: HqHarness): Promise<{ hq: HqHarness; deskId: string }> {
  const { code } = await hq.operator.issueEnrolmentCode(referenceDeskCodes);
  const enrolled = await desk.hq.enrol({ baseUrl: hq.url, ...referenceDeskCodes, enrolmentCode: code });
  if (!enrolled.ok) throw new Error(`Enrolment with the reference HQ failed: ${enrolled.failure.message}`);
  return { hq, deskId: enrolled.value.deskId };
}

/**
 * Opens a seeded desk in `page` as `setup` says: its database copied in, enrolled (the page reads the
 * enrolment when it starts), then the section, then the sign-in through the sign-in screen (sessions live
 * only in the page's memory, so no copy can carry one). Stops the HQ it started if opening fails.
 */
export async function openCounterDesk(page: Page, desk: BoundDesk, setup: DeskSetup, seeds: SeededDesks): Promise<OpenedDesk> {
  if (setup.enrolled === true && setup.furnished !== true) throw new Error('An enrolled desk must be furnished: it enrols with its codes.');
  if (setup.fixedTime !== undefined) await page.clock.setFixedTime(setup.fixedTime);
  await restoreDeskDb(page, setup.furnished === true ? seeds.furnished : seeds.accounts);
  const hq = setup.enrolled === true ? await new HqHarness().start() : null;
  try {
    const enrolment = hq === null ? null : await enrolBeforeOpening(desk, hq);
    const section = setup.section ?? 'intake';
    await page.goto(`/#/${section}`);
    if (setup.role === null) {
      await expect(page.getByRole('heading', { name: '工作人员登录' })).toBeVisible();
      return { account: null, enrolment };
    }
    const account = deskAccounts[setup.role];
    await signIn(page, account, setup.role);
    // The section is ready once it has moved focus to its heading (it would take it from a field typed in
    // earlier), and 受理 once its form is there, after the catalogue has loaded (Ctrl+K works from then on).
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    if (section === 'intake') await expect(page.getByLabel('事项或“一件事”')).toBeVisible();
    if (enrolment !== null) await expect(syncState(page)).toHaveText('已同步');
    return { account, enrolment };
  } catch (error) {
    await hq?.dispose();
    throw error;
  }
}
