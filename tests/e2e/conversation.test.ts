import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SupportEngine } from '../../src/conversation/seam.ts';
import { allSources, allText, choicesOf, conversation, testEngine } from '../support/engine.ts';

const BRANDED_502_PAGE = `Bad gateway Error code 502
Visit cloudflare.com for more information.
2026-11-23 18:02:11 UTC
You
Browser
Working
Frankfurt
Cloudflare
Working
shop.example.com
Host
Error
What happened?
The web server reported a bad gateway error.
What can I do?
Please try again in a few minutes.
Cloudflare Ray ID: 8e5f1a2b3c4d5e6f • Your IP: 203.0.113.7 • Performance & security by Cloudflare`;

const TRACE = `fl=29f47
h=shop.example.com
ip=203.0.113.7
ts=1795461853.123
visit_scheme=https
uag=Mozilla/5.0
colo=FRA
sliver=none
http=http/2
loc=DE
tls=TLSv1.3
sni=plaintext
warp=off
gateway=off`;

describe('conversation engine', () => {
  let engine: SupportEngine;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ engine, cleanup } = await testEngine());
  });
  afterAll(() => cleanup());

  it('walks "my site shows a 502" to the origin-side answer, citing the docs section', async () => {
    const chat = conversation(engine, 'walk-502');
    const first = await chat.say('my site shows a 502');
    expect(allSources(first).some((u) => u.includes('/error-502-504/'))).toBe(true);
    let replies = first;
    // Questions already answered by the message (it's "my site", code 502) are skipped; answer the rest.
    for (let i = 0; i < 5 && !allText(replies).match(/hosting provider/i); i++) {
      const labels = choicesOf(replies).map((c) => c.label);
      const pickable = labels.find((l) => /branded|logo|cloudflare/i.test(l) && /yes|branded|logo/i.test(l) && !/no\b|blank|without/i.test(l));
      if (!pickable) break;
      replies = await chat.pick(new RegExp(pickable.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    }
    expect(allText(replies)).toMatch(/hosting provider/i);
    expect(allSources(replies).some((u) => u.includes('error-502-504'))).toBe(true);
    expect(choicesOf(replies).map((c) => c.id)).toContain('solved:no');
  });

  it('skips the branded question when a Cloudflare error page is pasted, and says why', async () => {
    const chat = conversation(engine, 'pasted-page');
    const replies = await chat.say(`I get this on my site:\n${BRANDED_502_PAGE}`);
    const text = allText(replies);
    expect(text).toMatch(/pasted/i);
    expect(text).toMatch(/branded/i);
    expect(choicesOf(replies).some((c) => /branded/i.test(c.label))).toBe(false);
  });

  it('keeps a pasted trace and Ray ID and puts them in the escalation summary', async () => {
    const chat = conversation(engine, 'trace');
    await chat.say('error 522 on my site https://shop.example.com/cart since 14:05 UTC');
    await chat.say(`here is my trace\n${TRACE}`);
    await chat.say('Ray ID 8e5f1a2b3c4d5e6f-FRA');
    const replies = await chat.say('talk to a human');
    const escalation = replies.find((r) => r.escalation)?.escalation;
    expect(escalation).toBeDefined();
    expect(escalation?.summary).toContain('522');
    expect(escalation?.summary).toContain('8e5f1a2b3c4d5e6f');
    expect(escalation?.summary).toContain('FRA');
    expect(escalation?.summary).toContain('shop.example.com');
    expect(escalation?.summary).toMatch(/never share|passwords|api keys/i);
    expect(escalation?.checklist.join('\n')).toMatch(/mtr|traceroute/i);
    expect(escalation?.url).toMatch(/^https:\/\/dash\.cloudflare\.com/);
  });

  it('tells a blocked visitor that only the site owner can help, with the Ray ID to send', async () => {
    const chat = conversation(engine, 'visitor-1020');
    let replies = await chat.say("I'm a visitor and a website shows error 1020 access denied, Ray ID 8e5f1a2b3c4d5e6f-LHR");
    for (let i = 0; i < 3 && !replies.some((r) => r.escalation); i++) {
      const visitorChoice = choicesOf(replies).find((c) => /visit|not my|someone else/i.test(c.label));
      if (!visitorChoice) break;
      replies = await chat.choose(visitorChoice.id);
    }
    const escalation = replies.find((r) => r.escalation)?.escalation;
    expect(escalation?.audience).toBe('site-owner');
    expect(allText(replies)).toMatch(/owner/i);
    expect(escalation?.summary).toContain('8e5f1a2b3c4d5e6f');
  });

  it('answers a code without a tree with a card: meaning, causes, resolution, source', async () => {
    const replies = await conversation(engine, 'card').say('error 1013 HTTP hostname and TLS SNI hostname mismatch');
    const text = allText(replies);
    expect(text).toMatch(/1013/);
    expect(text).toMatch(/Resolution|Common cause/);
    expect(allSources(replies).some((u) => u.includes('/error-1013/'))).toBe(true);
    expect(replies.at(-1)?.text).toMatch(/Did that solve it\?/);
  });

  it('closes with thanks on "yes" and escalates on "no" after a card', async () => {
    const yes = conversation(engine, 'card-yes');
    await yes.say('error 1013');
    expect(allText(await yes.say('yes'))).toMatch(/glad/i);
    const no = conversation(engine, 'card-no');
    await no.say('error 1013');
    const replies = await no.choose('solved:no');
    expect(replies.some((r) => r.escalation)).toBe(true);
  });

  it('abstains honestly on questions the docs do not cover and offers a human', async () => {
    const replies = await conversation(engine, 'off-topic').say('what is the best pizza topping');
    expect(allText(replies)).toMatch(/could not find|outside what I know/i);
    expect(choicesOf(replies).map((c) => c.id)).toContain('escalate');
  });

  it('offers up to three suggestions when the question is ambiguous, and answers the one picked', async () => {
    const chat = conversation(engine, 'ambiguous');
    const replies = await chat.say('cloudflare plugin');
    const ids = choicesOf(replies).map((c) => c.id);
    const picks = ids.filter((id) => id.startsWith('pick:'));
    expect(picks.length).toBeGreaterThanOrEqual(2);
    expect(picks.length).toBeLessThanOrEqual(3);
    expect(ids).toEqual([...picks, 'escalate']);
    const answered = await chat.choose(picks[0]!);
    expect(allSources(answered).length).toBeGreaterThan(0);
    expect(choicesOf(answered).map((c) => c.id)).toContain('solved:yes');
  });

  it('answers a question that names the plugin outright with the WordPress plugin pages only', async () => {
    // Two plugin pages come out nearly level (the plugin's settings, its cache management): the
    // policy may answer with one or offer both; either way nothing but WordPress is offered.
    const replies = await conversation(engine, 'named-plugin').say('wordpress cloudflare plugin');
    const offered = [...allSources(replies), ...choicesOf(replies).filter((c) => c.id.startsWith('pick:')).map((c) => c.label)];
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.filter((u) => !/wordpress|talk|human|none/i.test(u))).toEqual([]);
  });

  it('"start over" and "talk to a human" work from inside a tree', async () => {
    const chat = conversation(engine, 'anywhere');
    await chat.say('error 521 on my site');
    expect(allText(await chat.say('start over'))).toMatch(/started over/i);
    await chat.say('error 525 on my site');
    const human = await chat.say('can I talk to a human please');
    expect(human.some((r) => r.escalation)).toBe(true);
  });

  it('carries definite answers into the next tree on a hand-over, and asks what is still open', async () => {
    const chat = conversation(engine, 'hand-over');
    await chat.choose('flow:5xx-triage');
    await chat.pick(/I run this site/);
    const pointer = await chat.pick(/520, 521, 522, 523 or 524/);
    const goTo = choicesOf(pointer).find((c) => c.id === 'flow:origin-connectivity');
    expect(goTo).toBeDefined();
    const next = await chat.choose(goTo?.id ?? '');
    const text = allText(next);
    // The role was answered in the first tree; the code range was not definite, so it is asked.
    expect(choicesOf(next).some((c) => /I run this site|visiting/i.test(c.label))).toBe(false);
    expect(text).toMatch(/Since you answered “I run this site/);
    expect(choicesOf(next).some((c) => /^52[0-4]\b/.test(c.label))).toBe(true);
  });

  it('lets the opening message answer tree questions it states outright, quoting it', async () => {
    const replies = await conversation(engine, 'redirects').say('my site says too many redirects after enabling ssl');
    expect(allText(replies)).toMatch(/you said “too many redirects”/);
    expect(choicesOf(replies).some((c) => /Flexible/.test(c.label))).toBe(true);
  });

  it('restarts politely when a new, unrelated question arrives mid-tree', async () => {
    const chat = conversation(engine, 'new-question');
    await chat.say('error 502 on my site');
    const replies = await chat.say('how do I open a support ticket with cloudflare on the pro plan');
    expect(allText(replies)).toMatch(/new question/i);
    expect(allSources(replies).some((u) => u.includes('contacting-cloudflare-support'))).toBe(true);
  });

  it('answers an unknown or stale button with a clear message, never a crash', async () => {
    const chat = conversation(engine, 'stale');
    expect(allText(await chat.choose('opt:5xx-triage:nope:nope'))).toMatch(/earlier step|expired/i);
    expect(allText(await chat.choose('totally-made-up'))).toMatch(/earlier step|expired/i);
    await chat.say('error 1013');
    expect(allText(await chat.choose('pick:0'))).toMatch(/earlier step|expired/i);
  });

  it('greets, explains itself and takes thanks without searching the docs', async () => {
    const chat = conversation(engine, 'small-talk');
    expect(allText(await chat.say('hi'))).toMatch(/error code/i);
    expect(allText(await chat.say('help'))).toMatch(/talk to a human/i);
    expect(allText(await chat.say('thanks'))).toMatch(/welcome/i);
  });

  it('re-shows the pending step when a door reconnects (resume)', async () => {
    const chat = conversation(engine, 'resume');
    expect(await chat.command('resume')).toEqual([]);
    const asked = await chat.say('error 522 on my site');
    const pending = choicesOf(asked).map((c) => c.id);
    const resumed = await chat.command('resume');
    expect(allText(resumed)).toMatch(/welcome back/i);
    expect(choicesOf(resumed).map((c) => c.id)).toEqual(pending);
  });

  it('handles bad input with a clear message', async () => {
    const chat = conversation(engine, 'bad-input');
    expect(allText(await chat.say('   '))).toMatch(/didn.t find any text/i);
    const huge = await chat.say(`error 522 ${'x'.repeat(20_000)}`);
    expect(allText(huge)).toMatch(/long/i);
    // Inside the 522 tree an emoji answers no question: the step is asked again, with its options.
    const emoji = await chat.say('🔥🔥🔥');
    expect(allText(emoji)).toMatch(/did not catch that/i);
    expect(choicesOf(emoji).length).toBeGreaterThanOrEqual(2);
    expect(choicesOf(emoji).every((c) => c.id.startsWith('opt:origin-connectivity:'))).toBe(true);
    const secret = await chat.say('my api token is Zx9aQ2wE4rT6yU8iO0pA1sD3fG5hJ7kL9zXcVbNm and I get 522');
    expect(allText(secret)).toMatch(/removed/i);
    expect(allText(secret)).not.toContain('Zx9aQ2wE4rT6yU8iO0pA1sD3fG5hJ7kL9zXcVbNm');
  });
});

describe('persistence and expiry', () => {
  let cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.map((c) => c()));
    cleanups = [];
  });

  it('resumes a tree after a process restart on the same sqlite file', async () => {
    const first = await testEngine({ store: 'sqlite' });
    const chat = conversation(first.engine, 'restart-me');
    const replies = await chat.say('error 522 on my site');
    const button = choicesOf(replies).find((c) => c.id.startsWith('opt:'));
    expect(button).toBeDefined();
    await first.engine.close();

    const second = await testEngine({ store: 'sqlite', dataDir: first.dataDir });
    cleanups.push(second.cleanup);
    const resumed = await conversation(second.engine, 'restart-me').choose(button?.id ?? '');
    expect(allText(resumed)).not.toMatch(/earlier step|expired/i);
    // The step after "My own origin server": does the origin answer when asked directly?
    expect(button?.id).toBe('opt:origin-connectivity:522-platform:origin');
    expect(allText(resumed)).toMatch(/origin answer/i);
    expect(choicesOf(resumed).map((c) => c.id)).toEqual(['opt:origin-connectivity:origin-up:yes', 'opt:origin-connectivity:origin-up:no']);
  });

  it('expires idle conversations with a friendly restart', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const t = await testEngine({ clock: () => now, env: { CONVERSATION_TTL_MINUTES: '30' } });
    cleanups.push(t.cleanup);
    const chat = conversation(t.engine, 'idle');
    const replies = await chat.say('error 522 on my site');
    const button = choicesOf(replies).find((c) => c.id.startsWith('opt:'));
    now = new Date('2026-11-23T10:31:00Z');
    expect(allText(await chat.choose(button?.id ?? ''))).toMatch(/expired/i);
    now = new Date('2026-11-23T11:05:00Z');
    const fresh = await chat.say('error 1013');
    expect(allText(fresh)).toMatch(/expired/i);
    expect(allSources(fresh).some((u) => u.includes('error-1013'))).toBe(true);
  });

  it('does not create a conversation when a door only asks to resume', async () => {
    const t = await testEngine();
    cleanups.push(t.cleanup);
    expect(await conversation(t.engine, 'just-looking', 'carol').command('resume')).toEqual([]);
    expect((await t.engine.handoff({ platform: 'cli', user: 'carol', requestedBy: 'mod' })).hadConversation).toBe(false);
  });

  it('keeps idle conversations for hand-offs for a week, then purges them', async () => {
    let now = new Date('2026-11-01T10:00:00Z');
    const t = await testEngine({ store: 'sqlite', clock: () => now });
    cleanups.push(t.cleanup);
    await conversation(t.engine, 'old', 'dave').say('error 522 on my site');
    now = new Date('2026-11-05T10:00:00Z');
    await conversation(t.engine, 'other', 'erin').say('error 1013');
    expect((await t.engine.handoff({ platform: 'cli', user: 'dave', requestedBy: 'mod' })).hadConversation).toBe(true);
    now = new Date('2026-11-09T10:00:00Z');
    await conversation(t.engine, 'another', 'erin').say('error 1013');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await t.engine.handoff({ platform: 'cli', user: 'dave', requestedBy: 'mod' })).hadConversation).toBe(false);
  });

  it('serializes concurrent turns of one conversation', async () => {
    const t = await testEngine({ store: 'sqlite' });
    cleanups.push(t.cleanup);
    const ref = { platform: 'cli' as const, id: 'concurrent', user: 'u' };
    const results = await Promise.all(['error 522', 'error 1013', 'error 1020', 'start over'].map((text) => t.engine.handle({ conversation: ref, input: { kind: 'text', text } })));
    expect(results.every((r) => r.length > 0)).toBe(true);
    const handoff = await t.engine.handoff({ platform: 'cli', user: 'u', requestedBy: 'mod' });
    // Four user turns and their replies, none lost to a race.
    expect(handoff.transcript.filter((e) => e.role === 'user').length).toBe(4);
  });

  it('builds a moderator hand-off from the user\'s latest conversation with a transcript', async () => {
    const t = await testEngine();
    cleanups.push(t.cleanup);
    await conversation(t.engine, 'thread-9', 'alice').say('error 526 on my site shop.example.com, full strict');
    const handoff = await t.engine.handoff({ platform: 'cli', user: 'alice', requestedBy: 'mod-bob' });
    expect(handoff.hadConversation).toBe(true);
    expect(handoff.escalation.summary).toContain('526');
    expect(handoff.transcript[0]?.text).toContain('526');
    const none = await t.engine.handoff({ platform: 'cli', user: 'nobody', requestedBy: 'mod-bob', messageText: 'I get error 1020 on example.org' });
    expect(none.hadConversation).toBe(false);
    expect(none.escalation.summary).toContain('1020');
  });
});
