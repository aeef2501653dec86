import type { Logger } from '../../../src/log.ts';

/**
 * Wraps an async listener so a failure is logged and stops there: discord.js
 * turns a rejected listener into a Client 'error', and an unhandled one ends
 * the process.
 */
export function guarded<Args extends unknown[]>(logger: Logger, event: string, listener: (...args: Args) => Promise<void>): (...args: Args) => void {
  return (...args) => {
    listener(...args).catch((error: unknown) => logger.error({ err: error, event }, 'Discord listener failed'));
  };
}
