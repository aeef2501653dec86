import { fetchCloudflareStatus, type StatusFetchOptions } from './status-page.ts';
import type { StatusSummary } from './status-page-schema.ts';

/**
 * When Cloudflare has an incident, many people ask "is Cloudflare down?" at
 * once. This keeps one answer for `ttlMs` and shares a request already in
 * flight, so a burst of questions costs the status page one request.
 */

export type CachedStatusOptions = StatusFetchOptions & {
  /** How long a successful answer is reused. */
  ttlMs?: number;
  /** Failures are kept briefly too, so an unreachable page is not hammered, but retried sooner. */
  failureTtlMs?: number;
  /** Milliseconds clock; tests inject one. */
  clock?: () => number;
};

export type CachedStatus = () => Promise<StatusSummary>;

export function createCachedStatus(options: CachedStatusOptions): CachedStatus {
  const { ttlMs = 60_000, failureTtlMs = 10_000, clock = Date.now, ...fetchOptions } = options;
  let cached: { summary: Promise<StatusSummary>; expiresAt: number } | undefined;
  return () => {
    if (cached && clock() < cached.expiresAt) return cached.summary;
    const summary = fetchCloudflareStatus(fetchOptions).then(
      (result) => {
        const keepFor = result.ok ? ttlMs : Math.min(failureTtlMs, ttlMs);
        cached = { summary: Promise.resolve(result), expiresAt: clock() + keepFor };
        return result;
      },
      (error: unknown) => {
        // fetchCloudflareStatus is not supposed to throw; if it ever does, do not cache the failure forever.
        cached = undefined;
        throw error;
      },
    );
    // While the request is in flight every caller waits for it instead of starting another.
    cached = { summary, expiresAt: Number.POSITIVE_INFINITY };
    return summary;
  };
}
