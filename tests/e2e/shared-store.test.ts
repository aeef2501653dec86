import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Reply, Turn } from '../../src/conversation/seam.ts';
import { createEngine } from '../../src/create-engine.ts';
import { createLogger } from '../../src/log.ts';
import { conversationKey } from '../../src/store/conversation-record.ts';
import { MEMORY_UNAVAILABLE_TEXT } from '../../src/store/store-unavailable.ts';
import { allText, choicesOf } from '../support/engine.ts';
import { hasRedisServer, RedisServer, uniquePrefix } from '../support/redis-server.ts';
import { redisInstance, type SharedInstance } from '../support/shared-engines.ts';

const STALE = /from an earlier step or an expired conversation/;

function turnIn(id: string, input: Turn['input'], user = 'UASKER'): Turn {
  return { conversation: { platform: 'slack', id, user, place: id.split(':')[0] }, input };
}
const say = (id: string, text: string, user?: string) => turnIn(id, { kind: 'text', text }, user);

describe.runIf(hasRedisServer)('two bot processes sharing Redis', () => {
  let server: RedisServer;
  const instances: SharedInstance[] = [];
  async function pair(env: Record<string, string> = {}): Promise<[SharedInstance, SharedInstance]> {
    const prefix = uniquePrefix();
    const a = await redisInstance(server.url, prefix, env);
    const b = await redisInstance(server.url, prefix, env);
    instances.push(a, b);
    return [a, b];
  }

  beforeAll(async () => {
    server = await RedisServer.start({ persistent: true });
  });
  afterEach(async () => {
    for (const instance of instances.splice(0)) await instance.engine.close();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('continues a tree on B that started on A', async () => {
    const [a, b] = await pair();
    const first = await a.engine.handle(say('C1:1.1', 'error 1020'));
    const visitor = choicesOf(first).find((c) => /visitor/i.test(c.label));
    expect(visitor).toBeDefined();
    const next = await b.engine.handle(turnIn('C1:1.1', { kind: 'choice', choiceId: visitor!.id }));
    expect(allText(next)).not.toMatch(STALE);
    expect(allText(next)).toMatch(/Only the site owner can fix this/);
    const record = await a.backend.store.get(conversationKey('slack', 'C1:1.1'));
    expect(record?.transcript.filter((e) => e.role === 'user').map((e) => e.text)).toEqual(['error 1020', `[chose ${visitor!.id}]`]);
  });

  it('serializes concurrent turns of one conversation on two processes: no turn is lost', async () => {
    const [a, b] = await pair();
    const texts = Array.from({ length: 12 }, (_, i) => `hello number ${i}`);
    await Promise.all(texts.map((text, i) => (i % 2 === 0 ? a : b).engine.handle(say('C2:2.2', text, `U${i}`))));
    const record = await b.backend.store.get(conversationKey('slack', 'C2:2.2'));
    const stored = record?.transcript.filter((e) => e.role === 'user').map((e) => e.text) ?? [];
    expect([...stored].sort()).toEqual([...texts].sort());
  });

  it('holds a per-user limit across both: limit answers, one notice, then silence', async () => {
    const [a, b] = await pair({ RATE_LIMIT_USER_PER_MINUTE: '4' });
    const answers: Reply[][] = [];
    for (let i = 0; i < 12; i += 1) answers.push(await (i % 2 === 0 ? a : b).engine.handle(say(`C3:${i}.0`, 'hi', 'UFLOOD')));
    const notices = answers.filter((r) => r.length === 1 && /faster than I can help/.test(r[0]!.text));
    expect(answers.filter((r) => r.length > 0 && !/faster than I can help/.test(r[0]!.text))).toHaveLength(4);
    expect(notices).toHaveLength(1);
    expect(answers.filter((r) => r.length === 0)).toHaveLength(7);
  });

  it('says it cannot reach its memory while Redis is down, recovers when it is back, and loses nothing', async () => {
    const [a] = await pair();
    const first = await a.engine.handle(say('C4:4.4', 'error 1020'));
    const visitor = choicesOf(first).find((c) => /visitor/i.test(c.label))!;

    await server.kill();
    for (const text of ['are you there?', 'hello?']) {
      const started = Date.now();
      const replies = await a.engine.handle(say('C4:4.4', text));
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(replies).toEqual([{ text: MEMORY_UNAVAILABLE_TEXT }]);
    }

    await server.launch();
    // ioredis reconnects by itself; the first turn after it does finds the tree where it was.
    let next: Reply[] = [];
    const deadline = Date.now() + 10_000;
    do {
      await new Promise((resolve) => setTimeout(resolve, 200));
      next = await a.engine.handle(turnIn('C4:4.4', { kind: 'choice', choiceId: visitor.id }));
    } while (allText(next) === MEMORY_UNAVAILABLE_TEXT && Date.now() < deadline);
    expect(allText(next)).toMatch(/Only the site owner can fix this/);
    const record = await a.backend.store.get(conversationKey('slack', 'C4:4.4'));
    expect(record?.transcript.filter((e) => e.role === 'user').map((e) => e.text)).toEqual(['error 1020', `[chose ${visitor.id}]`]);
  });

  it('answers within 2 s while Redis hangs, and carries on when it wakes up', async () => {
    const [a] = await pair();
    await a.engine.handle(say('C5:5.5', 'error 1020'));
    server.freeze(true);
    try {
      const started = Date.now();
      expect(await a.engine.handle(say('C5:5.5', 'still there?'))).toEqual([{ text: MEMORY_UNAVAILABLE_TEXT }]);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      server.freeze(false);
    }
    const record = await a.backend.store.get(conversationKey('slack', 'C5:5.5'));
    expect(record?.transcript[0]?.text).toBe('error 1020');
    expect(allText(await a.engine.handle(say('C5:5.5', 'error 522')))).not.toBe(MEMORY_UNAVAILABLE_TEXT);
  });

  it('refuses to start when Redis cannot be reached, naming REDIS_URL and the address', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', REDIS_URL: 'redis://:s3cret@127.0.0.1:1' });
    const attempt = createEngine({ config, logger: createLogger('silent') });
    await expect(attempt).rejects.toThrow(/Cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(REDIS_URL\)/);
    await expect(attempt).rejects.not.toThrow(/s3cret/);
  });
});
