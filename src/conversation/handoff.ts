import type { EngineKnowledge } from '../engine-knowledge.ts';
import { redactSecrets } from '../safety/redact-secrets.ts';
import { conversationKey } from '../store/conversation-record.ts';
import type { ConversationStore } from '../store/conversation-store.ts';
import { answerPlan } from './answer-plan.ts';
import { escalationReply, type EscalationContext } from './escalation-reply.ts';
import { extractEvidence, mergeEvidence, type ExtractOptions } from './evidence.ts';
import type { Handoff, HandoffRequest } from './seam.ts';
import { conversationStateSchema, freshState } from './state.ts';
import { withoutVisitorIps } from './visitor-ip.ts';
import { say } from '../knowledge/wording.ts';

export type HandoffDeps = {
  store: ConversationStore;
  knowledge: EngineKnowledge;
  escalation: Omit<EscalationContext, 'knowledge'>;
  knownCodes: ReadonlySet<string>;
  reading: ExtractOptions;
};

/**
 * A moderator hand-off or a message shortcut: the user's stored conversation
 * (or just the message) as a case, with its transcript. Read-only: the
 * conversation itself is not changed.
 */
export async function buildHandoff(deps: HandoffDeps, request: HandoffRequest): Promise<Handoff> {
  const { store } = deps;
  const record = request.conversationId
    ? await store.get(conversationKey(request.platform, request.conversationId))
    : await store.latestForUser(request.platform, request.user);
  const parsed = record ? conversationStateSchema.safeParse(record.state) : undefined;
  const state = parsed?.success ? parsed.data : freshState();
  if (request.messageText) {
    const redacted = withoutVisitorIps(redactSecrets(request.messageText).text);
    state.facts = mergeEvidence(state.facts, extractEvidence(redacted, deps.knownCodes, deps.reading));
    state.firstQuestion ??= redacted.slice(0, 300);
    if (!state.code) state.code = answerPlan(deps.knowledge, redacted).code;
  }
  const note = request.requestedBy !== request.user ? say(deps.knowledge.wording, 'handedOffBy', { moderator: request.requestedBy }) : undefined;
  const reply = escalationReply({ ...deps.escalation, knowledge: deps.knowledge }, state, undefined, note);
  if (!reply.escalation) throw new Error('escalation reply without an escalation');
  // Records stored before visitor IPs were cut must not leak them into a moderator channel either.
  const transcript = (record?.transcript ?? []).map((e) => ({ ...e, text: withoutVisitorIps(e.text) }));
  return { escalation: reply.escalation, transcript, hadConversation: record !== undefined };
}
