import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { appOrigin, createAppRequestHandler } from '../../../electron/main/security/appProtocol';

export const builtRendererDir = resolve(__dirname, '../../../out/renderer');

export interface RendererServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer on 127.0.0.1 through the very handler the app registers for app://, so the
 * CSP header and the traversal guard under test are the shipped ones.
 */
export async function startRendererServer(rootDir = builtRendererDir): Promise<RendererServer> {
  const handle = createAppRequestHandler(rootDir, (path) => readFile(path));
  const server: Server = createServer((req, res) => {
    void handle(new Request(`${appOrigin}${req.url ?? '/'}`)).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
