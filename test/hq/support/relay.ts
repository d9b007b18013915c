import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A window's network between its desk and HQ: an HTTP relay that forwards every request to `target` until
 * it is cut. Cut, it drops each connection without an answer (as a pulled cable or a dead switch does, the
 * desk's HQ client sees a network error, not an HTTP status) and breaks the requests already in flight.
 * Restored, it forwards again on the same address, so the desk enrolled through it needs no change.
 */
export class Relay {
  private server: Server | undefined;
  private cutOff = false;
  private readonly open = new Set<Socket>();

  constructor(private readonly target: string) {}

  async start(): Promise<this> {
    const server = createServer((incoming, outgoing) => this.forward(incoming, outgoing));
    server.on('connection', (socket) => {
      if (this.cutOff) {
        socket.destroy();
        return;
      }
      this.open.add(socket);
      socket.on('close', () => this.open.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    return this;
  }

  /** The address the desk enrols with instead of HQ's. */
  get url(): string {
    if (this.server === undefined) throw new Error('The relay is not running');
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get isCut(): boolean {
    return this.cutOff;
  }

  /** The network goes down: open connections break, new ones are dropped. */
  cut(): void {
    this.cutOff = true;
    for (const socket of this.open) socket.destroy();
    this.open.clear();
  }

  restore(): void {
    this.cutOff = false;
  }

  async stop(): Promise<void> {
    this.cut();
    const server = this.server;
    this.server = undefined;
    if (server !== undefined) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private forward(incoming: IncomingMessage, outgoing: ServerResponse): void {
    const target = new URL(incoming.url ?? '/', this.target);
    const upstream = request(target, { method: incoming.method, headers: { ...incoming.headers, host: target.host } }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    // HQ itself unreachable behind a working network: the relay answers as a gateway would.
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502).end();
      else outgoing.destroy();
    });
    incoming.pipe(upstream);
  }
}
