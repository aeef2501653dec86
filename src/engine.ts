import type { Config } from './config.ts';
import type { Logger } from './log.ts';
import type { SupportEngine } from './conversation/seam.ts';

export type EngineOptions = {
  config: Config;
  logger?: Logger;
  /** 'memory' for tests; default 'sqlite' under config.DATA_DIR. */
  store?: 'memory' | 'sqlite';
};

/**
 * PLACEHOLDER until the conversation engine lands: answers every text with a
 * fixed card so doors can be built against the seam. Replaced, not extended.
 */
export async function createEngine(_options: EngineOptions): Promise<SupportEngine> {
  return {
    async handle(turn) {
      const text = turn.input.kind === 'text' ? turn.input.text : turn.input.kind === 'choice' ? turn.input.choiceId : turn.input.name;
      if (turn.input.kind === 'command' && turn.input.name === 'escalate') {
        return [{ title: 'Escalation', text: 'Open a case with this summary.', escalation: { url: 'https://dash.cloudflare.com/?to=/:account/support', summary: `Summary for ${turn.conversation.user}`, checklist: ['HAR file'], audience: 'cloudflare-support' } }];
      }
      return [{
        title: 'Error 1020: Access denied',
        text: `You said: ${text}`,
        sources: [{ title: 'Error 1020', url: 'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/error-1020/' }],
        choices: [{ id: 'solved:yes', label: 'Yes, solved' }, { id: 'solved:no', label: 'No, still broken' }],
        feedback: true,
      }];
    },
    codeSuggestions(prefix, limit = 25) {
      return [{ code: '1020', title: 'Error 1020: Access denied' }, { code: '522', title: 'Error 522' }].filter((c) => c.code.startsWith(prefix)).slice(0, limit);
    },
    async handoff(req) {
      return { escalation: { url: 'https://dash.cloudflare.com/?to=/:account/support', summary: `Hand-off for ${req.user}`, checklist: [], audience: 'cloudflare-support' }, transcript: [], hadConversation: false };
    },
    async close() {},
  };
}
