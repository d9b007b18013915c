import { describe, expect, it } from 'vitest';
import { requireDeskKeys } from '../../../../../renderer/src/data/crypto/deskKeys';
import { looksSealed, openBytes, sealBytes } from '../../../../../renderer/src/data/crypto/envelope';
import { DataError } from '../../../../../renderer/src/data/dataError';

const plain = new TextEncoder().encode('张三 510703198501011113 13900006666');

describe('sealed bytes', () => {
  it('open to what was sealed, and never hold the plain bytes', async () => {
    const { encryption } = await requireDeskKeys();
    const sealed = await sealBytes(encryption, plain, 'cases/1/personal');
    expect(looksSealed(sealed)).toBe(true);
    expect(Buffer.from(sealed).includes(Buffer.from(plain))).toBe(false);
    expect(await openBytes(encryption, sealed, 'cases/1/personal')).toEqual(plain);
  });

  it('take a fresh IV each time, so equal data does not seal to equal bytes', async () => {
    const { encryption } = await requireDeskKeys();
    const [a, b] = await Promise.all([sealBytes(encryption, plain, 'x'), sealBytes(encryption, plain, 'x')]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('refuse, in Chinese, bytes moved to another context, a changed byte, and bytes that were never sealed', async () => {
    const { encryption } = await requireDeskKeys();
    const sealed = await sealBytes(encryption, plain, 'cases/1/personal');
    await expect(openBytes(encryption, sealed, 'cases/2/personal')).rejects.toThrow(DataError);
    const changed = sealed.slice();
    changed[changed.length - 1]! ^= 1;
    await expect(openBytes(encryption, changed, 'cases/1/personal')).rejects.toThrow(/无法解密/);
    await expect(openBytes(encryption, new TextEncoder().encode('%PDF-1.7 plain'), 'blob/x')).rejects.toThrow(/无法解密/);
  });
});
