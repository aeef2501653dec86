import type { Logger } from '../log.ts';
import type { TurnObserver } from '../observability/turn-report.ts';
import { inTurnScope } from '../observability/turn-scope.ts';
import { conversationKey } from '../store/conversation-record.ts';
import type { ConversationStore } from '../store/conversation-store.ts';
import { isExpired } from '../store/expiry.ts';
import { dispatch } from './dispatch.ts';
import { pendingStep } from './pending-step.ts';
import { RetentionPurge } from './retention.ts';
import { turnSchema, type ConversationRef, type Reply, type TranscriptEntry, type Turn } from './seam.ts';
import { conversationStateSchema, freshState, type ConversationState } from './state.ts';
import { appendTurn } from './transcript.ts';
import type { TurnContext, TurnDeps } from './turn-context.ts';
import { say } from '../knowledge/wording.ts';

/** Per-user and per-channel limits (src/safety/rate-limit.ts); a refusal without a notice is answered with silence. */
export type RateCheck = (conversation: ConversationRef) => Promise<{ allowed: boolean; notice?: string }>;

export type PipelineDeps = {
  store: ConversationStore;
  logger: Logger;
  clock: () => Date;
  ttlMinutes: number;
  rateCheck?: RateCheck | undefined;
  /** Told the outcome of every stored turn (metrics, turn log, report); never changes a reply. */
  observer?: TurnObserver | undefined;
  /** What the turn about to start answers with (read once per turn: knowledge may be swapped between turns). */
  turnDeps: () => TurnDeps;
};

const MS_PER_MINUTE = 60_000;

/**
 * One turn, start to end: validate -> rate limit -> retention purge (background)
 * -> lock the conversation -> load its state (or notice it expired) -> dispatch
 * -> append to the transcript and save -> tell the observer -> reply.
 */
export class TurnPipeline {
  private readonly retention: RetentionPurge;

  constructor(private readonly deps: PipelineDeps) {
    this.retention = new RetentionPurge(deps.store, deps.logger, deps.clock);
  }

  private get ttlMs(): number {
    return this.deps.ttlMinutes * MS_PER_MINUTE;
  }

  async handle(rawTurn: Turn): Promise<Reply[]> {
    const parsed = turnSchema.safeParse(rawTurn);
    if (!parsed.success) return [{ text: say(this.deps.turnDeps().knowledge.wording, 'unreadable') }];
    const turn = parsed.data;
    const limit = await this.deps.rateCheck?.(turn.conversation);
    if (limit && !limit.allowed) return limit.notice ? [{ text: limit.notice }] : [];
    const key = conversationKey(turn.conversation.platform, turn.conversation.id);
    this.retention.runIfDue();
    const { store } = this.deps;
    if (turn.input.kind === 'command' && turn.input.name === 'resume') return store.withTurnLock(key, () => this.resumeReadOnly(key));
    return inTurnScope(key, () => store.withTurnLock(key, () => this.handleInOrder(turn, key)));
  }

  /** A door reconnecting asks what is pending; asking must not create or extend a conversation. */
  private async resumeReadOnly(key: string): Promise<Reply[]> {
    const record = await this.deps.store.get(key);
    if (!record || isExpired(record, this.deps.clock(), this.ttlMs)) return [];
    const state = conversationStateSchema.safeParse(record.state);
    if (!state.success) return [];
    const { knowledge } = this.deps.turnDeps();
    const pending = pendingStep(knowledge, state.data);
    return pending ? [{ text: say(knowledge.wording, 'welcomeBack') }, pending] : [];
  }

  private async handleInOrder(turn: Turn, key: string): Promise<Reply[]> {
    const started = performance.now();
    const now = this.deps.clock();
    const record = await this.deps.store.get(key);
    const expired = record !== undefined && isExpired(record, now, this.ttlMs);
    const live = record && !expired ? record : undefined;
    const stored = live ? conversationStateSchema.safeParse(live.state) : undefined;
    const state = stored?.success ? stored.data : freshState();
    const ctx: TurnContext = { deps: this.deps.turnDeps(), turn, state, notices: [] };
    const { wording } = ctx.deps.knowledge;

    if (expired && turn.input.kind === 'choice') {
      await this.save(turn, key, freshState(), [], record?.createdAt);
      return [{ text: say(wording, 'expiredChoice', { minutes: this.deps.ttlMinutes }), expired: true }];
    }
    if (expired) ctx.notices.push({ text: say(wording, 'expiredFresh', { minutes: this.deps.ttlMinutes }) });

    const before = structuredClone(state);
    const observe = (replies: Reply[]) => this.observe({ turn, key, before, after: ctx.state, replies, userText: ctx.userText, outcome: ctx.outcome, latencyMs: performance.now() - started, at: now });
    let replies: Reply[];
    try {
      replies = await dispatch(ctx);
    } catch (error) {
      this.deps.logger.error({ err: error, conversation: key }, 'engine turn failed');
      const sorry = [{ text: say(wording, 'engineApology') }];
      ctx.outcome = 'error';
      await observe(sorry);
      return sorry;
    }
    const transcript = appendTurn(live?.transcript ?? [], turn, ctx.userText, replies, now.toISOString());
    await this.save(turn, key, ctx.state, transcript, live?.createdAt);
    await observe(replies);
    return [...dedupeByText(ctx.notices), ...replies];
  }

  private async observe(report: Parameters<TurnObserver>[0]): Promise<void> {
    try {
      await this.deps.observer?.(report);
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'turn observer failed');
    }
  }

  private async save(turn: Turn, key: string, state: ConversationState, transcript: TranscriptEntry[], createdAt?: string): Promise<void> {
    const now = this.deps.clock().toISOString();
    await this.deps.store.put({
      key,
      platform: turn.conversation.platform,
      conversationId: turn.conversation.id,
      user: turn.conversation.user,
      state,
      transcript,
      createdAt: createdAt ?? now,
      updatedAt: now,
    });
  }
}

/** The same notice twice in one turn (two secrets of a kind) is said once. */
function dedupeByText(notices: Reply[]): Reply[] {
  return notices.filter((n, i) => notices.findIndex((m) => m.text === n.text) === i);
}
