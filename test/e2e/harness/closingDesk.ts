import type { Page } from '@playwright/test';
import { enrolmentCode } from '../../hq/support/harness';
import { expect as baseExpect } from '@playwright/test';
import { addAccount, chiefRepresentative, counterClerk, goToSection, setUpFirstAdmin, signOut } from './signIn';

/** A desk that closes its day against a reference HQ: set up, and a day's work taken in. */

const expect = baseExpect.configure({ timeout: 20_000 });

const agency = {
  name: '绵阳市市场监督管理局',
  hallName: '绵阳市政务服务中心企业服务中心',
  address: '绵阳市涪城区绵兴东路81号',
  phone: '0816-2222345',
  windowName: '企业开办综合窗口 1号',
  codePrefix: '绵市监企',
  reviewBody: '绵阳市人民政府',
  court: '绵阳市涪城区人民法院',
};

/**
 * Hall and desk codes and the 文书抬头 an admin sets, written into the desk's database as counter.e2e
 * does (the settings page has no 文书抬头 section yet).
 */
async function setDeskFacts(page: Page): Promise<void> {
  await page.evaluate(
    (issuingAgency) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('yichuangtong-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').put({ key: 'deskIdentity', value: { hallCode: 'MY', deskCode: '01' } });
          tx.objectStore('meta').put({ key: 'issuingAgency', value: issuingAgency });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    agency,
  );
}

/** As the admin: enrol with the HQ at `hqUrl` and open a clerk's and a chief's account. */
export async function setUpClosingDesk(page: Page, hqUrl: string): Promise<void> {
  await setUpFirstAdmin(page, '/#/settings');
  const connection = page.getByRole('region', { name: '市级系统连接' });
  await connection.getByLabel('市级系统地址').fill(hqUrl);
  await connection.getByLabel('大厅代码').fill('MY');
  await connection.getByLabel('窗口号').fill('01');
  await connection.getByLabel('登记码').fill(enrolmentCode);
  await connection.getByRole('button', { name: '注册本窗口' }).click();
  await expect(connection.getByRole('status')).toContainText('注册成功');
  await setDeskFacts(page);
  await addAccount(page, counterClerk, 'clerk');
  await addAccount(page, chiefRepresentative, 'chief');
  await signOut(page);
}

/**
 * Fills the intake form of a 食品经营许可 case for a new enterprise, up to saving it; `lookup` is what the
 * clerk searches before registering the enterprise (a USCC is taken over into the new enterprise).
 */
export async function fillDraft(page: Page, lookup = '91510700MA62QH3T4P'): Promise<void> {
  await goToSection(page, 'intake');
  await expect(page.getByRole('heading', { level: 1, name: '受理' })).toBeVisible();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('spjy');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: '已选事项' })).toContainText('食品经营许可');
  await page.getByLabel('排队号').fill('A031');
  await page.getByLabel('查找企业（名称片段或统一社会信用代码）').fill(lookup);
  await page.getByRole('button', { name: '登记新企业' }).click();
  await page.getByLabel('企业名称（拟设立名称）').fill('绵阳味道餐饮管理有限公司');
  await page.getByLabel('申请人姓名').fill('王芳');
  await page.getByLabel('申请人身份证号码').fill('11010519491231002X');
  await page.getByLabel('申请人手机号码').fill('13900002222');
  const answer = page.getByRole('group', { name: /经营项目/ }).getByLabel('热食类食品制售', { exact: true });
  await answer.focus();
  await page.keyboard.press('Space');
  await expect(answer).toBeChecked();
}

/** Takes a case in up to the checklist (a 登记中 case), which writes its ops for HQ. */
export async function takeInDraft(page: Page): Promise<string> {
  await fillDraft(page);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('region', { name: '概况' })).toBeVisible();
  return (await page.getByRole('region', { name: '概况' }).getByRole('heading').textContent())!.replace('办件 ', '').trim();
}

