import { residentId } from '../fixtures/identities';
import { takeIn } from './harness/counterCase';
import { expect, goToSection, test } from './fixtures';

/**
 * Finding a case on 办件 as a clerk remembers it: by the pinyin initials of the company's trade name, by
 * the start of its full pinyin, by the applicant's name in pinyin, and by the sequence the case number
 * ends with.
 */

test.use({ deskSetup: { role: 'clerk', furnished: true } });

test('办件 finds a case by the pinyin of its enterprise and applicant and by the tail of its number', async ({ page, shot }) => {
  test.setTimeout(120_000);

  await goToSection(page, 'intake');
  const enterprise = '四川智宇顺科技有限公司';
  const caseNumber = await takeIn(page, {
    enterprise,
    address: '绵阳市涪城区科创园区创业大道9号',
    applicant: { name: '单雄信', id: residentId('510703', '19900415', 246), mobile: '13900005555' },
  });

  await goToSection(page, 'cases');
  await expect(page.getByRole('heading', { level: 1, name: '办件' })).toBeVisible();
  const search = page.getByLabel('检索办件');
  const results = page.getByRole('table', { name: '检索结果' });
  const row = results.getByRole('row', { name: new RegExp(enterprise) });
  await expect(search).toHaveAttribute('placeholder', /可用拼音及首字母/);
  await shot('pinyin-search-00-search-box');

  await search.fill('zysk');
  await expect(row).toBeVisible();
  await expect(results.getByRole('button', { name: `打开办件 ${caseNumber}` })).toBeVisible();
  await shot('pinyin-search-01-initials');

  for (const query of ['zhiyu', 'zhiyushunke', 'shanxiongxin', 'danxiongxin', caseNumber.slice(-4)]) {
    await search.fill(query);
    await expect(row, query).toBeVisible();
  }
  await shot('pinyin-search-02-case-number-tail');

  // Pinyin no name reads as finds nothing, and says so.
  await search.fill('zyks');
  await expect(page.getByText('没有找到与“zyks”相符的办件')).toBeVisible();
});
