import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call as the fake saw it; `blocks`, `view` and other JSON fields already decoded. */
export type RecordedCall = { method: string; token: string | undefined; body: Record<string, unknown>; at: number; result: Record<string, unknown> };
/** One POST to a response_url (respond() in Bolt). */
export type RecordedResponse = { hook: string; body: Record<string, unknown>; at: number };

export const FAKE_BOT_TOKEN = 'xoxb-fake-bot-token';
export const FAKE_BOT_USER_ID = 'UBOT';
export const FAKE_APP_TOKEN = 'xapp-fake-app-token';

const JSON_FIELDS = new Set(['blocks', 'view', 'attachments', 'metadata']);

function decodeForm(raw: string): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  }
  return body;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return {};
  return (req.headers['content-type'] ?? '').includes('application/json') ? (JSON.parse(raw) as Record<string, unknown>) : decodeForm(raw);
}

/**
 * A local stand-in for slack.com/api: form-encoded POST /api/<method> with a
 * Bearer token, answered like Slack would, every call recorded. Also serves
 * response_urls at /hooks/<name>. Listens on 127.0.0.1 only.
 */
export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  readonly responses: RecordedResponse[] = [];
  private server: Server | undefined;
  private port = 0;
  private nextTs = 1_700_000_100;
  private readonly rateLimits = new Map<string, { remaining: number; retryAfterSeconds: number }>();
  private readonly failures = new Map<string, string>();
  private readonly waiters = new Set<() => void>();
  /** What apps.connections.open hands out; set by a FakeSocketMode. */
  socketModeUrl: string | undefined;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error: String(error) }));
      });
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The SLACK_API_URL to configure. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A response_url for an interaction or command payload. */
  responseUrl(name: string): string {
    return `http://127.0.0.1:${this.port}/hooks/${name}`;
  }

  /** The next `times` calls to `method` get HTTP 429 with Retry-After. */
  rateLimitNext(method: string, times: number, retryAfterSeconds: number): void {
    this.rateLimits.set(method, { remaining: times, retryAfterSeconds });
  }

  /** Every call to `method` answers `{ ok: false, error }` until cleared with undefined. */
  failWith(method: string, error: string | undefined): void {
    if (error) this.failures.set(method, error);
    else this.failures.delete(method);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  responsesTo(hook: string): RecordedResponse[] {
    return this.responses.filter((response) => response.hook === hook);
  }

  /** Resolves with the first recorded item matching, waiting up to `timeoutMs` for it to arrive. */
  async waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 5_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`Timed out waiting for ${what}. Calls seen: ${this.calls.map((c) => c.method).join(', ') || 'none'}; hooks: ${this.responses.map((r) => r.hook).join(', ') || 'none'}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.add(done);
      });
    }
  }

  waitForCall(method: string, matches: (call: RecordedCall) => boolean = () => true, timeoutMs?: number): Promise<RecordedCall> {
    return this.waitFor(() => this.callsTo(method).find(matches), `a ${method} call`, timeoutMs);
  }

  waitForResponse(hook: string, matches: (response: RecordedResponse) => boolean = () => true): Promise<RecordedResponse> {
    return this.waitFor(() => this.responsesTo(hook).find(matches), `a response to ${hook}`);
  }

  private notify(): void {
    for (const wake of [...this.waiters]) {
      this.waiters.delete(wake);
      wake();
    }
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const body = await readBody(req);
    if (path.startsWith('/hooks/')) {
      this.responses.push({ hook: path.slice('/hooks/'.length), body, at: Date.now() });
      this.notify();
      this.send(res, 200, { ok: true });
      return;
    }
    const method = path.startsWith('/api/') ? path.slice('/api/'.length) : undefined;
    if (req.method !== 'POST' || !method) {
      this.send(res, 404, { ok: false, error: 'unknown_method' });
      return;
    }
    const limit = this.rateLimits.get(method);
    if (limit && limit.remaining > 0) {
      limit.remaining -= 1;
      this.send(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(limit.retryAfterSeconds) });
      return;
    }
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
    // Socket Mode opens its connection with the app-level token; everything else uses the bot token.
    const expectedToken = method === 'apps.connections.open' ? FAKE_APP_TOKEN : FAKE_BOT_TOKEN;
    const failure = token !== expectedToken ? 'invalid_auth' : this.failures.get(method);
    const result = failure ? { ok: false, error: failure } : this.answer(method, body);
    this.calls.push({ method, token, body, at: Date.now(), result });
    this.notify();
    this.send(res, 200, result);
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'cfbot', team_id: 'T1', user_id: FAKE_BOT_USER_ID, bot_id: 'BBOT' };
      case 'chat.postMessage': {
        const ts = `${(this.nextTs += 1)}.000100`;
        return { ok: true, channel: body['channel'], ts, message: { type: 'message', user: FAKE_BOT_USER_ID, text: body['text'], blocks: body['blocks'], ts, thread_ts: body['thread_ts'] } };
      }
      case 'apps.connections.open':
        return this.socketModeUrl ? { ok: true, url: this.socketModeUrl } : { ok: false, error: 'socket_mode_not_enabled' };
      case 'chat.update':
        return { ok: true, channel: body['channel'], ts: body['ts'], text: body['text'] };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${(this.nextTs += 1)}.000200` };
      case 'views.open':
      case 'views.publish':
        return { ok: true, view: { id: 'V1', ...(body['view'] as Record<string, unknown>) } };
      default:
        return { ok: true };
    }
  }
}
