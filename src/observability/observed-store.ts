import type { BotMetrics } from '../metrics/bot-metrics.ts';
import type { ConversationStore } from '../store/conversation-store.ts';
import type { BotEventLog } from './turn-events.ts';

/**
 * The store the engine is given, with feedback also counted and kept per page for the report.
 * Every other call goes straight through, so any backend (sqlite, memory, Redis) works unchanged.
 */
export function observeFeedback(store: ConversationStore, deps: { metrics?: BotMetrics; events?: BotEventLog }): ConversationStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'recordFeedback') {
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      const record: ConversationStore['recordFeedback'] = async (event) => {
        await target.recordFeedback(event);
        deps.metrics?.feedback.inc({ page: event.pageId ?? 'none', vote: event.helpful ? 'up' : 'down' });
        await deps.events?.append({ type: 'feedback', at: event.at, key: event.key, helpful: event.helpful, ...(event.pageId ? { page: event.pageId } : {}) });
      };
      return record;
    },
  });
}
