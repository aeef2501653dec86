import type { EngineKnowledge } from '../engine-knowledge.ts';
import { answerCard } from './answer-card.ts';
import { liveStatusReply, STATUS_PAGE_ID, type Diagnostics } from './diagnostics-replies.ts';
import type { EvidenceFacts } from './evidence-facts.ts';
import type { Reply } from './seam.ts';

/**
 * The answer to "is Cloudflare down?": the status page the docs name, how to
 * tell a Cloudflare incident from one site's own problem, and (when the
 * operator turned live status on) what the status page says right now.
 */

const FALLBACK_STATUS_URL = 'https://www.cloudflarestatus.com/';

/** The status page's address as the docs' "Cloudflare Status" page gives it, so a changed dump changes the answer. */
export function statusPageUrl(knowledge: EngineKnowledge): string {
  const page = knowledge.runtime.kb.pageById.get(STATUS_PAGE_ID);
  const text = page ? `${page.description}\n${page.intro}` : '';
  const found = /https?:\/\/[^\s)\]<>"']*status[^\s)\]<>"']*/i.exec(text)?.[0]?.replace(/[.,;:!?]+$/, '');
  return found ?? FALLBACK_STATUS_URL;
}

function howToTell(url: string, facts: EvidenceFacts): string {
  const colo = facts.colo ? ` (your requests were served by **${facts.colo}**: look for it in the list of locations)` : '';
  return [
    `**Check the Cloudflare status page first:** [${url.replace(/^https?:\/\//, '').replace(/\/$/, '')}](${url})${colo}.`,
    '**How to tell a Cloudflare incident from a problem with one site:**',
    '- An incident, degraded service or a re-routed data center listed there, starting when your problem did: it is on Cloudflare’s side. Follow the incident there; support cannot speed it up.',
    '- The status page is all green, or only one of your sites fails while others behind Cloudflare work: it is that site (its origin server, DNS or settings). Tell me the error code or paste the error page and I will walk you through it.',
    '- Every site fails but the status page is green: look at what they share (the same origin server or hosting, the same DNS, an account-wide setting).',
  ].join('\n');
}

export async function statusReplies(knowledge: EngineKnowledge, diagnostics: Diagnostics | undefined, facts: EvidenceFacts): Promise<Reply[]> {
  const url = statusPageUrl(knowledge);
  const page = knowledge.runtime.kb.pageById.get(STATUS_PAGE_ID);
  const sources = [{ title: 'Cloudflare Status', url }, ...(page ? answerCard(page).sources ?? [] : [])];
  const main: Reply = { title: 'Is Cloudflare down?', text: howToTell(url, facts), sources };
  const live = diagnostics ? await liveStatusReply(diagnostics, facts) : undefined;
  return live ? [main, live] : [main];
}
