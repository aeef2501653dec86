import type { CachedStatus, UrlCheckResult } from '../diagnostics/index.ts';
import { describeStatus } from '../diagnostics/describe-status.ts';
import { CHOICE, clipLabel } from './choice-ids.ts';
import type { EvidenceFacts } from './evidence.ts';
import { mergeEvidence } from './evidence.ts';
import type { Choice, Reply } from './seam.ts';
import { labelHost } from '../diagnostics/display-url.ts';
import { say, type Wording } from '../knowledge/wording.ts';
import { reason } from '../knowledge/reason.ts';

/** Live probes the engine may use; absent ones are simply not offered. */
export type Diagnostics = {
  status?: CachedStatus;
  checkUrl?: (url: string) => Promise<UrlCheckResult>;
};

export const STATUS_PAGE_ID = 'cloudflare-status';

/** The live status line under a "is Cloudflare down?" answer, mentioning the user's data center if known. */
export async function liveStatusReply(wording: Wording, diagnostics: Diagnostics, facts: EvidenceFacts): Promise<Reply | undefined> {
  if (!diagnostics.status) return undefined;
  const summary = await diagnostics.status();
  return { text: describeStatus(summary, facts.colo ? { colo: facts.colo } : {}), sources: [{ title: say(wording, 'statusPageTitle'), url: summary.pageUrl }] };
}

/** A "check this URL" button for the newest URL the user gave, when URL checks are on. */
export function urlCheckChoice(wording: Wording, diagnostics: Diagnostics, facts: EvidenceFacts, fresh: EvidenceFacts): Choice | undefined {
  const url = fresh.urls[0];
  if (!diagnostics.checkUrl || !url) return undefined;
  const index = facts.urls.indexOf(url);
  if (index < 0 || index > 99) return undefined;
  return { id: CHOICE.checkUrl(index), label: clipLabel(say(wording, 'checkUrlLabel', { host: labelHost(url) })) };
}

/** Runs the check and folds what it saw (code, Ray ID, colo) into the conversation's facts. */
export async function runUrlCheck(wording: Wording, diagnostics: Diagnostics, url: string, facts: EvidenceFacts): Promise<{ reply: Reply; facts: EvidenceFacts }> {
  if (!diagnostics.checkUrl) return { reply: { text: say(wording, 'urlChecksOff') }, facts };
  const result = await diagnostics.checkUrl(url);
  const seen: Partial<EvidenceFacts> = {
    codes: result.errorCode ? [result.errorCode] : [],
    rayIds: result.cfRay ? [result.cfRay] : [],
    ...(result.colo ? { colo: result.colo } : {}),
    ...(result.branded !== undefined ? { branded: result.branded ? 'yes' : 'no' } : {}),
    notes: [result.status ? reason('check', 'becauseCheckSaw', { url, status: result.status }) : reason('check', 'becauseCheckNoAnswer', { url })],
    because: {
      ...(result.errorCode ? { code: reason('check', 'becauseCheckCode', { url, code: result.errorCode }) } : {}),
      ...(result.colo ? { colo: reason('check', 'becauseCheckColo', { url, colo: result.colo }) } : {}),
      ...(result.branded !== undefined ? { branded: result.branded ? reason('check', 'becauseCheckBranded', { url }) : reason('check', 'becauseCheckUnbranded', { url }) } : {}),
    },
  };
  const lines = [result.message, say(wording, 'urlCheckFrom')];
  return { reply: { title: say(wording, 'urlCheckTitle'), text: lines.join('\n\n') }, facts: mergeEvidence(facts, seen) };
}
