import type { EngineKnowledge } from '../engine-knowledge.ts';
import { buildEscalation } from '../escalation/case-summary.ts';
import type { SupportConfig } from '../escalation/support-config.ts';
import type { EscalateNode } from '../flows/schema.ts';
import { citesToSources } from './flow-replies.ts';
import type { Reply } from './seam.ts';
import type { ConversationState } from './state.ts';
import { withoutVisitorIps } from './visitor-ip.ts';
import { ESCALATION_WORDING } from './wording.ts';

export type EscalationContext = { knowledge: EngineKnowledge; caseUrl: string; support: SupportConfig };

const CONTACT_PAGE = 'contacting-cloudflare-support';

/**
 * The hand-off reply: everything learned so far as a pre-filled case, the
 * docs' checklist, and the right door (Cloudflare support, the site owner
 * for visitors, or the hosting provider when the origin is at fault).
 */
export function escalationReply(ctx: EscalationContext, state: ConversationState, node?: EscalateNode, userNote?: string): Reply {
  const flow = state.flow ? ctx.knowledge.flowById.get(state.flow.flowId) : undefined;
  const target = node?.target ?? (state.facts.audience === 'visitor' ? 'site-owner' : 'cloudflare-support');
  const audience = target === 'site-owner' ? 'visitor' : state.facts.audience ?? 'unknown';
  const codePage = state.code ? ctx.knowledge.runtime.kb.pageById.get(ctx.knowledge.primaryPageOfCode.get(state.code) ?? '') : undefined;
  const built = buildEscalation({
    ...(codePage ? { docUrl: codePage.url } : {}),
    facts: state.facts,
    ...(state.code ? { code: state.code } : {}),
    ...(flow ? { flowTitle: flow.title } : {}),
    path: state.flow?.path ?? [],
    ...(node?.checklist ? { leafChecklist: node.checklist } : {}),
    tried: state.tried,
    audience,
    caseUrl: ctx.caseUrl,
    support: ctx.support,
    ...(userNote || state.firstQuestion ? { userNote: [userNote, state.firstQuestion ? `First message: ${firstMessageQuote(state.firstQuestion)}` : undefined].filter(Boolean).join('\n') } : {}),
  });
  const finalAudience = target === 'hosting-provider' ? ('hosting-provider' as const) : built.audience;
  const escalation = { ...built, audience: finalAudience, ...ESCALATION_WORDING[finalAudience] };
  const contact = ctx.knowledge.runtime.kb.pageById.get(CONTACT_PAGE);
  const sources = [...citesToSources(ctx.knowledge, node?.cites), ...(contact && target === 'cloudflare-support' ? [{ title: contact.title, url: contact.url }] : [])];
  const lead = [node?.text ?? leadFor(target), target === 'site-owner' ? FIND_THE_OWNER : undefined].filter(Boolean).join('\n\n');
  return {
    title: target === 'site-owner' ? 'Only the site owner can fix this' : target === 'hosting-provider' ? 'Take this to your hosting provider' : 'Hand this to a human',
    text: `${lead}\n\nI filled in a case summary with everything we found, so nobody has to start over. Never include passwords, API keys or private keys.`,
    escalation,
    sources: dedupeByUrl(sources),
  };
}

const QUOTE_MAX = 200;

/** How a visitor reaches the owner, as the docs' 1xxx pages put it. */
const FIND_THE_OWNER =
  'To find the owner: use the contact page, email or support channel on the site itself; if it lists none, look the domain up in the Whois database (https://lookup.icann.org/). I left your IP address out on purpose: add it yourself if you want the owner to allow it (the `ip=` line of https://www.cloudflare.com/cdn-cgi/trace).';

/**
 * The opening message, quoted on one line: a pasted page or trace is already
 * in the Details section, so its first line and how much followed is enough.
 * Visitor IPs are cut again here for conversations stored before they were
 * cut at the door.
 */
export function firstMessageQuote(text: string): string {
  const lines = withoutVisitorIps(text).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const first = lines[0] ?? '';
  const clipped = first.length > QUOTE_MAX ? `${first.slice(0, QUOTE_MAX - 1).trimEnd()}…` : first;
  return lines.length > 1 ? `${clipped} (+${lines.length - 1} more line${lines.length > 2 ? 's' : ''})` : clipped;
}

function leadFor(target: EscalateNode['target']): string {
  // Reached without a tree leaf: a visitor asked for a human, and the human who can help is the site owner.
  if (target === 'site-owner') {
    return 'The person who can help is the site’s owner, not Cloudflare: Cloudflare support cannot unblock visitors or change a site’s settings, and a support case from a visitor is not accepted. Send the owner the message below.';
  }
  if (target === 'hosting-provider') return 'The error comes from your origin server, so your hosting provider is the one who can fix it. Send them the details below.';
  return 'Let us get a human on this. Open a case with the summary below (your plan decides which channels you have).';
}

function dedupeByUrl<T extends { url: string }>(items: T[]): T[] {
  return items.filter((s, i) => items.findIndex((t) => t.url === s.url) === i);
}
