import type { GeneratedDocument } from './generateDocument';

/**
 * Messages between the renderer and the document Web Worker. Requests are validated inside the worker
 * (it is the boundary that parses them); replies carry the PDF bytes as a transferred buffer.
 */
export interface GenerateMessage {
  id: number;
  request: unknown;
}

export type WorkerFailure =
  | { kind: 'missingGlyph'; characters: string[]; message: string }
  | { kind: 'invalidRequest'; issues: { path: string; message: string }[]; message: string }
  | { kind: 'failed'; message: string };

export type WorkerReply = { id: number; ok: true; document: GeneratedDocument } | { id: number; ok: false; failure: WorkerFailure };
