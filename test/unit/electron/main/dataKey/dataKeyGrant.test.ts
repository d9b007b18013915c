import { describe, expect, it, vi } from 'vitest';
import { RefusedError } from '../../../../../electron/ipc/errors';
import { createDataKeyGrant } from '../../../../../electron/main/dataKey/dataKeyGrant';
import type { DataKeyState } from '../../../../../electron/main/dataKey/dataKeyStore';

const key = Uint8Array.from({ length: 32 }, (_, i) => i);
const ready = (): DataKeyState => ({ state: 'ready', key: Uint8Array.from(key), protection: 'osKeyStore' });

describe('createDataKeyGrant', () => {
  it('hands the key once per page load, refusing a second ask in the same page in Chinese', async () => {
    const grant = createDataKeyGrant(async () => ready());
    expect(await grant.take()).toEqual({ state: 'ready', key, protection: 'osKeyStore' });
    const second = grant.take();
    await expect(second).rejects.toBeInstanceOf(RefusedError);
    await expect(second).rejects.toThrow('本页面已经取得过数据密钥');
  });

  it('refuses a second ask made while the first is still loading the key', async () => {
    const grant = createDataKeyGrant(async () => ready());
    const [first, second] = await Promise.allSettled([grant.take(), grant.take()]);
    expect(first.status).toBe('fulfilled');
    expect(second.status).toBe('rejected');
  });

  it('hands it again to the next page load, unwrapping it only once per process', async () => {
    const load = vi.fn(async () => ready());
    const grant = createDataKeyGrant(load);
    await grant.take();
    grant.newDocument();
    expect(await grant.take()).toMatchObject({ state: 'ready', key });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('hands out a copy, so what a caller does to its bytes never reaches the kept key', async () => {
    const grant = createDataKeyGrant(async () => ready());
    const first = await grant.take();
    if (first.state !== 'ready') throw new Error('expected a key');
    first.key.fill(0);
    grant.newDocument();
    expect(await grant.take()).toMatchObject({ key });
  });

  it('passes on why there is no key', async () => {
    const grant = createDataKeyGrant(async () => ({ state: 'unavailable', problem: 'keyStoreChanged' }));
    expect(await grant.take()).toEqual({ state: 'unavailable', problem: 'keyStoreChanged' });
  });

  it('tries loading again at the next page load after a failed one', async () => {
    const load = vi.fn<() => Promise<DataKeyState>>().mockRejectedValueOnce(new Error('EIO')).mockResolvedValueOnce(ready());
    const grant = createDataKeyGrant(load);
    await expect(grant.take()).rejects.toThrow('EIO');
    grant.newDocument();
    expect(await grant.take()).toMatchObject({ state: 'ready' });
  });
});
