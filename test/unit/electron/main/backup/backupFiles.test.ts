import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RefusedError } from '../../../../../electron/ipc/errors';
import { backupReadInputSchema } from '../../../../../electron/ipc/backup';
import { createBackupFiles, jsonFileBackupFolderStore, memoryBackupFolderStore } from '../../../../../electron/main/backup/backupFiles';

const folders: string[] = [];
const tempFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'yct-backup-test-'));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const name = (day: number) => `yct-MY01-202611${String(day).padStart(2, '0')}-180000.yctbak`;

async function chosen() {
  const folder = tempFolder();
  const files = createBackupFiles({ folderStore: memoryBackupFolderStore(), chooseFolder: async () => folder, chooseFile: async () => null });
  expect(await files.chooseFolder()).toEqual({ folder });
  return { folder, files };
}

async function writeFile(files: Awaited<ReturnType<typeof chosen>>['files'], fileName: string, parts: Uint8Array[], keep = 5) {
  const { writeId } = await files.open({ fileName });
  for (const bytes of parts) await files.append({ writeId, bytes });
  return files.close({ writeId, keep });
}

describe('backup files in the main process', () => {
  it('refuses everything until the admin has chosen a folder, and keeps the folder chosen', async () => {
    const files = createBackupFiles({ folderStore: memoryBackupFolderStore(), chooseFolder: async () => null, chooseFile: async () => null });
    await expect(files.open({ fileName: name(1) })).rejects.toThrow(RefusedError);
    await expect(files.list()).rejects.toThrow('尚未选择备份文件夹');
    expect(await files.chooseFolder()).toEqual({ folder: null });

    const folder = tempFolder();
    const store = jsonFileBackupFolderStore(join(folder, 'backup-folder.json'));
    expect(await store.read()).toBeNull();
    await store.write('/media/usb/备份');
    expect(await jsonFileBackupFolderStore(join(folder, 'backup-folder.json')).read()).toBe('/media/usb/备份');
  });

  it('writes in chunks under a hidden temporary name and shows the file only once it is whole', async () => {
    const { folder, files } = await chosen();
    const { writeId } = await files.open({ fileName: name(1) });
    await files.append({ writeId, bytes: new Uint8Array([1, 2, 3]) });
    expect(await files.list()).toEqual([]);
    expect(readdirSync(folder).some((entry) => entry.endsWith('.partial'))).toBe(true);
    await files.append({ writeId, bytes: new Uint8Array([4, 5]) });
    expect(await files.close({ writeId, keep: 3 })).toEqual({ fileName: name(1), pruned: [] });
    expect([...readFileSync(join(folder, name(1)))]).toEqual([1, 2, 3, 4, 5]);
    expect(readdirSync(folder)).toEqual([name(1)]);
  });

  it('an aborted write leaves nothing behind', async () => {
    const { folder, files } = await chosen();
    const { writeId } = await files.open({ fileName: name(1) });
    await files.append({ writeId, bytes: new Uint8Array([1]) });
    await files.abort({ writeId });
    expect(readdirSync(folder)).toEqual([]);
    await expect(files.append({ writeId, bytes: new Uint8Array([1]) })).rejects.toThrow('备份文件写入已中断');
  });

  it('keeps the newest N and lists them newest first', async () => {
    const { folder, files } = await chosen();
    for (const day of [1, 2, 3]) await writeFile(files, name(day), [new Uint8Array([day])]);
    expect(await writeFile(files, name(4), [new Uint8Array([4])], 2)).toEqual({ fileName: name(4), pruned: [name(2), name(1)] });
    expect((await files.list()).map((file) => file.fileName)).toEqual([name(4), name(3)]);
    expect(readdirSync(folder).sort()).toEqual([name(3), name(4)]);
  });

  it('reads a file back in chunks, saying when it is done', async () => {
    const { files } = await chosen();
    await writeFile(files, name(1), [new Uint8Array([1, 2, 3, 4, 5])]);
    expect(await files.read({ fileName: name(1), offset: 0, length: 3 })).toEqual({ bytes: new Uint8Array([1, 2, 3]), done: false });
    expect(await files.read({ fileName: name(1), offset: 3, length: 3 })).toEqual({ bytes: new Uint8Array([4, 5]), done: true });
  });

  it('accepts only backup file names, never a path', () => {
    expect(backupReadInputSchema.safeParse({ fileName: '../hq-token.bin', offset: 0, length: 10 }).success).toBe(false);
    expect(backupReadInputSchema.safeParse({ fileName: `sub/${name(1)}`, offset: 0, length: 10 }).success).toBe(false);
    expect(backupReadInputSchema.safeParse({ fileName: name(1), offset: 0, length: 10 }).success).toBe(true);
  });
});

describe('a backup file chosen for a restore', () => {
  it('is read through its folder, which becomes the backup folder; a cancelled dialog changes nothing', async () => {
    const { folder, files: writer } = await chosen();
    await writeFile(writer, name(3), [new Uint8Array([1, 2, 3])]);
    const store = memoryBackupFolderStore();
    let answer: string | null = null;
    const files = createBackupFiles({ folderStore: store, chooseFolder: async () => null, chooseFile: async () => answer });
    expect(await files.chooseFile()).toEqual({ fileName: null });
    expect(await store.read()).toBeNull();
    answer = join(folder, name(3));
    expect(await files.chooseFile()).toEqual({ fileName: name(3) });
    expect(await store.read()).toBe(folder);
    expect(await files.read({ fileName: name(3), offset: 0, length: 10 })).toEqual({ bytes: new Uint8Array([1, 2, 3]), done: true });
  });

  it('is refused when its name is not a backup file name (renamed or another file)', async () => {
    const folder = tempFolder();
    const store = memoryBackupFolderStore();
    const files = createBackupFiles({ folderStore: store, chooseFolder: async () => null, chooseFile: async () => join(folder, 'hq-token.bin') });
    await expect(files.chooseFile()).rejects.toThrow('不是一窗通备份文件的名称');
    expect(await store.read()).toBeNull();
  });
});
