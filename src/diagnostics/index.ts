/**
 * Diagnostics the bot can run on a user's behalf: check a URL (is it up, is
 * it behind Cloudflare, which data center, which error) and read
 * Cloudflare's status page. Trace parsing itself lives in
 * src/conversation/trace.ts; the URL check reuses it.
 */
export { checkUrl } from './url-check.ts';
export {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_USER_AGENT,
  urlCheckOptionsSchema,
  urlCheckProblemSchema,
  urlCheckResultSchema,
  type HostLookup,
  type UrlCheckOptions,
  type UrlCheckProblem,
  type UrlCheckResult,
} from './url-check-schema.ts';
export { ALLOWED_PORTS } from './url-target.ts';
export { classifyAddress, isPublicAddress, type AddressKind } from './address-policy.ts';
export { CLOUDFLARE_STATUS_BASE_URL, fetchCloudflareStatus, type StatusFetchOptions } from './status-page.ts';
export { createCachedStatus, type CachedStatus, type CachedStatusOptions } from './status-cache.ts';
export { describeStatus, type DescribeStatusOptions } from './describe-status.ts';
export {
  statusSummarySchema,
  type DegradedComponent,
  type Incident,
  type Maintenance,
  type StatusIndicator,
  type StatusSummary,
} from './status-page-schema.ts';
