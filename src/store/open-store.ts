import { createLogger, type Logger } from '../log.ts';
import type { ConversationStore } from './conversation-store.ts';
import { MemoryConversationStore } from './memory-store.ts';
import { SqliteConversationStore } from './sqlite-store.ts';

export type StoreKind = 'memory' | 'sqlite';

export type StoreOptions = {
  kind: StoreKind;
  /** Directory for `conversations.sqlite` (config.DATA_DIR); created if missing. Ignored by the memory store. */
  dataDir: string;
  /** Receives warnings about unreadable rows; defaults to the app logger on stderr. */
  logger?: Logger;
};

/** Async so a networked backend (REDIS_URL) can join later without changing callers. */
export async function openStore(options: StoreOptions): Promise<ConversationStore> {
  switch (options.kind) {
    case 'memory':
      return new MemoryConversationStore();
    case 'sqlite':
      return new SqliteConversationStore(options.dataDir, options.logger ?? createLogger());
  }
}
