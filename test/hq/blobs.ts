import { randomUUID } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '../../renderer/src/domain/sha256';
import type { PutBlobResponse } from '../../renderer/src/protocol/blobs';
import { HttpError } from './http';
import { hqMessages } from './messages';

/** Content-addressed attachment store under `{dataDir}/blobs/ab/abcdef…`. */
export class BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Size of the stored blob, or undefined. */
  async size(sha256: string): Promise<number | undefined> {
    try {
      return (await stat(this.pathOf(sha256))).size;
    } catch {
      return undefined;
    }
  }

  /** Stores bytes under their hash, refusing bytes that do not match it; storing twice changes nothing. */
  async put(sha256: string, body: Buffer): Promise<PutBlobResponse> {
    const actual = await sha256Hex(body);
    if (actual !== sha256) throw new HttpError(422, { error: 'invalid', message: hqMessages.blobHashMismatch });
    if ((await this.size(sha256)) !== undefined) return { sha256, size: body.length, stored: false };
    const path = this.pathOf(sha256);
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
    // Written aside and renamed, so a blob that exists is always whole.
    const temporary = `${path}.${randomUUID()}.part`;
    await writeFile(temporary, body);
    await rename(temporary, path);
    return { sha256, size: body.length, stored: true };
  }
}
