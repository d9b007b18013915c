import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient, type DocumentWorkerPort } from '../../../../renderer/src/documents/client';
import { createPdfEngine, type PdfEngine } from '../../../../renderer/src/documents/engine';
import { InvalidDocumentRequestError, MissingGlyphError } from '../../../../renderer/src/documents/errors';
import { nodeFontSource } from '../../../../renderer/src/documents/fonts/nodeFontSource';
import type { GenerateMessage, WorkerReply } from '../../../../renderer/src/documents/protocol';
import { handleGenerateMessage } from '../../../../renderer/src/documents/workerHandler';
import { demoLicence, demoRequests } from '../../../tools/demoDocuments';

let engine: PdfEngine;
beforeAll(async () => {
  engine = await createPdfEngine(nodeFontSource);
});

/**
 * Stands in for the Web Worker: messages go through structuredClone both ways, as postMessage does, and the
 * worker side is the real handler with a real engine.
 */
function inProcessWorker(getEngine: () => Promise<PdfEngine> = async () => engine) {
  const listeners: { message: ((event: MessageEvent<WorkerReply>) => void)[]; error: ((event: ErrorEvent) => void)[] } = { message: [], error: [] };
  const port: DocumentWorkerPort & { crash(message: string): void } = {
    postMessage(message: GenerateMessage) {
      void handleGenerateMessage(structuredClone(message), getEngine).then((reply) => {
        for (const listener of listeners.message) listener({ data: structuredClone(reply) } as MessageEvent<WorkerReply>);
      });
    },
    addEventListener(type: 'message' | 'error', listener: never) {
      (listeners[type] as unknown[]).push(listener);
    },
    crash(message) {
      for (const listener of listeners.error) listener({ message } as ErrorEvent);
    },
  };
  return port;
}

describe('createDocumentClient', () => {
  it('returns the PDF bytes and their SHA-256 from the worker', async () => {
    const client = createDocumentClient(inProcessWorker());
    const document = await client.generateDocument(demoRequests.receipt);
    expect(Buffer.from(document.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(document.sha256).toBe(createHash('sha256').update(document.bytes).digest('hex'));
    expect(document.templateId).toBe('receipt/3');
  });

  it('answers concurrent requests each with its own document', async () => {
    const client = createDocumentClient(inProcessWorker());
    const [licence, notice] = await Promise.all([client.generateDocument(demoRequests.licenceDuplicate), client.generateDocument(demoRequests.acceptanceNotice)]);
    expect([licence.kind, notice.kind]).toEqual(['licenceDuplicate', 'acceptanceNotice']);
  });

  it('rejects with MissingGlyphError naming the character the worker could not print', async () => {
    const client = createDocumentClient(inProcessWorker());
    const failure = client.generateDocument({ ...demoRequests.licenceOriginal, licence: { ...demoLicence, name: '绵阳𱍐祥商贸有限公司' } });
    await expect(failure).rejects.toBeInstanceOf(MissingGlyphError);
    await expect(failure).rejects.toMatchObject({ characters: ['𱍐'] });
  });

  it('rejects with InvalidDocumentRequestError carrying the field paths', async () => {
    const client = createDocumentClient(inProcessWorker());
    const failure = client.generateDocument({ ...demoRequests.receipt, materials: [] });
    await expect(failure).rejects.toBeInstanceOf(InvalidDocumentRequestError);
    await expect(failure).rejects.toMatchObject({ issues: [expect.objectContaining({ path: 'materials' })] });
  });

  it('reports an engine that could not start (fonts unavailable) as a failure, in Chinese', async () => {
    const client = createDocumentClient(inProcessWorker(async () => Promise.reject(new Error('HTTP 404 NotoSerifSC'))));
    await expect(client.generateDocument(demoRequests.receipt)).rejects.toThrow('文书生成失败：HTTP 404 NotoSerifSC');
  });

  it('rejects everything in flight when the worker itself fails', async () => {
    const port = inProcessWorker(() => new Promise(() => {}));
    const client = createDocumentClient(port);
    const first = client.generateDocument(demoRequests.receipt);
    const second = client.generateDocument(demoRequests.acceptanceNotice);
    port.crash('worker script failed to load');
    await expect(first).rejects.toThrow('文书生成失败：worker script failed to load');
    await expect(second).rejects.toThrow('文书生成失败：worker script failed to load');
  });
});
