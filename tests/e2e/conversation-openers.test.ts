import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply, SupportEngine } from '../../src/conversation/seam.ts';
import { allSources, allText, choicesOf, conversation, testEngine } from '../support/engine.ts';

/**
 * Opening messages as people write them: the bot reads the whole message
 * before asking anything, never asks for what was already said, and answers
 * "is Cloudflare down?" and visitors the way each needs.
 */

const ASKS_WHAT_YOU_SEE = /What error or symptom do you see\?/;
const NOT_IN_DOCS = /could not find this in Cloudflare’s troubleshooting docs/;
/** The question each reply with options ends on (notes about skipped questions come before it). */
const questionsAsked = (replies: Reply[]) => replies.filter((r) => r.choices?.length && !r.feedback).map((r) => r.text.split('\n\n').at(-1) ?? '');

let engine: SupportEngine;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ engine, cleanup } = await testEngine());
});
afterAll(() => cleanup());

describe('a user states the symptom in the first message', () => {
  it('"my wordpress admin is slow behind cloudflare" gets the admin-area answer, not "what do you see?"', async () => {
    const replies = await conversation(engine, 'slow-admin').say('my wordpress admin is slow behind cloudflare');
    expect(allText(replies)).not.toMatch(ASKS_WHAT_YOU_SEE);
    expect(allText(replies)).toMatch(/admin/i);
    expect(allSources(replies).some((u) => u.includes('speed-up-wordpress') || u.includes('using-cloudflare-with-various-forums'))).toBe(true);
    expect(choicesOf(replies).map((c) => c.id)).toContain('solved:no');
  });

  it('"DNS_PROBE_FINISHED_NXDOMAIN after moving my domain to cloudflare" gets the nameserver check', async () => {
    const replies = await conversation(engine, 'nxdomain').say('DNS_PROBE_FINISHED_NXDOMAIN after moving my domain to cloudflare');
    const text = allText(replies);
    expect(text).not.toMatch(ASKS_WHAT_YOU_SEE);
    expect(text).toMatch(/dig \+short SOA/);
    expect(allSources(replies).some((u) => u.includes('#dns-errors'))).toBe(true);
  });

  it('"@everyone my site is down help" starts the 5xx triage at the code question, and never echoes the ping', async () => {
    const replies = await conversation(engine, 'everyone').say('@everyone my site is down help');
    expect(allText(replies)).not.toMatch(ASKS_WHAT_YOU_SEE);
    expect(JSON.stringify(replies)).not.toContain('@everyone');
    expect(questionsAsked(replies)).toEqual(['Which error code do you see?']);
    expect(choicesOf(replies).some((c) => /522/.test(c.label))).toBe(true);
  });

  it('a 5-sentence post about a 522 gets the 522 card and goes on without asking for the code or the role', async () => {
    const post =
      'Hi all, hoping someone can help. Since this morning my shop at shop.example.com shows a Cloudflare page saying Error 522 connection timed out. ' +
      'I have not changed anything on the server. The hosting company says everything is fine on their side. What should I do next?';
    const chat = conversation(engine, 'post-522');
    const replies = await chat.say(post);
    expect(replies[0]?.title).toMatch(/522/);
    const asked = questionsAsked(replies).join('\n');
    expect(asked).not.toMatch(/Which error code do you see|Do you run this website/);
    expect(allText(replies)).not.toMatch(ASKS_WHAT_YOU_SEE);
    const escalation = (await chat.say('talk to a human')).find((r) => r.escalation)?.escalation;
    // The time is kept as when it started, labelled as the user's words, and not asked for again.
    expect(escalation?.summary).toMatch(/Started: since this morning \(you said/i);
    expect(escalation?.checklist.join('\n')).not.toMatch(/Timestamp|time zone/i);
  });
});

describe('a code or symptom stated before the tree asks for it', () => {
  it('"I get error 522" then "it is my site": the code question is skipped after the audience question', async () => {
    const chat = conversation(engine, 'code-first');
    const first = await chat.say('I get error 522');
    expect(questionsAsked(first).join('\n')).toMatch(/Do you run this website/);
    const next = await chat.pick(/I run this site/);
    expect(questionsAsked(next).join('\n')).not.toMatch(/Which error code/);
    expect(allText(next)).toMatch(/Since you mentioned error 522/);
  });

  it('"too many redirects after enabling cloudflare" reaches the redirect branch even though the role is asked first', async () => {
    const chat = conversation(engine, 'redirects');
    const first = await chat.say('too many redirects after enabling cloudflare');
    expect(questionsAsked(first).join('\n')).toMatch(/Do you run this website/);
    const next = await chat.pick(/I run this site/);
    const text = allText(next);
    expect(text).toMatch(/Since you said “too many redirects”/);
    expect(questionsAsked(next).join('\n')).not.toMatch(/What are you seeing/);
  });

  it('a plan stated mid-conversation is not asked for in the hand-off, and is labelled as said', async () => {
    const chat = conversation(engine, 'plan');
    await chat.say('error 525 on my site');
    await chat.say('we are on the pro plan');
    const escalation = (await chat.say('talk to a human')).find((r) => r.escalation)?.escalation;
    expect(escalation?.summary).toContain('Plan: Pro (you said)');
    expect(escalation?.summary).not.toMatch(/Which channel depends on your plan/);
  });
});

describe('a user asks whether Cloudflare is down (live status off)', () => {
  it.each(['is cloudflare down?', 'Is there an outage right now?', 'all my sites are down', 'is cloudflare having issues right now'])('%s', async (question) => {
    const replies = await conversation(engine, `down-${question}`).say(question);
    const text = allText(replies);
    expect(text).toContain('https://www.cloudflarestatus.com/');
    expect(text).toMatch(/How to tell a Cloudflare incident from a problem with one site/);
    expect(allSources(replies)).toContain('https://www.cloudflarestatus.com/');
    // Not the old near-misses: a 521 pick list or the contact-methods section.
    expect(choicesOf(replies).some((c) => /521|Error/.test(c.label))).toBe(false);
  });
});

describe('a visitor describes a site they do not run, then asks for a human', () => {
  const BLOCK_PAGE = `Sorry, you have been blocked
You are unable to access example.com
Why have I been blocked?
This website is using a security service to protect itself from online attacks.
Cloudflare Ray ID: 8e8c1f2a9b3d4e5f • Your IP: Click to reveal 198.51.100.23 • Performance & security by Cloudflare`;

  it.each([
    ["I can't open example.com, it says access denied error 1020"],
    ["it isn't my site, it shows error 522 when I open it"],
    ["I get error 1020 on a shop's website"],
    [BLOCK_PAGE],
  ])('%s', async (opener) => {
    const chat = conversation(engine, `visitor-${opener.slice(0, 30)}`);
    const first = await chat.say(opener);
    expect(questionsAsked(first).join('\n')).not.toMatch(/Do you run this website|do you own the site/i);
    const replies = await chat.say('talk to a human');
    const escalation = replies.find((r) => r.escalation)?.escalation;
    expect(escalation?.audience).toBe('site-owner');
    expect(escalation?.url).not.toContain('dash.cloudflare.com');
    const text = allText(replies);
    expect(text).toMatch(/site’s owner, not Cloudflare/);
    expect(text).toMatch(/lookup\.icann\.org/);
    expect(escalation?.summary).toContain('My IP address: (add it here yourself');
    expect(JSON.stringify(replies)).not.toContain('198.51.100.23');
    expect(escalation?.summary).not.toMatch(/Next step|support case/i);
  });

  it.each(['why am I blocked from a site with cloudflare', "'checking your browser' loops forever"])('"%s" gets the visitor steps, not "not in the docs"', async (opener) => {
    const replies = await conversation(engine, `blocked-${opener}`).say(opener);
    const text = allText(replies);
    expect(text).not.toMatch(NOT_IN_DOCS);
    // The visitor steps of the access-denied tree, or (when the answer policy is unsure) the blocking pages to pick from.
    const visitorSteps = /Since you said you are visiting a site you do not run/.test(text);
    const blockingPages = allSources(replies).some((u) => /cloudflare-1xxx-errors|potential-isp-blocking/.test(u));
    expect(visitorSteps || blockingPages).toBe(true);
  });
});
