import { afterEach, describe, expect, it } from 'vitest';
import { reasonText } from '../../src/knowledge/reason.ts';
import { createLogger } from '../../src/log.ts';
import { conversationKey } from '../../src/store/conversation-record.ts';
import { SqliteConversationStore } from '../../src/store/index.ts';
import { shippedWording } from '../support/shipped-wording.ts';
import { allText, conversation, testEngine } from '../support/engine.ts';

const TRACE = 'fl=29f47\nh=shop.example.com\nip=203.0.113.7\nts=1795461853.123\ncolo=FRA\nhttp=http/2\nloc=DE\ntls=TLSv1.3\nwarp=off';
const OPENING = `My site shop.example.com shows error 522, I am on the Pro plan. My trace:\n${TRACE}`;

/** A conversation state as saved before reasons carried their source: every reason is its finished sentence. */
function asOldRecord(state: unknown): unknown {
  if (Array.isArray(state)) return state.map(asOldRecord);
  if (state === null || typeof state !== 'object') return state;
  const entries = Object.entries(state);
  if (entries.length === 3 && 'source' in state && 'key' in state && 'values' in state) return reasonText(shippedWording, state as Parameters<typeof reasonText>[1]);
  return Object.fromEntries(entries.map(([name, value]) => [name, asOldRecord(value)]));
}

describe('conversations saved with plain-sentence reasons', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((c) => c()));
  });

  it('still load after a restart, and give the same case summary, "(you said)" and "(from your trace)" included', async () => {
    const first = await testEngine({ store: 'sqlite' });
    const opened = await conversation(first.engine, 'new-shape').say(OPENING);
    await conversation(first.engine, 'old-shape').say(OPENING);
    // What the user saw in the first turn: the reasons are sentences, not keys.
    expect(allText(opened)).toContain('Since you mentioned error 522, I took');
    await first.engine.close();

    // Rewrite one conversation as an older release stored it.
    const store = new SqliteConversationStore(first.dataDir, createLogger('silent'));
    const key = conversationKey('cli', 'old-shape');
    const record = await store.get(key);
    expect(JSON.stringify(record?.state)).toContain('"source":"said"');
    const old = asOldRecord(record?.state);
    expect(JSON.stringify(old)).not.toContain('"source"');
    expect(JSON.stringify(old)).toContain('"plan":"you said you are on the Pro plan"');
    if (record) await store.put({ ...record, state: old });
    await store.close();

    const second = await testEngine({ store: 'sqlite', dataDir: first.dataDir });
    cleanups.push(second.cleanup);
    const summaryOf = async (id: string) => (await conversation(second.engine, id).say('talk to a human')).find((r) => r.escalation)?.escalation?.summary;
    const fresh = await summaryOf('new-shape');
    const loaded = await summaryOf('old-shape');
    expect(fresh).toContain('Plan: Pro (you said)');
    expect(fresh).toContain('Data center (colo): FRA (from your trace)');
    expect(fresh).toMatch(/→ .* \(you said\)/);
    expect(loaded).toBe(fresh);
  });

  it('still load when a reason names a text the wording file no longer has, and say so in neutral words', async () => {
    const first = await testEngine({ store: 'sqlite' });
    await conversation(first.engine, 'renamed').say(OPENING);
    await first.engine.close();
    const store = new SqliteConversationStore(first.dataDir, createLogger('silent'));
    const key = conversationKey('cli', 'renamed');
    const record = await store.get(key);
    const renamed = JSON.parse(JSON.stringify(record?.state).replaceAll('"key":"becausePlanSaid"', '"key":"becauseAnOldName"')) as unknown;
    expect(JSON.stringify(renamed)).toContain('becauseAnOldName');
    if (record) await store.put({ ...record, state: renamed });
    await store.close();

    const second = await testEngine({ store: 'sqlite', dataDir: first.dataDir });
    cleanups.push(second.cleanup);
    const summary = (await conversation(second.engine, 'renamed').say('talk to a human')).find((r) => r.escalation)?.escalation?.summary ?? '';
    // The conversation kept everything else it knew: the code, the colo, the plan itself.
    expect(summary).toContain('522');
    expect(summary).toContain('Data center (colo): FRA (from your trace)');
    expect(summary).toContain('Plan: Pro');
    expect(summary).not.toContain('becauseAnOldName');
  });
});
