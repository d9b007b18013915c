import { hqEnrolmentSchema, type HqEnrolment } from '../../ipc/hq';
import { readFileIfPresent, writePrivateFile } from '../privateFile';

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
      const bytes = await readFileIfPresent(path);
      if (bytes === null) return null;
      let raw: unknown;
      try {
        raw = JSON.parse(bytes.toString('utf8'));
      } catch {
        return null;
      }
      const parsed = hqEnrolmentSchema.safeParse(raw);
      return parsed.success ? parsed.data : null;
    },
    write: (enrolment) => writePrivateFile(path, JSON.stringify(hqEnrolmentSchema.parse(enrolment), null, 2)),
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
