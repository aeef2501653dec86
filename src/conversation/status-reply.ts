import type { EngineKnowledge } from '../engine-knowledge.ts';
import { say, type Wording } from '../knowledge/wording.ts';
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

function howToTell(wording: Wording, url: string, facts: EvidenceFacts): string {
  const servedBy = facts.colo ? say(wording, 'statusServedBy', { colo: facts.colo }) : '';
  const host = url.replace(/^https?:\/\//, '').replace(/\/$/, '');
  return [say(wording, 'statusCheckFirst', { host, url, servedBy }), say(wording, 'statusHowToTell')].join('\n');
}

export async function statusReplies(knowledge: EngineKnowledge, diagnostics: Diagnostics | undefined, facts: EvidenceFacts): Promise<Reply[]> {
  const { wording } = knowledge;
  const url = statusPageUrl(knowledge);
  const page = knowledge.runtime.kb.pageById.get(STATUS_PAGE_ID);
  const sources = [{ title: say(wording, 'statusPageTitle'), url }, ...(page ? answerCard(page).sources ?? [] : [])];
  const main: Reply = { title: say(wording, 'statusTitle'), text: howToTell(wording, url, facts), sources };
  const live = diagnostics ? await liveStatusReply(wording, diagnostics, facts) : undefined;
  return live ? [main, live] : [main];
}
