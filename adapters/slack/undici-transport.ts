import { Readable } from 'node:stream';
import type { webApi } from '@slack/bolt';
import { Agent, request, type Dispatcher } from 'undici';

/** @slack/web-api's adapter hook (axios's adapter contract); its types are not re-exported by name. */
type Transport = Extract<NonNullable<webApi.WebClientOptions['adapter']>, (...args: never[]) => unknown>;
type RequestConfig = Parameters<Transport>[0];

/**
 * The Web API client's HTTP transport, over undici instead of axios's node:http adapter.
 *
 * Why: every answer is a chat.postMessage, and measured against the local fake Web API
 * (scratch bench in the closing note of issue 11) one call through the default transport costs
 * about 0.5 ms of CPU, a quarter of the Slack door's whole turn; through this one about 0.3 ms.
 * The client's own behaviour stays: its request queue, its retries, its Retry-After handling on
 * 429 and its `ok: false` errors all run above the transport (WebClientOptions.adapter is
 * @slack/web-api's documented hook for "a pre-configured http client").
 *
 * What the transport must honour, and does: the URL the client built (always SLACK_API_URL plus
 * a method name: allowAbsoluteUrls is off), the method, headers and body it serialised (a form
 * string, or a multipart stream for uploads), its timeout, `responseType: 'arraybuffer'`, and
 * axios's contract of resolving every status (the client sets validateStatus to accept all and
 * reads 429 and non-200 itself). A network failure rejects with `request` set, which the client
 * turns into its own slack_webapi_request_error.
 */
export function undiciTransport(dispatcher: Dispatcher = new Agent({ connections: 64, keepAliveTimeout: 30_000 })): Transport {
  return async (config: RequestConfig) => {
    const url = absoluteUrl(config);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(config.headers.toJSON() as Record<string, unknown>)) {
      if (value === undefined || value === null || value === false) continue;
      // undici does not decompress; asking for identity keeps the body readable as sent.
      if (name.toLowerCase() === 'accept-encoding') continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    const body = requestBody(config.data);
    const timeout = config.timeout && config.timeout > 0 ? config.timeout : undefined;
    try {
      const response = await request(url, {
        method: (config.method ?? 'post').toUpperCase() as Dispatcher.HttpMethod,
        headers,
        body,
        dispatcher,
        ...(config.signal ? { signal: config.signal as AbortSignal } : {}),
        ...(timeout ? { headersTimeout: timeout, bodyTimeout: timeout } : {}),
      });
      const data = config.responseType === 'arraybuffer' ? Buffer.from(await response.body.arrayBuffer()) : await response.body.text();
      return { data, status: response.statusCode, statusText: '', headers: response.headers, config, request: { url } };
    } catch (error) {
      // The client recognises a transport failure by its `request`; its code stays readable.
      throw Object.assign(error instanceof Error ? error : new Error(String(error)), { request: { url }, config });
    }
  };
}

function absoluteUrl(config: RequestConfig): string {
  const target = config.url ?? '';
  if (/^https?:\/\//i.test(target)) return target;
  const base = config.baseURL ?? '';
  return `${base.replace(/\/+$/, '')}/${target.replace(/^\/+/, '')}`;
}

function requestBody(data: unknown): string | Buffer | Readable | undefined {
  if (data === undefined || data === null) return undefined;
  if (typeof data === 'string' || Buffer.isBuffer(data) || data instanceof Readable) return data;
  // form-data's FormData (file uploads) is a stream in the old style: wrap it.
  if (typeof (data as { pipe?: unknown }).pipe === 'function') return new Readable().wrap(data as NodeJS.ReadableStream);
  return JSON.stringify(data);
}
