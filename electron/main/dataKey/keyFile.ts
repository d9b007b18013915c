import { readFileIfPresent, writePrivateFile } from '../privateFile';

/** Where the wrapped data key lives: a file in userData in the app, memory in the end-to-end harness. */
export interface KeyFile {
  /** The file's bytes, or null when there is none yet. */
  read(): Promise<Uint8Array | null>;
  write(bytes: Uint8Array): Promise<void>;
}

/** A file readable by this OS account only, replaced whole so a crash never leaves half a key. */
export function diskKeyFile(path: string): KeyFile {
  return { read: () => readFileIfPresent(path), write: (bytes) => writePrivateFile(path, bytes) };
}

/** Kept in memory only (the end-to-end harness, tests). */
export function memoryKeyFile(initial: Uint8Array | null = null): KeyFile {
  let current = initial;
  return {
    read: async () => current,
    write: async (bytes) => {
      current = Uint8Array.from(bytes);
    },
  };
}
