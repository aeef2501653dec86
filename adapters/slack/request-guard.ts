import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { isValidSlackRequest, type HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../../src/log.ts';

/** Slack's own payloads are a few KB; a view submission with blocks stays far below this. */
export const MAX_SLACK_BODY_BYTES = 1024 * 1024;
/** Bolt refuses timestamps older than this; a request from the future is refused the same way. */
const MAX_CLOCK_SKEW_S = 5 * 60;

export type RequestGuardOptions = { signingSecret: string; logger: Logger; maxBodyBytes?: number; now?: () => number };

type Refusal = { status: 400 | 401 | 413 };

/** How long a refused client may keep sending before its connection is cut. */
const DRAIN_GRACE_MS = 1000;

function refuse(req: IncomingMessage, res: ServerResponse, status: number): void {
  res.writeHead(status, { connection: 'close' });
  // The rest of the body is discarded, never buffered; a client still sending after a grace
  // period is cut off. Closing at once would reset the socket before many clients read the 413.
  res.end(() => setTimeout(() => req.destroy(), DRAIN_GRACE_MS).unref());
  req.resume();
}

/** The body, read up to the limit; undefined (and nothing more read) once it is over. */
function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Whether Bolt can read this body without tripping: a JSON object, or a form whose `payload`, if any, is a JSON object. */
function isReadableBody(raw: string, contentType: string | undefined): boolean {
  const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const form = parseQuery(raw);
      return typeof form.payload === 'string' ? isObject(JSON.parse(form.payload)) : Object.keys(form).length > 0;
    }
    return isObject(JSON.parse(raw));
  } catch {
    return false;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

async function check(req: IncomingMessage, options: Required<RequestGuardOptions>): Promise<Refusal | Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > options.maxBodyBytes) return { status: 413 };
  const body = await readLimited(req, options.maxBodyBytes);
  if (!body) return { status: 413 };
  const timestamp = Number(header(req, 'x-slack-request-timestamp'));
  if (Number.isFinite(timestamp) && timestamp - Math.floor(options.now() / 1000) > MAX_CLOCK_SKEW_S) return { status: 401 };
  const raw = body.toString('utf8');
  if (!isReadableBody(raw, header(req, 'content-type'))) {
    const signature = header(req, 'x-slack-signature');
    const signed = signature !== undefined && isValidSlackRequest({ signingSecret: options.signingSecret, body: raw, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp } });
    // Only Slack may learn that its body was malformed; anyone else is simply not Slack.
    return { status: signed ? 400 : 401 };
  }
  return body;
}

/**
 * A front for Bolt's HTTPReceiver: bodies over 1 MB get 413 before they are read in full,
 * timestamps more than 5 minutes ahead get 401, and a body Bolt cannot read (a signed `null`,
 * which crashes the process inside Bolt around ssl_check) gets 400. Everything else goes to Bolt
 * unchanged, with the body already buffered so Bolt does not read it again.
 */
export function guardSlackRequests(receiver: HTTPReceiver, options: RequestGuardOptions): void {
  const settings: Required<RequestGuardOptions> = { maxBodyBytes: MAX_SLACK_BODY_BYTES, now: Date.now, ...options };
  const bolt: RequestListener = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    if (req.method !== 'POST') {
      bolt(req, res);
      return;
    }
    check(req, settings)
      .then((outcome) => {
        if (!Buffer.isBuffer(outcome)) {
          settings.logger.warn({ status: outcome.status, path: req.url }, 'Slack request refused before Bolt');
          refuse(req, res, outcome.status);
          return;
        }
        // Bolt reuses a body that is already buffered (BufferedIncomingMessage.rawBody).
        Object.assign(req, { rawBody: outcome });
        bolt(req, res);
      })
      .catch((error: unknown) => {
        settings.logger.warn({ err: error }, 'reading a Slack request failed');
        if (!res.headersSent) refuse(req, res, 400);
      });
  };
}
