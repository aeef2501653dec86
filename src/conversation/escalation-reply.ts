import type { EngineKnowledge } from '../engine-knowledge.ts';
import { buildEscalation } from '../escalation/case-summary.ts';
import type { SupportConfig } from '../escalation/support-config.ts';
import type { EscalateNode } from '../flows/schema.ts';
import { citesToSources } from './flow-replies.ts';
import type { Reply } from './seam.ts';
import type { ConversationState } from './state.ts';
import { withoutVisitorIps } from './visitor-ip.ts';
import { say } from '../knowledge/wording.ts';

export type EscalationContext = { knowledge: EngineKnowledge; caseUrl: string; support: SupportConfig };

const CONTACT_PAGE = 'contacting-cloudflare-support';

/**
 * The hand-off reply: everything learned so far as a pre-filled case, the
 * docs' checklist, and the right door (Cloudflare support, the site owner
 * for visitors, or the hosting provider when the origin is at fault).
 */
export function escalationReply(ctx: EscalationContext, state: ConversationState, node?: EscalateNode, userNote?: string): Reply {
  const { wording } = ctx.knowledge;
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
    wording,
    ...(userNote || state.firstQuestion ? { userNote: [userNote, state.firstQuestion ? say(wording, 'firstMessage', { quote: firstMessageQuote(state.firstQuestion) }) : undefined].filter(Boolean).join('\n') } : {}),
  });
  const finalAudience = target === 'hosting-provider' ? ('hosting-provider' as const) : built.audience;
  const { heading, actionLabel } = wording.escalation[finalAudience];
  const escalation = { ...built, audience: finalAudience, heading, actionLabel };
  const said = wording.escalation[target];
  const contact = ctx.knowledge.runtime.kb.pageById.get(CONTACT_PAGE);
  const sources = [...citesToSources(ctx.knowledge, node?.cites), ...(contact && target === 'cloudflare-support' ? [{ title: contact.title, url: contact.url }] : [])];
  // Reached without a tree leaf, the audience's own opening (a visitor asking for a human is sent to the site owner).
  const lead = [node?.text ?? said.lead, target === 'site-owner' ? say(wording, 'findTheOwner') : undefined].filter(Boolean).join('\n\n');
  return {
    title: said.title,
    text: `${lead}\n\n${say(wording, 'caseFilled')}`,
    escalation,
    sources: dedupeByUrl(sources),
  };
}

const QUOTE_MAX = 200;

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

function dedupeByUrl<T extends { url: string }>(items: T[]): T[] {
  return items.filter((s, i) => items.findIndex((t) => t.url === s.url) === i);
}
