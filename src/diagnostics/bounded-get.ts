import type { IncomingHttpHeaders } from 'node:http';
import { type Dispatcher, request } from 'undici';
import { readLimitedBody } from './read-limited-body.ts';

/**
 * One GET as the URL check makes it: through the pinned agent, never
 * following redirects, identity encoding (so markers in the body are
 * readable without inflating anything), body capped at `maxBytes`.
 */

export type BoundedResponse = {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
  truncated: boolean;
};

export type BoundedGetOptions = {
  dispatcher: Dispatcher;
  signal: AbortSignal;
  userAgent: string;
  maxBytes: number;
};

export async function boundedGet(url: URL, options: BoundedGetOptions): Promise<BoundedResponse> {
  const response = await request(url, {
    method: 'GET',
    dispatcher: options.dispatcher,
    signal: options.signal,
    headers: {
      'user-agent': options.userAgent,
      accept: 'text/html,text/plain;q=0.9,*/*;q=0.5',
      'accept-encoding': 'identity',
    },
  });
  const { text, truncated } = await readLimitedBody(response.body, options.maxBytes);
  return { status: response.statusCode, headers: response.headers, body: text, truncated };
}
