import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { hqEnrolmentSchema, type HqEnrolment } from '../../ipc/hq';

/** Where the desk keeps its HQ enrolment (URL, hall, desk, desk id): not secret, so plain JSON. */
export interface HqSettingsStore {
  /** The enrolment, or null when there is none (or the file is damaged: the admin enrols again). */
  read(): Promise<HqEnrolment | null>;
  write(enrolment: HqEnrolment): Promise<void>;
}

/** A JSON file (in userData in the app), replaced whole by rename so a crash never leaves half a file. */
export function jsonFileSettingsStore(path: string): HqSettingsStore {
  return {
    async read() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        return null;
      }
      const parsed = hqEnrolmentSchema.safeParse(raw);
      return parsed.success ? parsed.data : null;
    },
    async write(enrolment) {
      await mkdir(dirname(path), { recursive: true });
      const temporary = `${path}.${randomUUID()}.tmp`;
      await writeFile(temporary, JSON.stringify(hqEnrolmentSchema.parse(enrolment), null, 2), { mode: 0o600 });
      await rename(temporary, path);
    },
  };
}

/** Kept in memory only (the end-to-end harness, tests). */
export function memorySettingsStore(initial: HqEnrolment | null = null): HqSettingsStore {
  let current = initial;
  return {
    read: async () => current,
    write: async (enrolment) => {
      current = hqEnrolmentSchema.parse(enrolment);
    },
  };
}
