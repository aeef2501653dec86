import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ConversationEngine } from '../conversation/engine.ts';
import { loadEngineKnowledge } from '../engine-knowledge.ts';
import { loadSupportConfig } from '../escalation/support-config.ts';
import { turnFields } from '../log.ts';
import { MemoryConversationStore } from '../store/memory-store.ts';

describe('turn scope on log lines', () => {
  it('a line written anywhere during a turn carries the conversation key and that turn id; lines outside carry neither', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info', mixin: turnFields }, new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>), done()) }));
    const engine = new ConversationEngine({
      knowledge: loadEngineKnowledge('./knowledge'),
      store: new MemoryConversationStore(),
      escalation: { caseUrl: 'https://example.com/case', support: loadSupportConfig('./knowledge/support.yaml') },
      ttlMinutes: 30,
      logger,
      // An observer that fails: its warning is written deep inside the turn.
      observer: () => {
        logger.info('inside');
        throw new Error('observer broke');
      },
    });
    const ref = { platform: 'slack' as const, id: 'C1-1.2', user: 'U1' };
    await engine.handle({ conversation: ref, input: { kind: 'text', text: 'error 1020' } });
    await engine.handle({ conversation: ref, input: { kind: 'text', text: 'error 522' } });
    logger.info('outside');
    const inside = lines.filter((l) => l['msg'] !== 'outside');
    expect(inside.map((l) => l['msg'])).toEqual(['inside', 'turn observer failed', 'inside', 'turn observer failed']);
    expect(inside.every((l) => l['conversation'] === 'slack:C1-1.2' && typeof l['turn'] === 'string')).toBe(true);
    expect(new Set(inside.map((l) => l['turn'])).size).toBe(2);
    expect(lines.find((l) => l['msg'] === 'outside')).not.toHaveProperty('turn');
  });
});
