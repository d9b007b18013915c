import { createPdfEngine, type PdfEngine } from './engine';
import { browserFontSource } from './fonts/browserFontSource';
import type { GenerateMessage, WorkerReply } from './protocol';
import { handleGenerateMessage } from './workerHandler';

/**
 * Web Worker entry: documents are generated off the UI thread. The engine (fonts parsed, subsetter loaded)
 * is created on the first request and kept for the life of the worker; a failed start is retried next time.
 */
let engine: Promise<PdfEngine> | null = null;

function getEngine(): Promise<PdfEngine> {
  engine ??= createPdfEngine(browserFontSource).catch((error: unknown) => {
    engine = null;
    throw error;
  });
  return engine;
}

/** The worker global this file uses (the project's lib is DOM, whose `self` is a Window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<GenerateMessage>) => void) | null;
  postMessage(message: WorkerReply, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
// Start opening the fonts as soon as the worker exists; a failure surfaces (and is retried) on the first request.
getEngine().catch(() => undefined);
scope.onmessage = async (event: MessageEvent<GenerateMessage>) => {
  const reply: WorkerReply = await handleGenerateMessage(event.data, getEngine);
  scope.postMessage(reply, reply.ok ? [reply.document.bytes.buffer] : []);
};
