import { once } from 'node:events';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MetricsSource } from '../../src/metrics/merged-metrics.ts';
import type { Logger } from '../../src/log.ts';

/** One readiness condition: true when fine, or a short reason why not. */
export type ReadinessCheck = () => boolean | string | Promise<boolean | string>;

export type OperatorServer = {
  readonly port: number;
  readonly server: Server;
  /** Adds a condition /readyz waits for (knowledge, store, each door). */
  addCheck(name: string, check: ReadinessCheck): void;
  /** Serves a door's endpoint on the same port (Slack's /slack/events). */
  mount(path: string, listener: RequestListener): void;
  /** Stops routing to a door's endpoint (shutdown: new events get 503 so the platform retries elsewhere). */
  unmount(path: string): void;
  /** Marks the process as going away: /readyz says 503 so load balancers stop sending. */
  drain(): void;
  close(): Promise<void>;
};

export type Readiness = { ready: boolean; checks: Record<string, true | string> };

const CHECK_TIMEOUT_MS = 2_000;

async function runCheck(check: ReadinessCheck): Promise<true | string> {
  try {
    const result = await Promise.race([Promise.resolve(check()), new Promise<string>((resolve) => setTimeout(() => resolve('check timed out'), CHECK_TIMEOUT_MS).unref())]);
    return result === true ? true : result === false ? 'not ready' : result;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * The process's one HTTP server on PORT, whichever doors run: /healthz (alive), /readyz (every
 * check passes, else 503 with the failing reasons), /metrics (Prometheus text from the process
 * registry), and the Slack events endpoint when Slack runs in HTTP mode.
 */
export async function startOperatorServer(options: { port: number; host?: string | undefined; registry: MetricsSource; logger: Logger }): Promise<OperatorServer> {
  const checks = new Map<string, ReadinessCheck>();
  const mounts = new Map<string, RequestListener>();
  let draining = false;

  const readiness = async (): Promise<Readiness> => {
    const results: Record<string, true | string> = {};
    if (draining) results['process'] = 'shutting down';
    for (const [name, check] of checks) results[name] = await runCheck(check);
    return { ready: Object.values(results).every((r) => r === true), checks: results };
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const mounted = mounts.get(path);
    if (mounted) return void mounted(req, res);
    if (draining && path.startsWith('/slack/')) return sendJson(res, 503, { error: 'shutting down' });
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, path in ROUTES ? 405 : 404, { error: 'not found' });
    if (path === '/healthz') return sendJson(res, 200, { ok: true });
    if (path === '/readyz') {
      const result = await readiness();
      return sendJson(res, result.ready ? 200 : 503, result);
    }
    if (path === '/metrics') {
      const text = await options.registry.metrics();
      res.writeHead(200, { 'content-type': options.registry.contentType });
      return void res.end(text);
    }
    sendJson(res, 404, { error: 'not found' });
  };

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      options.logger.error({ err: error }, 'operator endpoint failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
    });
  });
  server.listen(options.port, options.host);
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    server,
    addCheck: (name, check) => void checks.set(name, check),
    mount: (path, listener) => void mounts.set(path, listener),
    unmount: (path) => void mounts.delete(path),
    drain: () => {
      draining = true;
    },
    async close() {
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const ROUTES = { '/healthz': true, '/readyz': true, '/metrics': true };
