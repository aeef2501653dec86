import type { AddressKind } from './address-policy.ts';
import { cloudflareErrorMeaning } from './cloudflare-error-meanings.ts';
import type { NetworkProblem } from './network-problem.ts';
import type { UrlCheckResult } from './url-check-schema.ts';

/**
 * The one sentence a user reads after a URL check. Each names the URL, what
 * came back, and, where it matters, whose side the problem is on: a
 * Cloudflare-drawn error page and an origin error need different fixes.
 */

const KIND_PHRASES: Record<Exclude<AddressKind, 'public'>, string> = {
  unspecified: 'an unspecified address',
  loopback: 'a loopback (localhost) address',
  private: 'a private network address',
  'link-local': 'a link-local address (such as a cloud metadata service)',
  cgnat: 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  'unique-local': 'a private IPv6 (unique local) address',
  reserved: 'a reserved, non-public address',
};

export function invalidUrlMessage(input: string, reason: string): string {
  const shown = input.length > 80 ? `${input.slice(0, 77)}...` : input;
  return `I can't check "${shown}": ${reason}.`;
}

export function blockedAddressMessage(url: string, address: string, kind: Exclude<AddressKind, 'public'>): string {
  return `I won't check ${url}: it points to ${KIND_PHRASES[kind]} (${address}), and the bot only connects to public addresses.`;
}

export function dnsFailedMessage(url: string, host: string, reason: string): string {
  return `${url} could not be checked: the hostname ${host} did not resolve (${reason}).`;
}

export function networkProblemMessage(url: string, { problem, detail }: NetworkProblem, timeoutMs: number): string {
  switch (problem) {
    case 'timeout':
      return `${url} did not answer within ${timeoutMs / 1000} s.`;
    case 'connection-refused':
      return `${url} refused the connection: nothing is accepting connections on that port.`;
    case 'tls-error':
      return `${url} failed the TLS (HTTPS) handshake: ${detail}.`;
    case 'too-large':
      return `${url} sent response headers larger than the bot will read.`;
    case 'dns-failed':
      return `${url} could not be checked: its hostname did not resolve (${detail}).`;
    case 'network-error':
      return `${url} could not be fetched: ${detail}.`;
  }
}

type ResponseFacts = Pick<
  UrlCheckResult,
  'url' | 'viaCloudflare' | 'cfRay' | 'colo' | 'branded' | 'errorCode' | 'challenged' | 'redirectTo'
> & { status: number };

function rayNote({ cfRay, colo }: ResponseFacts): string {
  if (cfRay) return cfRay.endsWith(`-${colo}`) || !colo ? ` (Ray ${cfRay})` : ` (Ray ${cfRay}, data center ${colo})`;
  return colo ? ` (data center ${colo})` : '';
}

export function responseMessage(facts: ResponseFacts): string {
  const { url, status, viaCloudflare, errorCode } = facts;
  const ray = rayNote(facts);
  if (facts.redirectTo) {
    const cf = viaCloudflare ? `; it is served through Cloudflare${ray}` : '';
    return `${url} redirects (HTTP ${status}) to ${facts.redirectTo}; the bot reports redirects without following them${cf}.`;
  }
  if (facts.challenged) {
    return `${url} answered HTTP ${status} with a Cloudflare challenge page${ray}: the site is up, but its security settings ask visitors to prove they are human, so the bot cannot see the page itself.`;
  }
  if (!viaCloudflare) {
    return status < 400
      ? `${url} returned HTTP ${status} and is not served through Cloudflare (no cf-ray header).`
      : `${url} returned HTTP ${status} directly from its server; it is not served through Cloudflare (no cf-ray header).`;
  }
  if (status < 400) return `${url} returned HTTP ${status} through Cloudflare${ray}.`;
  if (facts.branded) {
    const code = errorCode && errorCode !== String(status) ? `, error ${errorCode}` : '';
    const meaning = cloudflareErrorMeaning(errorCode) ?? cloudflareErrorMeaning(String(status));
    return `${url} returned HTTP ${status} from Cloudflare${ray}${code}: ${meaning ?? 'the error page was drawn by Cloudflare, not by the origin server'}.`;
  }
  return `${url} returned HTTP ${status} through Cloudflare${ray}, but the error page came from the origin server, not from Cloudflare.`;
}
