import type { LookupAddress } from 'node:dns';
import { z } from 'zod';
import { traceSchema } from '../conversation/trace.ts';

/** Resolves a hostname to every address it has; `dns.promises.lookup` fits as is. */
export type HostLookup = (hostname: string, options: { all: true }) => Promise<LookupAddress[]>;

/** Names the bot so site owners reading their logs know who fetched and why. */
export const DEFAULT_USER_AGENT = 'cf-support-bot/0.1 (URL check requested in a support conversation)';

/** Cloudflare error pages are a few KB; 64 KB is plenty to find their markers without downloading someone's video. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export const urlCheckOptionsSchema = z.object({
  /** Budget for the whole check: DNS, connect, headers, body and the /cdn-cgi/trace follow-up. */
  timeoutMs: z.number().int().positive().max(60_000).default(5000),
  /** Tests only: lets the checker reach 127.0.0.1 and any port. Never enable for user-supplied URLs. */
  allowPrivateAddresses: z.boolean().default(false),
  lookup: z.custom<HostLookup>((v) => typeof v === 'function', { message: 'lookup must be a function' }).optional(),
  userAgent: z.string().min(1).default(DEFAULT_USER_AGENT),
  maxBodyBytes: z.number().int().positive().default(DEFAULT_MAX_BODY_BYTES),
});
/** What callers pass: every field optional. */
export type UrlCheckOptions = z.input<typeof urlCheckOptionsSchema>;
export type ResolvedUrlCheckOptions = z.output<typeof urlCheckOptionsSchema>;

export const urlCheckProblemSchema = z.enum([
  'invalid-url',
  'blocked-address',
  'dns-failed',
  'timeout',
  'connection-refused',
  'tls-error',
  'too-large',
  'network-error',
]);
export type UrlCheckProblem = z.infer<typeof urlCheckProblemSchema>;

export const urlCheckResultSchema = z.object({
  /** The URL as checked (normalised), or the input as given when it was not a URL. */
  url: z.string(),
  /** An HTTP response arrived with a 1xx–3xx status: the site answers. */
  ok: z.boolean(),
  status: z.number().int().optional(),
  /** The response carried `server: cloudflare` or a `cf-ray` header. */
  viaCloudflare: z.boolean(),
  cfRay: z.string().optional(),
  /** IATA code of the Cloudflare data center that answered (from the Ray ID suffix or the trace). */
  colo: z.string().regex(/^[A-Z]{3}$/).optional(),
  /** The body is a Cloudflare-drawn page (error or challenge), not the origin's. */
  branded: z.boolean().optional(),
  /** The code printed on a Cloudflare error page ("522", "1020"). */
  errorCode: z.string().regex(/^\d{3,5}$/).optional(),
  /** Cloudflare asked for a browser challenge (`cf-mitigated: challenge`): a bot cannot see the real page. */
  challenged: z.boolean().optional(),
  /** Location of a 3xx response, absolute; redirects are reported, never followed. */
  redirectTo: z.string().optional(),
  /** The body was longer than the read limit; only its start was inspected. */
  bodyTruncated: z.boolean().optional(),
  trace: traceSchema.optional(),
  elapsedMs: z.number().nonnegative(),
  problem: urlCheckProblemSchema.optional(),
  /** One user-facing sentence that says what happened. */
  message: z.string().min(1),
});
export type UrlCheckResult = z.infer<typeof urlCheckResultSchema>;
