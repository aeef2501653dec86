import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Reply, SupportEngine, Turn } from '../../src/conversation/seam.ts';
import { createEngine } from '../../src/create-engine.ts';
import { createLogger } from '../../src/log.ts';

/** A real engine on the shipped knowledge, with its own temporary DATA_DIR. */
export async function testEngine(options: { store?: 'memory' | 'sqlite'; dataDir?: string; clock?: () => Date; env?: Record<string, string>; allowPrivateUrlChecks?: boolean } = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cfbot-'));
  const config: Config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...options.env });
  const engine = await createEngine({
    config,
    logger: createLogger('silent'),
    store: options.store ?? 'memory',
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.allowPrivateUrlChecks ? { allowPrivateUrlChecks: true } : {}),
  });
  return {
    engine,
    dataDir,
    cleanup: async () => {
      await engine.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Drives one conversation the way a door would. */
export function conversation(engine: SupportEngine, id = 'c1', user = `user-${id}`) {
  const ref = { platform: 'cli' as const, id, user };
  let last: Reply[] = [];
  const send = async (input: Turn['input']) => (last = await engine.handle({ conversation: ref, input }));
  return {
    say: (text: string) => send({ kind: 'text', text }),
    choose: (choiceId: string) => send({ kind: 'choice', choiceId }),
    command: (name: Extract<Turn['input'], { kind: 'command' }>['name'], args: Record<string, string> = {}) => send({ kind: 'command', name, args }),
    /** Picks the offered choice whose label matches, failing loudly if it is not offered. */
    pick: async (label: RegExp) => {
      const offered = last.flatMap((r) => r.choices ?? []);
      const choice = offered.find((c) => label.test(c.label));
      if (!choice) throw new Error(`no choice matching ${label} among: ${offered.map((c) => c.label).join(' | ')}`);
      return send({ kind: 'choice', choiceId: choice.id });
    },
    get last() {
      return last;
    },
  };
}

export const allText = (replies: Reply[]) => replies.map((r) => `${r.title ?? ''}\n${r.text}`).join('\n');
export const allSources = (replies: Reply[]) => replies.flatMap((r) => r.sources ?? []).map((s) => s.url);
export const choicesOf = (replies: Reply[]) => replies.flatMap((r) => r.choices ?? []);
