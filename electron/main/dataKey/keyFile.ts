import { readFileIfPresent, writePrivateFile } from '../privateFile';

/** Where the wrapped data key lives: a file in userData in the app, memory in the end-to-end harness. */
export interface KeyFile {
  /** The file's bytes, or null when there is none yet. */
  read(): Promise<Uint8Array | null>;
  write(bytes: Uint8Array): Promise<void>;
  /**
   * Keeps a copy of the current bytes under a name of their own (`<name>.replaced-<tag>.json`), before
   * they are written over; nothing when there is no file.
   */
  keepCopy(tag: string): Promise<void>;
}

/** The name a copy kept by `keepCopy` goes under, beside the file. */
export function keptCopyPath(path: string, tag: string): string {
  return `${path.replace(/\.json$/, '')}.replaced-${tag}.json`;
}

/** A file readable by this OS account only, replaced whole so a crash never leaves half a key. */
export function diskKeyFile(path: string): KeyFile {
  return {
    read: () => readFileIfPresent(path),
    write: (bytes) => writePrivateFile(path, bytes),
    async keepCopy(tag) {
      const bytes = await readFileIfPresent(path);
      if (bytes !== null) await writePrivateFile(keptCopyPath(path, tag), bytes);
    },
  };
}

/** Kept in memory only (the end-to-end harness, tests); `copies` are what `keepCopy` kept, by tag. */
export function memoryKeyFile(initial: Uint8Array | null = null): KeyFile & { copies: Map<string, Uint8Array> } {
  let current = initial;
  const copies = new Map<string, Uint8Array>();
  return {
    copies,
    read: async () => current,
    write: async (bytes) => {
      current = Uint8Array.from(bytes);
    },
    keepCopy: async (tag) => {
      if (current !== null) copies.set(tag, Uint8Array.from(current));
    },
  };
}
