import type { LookupAddress, LookupOptions } from 'node:dns';
import { Agent } from 'undici';
import type { Destination } from './vet-destination.ts';

/**
 * An undici Agent that can only ever connect to the one address the SSRF
 * check approved. Its lookup never asks DNS again, so the name cannot
 * resolve to something else by the time the socket opens, while TLS still
 * verifies the certificate against the hostname (SNI and Host are unchanged).
 */

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

export function createPinnedAgent(hostname: string, destination: Destination, timeoutMs: number): Agent {
  const lookup = (name: string, options: LookupOptions, callback: LookupCallback): void => {
    if (name !== hostname) {
      // Only the vetted host is reachable; anything else (there should be nothing) fails like an unknown name.
      const error: NodeJS.ErrnoException = new Error(`refusing to resolve ${name}: not the vetted host`);
      error.code = 'ENOTFOUND';
      callback(error, '');
      return;
    }
    // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily); answer in the shape it asked for.
    if (options.all) callback(null, [{ address: destination.address, family: destination.family }]);
    else callback(null, destination.address, destination.family);
  };
  return new Agent({
    connect: { lookup, timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    // One check is one page plus its trace, in sequence; the caller destroys the agent afterwards.
    connections: 1,
  });
}
