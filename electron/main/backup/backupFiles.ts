import { randomUUID } from 'node:crypto';
import { open, readdir, readFile, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { RefusedError } from '../../ipc/errors';
import { backupFileNameSchema } from '../../ipc/backup';
import { ipcMessages } from '../../ipc/messages';

/** Where the chosen backup folder is remembered (a JSON file in userData in the app). */
export interface BackupFolderStore {
  read(): Promise<string | null>;
  write(folder: string): Promise<void>;
}

export interface BackupFilesDeps {
  folderStore: BackupFolderStore;
  /** The OS's folder dialog; null when the admin cancelled. */
  chooseFolder: () => Promise<string | null>;
  /** The OS's file dialog for a backup file (a restore); its path, or null when the admin cancelled. */
  chooseFile: () => Promise<string | null>;
}

interface OpenWrite {
  handle: FileHandle;
  folder: string;
  fileName: string;
  partial: string;
}

/** Backup files in the chosen folder: written under a temporary name, renamed whole, the newest N kept. */
export function createBackupFiles(deps: BackupFilesDeps) {
  const writes = new Map<string, OpenWrite>();

  const folder = async () => {
    const chosen = await deps.folderStore.read();
    if (chosen === null) throw new RefusedError(ipcMessages.backupNoFolder);
    return chosen;
  };
  const writeOf = (writeId: string) => {
    const write = writes.get(writeId);
    if (write === undefined) throw new RefusedError(ipcMessages.backupNoWrite);
    return write;
  };
  const list = async () => {
    const dir = await folder();
    const names = (await readdir(dir)).filter((name) => backupFileNameSchema.safeParse(name).success);
    const files = await Promise.all(
      names.map(async (fileName) => {
        const info = await stat(join(dir, fileName));
        return { fileName, bytes: info.size, modifiedAt: info.mtime.toISOString() };
      }),
    );
    // Names carry the time they were taken, so they sort newest first as text.
    return files.sort((a, b) => b.fileName.localeCompare(a.fileName));
  };

  return {
    getFolder: async () => ({ folder: await deps.folderStore.read() }),
    chooseFolder: async () => {
      const chosen = await deps.chooseFolder();
      if (chosen !== null) await deps.folderStore.write(chosen);
      return { folder: await deps.folderStore.read() };
    },
    chooseFile: async () => {
      const chosen = await deps.chooseFile();
      if (chosen === null) return { fileName: null };
      const fileName = basename(chosen);
      if (!backupFileNameSchema.safeParse(fileName).success) throw new RefusedError(ipcMessages.backupFileName);
      // The file is read through its folder, which holds this desk's backups from now on.
      await deps.folderStore.write(dirname(chosen));
      return { fileName };
    },
    open: async ({ fileName }: { fileName: string }) => {
      const dir = await folder();
      const writeId = randomUUID();
      const partial = join(dir, `.${fileName}.${writeId}.partial`);
      writes.set(writeId, { handle: await open(partial, 'wx', 0o600), folder: dir, fileName, partial });
      return { writeId };
    },
    append: async ({ writeId, bytes }: { writeId: string; bytes: Uint8Array }) => {
      await writeOf(writeId).handle.write(bytes);
      return { written: bytes.byteLength };
    },
    close: async ({ writeId, keep }: { writeId: string; keep: number }) => {
      const write = writeOf(writeId);
      writes.delete(writeId);
      // On disk before the rename, so the name never points at half a file.
      await write.handle.sync();
      await write.handle.close();
      await rename(write.partial, join(write.folder, write.fileName));
      const pruned = (await list()).slice(keep).map((file) => file.fileName);
      await Promise.all(pruned.map((name) => rm(join(write.folder, name), { force: true })));
      return { fileName: write.fileName, pruned };
    },
    abort: async ({ writeId }: { writeId: string }) => {
      const write = writes.get(writeId);
      writes.delete(writeId);
      if (write !== undefined) {
        await write.handle.close();
        await rm(write.partial, { force: true });
      }
      return { aborted: true as const };
    },
    list,
    read: async ({ fileName, offset, length }: { fileName: string; offset: number; length: number }) => {
      const handle = await open(join(await folder(), fileName), 'r');
      try {
        const buffer = new Uint8Array(length);
        const { bytesRead } = await handle.read(buffer, 0, length, offset);
        const size = (await handle.stat()).size;
        return { bytes: buffer.subarray(0, bytesRead), done: offset + bytesRead >= size };
      } finally {
        await handle.close();
      }
    },
  };
}

export type BackupFiles = ReturnType<typeof createBackupFiles>;

/** Kept in memory only (the end-to-end harness, tests). */
export function memoryBackupFolderStore(initial: string | null = null): BackupFolderStore {
  let current = initial;
  return {
    read: async () => current,
    write: async (folder) => {
      current = folder;
    },
  };
}


/** A JSON file in userData, replaced whole by rename. */
export function jsonFileBackupFolderStore(path: string): BackupFolderStore {
  return {
    async read() {
      try {
        const parsed = z.object({ folder: z.string().min(1) }).safeParse(JSON.parse(await readFile(path, 'utf8')));
        return parsed.success ? parsed.data.folder : null;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return null;
        throw error;
      }
    },
    async write(folder) {
      const temporary = `${path}.${randomUUID()}.tmp`;
      await writeFile(temporary, JSON.stringify({ folder }), { mode: 0o600 });
      await rename(temporary, path);
    },
  };
}
