/**
 * The shared store (Redis) did not answer in time or is disconnected. Raised by every store call
 * that needs it, so the engine can tell "my memory is away" from "my logic broke".
 */
export class StoreUnavailableError extends Error {
  constructor(operation: string, cause: unknown) {
    super(`shared store unavailable during ${operation}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** What a person sees while the store is away: short, honest, and it tells them what to do. */
export const MEMORY_UNAVAILABLE_TEXT = "I can't reach my memory right now, please try again in a minute.";

/** Runs a store call, turning any failure into StoreUnavailableError naming the operation. */
export async function storeCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw error;
    throw new StoreUnavailableError(operation, error);
  }
}
