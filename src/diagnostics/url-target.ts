import { isIP } from 'node:net';
import { unbracket } from './address-policy.ts';

/**
 * Turns the text a user typed into something the bot may request, or says
 * why not. Only web ports are allowed: Cloudflare proxies nothing else, and
 * a URL like http://example.com:6379/ would make the bot a port scanner.
 */

/** Ports Cloudflare proxies (https://developers.cloudflare.com/fundamentals/reference/network-ports/). */
export const ALLOWED_PORTS: ReadonlySet<number> = new Set([
  80, 443, 8080, 8443, 2052, 2053, 2082, 2083, 2086, 2087, 2095, 2096, 8880,
]);

export type UrlTarget = {
  url: URL;
  /** Hostname without IPv6 brackets, as DNS and the IP checks need it. */
  host: string;
  port: number;
  /** Set when the URL names an IP address directly, so no DNS lookup is needed. */
  ipLiteral: boolean;
};

export type UrlTargetResult = { ok: true; target: UrlTarget } | { ok: false; reason: string };

/** Long enough for any real URL; stops someone pasting a page of text into the checker. */
const MAX_URL_LENGTH = 2048;

export function parseUrlTarget(input: string): UrlTargetResult {
  const text = input.trim();
  if (text.length > MAX_URL_LENGTH) return { ok: false, reason: `it is longer than ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'it is not a complete URL (it should start with https://)' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `only http:// and https:// URLs can be checked, not ${url.protocol}` };
  }
  // Credentials in a URL end up in logs and transcripts; refusing them also tells the user not to share them.
  if (url.username || url.password) return { ok: false, reason: 'it contains a username or password' };
  if (!url.hostname) return { ok: false, reason: 'it has no hostname' };
  const host = unbracket(url.hostname);
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  return { ok: true, target: { url, host, port, ipLiteral: isIP(host) !== 0 } };
}

export function isAllowedPort(port: number): boolean {
  return ALLOWED_PORTS.has(port);
}
