import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '../../renderer/src/domain/sha256';
import type { PutBlobResponse } from '../../renderer/src/protocol/blobs';
import { HttpError } from './http';
import { hqMessages } from './messages';

/**
 * Content-addressed attachment store under `{dataDir}/blobs/ab/abcdef…`. Beside each blob, an empty
 * marker `abcdef….hall.FC` per hall whose desks uploaded it, so a desk fetches back only its hall's
 * blobs (a blob stored before the markers has none and is served to any desk).
 */
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

  private hallMarkerOf(sha256: string, hallCode: string): string {
    return `${this.pathOf(sha256)}.hall.${encodeURIComponent(hallCode)}`;
  }

  /** The bytes for a desk of `hallCode`: undefined when not stored, or uploaded only by other halls. */
  async read(sha256: string, hallCode: string): Promise<Buffer | undefined> {
    if ((await this.size(sha256)) === undefined) return undefined;
    const markers = (await readdir(join(this.root, sha256.slice(0, 2)))).filter((name) => name.startsWith(`${sha256}.hall.`));
    if (markers.length > 0 && !markers.includes(`${sha256}.hall.${encodeURIComponent(hallCode)}`)) return undefined;
    return readFile(this.pathOf(sha256));
  }

  /** Stores bytes under their hash, refusing bytes that do not match it; storing twice changes nothing but the hall's mark. */
  async put(sha256: string, body: Buffer, hallCode: string): Promise<PutBlobResponse> {
    const actual = await sha256Hex(body);
    if (actual !== sha256) throw new HttpError(422, { error: 'invalid', message: hqMessages.blobHashMismatch });
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
    await writeFile(this.hallMarkerOf(sha256, hallCode), '');
    if ((await this.size(sha256)) !== undefined) return { sha256, size: body.length, stored: false };
    const path = this.pathOf(sha256);
    // Written aside and renamed, so a blob that exists is always whole.
    const temporary = `${path}.${randomUUID()}.part`;
    await writeFile(temporary, body);
    await rename(temporary, path);
    return { sha256, size: body.length, stored: true };
  }
}
