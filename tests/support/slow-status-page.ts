import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OPERATIONAL_SUMMARY } from '../../src/diagnostics/status-page-fixtures.ts';

/**
 * A Statuspage that takes `delayMs` to answer: a question like "is cloudflare down?" then keeps a
 * real turn in flight that long, on any door, which is what shutdown tests need.
 */
export class SlowStatusPage {
  requests = 0;
  private readonly server: Server;
  private readonly waiters = new Set<() => void>();

  constructor(private readonly delayMs: number) {
    this.server = createServer((_req, res) => {
      this.requests++;
      for (const waiter of [...this.waiters]) waiter();
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(OPERATIONAL_SUMMARY));
      }, this.delayMs);
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves when the next request arrives (a turn is then waiting on the page); call it before causing one. */
  nextRequest(): Promise<void> {
    return new Promise((resolve) => {
      const once = () => {
        this.waiters.delete(once);
        resolve();
      };
      this.waiters.add(once);
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
