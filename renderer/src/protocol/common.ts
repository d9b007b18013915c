/**
 * The wire contract between a desk and HQ: zod schemas and types for every request and response, one
 * file per endpoint, shared by the desk's main process, its sync engine and the reference HQ
 * (`test/hq/`). The contract imports only the domain and zod, and does no I/O. Extensions beyond the
 * base contract are optional in the response schemas, so a desk parsing them still works with an HQ that
 * implements only the base.
 */
import { z } from 'zod';
import { maxScanBytes } from '../domain/cases/attachmentRef';

export const protocolLimits = {
  maxOpsPerPush: 500,
  /** Of the request body as sent, in bytes. */
  maxPushBytes: 2 * 1024 * 1024,
  maxPullLimit: 500,
  /** An attachment scan; larger bodies get 413. */
  maxBlobBytes: maxScanBytes,
} as const;

/** An integer query parameter, at least `min`. */
export const queryInt = (min: number) => z.coerce.number().pipe(z.int().min(min));
