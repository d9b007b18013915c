import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { describeStorageError, isQuotaExceeded, requestPersistentStorage } from '../../../../renderer/src/data/storage';

function storageManager(overrides: Partial<StorageManager>): StorageManager {
  return {
    persisted: vi.fn(async () => false),
    persist: vi.fn(async () => true),
    estimate: vi.fn(async () => ({ usage: 1024, quota: 10 * 1024 ** 3 })),
    getDirectory: vi.fn(),
    ...overrides,
  } as unknown as StorageManager;
}

describe('requestPersistentStorage', () => {
  it('asks for persistence and reports the estimate', async () => {
    const storage = storageManager({});
    await expect(requestPersistentStorage(storage)).resolves.toEqual({ persisted: true, usageBytes: 1024, quotaBytes: 10 * 1024 ** 3 });
    expect(storage.persist).toHaveBeenCalled();
  });

  it('does not ask again when already persisted', async () => {
    const storage = storageManager({ persisted: vi.fn(async () => true) });
    await requestPersistentStorage(storage);
    expect(storage.persist).not.toHaveBeenCalled();
  });

  it('reports a refusal honestly', async () => {
    await expect(requestPersistentStorage(storageManager({ persist: vi.fn(async () => false) }))).resolves.toMatchObject({ persisted: false });
  });

  it('copes with a browser that has no storage manager', async () => {
    await expect(requestPersistentStorage(undefined)).resolves.toEqual({ persisted: false, usageBytes: null, quotaBytes: null });
  });
});

describe('storage errors', () => {
  const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');

  it('recognises a quota error thrown directly', () => {
    expect(isQuotaExceeded(quota)).toBe(true);
  });

  it('recognises a quota error Dexie wrapped in an AbortError', () => {
    const wrapped = new Dexie.AbortError('Transaction aborted', quota);
    expect(isQuotaExceeded(wrapped)).toBe(true);
    expect(describeStorageError(wrapped)).toBe('本机存储空间已满，本次保存未完成，已录入的内容未丢失。请联系管理员清理磁盘空间后重试。');
  });

  it('names a blocked database rather than a generic failure', () => {
    expect(describeStorageError(new Dexie.DatabaseClosedError('closed'))).toMatch(/另一个窗口/);
  });

  it('gives any other failure in Chinese, with its detail', () => {
    expect(describeStorageError(new Error('boom'))).toBe('保存失败：boom。已录入的内容未丢失，请重试。');
    expect(isQuotaExceeded(new Error('boom'))).toBe(false);
  });
});
