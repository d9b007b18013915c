import type { PdfEngine } from './engine';
import { InvalidDocumentRequestError, MissingGlyphError } from './errors';
import { generateDocument } from './generateDocument';
import type { GenerateMessage, WorkerFailure, WorkerReply } from './protocol';

function toFailure(error: unknown): WorkerFailure {
  if (error instanceof MissingGlyphError) return { kind: 'missingGlyph', characters: [...error.characters], message: error.message };
  if (error instanceof InvalidDocumentRequestError) return { kind: 'invalidRequest', issues: [...error.issues], message: error.message };
  return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
}

/** The worker's whole job, kept free of worker globals so Node tests can drive it. */
export async function handleGenerateMessage(message: GenerateMessage, engine: () => Promise<PdfEngine>): Promise<WorkerReply> {
  try {
    return { id: message.id, ok: true, document: await generateDocument(message.request, await engine()) };
  } catch (error) {
    return { id: message.id, ok: false, failure: toFailure(error) };
  }
}
