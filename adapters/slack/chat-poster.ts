import { interceptors, request, type Dispatcher } from 'undici';

/** One chat.postMessage body, as Slack's Web API reads it in JSON. */
export type ChatMessage = {
  channel: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
  link_names: false;
  unfurl_links: false;
  unfurl_media: false;
};

/** Slack answered `ok: false` (channel_not_found, not_in_channel, …): the same shape the Web API client throws. */
export class SlackPlatformError extends Error {
  readonly code = 'slack_webapi_platform_error';
  constructor(
    readonly method: string,
    readonly data: { ok: false; error: string },
  ) {
    super(`An API error occurred: ${data.error}`);
    this.name = 'SlackPlatformError';
  }
}

export type ChatPosterOptions = {
  /** SLACK_API_URL with its trailing slash (https://slack.com/api/ by default). */
  apiUrl: string;
  token: string;
  /** The door's keep-alive pool. */
  dispatcher: Dispatcher;
  /** Retries after a 429, a 5xx or a dropped connection; a 429 waits its Retry-After and counts as one. */
  retries: number;
  /** The first back-off after a 5xx or a dropped connection; it doubles up to `maxBackoffMs`. */
  minBackoffMs: number;
  maxBackoffMs: number;
  /** Heard before each wait a 429 asked for. */
  onRateLimited?: (seconds: number) => void;
};

/** Answers must not wait for Slack longer than this per attempt. */
const ATTEMPT_TIMEOUT_MS = 10_000;
/** A Retry-After beyond this is not waited out: an answer that late is worse than a logged failure. */
const MAX_RATE_LIMIT_WAIT_MS = 60_000;
const RETRIED_STATUS = [429, 500, 502, 503, 504];
const RETRIED_ERRORS = ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT'];

/**
 * chat.postMessage, the one Web API call every answer makes, sent as JSON straight over undici.
 *
 * Why not the Web API client: measured in `npm run bench:slack`'s profile, a post through it
 * spends most of its CPU in the client's request pipeline (axios config merging, form encoding of
 * the JSON blocks, its queue), about 0.3 ms of the door's ~1.8 ms per event, against ~0.1 ms here.
 * Every other call (auth.test, chat.update, views.open, …) still goes through Bolt's client.
 *
 * What the client gave and this keeps: the bearer token, Slack's `ok: false` as a thrown platform
 * error, and retries, which are undici's own retry interceptor. This file only decides the
 * policy: a 429 waits what its Retry-After says (and is reported to the metrics), a 5xx or a
 * dropped connection backs off exponentially, and nothing is retried past `retries` attempts.
 */
export function createChatPoster(options: ChatPosterOptions): (message: ChatMessage) => Promise<void> {
  const url = `${options.apiUrl}chat.postMessage`;
  const headers = { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${options.token}` };
  const dispatcher = options.dispatcher.compose(
    interceptors.retry({
      // Only these statuses reach `retry` at all; the interceptor's `methods` and `errorCodes`
      // belong to its default policy, which this one replaces, so errors are checked here.
      statusCodes: RETRIED_STATUS,
      retry: (error, { state }, callback) => {
        const { statusCode, code, headers: responseHeaders } = error as Error & { statusCode?: number; code?: string; headers?: Record<string, string | string[] | undefined> };
        const retriable = statusCode !== undefined || (code !== undefined && RETRIED_ERRORS.includes(code));
        if (!retriable || state.counter > options.retries) return callback(error);
        const waitMs = statusCode === 429 ? retryAfterMs(responseHeaders?.['retry-after']) : Math.min(options.minBackoffMs * 2 ** (state.counter - 1), options.maxBackoffMs);
        if (waitMs === undefined) return callback(error);
        if (statusCode === 429) options.onRateLimited?.(waitMs / 1000);
        setTimeout(() => callback(null), waitMs).unref();
      },
    }),
  );
  return async (message) => {
    const response = await request(url, { method: 'POST', dispatcher, headers, body: JSON.stringify(message), headersTimeout: ATTEMPT_TIMEOUT_MS, bodyTimeout: ATTEMPT_TIMEOUT_MS });
    const data = parsedReply(await response.body.text());
    if (data.ok !== true) throw new SlackPlatformError('chat.postMessage', { ok: false, error: data.error ?? `http_${response.statusCode}` });
  };
}

function parsedReply(text: string): { ok?: boolean; error?: string } {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as { ok?: boolean; error?: string }) : {};
  } catch {
    return {};
  }
}

/** Retry-After in ms (seconds, as Slack sends it; 1 s when missing or unreadable); undefined when too long to wait. */
function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const seconds = Number(Array.isArray(header) ? header[0] : header);
  if (!Number.isFinite(seconds) || seconds < 0) return 1000;
  const ms = seconds * 1000;
  return ms > MAX_RATE_LIMIT_WAIT_MS ? undefined : ms;
}
