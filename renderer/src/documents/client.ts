import { InvalidDocumentRequestError, MissingGlyphError } from './errors';
import type { GeneratedDocument } from './generateDocument';
import { documentMessages } from './messages';
import type { GenerateMessage, WorkerFailure, WorkerReply } from './protocol';
import type { DocumentRequestInput } from './schemas';

/** The part of a Worker the client uses; a test can stand in for it. */
export interface DocumentWorkerPort {
  postMessage(message: GenerateMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerReply>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
}

export interface DocumentClient {
  /** Resolves with the PDF bytes and their SHA-256; rejects with MissingGlyphError, InvalidDocumentRequestError or Error. */
  generateDocument(request: DocumentRequestInput): Promise<GeneratedDocument>;
}

function toError(failure: WorkerFailure): Error {
  switch (failure.kind) {
    case 'missingGlyph':
      return new MissingGlyphError(failure.characters);
    case 'invalidRequest':
      return new InvalidDocumentRequestError(failure.issues);
    case 'failed':
      return new Error(documentMessages.errors.workerFailed(failure.message));
  }
}

export function createDocumentClient(port: DocumentWorkerPort): DocumentClient {
  let nextId = 1;
  const pending = new Map<number, { resolve: (document: GeneratedDocument) => void; reject: (error: Error) => void }>();
  port.addEventListener('message', (event) => {
    const reply = event.data;
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.document);
    else waiter.reject(toError(reply.failure));
  });
  // The worker script itself failed (e.g. could not load): nothing in flight will ever be answered.
  port.addEventListener('error', (event) => {
    const error = new Error(documentMessages.errors.workerFailed(event.message));
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });
  return {
    generateDocument(request) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        port.postMessage({ id, request });
      });
    },
  };
}

let sharedClient: DocumentClient | null = null;

/** The app's one document worker. Call early (e.g. after sign-in) so the fonts are open before the first print. */
export function startDocumentWorker(): DocumentClient {
  sharedClient ??= createDocumentClient(new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'documents' }));
  return sharedClient;
}

/** Generates a document in the app's document worker, starting it if need be. */
export function generateDocument(request: DocumentRequestInput): Promise<GeneratedDocument> {
  return startDocumentWorker().generateDocument(request);
}
