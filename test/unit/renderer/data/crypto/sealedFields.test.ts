import { describe, expect, it } from 'vitest';
import { requireDeskKeys } from '../../../../../renderer/src/data/crypto/deskKeys';
import { isSealedRow, openRow, sealRow, sealedField } from '../../../../../renderer/src/data/crypto/sealedFields';
import { DataError } from '../../../../../renderer/src/data/dataError';
import { caseRow, person } from '../caseRowFixture';

const personal = [person.name, person.idNumber, person.phone, '绵阳市涪城区长虹大道中段18号', '代为办理企业开办全部事项'];

/** Every string a stored value shows without a key, its sealed bytes read as UTF-8 and UTF-16 included. */
function readable(stored: Record<string, unknown>): string {
  const bytes = Buffer.from(stored[sealedField] as Uint8Array);
  return JSON.stringify({ ...stored, [sealedField]: null }) + bytes.toString('utf8') + bytes.toString('utf16le');
}

describe('sealed fields of a row', () => {
  it('keep the index fields plain, seal the parties, and open to the row as it was', async () => {
    const { encryption } = await requireDeskKeys();
    const row = caseRow();
    const stored = await sealRow(encryption, 'cases', { ...row }, row.id);
    expect(isSealedRow(stored)).toBe(true);
    expect(stored).toMatchObject({ id: row.id, caseNumber: row.caseNumber, statusCode: 'drafting', createdAt: row.createdAt, matterCodes: row.matterCodes });
    expect(stored).not.toHaveProperty('applicant');
    for (const text of personal) expect(readable(stored)).not.toContain(text);
    expect(await openRow(encryption, 'cases', stored, row.id)).toEqual(row);
  });

  it('seal a field no list names, so a new personal field is never left readable', async () => {
    const { encryption } = await requireDeskKeys();
    const stored = await sealRow(encryption, 'enterprises', { id: 'e1', uscc: null, contactPhone: person.phone }, 'e1');
    expect(stored).not.toHaveProperty('contactPhone');
    expect(readable(stored)).not.toContain(person.phone);
  });

  it('refuse, in Chinese, a sealed part moved onto another row', async () => {
    const { encryption } = await requireDeskKeys();
    const a = caseRow();
    const b = caseRow({ id: '01900000-0000-7000-8000-000000000002' as typeof a.id });
    const storedA = await sealRow(encryption, 'cases', { ...a }, a.id);
    const storedB = await sealRow(encryption, 'cases', { ...b }, b.id);
    const moved = { ...storedB, [sealedField]: storedA[sealedField] };
    await expect(openRow(encryption, 'cases', moved, b.id)).rejects.toThrow(DataError);
    await expect(openRow(encryption, 'cases', moved, b.id)).rejects.toThrow(/无法解密/);
    // The same row's part in another table does not open either.
    await expect(openRow(encryption, 'enterprises', storedA, a.id)).rejects.toThrow(/无法解密/);
  });

  it('answer a row stored before sealing as it is', async () => {
    const { encryption } = await requireDeskKeys();
    const row = caseRow();
    expect(await openRow(encryption, 'cases', row, row.id)).toBe(row);
  });

  it('cost a fraction of an intake\'s 20 ms a case row to seal and to open (measured over 500 rows)', async () => {
    const { encryption } = await requireDeskKeys();
    const rows = Array.from({ length: 500 }, (_, index) => caseRow({ id: `01900000-0000-7000-8000-${String(index).padStart(12, '0')}` as ReturnType<typeof caseRow>['id'] }));
    const sealStart = performance.now();
    const stored = await Promise.all(rows.map((row) => sealRow(encryption, 'cases', { ...row }, row.id)));
    const sealMs = (performance.now() - sealStart) / rows.length;
    const openStart = performance.now();
    await Promise.all(stored.map((row, index) => openRow(encryption, 'cases', row, rows[index]!.id)));
    const openMs = (performance.now() - openStart) / rows.length;
    console.info(`sealed case row: seal ${sealMs.toFixed(3)} ms, open ${openMs.toFixed(3)} ms a row (${rows.length} rows at once)`);
    // About 0.15 ms on a quiet machine; the bound leaves room for a loaded one.
    expect(sealMs).toBeLessThan(5);
    expect(openMs).toBeLessThan(5);
  });
});
