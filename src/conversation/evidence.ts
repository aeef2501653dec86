import type { Flow } from '../flows/schema.ts';
import { distinctReasons, reason, type Reason } from '../knowledge/reason.ts';
import { analyzeQuery } from '../retrieval/analyze-query.ts';
import { readErrorPage } from './error-page.ts';
import { detectTime } from './evidence-time.ts';
import { detectBrandedStatement, detectCloudflaredRunning, detectPlan, detectSslMode } from './evidence-statements.ts';
import { emptyEvidence, SCALAR_FACTS, type BecauseKey, type EvidenceFacts } from './evidence-facts.ts';
import { statedAnswers } from './stated-answers.ts';
import { parseTrace } from './trace.ts';

/**
 * Turns one message into facts, and folds each turn's facts into what the
 * conversation already knows. Pasted material (a trace, an error page) is
 * trusted over what the message says around it, because it is what the
 * browser actually showed.
 */

export { emptyEvidence, evidenceFactsSchema, type EvidenceFacts } from './evidence-facts.ts';
export { toFlowEvidence, type FlowEvidence } from './evidence-flow.ts';
export { describeEvidence } from './evidence-describe.ts';

export type ExtractOptions = {
  /** Reference "now" for a clock time without a date ("at 14:05 UTC"); tests pin it. */
  now?: Date;
  /** Trees whose questions the message may answer in so many words. */
  flows?: readonly Flow[];
};

const AUDIENCE_BECAUSE = {
  visitor: reason('said', 'becauseVisitorSaid'),
  owner: reason('said', 'becauseOwnerSaid'),
} as const;

/** Error pages and docs links name Cloudflare's own sites ("Visit cloudflare.com"); the user's site is what matters. */
function isCloudflareOwnHost(host: string): boolean {
  return /(?:^|\.)(?:cloudflare\.com|cloudflarestatus\.com)$/.test(host);
}

/**
 * Facts found in one message. Arrays are always present (possibly empty);
 * a single-valued fact is present only when this message supports it, so
 * merging never erases what an earlier turn learned.
 */
export function extractEvidence(text: string, knownCodes?: ReadonlySet<string>, options: ExtractOptions = {}): EvidenceFacts {
  const facts = emptyEvidence();
  const because: EvidenceFacts['because'] = {};
  const set = <K extends (typeof SCALAR_FACTS)[number]>(key: K, value: EvidenceFacts[K], why: Reason): void => {
    facts[key] = value;
    because[key] = why;
  };

  const analysis = analyzeQuery(text, knownCodes);
  const page = readErrorPage(text);
  const trace = parseTrace(text);

  facts.codes = [...new Set([...(page?.code ? [page.code] : []), ...analysis.codes])];
  if (page?.code) because.code = reason('page', 'becauseCodeOnPage', { code: page.code });
  else if (facts.codes[0]) because.code = reason('said', 'becauseCodeMentioned', { code: facts.codes[0] });
  facts.rayIds = [...new Set([...(page?.rayId ? [page.rayId] : []), ...analysis.rayIds])];
  facts.urls = analysis.urls;
  facts.hostnames = [...new Set([...analysis.hostnames, ...(trace?.h ? [trace.h.toLowerCase()] : [])])].filter((h) => !isCloudflareOwnHost(h));

  if (page) set('branded', page.branded ? 'yes' : 'no', page.because);
  else {
    const said = detectBrandedStatement(text);
    if (said) set('branded', said.value, said.because);
  }

  if (trace) {
    set('trace', trace, reason('trace', 'becauseTracePasted'));
    if (trace.colo) set('colo', trace.colo, reason('trace', 'becauseTraceColo', { colo: trace.colo }));
  }
  if (!facts.colo) {
    const suffixed = facts.rayIds.map((id) => /-([A-Z]{3})$/.exec(id)).find(Boolean);
    if (suffixed?.[1]) set('colo', suffixed[1], reason('rayId', 'becauseRayIdColo', { colo: suffixed[1] }));
  }

  const time = detectTime(text, options.now);
  if (time) {
    set('timeText', time.timeText, reason('said', 'becauseTimeSaid', { time: time.timeText }));
    if (time.timeUtc) {
      const values = { time: time.timeText, utc: time.timeUtc };
      set('timeUtc', time.timeUtc, time.dateAssumed ? reason('said', 'becauseTimeUtcAssumed', values) : reason('said', 'becauseTimeUtc', values));
    }
  }

  if (analysis.audience !== 'unknown') set('audience', analysis.audience, AUDIENCE_BECAUSE[analysis.audience]);
  const plan = detectPlan(text);
  if (plan) set('plan', plan.value, plan.because);
  const sslMode = detectSslMode(text);
  if (sslMode) set('sslMode', sslMode.value, sslMode.because);
  const cloudflared = detectCloudflaredRunning(text);
  if (cloudflared) set('cloudflaredRunning', cloudflared.value, cloudflared.because);

  facts.because = because;
  if (options.flows) facts.stated = statedAnswers(options.flows, text);
  // One note per distinct reason; "you said 14:05 UTC" need not appear twice for timeText and timeUtc.
  const noteKeys: BecauseKey[] = ['branded', 'code', 'trace', 'colo', 'timeUtc', 'audience', 'plan', 'sslMode', 'cloudflaredRunning'];
  facts.notes = distinctReasons(noteKeys.map((k) => because[k]).filter((n): n is Reason => n !== undefined));
  if (!because.timeUtc && time) facts.notes.push(reason('said', 'becauseTimeNoZone', { time: time.timeText }));
  return facts;
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/**
 * Everything from both turns: lists are unioned (older first), a newer
 * single-valued fact replaces an older one together with its reason, and
 * notes are appended once each.
 */
export function mergeEvidence(old: EvidenceFacts | undefined, fresh: Partial<EvidenceFacts>): EvidenceFacts {
  const base = old ?? emptyEvidence();
  const merged: EvidenceFacts = {
    ...base,
    codes: union(base.codes, fresh.codes ?? []),
    rayIds: union(base.rayIds, fresh.rayIds ?? []),
    urls: union(base.urls, fresh.urls ?? []),
    hostnames: union(base.hostnames, fresh.hostnames ?? []),
    notes: distinctReasons([...base.notes, ...(fresh.notes ?? [])]),
    because: { ...base.because },
    // A later statement about the same question is the user correcting themselves.
    stated: { ...base.stated, ...fresh.stated },
  };
  for (const key of SCALAR_FACTS) {
    const value = fresh[key];
    if (value === undefined) continue;
    (merged as Record<string, unknown>)[key] = value;
    const why = fresh.because?.[key];
    if (why) merged.because[key] = why;
    else delete merged.because[key];
  }
  // The code reason follows whichever code ends up first, which only changes when the old list was empty.
  if (!base.codes.length && fresh.because?.code) merged.because.code = fresh.because.code;
  return merged;
}
