import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line written during a turn carries, wherever in the code it is written. */
export type TurnScope = { conversation: string; turn: string };

const scopes = new AsyncLocalStorage<TurnScope>();

/** Runs `work` as one turn: log lines inside it (engine, store, diagnostics) get the conversation key and a fresh turn id. */
export function inTurnScope<T>(conversation: string, work: () => Promise<T>): Promise<T> {
  return scopes.run({ conversation, turn: randomUUID().slice(0, 13) }, work);
}

export function currentTurnScope(): TurnScope | undefined {
  return scopes.getStore();
}
