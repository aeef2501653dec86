import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SupportEngine } from '../../src/conversation/seam.ts';
import { allSources, allText, choicesOf, conversation, testEngine } from '../support/engine.ts';

/** What a person sees for each of the answer policy's three outcomes, through the real engine. */
describe('answer, suggest or abstain, in a conversation', () => {
  let engine: SupportEngine;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ engine, cleanup } = await testEngine()));
  afterAll(async () => cleanup());

  it('a vague question gets the closest pages and a person, never a bare "not in the docs"', async () => {
    const chat = conversation(engine, 'vague');
    const replies = await chat.say('cloudflare issue');
    expect(allText(replies)).toMatch(/look closest/);
    expect(allText(replies)).not.toMatch(/could not find/i);
    const choices = choicesOf(replies);
    expect(choices.filter((c) => c.id.startsWith('pick:')).length).toBeGreaterThanOrEqual(2);
    expect(choices.map((c) => c.id)).toContain('escalate');
    const picked = await chat.choose(choices[0]?.id ?? '');
    expect(allSources(picked).length).toBeGreaterThan(0);
  });

  it('a question in another language gets its page and, once, a note that answers are in English', async () => {
    const chat = conversation(engine, 'spanish');
    const first = await chat.say('Mi sitio muestra el error 522 desde ayer');
    expect(allText(first)).toMatch(/Spanish detected: I answer in English/);
    expect(allSources(first).some((url) => url.includes('/error-522/'))).toBe(true);
    const again = await chat.say('Ahora veo el error 521, no carga');
    expect(allText(again)).not.toMatch(/detected: I answer in English/);
  });

  it('a real post with a pasted log and product names is answered, not declined', async () => {
    const post = 'Running Ghost on a Hetzner VPS with Caddy in front.\n2024-06-01T10:00:00Z caddy INFO serving https\nSince enabling the proxy, every page fails with "too many redirects" in Chrome and Firefox.';
    const replies = await conversation(engine, 'long-post').say(post);
    expect(allText(replies)).not.toMatch(/could not find|outside what I know/i);
    expect(allSources(replies).length).toBeGreaterThan(0);
  });
});
