import { lookup as dnsLookup } from 'node:dns/promises';
import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { type Trace, parseTrace } from '../conversation/trace.ts';
import { boundedGet, type BoundedResponse } from './bounded-get.ts';
import { readCloudflareErrorBody } from './cloudflare-error-body.ts';
import { headerValue, readCloudflareHeaders } from './cloudflare-headers.ts';
import { type Deadline, startDeadline } from './deadline.ts';
import { classifyNetworkError } from './network-problem.ts';
import { createPinnedAgent } from './pinned-agent.ts';
import {
  type ResolvedUrlCheckOptions,
  type UrlCheckOptions,
  type UrlCheckResult,
  urlCheckOptionsSchema,
} from './url-check-schema.ts';
import {
  blockedAddressMessage,
  dnsFailedMessage,
  invalidUrlMessage,
  networkProblemMessage,
  responseMessage,
} from './url-check-message.ts';
import { parseUrlTarget } from './url-target.ts';
import { vetDestination } from './vet-destination.ts';

/**
 * "What does this URL return, and is it served through Cloudflare?" Fetches
 * a user-supplied URL safely (public addresses and web ports only, pinned to
 * the vetted IP, one time budget, capped body, no redirects) and, behind
 * Cloudflare, also reads /cdn-cgi/trace for the data center. Network
 * failures come back as results with a `problem`, never as exceptions.
 */

/** A trace is a few hundred bytes; anything larger is not a trace. */
const MAX_TRACE_BYTES = 4096;

type Elapsed = () => number;

function stopwatch(): Elapsed {
  const started = performance.now();
  return () => Math.round(performance.now() - started);
}

function redirectTarget(response: BoundedResponse, base: URL): string | undefined {
  if (response.status < 300 || response.status >= 400) return undefined;
  const location = headerValue(response.headers, 'location');
  if (!location) return undefined;
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

/** Best effort: the trace adds the data center and what was negotiated, but the check stands without it. */
async function fetchTrace(origin: string, get: (url: URL, maxBytes: number) => Promise<BoundedResponse>): Promise<Trace | undefined> {
  try {
    const response = await get(new URL('/cdn-cgi/trace', origin), MAX_TRACE_BYTES);
    return response.status === 200 ? parseTrace(response.body) : undefined;
  } catch {
    return undefined;
  }
}

async function fetchAndRead(
  url: URL,
  agent: Dispatcher,
  deadline: Deadline,
  options: ResolvedUrlCheckOptions,
  elapsed: Elapsed,
): Promise<UrlCheckResult> {
  const get = (target: URL, maxBytes: number) =>
    boundedGet(target, { dispatcher: agent, signal: deadline.signal, userAgent: options.userAgent, maxBytes });
  const response = await get(url, options.maxBodyBytes);
  const headers = readCloudflareHeaders(response.headers);
  const body = readCloudflareErrorBody(response.body);
  const trace = headers.viaCloudflare ? await fetchTrace(url.origin, get) : undefined;
  const colo = headers.colo ?? trace?.colo;
  const redirectTo = redirectTarget(response, url);
  const facts = {
    url: url.href,
    status: response.status,
    viaCloudflare: headers.viaCloudflare,
    ...(headers.cfRay ? { cfRay: headers.cfRay } : {}),
    ...(colo ? { colo } : {}),
    branded: body.branded,
    ...(body.errorCode ? { errorCode: body.errorCode } : {}),
    ...(headers.challenged ? { challenged: true } : {}),
    ...(redirectTo ? { redirectTo } : {}),
  };
  return {
    ...facts,
    ok: response.status < 400,
    ...(response.truncated ? { bodyTruncated: true } : {}),
    ...(trace ? { trace } : {}),
    elapsedMs: elapsed(),
    message: responseMessage(facts),
  };
}

export async function checkUrl(url: string, options: UrlCheckOptions = {}): Promise<UrlCheckResult> {
  const resolved = urlCheckOptionsSchema.parse(options);
  const elapsed = stopwatch();
  const failed = (shownUrl: string, problem: UrlCheckResult['problem'], message: string): UrlCheckResult => ({
    url: shownUrl,
    ok: false,
    viaCloudflare: false,
    elapsedMs: elapsed(),
    problem,
    message,
  });

  const parsed = parseUrlTarget(url);
  if (!parsed.ok) return failed(url, 'invalid-url', invalidUrlMessage(url, parsed.reason));
  const { target } = parsed;
  const href = target.url.href;

  const deadline = startDeadline(resolved.timeoutMs);
  try {
    const vetted = await deadline.race(
      vetDestination(target, {
        lookup: resolved.lookup ?? dnsLookup,
        allowPrivateAddresses: resolved.allowPrivateAddresses,
      }),
    );
    if (!vetted.ok) {
      if (vetted.problem === 'blocked-address') return failed(href, vetted.problem, blockedAddressMessage(href, vetted.address, vetted.kind));
      if (vetted.problem === 'dns-failed') return failed(href, vetted.problem, dnsFailedMessage(href, target.host, vetted.reason));
      return failed(href, vetted.problem, invalidUrlMessage(href, vetted.reason));
    }
    const agent = createPinnedAgent(target.host, vetted.destination, resolved.timeoutMs);
    try {
      return await fetchAndRead(target.url, agent, deadline, resolved, elapsed);
    } finally {
      // destroy, not close: a half-read oversized body must not keep its socket open.
      await agent.destroy().catch(() => undefined);
    }
  } catch (error) {
    const problem = deadline.signal.aborted ? { problem: 'timeout' as const, detail: 'deadline' } : classifyNetworkError(error);
    return failed(href, problem.problem, networkProblemMessage(href, problem, resolved.timeoutMs));
  } finally {
    deadline.clear();
  }
}
