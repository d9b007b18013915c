import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { agencyCodeFor, readIssuingAgency, saveIssuingAgency } from '../../../../renderer/src/data/issuingAgency';
import { closeDatabases } from './dataFixtures';
import { agencyInput, issuingDesk, unwrapResult } from './issuanceFixtures';

afterEach(closeDatabases);

describe('issuing agency', () => {
  it('is saved by the admin, cleaned, and gives each kind its 机关代字', async () => {
    const { db, admin } = await issuingDesk();
    unwrapResult(await saveIssuingAgency(db, { ...agencyInput, name: '  绵阳市市场监督管理局 ' }, admin));
    const agency = (await readIssuingAgency(db))!;
    expect(agency.name).toBe('绵阳市市场监督管理局');
    expect(agencyCodeFor(agency, 'deferralAcceptanceNotice')).toBe('绵市监企容受');
    expect(agencyCodeFor(agency, 'licenceCopy')).toBe('绵市监企照');
  });

  it('refuses a clerk, and a 机关代字 that is not 2–8 Chinese characters, naming the field', async () => {
    const { db, clerk, admin } = await issuingDesk();
    expect(await saveIssuingAgency(db, agencyInput, clerk)).toEqual({ ok: false, message: '只有管理员可以设置文书抬头' });
    expect(await saveIssuingAgency(db, { ...agencyInput, codePrefix: 'MYSJ' }, admin)).toEqual({ ok: false, message: '机关代字：应为2至8个汉字', field: 'codePrefix' });
    expect(await saveIssuingAgency(db, { ...agencyInput, hallName: '' }, admin)).toEqual({ ok: false, message: '大厅名称：不能为空', field: 'hallName' });
  });
});
