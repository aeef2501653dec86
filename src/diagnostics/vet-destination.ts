import { type AddressKind, classifyAddress } from './address-policy.ts';
import type { HostLookup } from './url-check-schema.ts';
import { ALLOWED_PORTS, type UrlTarget, isAllowedPort } from './url-target.ts';

/**
 * Decides which single IP address a check may connect to. The address is
 * resolved once here and the connection is pinned to it afterwards, so a
 * DNS answer that changes between "check" and "connect" (DNS rebinding)
 * cannot smuggle the request into a private network.
 */

export type Destination = { address: string; family: 4 | 6 };

export type VetResult =
  | { ok: true; destination: Destination }
  | { ok: false; problem: 'blocked-address'; address: string; kind: Exclude<AddressKind, 'public'> }
  | { ok: false; problem: 'invalid-url'; reason: string }
  | { ok: false; problem: 'dns-failed'; reason: string };

export type VetOptions = { lookup: HostLookup; allowPrivateAddresses: boolean };

function refused(address: string, allowPrivate: boolean): VetResult | undefined {
  const kind = classifyAddress(address);
  if (kind === undefined || kind === 'public' || allowPrivate) return undefined;
  return { ok: false, problem: 'blocked-address', address, kind };
}

function familyOf(address: string): 4 | 6 {
  return address.includes(':') ? 6 : 4;
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : 'unknown error';
}

export async function vetDestination(target: UrlTarget, options: VetOptions): Promise<VetResult> {
  const { allowPrivateAddresses } = options;
  // An IP literal is judged before the port so "http://127.0.0.1:6379" reads as the SSRF attempt it is.
  if (target.ipLiteral) {
    const blocked = refused(target.host, allowPrivateAddresses);
    if (blocked) return blocked;
  }
  if (!allowPrivateAddresses && !isAllowedPort(target.port)) {
    return {
      ok: false,
      problem: 'invalid-url',
      reason: `port ${target.port} is not one Cloudflare proxies (allowed: ${[...ALLOWED_PORTS].join(', ')})`,
    };
  }
  if (target.ipLiteral) return { ok: true, destination: { address: target.host, family: familyOf(target.host) } };

  let addresses: { address: string; family: number }[];
  try {
    addresses = await options.lookup(target.host, { all: true });
  } catch (error) {
    return { ok: false, problem: 'dns-failed', reason: errorCode(error) };
  }
  if (addresses.length === 0) return { ok: false, problem: 'dns-failed', reason: 'no addresses' };
  // One private answer refuses the whole name: a hostname that also points inside a network is not a public site.
  for (const { address } of addresses) {
    if (classifyAddress(address) === undefined) return { ok: false, problem: 'dns-failed', reason: `not an IP address: ${address}` };
    const blocked = refused(address, allowPrivateAddresses);
    if (blocked) return blocked;
  }
  const first = addresses[0] as { address: string };
  return { ok: true, destination: { address: first.address, family: familyOf(first.address) } };
}
