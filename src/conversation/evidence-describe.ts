import { PLAN_LABELS, SSL_MODE_LABELS, type EvidenceFacts } from './evidence-facts.ts';
import { sourceLabel } from './source-label.ts';
import type { Trace } from './trace.ts';

/**
 * One line per fact, for case summaries and "here is what I know so far".
 * The visitor IP from a trace is left out on purpose: summaries may be
 * posted in a public channel, and support can ask for it.
 */

/** Trace fields that tell support something about the request path; the rest is noise in a summary. */
const TRACE_SUMMARY_FIELDS = ['http', 'tls', 'loc', 'warp'] as const;
const TRACE_FLAGS_WHEN_ON = ['gateway', 'rbi'] as const;

function traceLine(trace: Trace): string | undefined {
  const parts = TRACE_SUMMARY_FIELDS.filter((k) => trace[k]).map((k) => `${k}=${trace[k]}`);
  for (const k of TRACE_FLAGS_WHEN_ON) if (trace[k] && trace[k] !== 'off') parts.push(`${k}=${trace[k]}`);
  return parts.length ? `Trace: ${parts.join(' ')}` : undefined;
}

function readableUtc(iso: string): string {
  return iso.replace('T', ' ').replace(/Z$/, '');
}

/** " (you said)", " (from your trace)": where the fact came from, when its reason is known. */
function from(facts: EvidenceFacts, key: keyof EvidenceFacts['because']): string {
  const label = sourceLabel(facts.because[key]);
  return label ? ` (${label})` : '';
}

/** When a time reads as the start of the problem ("since this morning", "for two days"), say so. */
function isStart(timeText: string): boolean {
  return /^(?:since|from|starting|for)\b|\bago$/i.test(timeText.trim());
}

export function describeEvidence(facts: EvidenceFacts): string[] {
  const lines: string[] = [];
  if (facts.codes.length) lines.push(`${facts.codes.length > 1 ? 'Error codes' : 'Error code'}: ${facts.codes.join(', ')}${from(facts, 'code')}`);
  for (const rayId of facts.rayIds) lines.push(`Ray ID: ${rayId}`);
  for (const url of facts.urls) lines.push(`URL: ${url}`);
  const hostsWithoutUrl = facts.hostnames.filter((h) => !facts.urls.some((u) => u.toLowerCase().includes(`//${h}`)));
  if (hostsWithoutUrl.length) lines.push(`Hostname: ${hostsWithoutUrl.join(', ')}`);
  if (facts.timeUtc) {
    // Echo the user's words unless they already were a dated UTC time: a converted zone or an assumed date should be checkable.
    const alreadyUtc = facts.timeText !== undefined && /\d{4}-\d{2}-\d{2}/.test(facts.timeText) && /(?:\b(?:utc|gmt)|\dz)\s*$/i.test(facts.timeText);
    const wrote = facts.timeText && !alreadyUtc ? ` (you wrote: ${facts.timeText})` : '';
    const label = facts.timeText && isStart(facts.timeText) ? 'Started (UTC)' : 'Time (UTC)';
    lines.push(`${label}: ${readableUtc(facts.timeUtc)}${wrote}`);
  } else if (facts.timeText) {
    lines.push(isStart(facts.timeText) ? `Started: ${facts.timeText} (you said; time zone unknown)` : `Time (as you wrote it, time zone unknown): ${facts.timeText}`);
  }
  if (facts.colo) lines.push(`Data center (colo): ${facts.colo}${from(facts, 'colo')}`);
  const trace = facts.trace && traceLine(facts.trace);
  if (trace) lines.push(trace);
  if (facts.branded) lines.push(`Error page: ${facts.branded === 'yes' ? 'Cloudflare-branded' : 'not Cloudflare-branded (from the origin or a proxy behind Cloudflare)'}${from(facts, 'branded')}`);
  if (facts.plan) lines.push(`Plan: ${PLAN_LABELS[facts.plan]}${from(facts, 'plan')}`);
  if (facts.sslMode) lines.push(`SSL/TLS encryption mode: ${SSL_MODE_LABELS[facts.sslMode]}${from(facts, 'sslMode')}`);
  if (facts.cloudflaredRunning) lines.push(`cloudflared: ${facts.cloudflaredRunning === 'yes' ? 'running' : 'not running'}${from(facts, 'cloudflaredRunning')}`);
  return lines;
}
