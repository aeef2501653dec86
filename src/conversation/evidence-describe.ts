import { PLAN_LABELS, SSL_MODE_LABELS, type EvidenceFacts } from './evidence-facts.ts';
import { sourceLabel } from './source-label.ts';
import type { Trace } from './trace.ts';
import { say, type Wording } from '../knowledge/wording.ts';

/**
 * One line per fact, for case summaries and "here is what I know so far".
 * The visitor IP from a trace is left out on purpose: summaries may be
 * posted in a public channel, and support can ask for it.
 */

/** Trace fields that tell support something about the request path; the rest is noise in a summary. */
const TRACE_SUMMARY_FIELDS = ['http', 'tls', 'loc', 'warp'] as const;
const TRACE_FLAGS_WHEN_ON = ['gateway', 'rbi'] as const;

function traceLine(wording: Wording, trace: Trace): string | undefined {
  const parts = TRACE_SUMMARY_FIELDS.filter((k) => trace[k]).map((k) => `${k}=${trace[k]}`);
  for (const k of TRACE_FLAGS_WHEN_ON) if (trace[k] && trace[k] !== 'off') parts.push(`${k}=${trace[k]}`);
  return parts.length ? say(wording, 'factTrace', { fields: parts.join(' ') }) : undefined;
}

function readableUtc(iso: string): string {
  return iso.replace('T', ' ').replace(/Z$/, '');
}

/** " (you said)", " (from your trace)": where the fact came from, when its reason is known. */
function from(wording: Wording, facts: EvidenceFacts, key: keyof EvidenceFacts['because']): string {
  const label = sourceLabel(wording, facts.because[key]);
  return label ? say(wording, 'factSource', { label }) : '';
}

/** When a time reads as the start of the problem ("since this morning", "for two days"), say so. */
function isStart(timeText: string): boolean {
  return /^(?:since|from|starting|for)\b|\bago$/i.test(timeText.trim());
}

export function describeEvidence(wording: Wording, facts: EvidenceFacts): string[] {
  const lines: string[] = [];
  const source = (key: keyof EvidenceFacts['because']) => from(wording, facts, key);
  if (facts.codes.length) {
    const codes = facts.codes.join(', ');
    lines.push(facts.codes.length > 1 ? say(wording, 'factErrorCodes', { codes, source: source('code') }) : say(wording, 'factErrorCode', { codes, source: source('code') }));
  }
  for (const rayId of facts.rayIds) lines.push(say(wording, 'factRayId', { rayId }));
  for (const url of facts.urls) lines.push(say(wording, 'factUrl', { url }));
  const hostsWithoutUrl = facts.hostnames.filter((h) => !facts.urls.some((u) => u.toLowerCase().includes(`//${h}`)));
  if (hostsWithoutUrl.length) lines.push(say(wording, 'factHostname', { hostnames: hostsWithoutUrl.join(', ') }));
  if (facts.timeUtc) {
    // Echo the user's words unless they already were a dated UTC time: a converted zone or an assumed date should be checkable.
    const alreadyUtc = facts.timeText !== undefined && /\d{4}-\d{2}-\d{2}/.test(facts.timeText) && /(?:\b(?:utc|gmt)|\dz)\s*$/i.test(facts.timeText);
    const wrote = facts.timeText && !alreadyUtc ? say(wording, 'factYouWrote', { text: facts.timeText }) : '';
    const time = readableUtc(facts.timeUtc);
    lines.push(facts.timeText && isStart(facts.timeText) ? say(wording, 'factStartedUtc', { time, wrote }) : say(wording, 'factTimeUtc', { time, wrote }));
  } else if (facts.timeText) {
    const time = facts.timeText;
    lines.push(isStart(time) ? say(wording, 'factStartedNoZone', { time }) : say(wording, 'factTimeNoZone', { time }));
  }
  if (facts.colo) lines.push(say(wording, 'factColo', { colo: facts.colo, source: source('colo') }));
  const trace = facts.trace && traceLine(wording, facts.trace);
  if (trace) lines.push(trace);
  if (facts.branded) lines.push(facts.branded === 'yes' ? say(wording, 'factBranded', { source: source('branded') }) : say(wording, 'factUnbranded', { source: source('branded') }));
  if (facts.plan) lines.push(say(wording, 'factPlan', { plan: PLAN_LABELS[facts.plan], source: source('plan') }));
  if (facts.sslMode) lines.push(say(wording, 'factSslMode', { mode: SSL_MODE_LABELS[facts.sslMode], source: source('sslMode') }));
  if (facts.cloudflaredRunning) {
    const running = facts.cloudflaredRunning === 'yes';
    lines.push(running ? say(wording, 'factCloudflaredRunning', { source: source('cloudflaredRunning') }) : say(wording, 'factCloudflaredStopped', { source: source('cloudflaredRunning') }));
  }
  return lines;
}
