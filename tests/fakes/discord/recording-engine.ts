import type { ConversationRef, Handoff, HandoffRequest, Reply, SupportEngine, Turn } from '../../../src/conversation/seam.ts';

/**
 * Wraps the real engine: records what the door asked and what it got, and
 * lets a test script the next answer (a long one, one with @everyone, a throw)
 * without knowing the engine's knowledge.
 */
export class RecordingEngine implements SupportEngine {
  /** `at`: when the engine finished, so a test can tell what the door sent afterwards. */
  readonly turns: { turn: Turn; replies: Reply[] | Error; at: number }[] = [];
  readonly handoffs: { request: HandoffRequest; handoff: Handoff }[] = [];
  private readonly scripted: (() => Promise<Reply[]>)[] = [];

  constructor(private readonly inner: SupportEngine) {}

  answerNextWith(replies: Reply[]): void {
    this.scripted.push(async () => replies);
  }

  failNext(error: Error): void {
    this.scripted.push(async () => {
      throw error;
    });
  }

  /** The next turn waits until released: shows what the user sees while the engine is still thinking. */
  holdNext(replies: Reply[]): { release(): void } {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    this.scripted.push(async () => {
      await gate;
      return replies;
    });
    return { release: () => release() };
  }

  wouldAnswer(conversation: ConversationRef): Promise<boolean> {
    return this.inner.wouldAnswer?.(conversation) ?? Promise.resolve(true);
  }

  async handle(turn: Turn): Promise<Reply[]> {
    const next = this.scripted.shift() ?? (() => this.inner.handle(turn));
    try {
      const replies = await next();
      this.turns.push({ turn, replies, at: Date.now() });
      return replies;
    } catch (error) {
      this.turns.push({ turn, replies: error as Error, at: Date.now() });
      throw error;
    }
  }

  /** Replies of the last successful turn, for comparing with what the user saw. */
  lastReplies(): Reply[] {
    const last = [...this.turns].reverse().find((t) => Array.isArray(t.replies));
    if (!last || !Array.isArray(last.replies)) throw new Error('the engine has not answered yet');
    return last.replies;
  }

  codeSuggestions(prefix: string, limit?: number): { code: string; title: string }[] {
    return this.inner.codeSuggestions(prefix, limit);
  }

  async handoff(request: HandoffRequest): Promise<Handoff> {
    const handoff = await this.inner.handoff(request);
    this.handoffs.push({ request, handoff });
    return handoff;
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
