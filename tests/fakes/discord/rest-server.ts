import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChannelType } from 'discord.js';
import { snowflake } from './ids.ts';
import { messageJson, threadJson, userJson, type Json } from './payloads.ts';
import { world } from './world.ts';

/** One request the bot made, as the fake received it. Paths are decoded and start after /api/v10. */
export type RecordedRequest = { method: string; path: string; query: URLSearchParams; body: Json | null; at: number; status: number };

/** "POST /channels/:id/messages": a method and a path where `:name` matches one segment. */
export type RoutePattern = string;

type Scripted = { pattern: RegExp; remaining: number; respond: (res: ServerResponse) => void };

/**
 * Discord's REST API, just enough of it: records every request, answers the
 * routes the door uses with plausible objects, and can be told to rate-limit
 * or fail the next requests to a route.
 */
export class FakeRestServer {
  readonly requests: RecordedRequest[] = [];
  gatewayUrl = '';
  private readonly server: Server = createServer((req, res) => void this.handle(req, res));
  private readonly events = new EventEmitter();
  private readonly scripted: Scripted[] = [];
  /** Messages by id, so the bot can fetch what users posted or what it sent. */
  private readonly messages = new Map<string, Json>();

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  remember(message: Json): void {
    this.messages.set(String(message.id), message);
  }

  /** The next `count` requests matching the route get a 429 asking to retry after `retryAfterSeconds`. */
  rateLimitNext(route: RoutePattern, count: number, retryAfterSeconds: number): void {
    this.script(route, count, (res) => {
      const body = { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false };
      res.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': String(retryAfterSeconds),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Date.now() / 1000 + retryAfterSeconds),
        'x-ratelimit-reset-after': String(retryAfterSeconds),
        'x-ratelimit-bucket': 'fake-bucket',
        'x-ratelimit-scope': 'user',
      });
      res.end(JSON.stringify(body));
    });
  }

  /** The next `count` requests matching the route fail with this status and Discord error body. */
  failNext(route: RoutePattern, count: number, status: number, error: { code: number; message: string }): void {
    this.script(route, count, (res) => json(res, status, error));
  }

  /** Resolves with the first request (already made or still to come) matching the route and predicate. */
  waitFor(route: RoutePattern, predicate: (r: RecordedRequest) => boolean = () => true, timeoutMs = 8000): Promise<RecordedRequest> {
    const pattern = compile(route);
    return this.waitUntil((r) => pattern.test(`${r.method} ${r.path}`) && predicate(r), route, timeoutMs);
  }

  waitUntil(matches: (r: RecordedRequest) => boolean, what: string, timeoutMs = 8000): Promise<RecordedRequest> {
    const found = this.requests.find(matches);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.events.off('request', listener);
        reject(new Error(`no ${what} request within ${timeoutMs} ms; saw:\n${this.requests.map((r) => `${r.method} ${r.path}`).join('\n')}`));
      }, timeoutMs);
      const listener = (r: RecordedRequest) => {
        if (!matches(r)) return;
        clearTimeout(timer);
        this.events.off('request', listener);
        resolve(r);
      };
      this.events.on('request', listener);
    });
  }

  matching(route: RoutePattern): RecordedRequest[] {
    const pattern = compile(route);
    return this.requests.filter((r) => pattern.test(`${r.method} ${r.path}`));
  }

  private script(route: RoutePattern, count: number, respond: Scripted['respond']): void {
    this.scripted.push({ pattern: compile(route), remaining: count, respond });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname).replace(/^\/api(\/v\d+)?/, '');
    const raw = await readBody(req);
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path, query: url.searchParams, body: raw ? (JSON.parse(raw) as Json) : null, at: Date.now(), status: 0 };
    this.requests.push(recorded);
    const scripted = this.scripted.find((s) => s.remaining > 0 && s.pattern.test(`${recorded.method} ${path}`));
    if (scripted) {
      scripted.remaining -= 1;
      scripted.respond(res);
    } else {
      this.answer(recorded, res);
    }
    recorded.status = res.statusCode;
    this.events.emit('request', recorded);
  }

  private answer({ method, path, body }: RecordedRequest, res: ServerResponse): void {
    const route = `${method} ${path}`;
    const segments = path.split('/');
    if (route === 'GET /gateway/bot') {
      return json(res, 200, { url: this.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 } });
    }
    if (/^POST \/interactions\/[^/]+\/[^/]+\/callback$/.test(route)) return empty(res);
    if (/^(POST \/webhooks\/[^/]+\/[^/]+|PATCH \/webhooks\/[^/]+\/[^/]+\/messages\/[^/]+)$/.test(route)) {
      return json(res, 200, this.botMessage(`webhook-${segments[3]}`, body));
    }
    if (/^DELETE \/webhooks\//.test(route) || /^POST \/channels\/[^/]+\/typing$/.test(route)) return empty(res);
    if (/^POST \/channels\/[^/]+\/messages$/.test(route)) return json(res, 200, this.botMessage(segments[2]!, body));
    if (/^POST \/channels\/[^/]+\/messages\/[^/]+\/threads$/.test(route)) {
      const thread = threadJson({ id: snowflake(), type: ChannelType.PublicThread, name: String(body?.name ?? 'thread'), parentId: segments[2]! }, world.users.bot, false);
      return json(res, 201, thread);
    }
    if (/^GET \/channels\/[^/]+\/messages\/[^/]+$/.test(route)) {
      const message = this.messages.get(segments[4]!);
      return message ? json(res, 200, message) : json(res, 404, { code: 10008, message: 'Unknown Message' });
    }
    if (route === 'POST /users/@me/channels') {
      const recipient = Object.values(world.users).find((u) => u.id === body?.recipient_id);
      if (!recipient) return json(res, 400, { code: 50035, message: 'Invalid Form Body' });
      return json(res, 200, { id: dmChannelId(recipient.id), type: ChannelType.DM, recipients: [userJson(recipient)], last_message_id: null });
    }
    if (/^PUT \/applications\/[^/]+(\/guilds\/[^/]+)?\/commands$/.test(route)) {
      const commands = Array.isArray(body) ? body : [];
      return json(res, 200, commands.map((c: Json) => ({ ...c, id: snowflake(), application_id: world.applicationId, version: snowflake() })));
    }
    json(res, 404, { code: 0, message: '404: Not Found' });
  }

  private botMessage(channelId: string, body: Json | null): Json {
    const message = messageJson(world.users.bot, channelId, String(body?.content ?? ''), {
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
    });
    this.remember(message);
    return message;
  }
}

/** The DM channel the fake hands out for a user. */
export function dmChannelId(userId: string): string {
  return `8${userId.slice(1)}`;
}

function compile(route: RoutePattern): RegExp {
  const escaped = route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[a-zA-Z]+/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function empty(res: ServerResponse): void {
  res.writeHead(204);
  res.end();
}
