import type { Config } from '../../src/config.ts';
import type { Platform, Reply, SupportEngine, Turn } from '../../src/conversation/seam.ts';
import { createEngine, type RunningEngine } from '../../src/create-engine.ts';
import { createLogger } from '../../src/log.ts';

/** One scripted step: free text, or the offered choice whose label matches. */
type Step = string | RegExp;
type Script = { platform: Platform; id: string; daysAgo: number; steps: Step[] };

/**
 * A week of conversations a maintainer would recognise: answered codes, a tree finished, a tree
 * left for another question, one that went quiet, questions the docs do not cover (twice in
 * different words), suggestions only, thumbs down on a page, and a human asked for.
 */
export const SEED_SCRIPTS: Script[] = [
  { platform: 'discord', id: 'd-1020', daysAgo: 6, steps: ['error 1020 on my site', /yes, solved/i] },
  { platform: 'cli', id: 'c-gadget', daysAgo: 6, steps: ['my smart fridge firmware keeps rebooting'] },
  { platform: 'slack', id: 's-gadget-2', daysAgo: 3, steps: ['smart fridge firmware rebooting again'] },
  { platform: 'slack', id: 's-billing-1', daysAgo: 6, steps: ['how do I get a refund for my invoice'] },
  { platform: 'cli', id: 'c-billing-2', daysAgo: 5, steps: ['refund my invoice please'] },
  { platform: 'discord', id: 'd-poem', daysAgo: 5, steps: ['write me a poem about penguins'] },
  { platform: 'slack', id: 's-poem-2', daysAgo: 4, steps: ['a poem about penguins please'] },
  { platform: 'cli', id: 'c-522-quiet', daysAgo: 4, steps: ['my site shows error 522'] },
  { platform: 'discord', id: 'd-522-left', daysAgo: 3, steps: ['error 522', 'now the page says error 1020 instead'] },
  { platform: 'slack', id: 's-human', daysAgo: 2, steps: ['error 1020', 'talk to a human'] },
  { platform: 'cli', id: 'c-cache', daysAgo: 1, steps: ['cloudflare plugin', /automatic cache/i, /no, still/i] },
  { platform: 'discord', id: 'd-cache-2', daysAgo: 1, steps: ['cloudflare plugin', /automatic cache/i, /no, still/i] },
  { platform: 'slack', id: 's-cache-3', daysAgo: 0, steps: ['cloudflare plugin', /automatic cache/i, /yes, solved/i] },
  { platform: 'slack', id: 's-hi', daysAgo: 0, steps: ['hello'] },
];

function dayClock(base: Date) {
  let now = base;
  return { clock: () => now, set: (date: Date) => (now = date) };
}

async function play(engine: SupportEngine, script: Script): Promise<Reply[][]> {
  const ref = { platform: script.platform, id: script.id, user: `u-${script.id}` };
  const all: Reply[][] = [];
  let last: Reply[] = [];
  for (const step of script.steps) {
    let input: Turn['input'];
    if (typeof step === 'string') input = { kind: 'text', text: step };
    else {
      const choice = last.flatMap((r) => r.choices ?? []).find((c) => step.test(c.label));
      if (!choice) break; // the knowledge changed shape; the rest of this script no longer applies
      input = { kind: 'choice', choiceId: choice.id };
    }
    last = await engine.handle({ conversation: ref, input });
    all.push(last);
  }
  return all;
}

/** Plays every script through the real engine on `config`'s store, each on its own day, and closes it. */
export async function seedConversations(config: Config, now = new Date()): Promise<{ replies: Record<string, Reply[][]> }> {
  const time = dayClock(now);
  const engine: RunningEngine = await createEngine({ config, logger: createLogger('silent'), store: 'sqlite', clock: time.clock });
  const replies: Record<string, Reply[][]> = {};
  try {
    for (const [i, script] of SEED_SCRIPTS.entries()) {
      time.set(new Date(now.getTime() - script.daysAgo * 86_400_000 - (SEED_SCRIPTS.length - i) * 60_000 - 3_600_000));
      replies[script.id] = await play(engine, script);
    }
  } finally {
    await engine.close();
  }
  return { replies };
}
