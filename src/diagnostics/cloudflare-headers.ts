import type { IncomingHttpHeaders } from 'node:http';

/**
 * What a response's headers say about Cloudflare. Every response that
 * passes through Cloudflare's proxy carries a `cf-ray` header and
 * `server: cloudflare`; the Ray ID's suffix names the data center.
 */

export type CloudflareHeaders = {
  viaCloudflare: boolean;
  cfRay?: string;
  colo?: string;
  /** `cf-mitigated: challenge`: Cloudflare served a browser challenge instead of the page. */
  challenged: boolean;
};

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() || undefined;
}

const RAY_WITH_COLO = /^[0-9a-f]{16}-([A-Z]{3})$/i;

export function readCloudflareHeaders(headers: IncomingHttpHeaders): CloudflareHeaders {
  const cfRay = headerValue(headers, 'cf-ray');
  const server = headerValue(headers, 'server')?.toLowerCase();
  const colo = cfRay ? RAY_WITH_COLO.exec(cfRay)?.[1]?.toUpperCase() : undefined;
  return {
    viaCloudflare: cfRay !== undefined || server === 'cloudflare',
    ...(cfRay ? { cfRay } : {}),
    ...(colo ? { colo } : {}),
    challenged: headerValue(headers, 'cf-mitigated')?.toLowerCase() === 'challenge',
  };
}
