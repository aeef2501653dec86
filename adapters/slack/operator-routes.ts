import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { CustomRoute } from '@slack/bolt';
import type { SlackMetrics } from './metrics.ts';

/** Served by the same server as /slack/events, so one PORT covers the door and its probes. */
export function operatorRoutes(metrics: SlackMetrics): CustomRoute[] {
  return [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true }));
      },
    },
    {
      path: '/metrics',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        res.end(metrics.toText());
      },
    },
  ];
}

/**
 * Socket Mode has no events endpoint, but operators still probe /healthz and
 * /metrics on PORT; this serves the same routes on a plain server we control
 * (host included, which Bolt's Socket Mode route server does not offer).
 */
export async function serveOperatorRoutes(routes: CustomRoute[], port: number, host?: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = routes.find((candidate) => candidate.path === path && [candidate.method].flat().includes(req.method ?? 'GET'));
    if (route) {
      route.handler(Object.assign(req, { params: {} }), res);
      return;
    }
    res.writeHead(404).end();
  });
  server.listen(port, host);
  await once(server, 'listening');
  return server;
}
