import { z } from 'zod';
import { sha256Schema } from '../domain/sha256';

// PUT|HEAD /v1/blobs/{sha256}

/** Extension: the PUT reply body. `stored: false` when HQ already held those bytes. */
export const putBlobResponseSchema = z.object({ sha256: sha256Schema, size: z.int().min(0), stored: z.boolean() });
export type PutBlobResponse = z.infer<typeof putBlobResponseSchema>;
