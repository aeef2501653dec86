import { describe, expect, it } from 'vitest';
import { extractEvidence, mergeEvidence } from '../conversation/evidence.ts';
import { escalationSchema } from '../conversation/seam.ts';
import { buildEscalation, type EscalationInput } from './case-summary.ts';
import { MAX_SUMMARY_CHARS } from './fit-summary.ts';
import { loadSupportConfig } from './support-config.ts';
import { loadWording } from '../knowledge/wording.ts';

const support = loadSupportConfig('knowledge/support.yaml');
const wording = loadWording('knowledge/wording.yaml');
const CASE_URL = 'https://dash.cloudflare.com/?to=/:account/support';
const NOW = new Date('2026-11-23T18:00:00Z');
const WARNING = 'Never share passwords, API keys or private keys in a case.';
const TRACE = 'fl=29f123\nh=www.example.com\nip=203.0.113.7\nts=1732356000\ncolo=SJC\nhttp=http/2\nloc=US\ntls=TLSv1.3\nwarp=off';

function facts(...messages: string[]) {
  return messages.reduce((acc, m) => mergeEvidence(acc, extractEvidence(m, undefined, { now: NOW })), extractEvidence(''));
}

function input(overrides: Partial<EscalationInput> = {}): EscalationInput {
  return {
    facts: facts(`Error 522 on https://www.example.com/shop at 10:22 CET, Ray ID 8e5c3b2a1f4d7c90\n${TRACE}`),
    flowTitle: 'Connection timed out',
    path: [
      { question: 'Is the error page Cloudflare-branded?', answer: 'Yes', via: 'evidence', because: 'you pasted a Cloudflare-branded error page' },
      { question: 'Does your origin answer when you bypass Cloudflare?', answer: 'Yes', via: 'choice' },
    ],
    tried: ['Allowed all Cloudflare IP ranges in the firewall'],
    audience: 'owner',
    caseUrl: CASE_URL,
    support,
    wording,
    ...overrides,
  };
}

describe('buildEscalation for a site owner', () => {
  const escalation = buildEscalation(input());

  it('is a valid seam Escalation pointing at the case link', () => {
    expect(escalationSchema.parse(escalation)).toEqual(escalation);
    expect(escalation).toMatchObject({ url: CASE_URL, audience: 'cloudflare-support' });
  });

  it('summarises the problem and everything learned', () => {
    const s = escalation.summary;
    expect(s).toContain('Problem: Error 522 (Connection timed out)');
    expect(s).toContain('URL: https://www.example.com/shop');
    expect(s).toContain('Ray ID: 8e5c3b2a1f4d7c90');
    expect(s).toContain('Time (UTC): 2026-11-23 09:22:00 (you wrote: 10:22 CET)');
    expect(s).toContain('Data center (colo): SJC (from your trace)');
    expect(s).toContain('Trace: http=http/2 tls=TLSv1.3 loc=US warp=off');
    expect(s).not.toContain('203.0.113.7');
  });

  it('lists the steps with answers, marking the ones filled from the paste, and what was tried', () => {
    const s = escalation.summary;
    expect(s).toContain('Steps taken in the bot:\n- Is the error page Cloudflare-branded? → Yes (from the page you pasted)\n- Does your origin answer when you bypass Cloudflare? → Yes\n');
    expect(s).toContain('What was tried:\n- Allowed all Cloudflare IP ranges in the firewall');
  });

  it('ends with the warning', () => {
    expect(escalation.summary.endsWith(WARNING)).toBe(true);
  });

  it('asks for the MTR on 522 and drops what was already given', () => {
    const list = escalation.checklist.join('\n');
    expect(list).toMatch(/MTR or traceroute from your origin web server to a Cloudflare IP/);
    expect(list).toMatch(/HAR file/);
    expect(list).toMatch(/logs from the origin web server/);
    expect(list).toMatch(/Priority and impact/);
    expect(list).not.toMatch(/Ray ID/);
    expect(list).not.toMatch(/cdn-cgi\/trace/);
    expect(list).not.toMatch(/Timestamp/);
    expect(list).not.toMatch(/full URL/);
  });

  it('asks for what is missing when little is known', () => {
    const list = buildEscalation(input({ facts: facts('error 1020 on my site'), flowTitle: undefined, path: [], tried: [] })).checklist.join('\n');
    expect(list).toMatch(/Timestamp of the error with its time zone/);
    expect(list).toMatch(/Ray ID/);
    expect(list).toMatch(/cdn-cgi\/trace/);
    expect(list).toMatch(/Security Events entry/);
    expect(list).not.toMatch(/MTR/);
  });
});

describe('plan-aware next step', () => {
  it('sends a Free plan technical issue to the community, since cases are only for billing, account and registrar', () => {
    const e = buildEscalation(input({ facts: mergeEvidence(input().facts, extractEvidence('I am on the free plan')) }));
    expect(e.summary).toContain('On the Free plan, support cases are only for billing, account and registrar issues, so post this summary in the Community (https://community.cloudflare.com/) or on Discord (https://discord.cloudflare.com).');
    expect(e.checklist.join('\n')).not.toMatch(/Priority/);
  });

  it('lets a Free plan open a case for billing', () => {
    const e = buildEscalation(input({ facts: facts('I am on the free plan'), topic: 'billing' }));
    expect(e.summary).toContain(`On the Free plan, open a support case at ${CASE_URL}.`);
  });

  it('offers case, chat and the emergency phone on Enterprise', () => {
    const e = buildEscalation(input({ facts: mergeEvidence(input().facts, extractEvidence('we are an enterprise customer')) }));
    expect(e.summary).toContain(`On the Enterprise plan, open a support case at ${CASE_URL} or start a live chat`);
    expect(e.summary).toContain('Emergency Phone line');
    expect(e.summary).not.toContain('community.cloudflare.com');
  });

  it('explains every plan when the plan is unknown', () => {
    const s = buildEscalation(input()).summary;
    expect(s).toContain('Free: Community or Discord (cases only for billing, account and registrar issues)');
    expect(s).toContain('Enterprise: support case, chat or Emergency Phone for P1');
    expect(s).toContain('https://www.cloudflarestatus.com/');
  });
});

describe('buildEscalation for a visitor', () => {
  const visitorFacts = facts("I'm just a visitor, got error 1020 on https://shop.example.com/cart at 14:05 UTC. Ray ID: 8e5c3b2a1f4d7c90-AMS");
  const e = buildEscalation(input({ facts: visitorFacts, flowTitle: 'Access denied', audience: 'unknown', path: [], tried: ['Tried another browser'] }));

  it('goes to the site owner with the docs page for the error', () => {
    expect(e.audience).toBe('site-owner');
    expect(e.url).toBe('https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/');
    expect(buildEscalation(input({ facts: visitorFacts, audience: 'visitor', docUrl: 'https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/error-1020/' })).url).toMatch(/error-1020\/$/);
  });

  it('is addressed to the owner with what the visitor saw', () => {
    expect(e.summary).toMatch(/^Hello, I could not open your website: it showed me a Cloudflare error page \(Error 1020: Access denied\)\./);
    // The bot never fills in the visitor's IP: it leaves a gap they fill in themselves.
    expect(e.summary).toContain('My IP address: (add it here yourself if you want it allowed)');
    expect(e.summary).toContain('Ray ID: 8e5c3b2a1f4d7c90-AMS');
    expect(e.summary).toContain('Time (UTC): 2026-11-23 14:05:00');
    expect(e.summary).toContain('URL: https://shop.example.com/cart');
    expect(e.summary).toContain('Tried another browser');
    expect(e.summary).toContain('Security Events');
    expect(e.summary).not.toContain('Next step');
  });

  it('tells the visitor what to send and that Cloudflare support cannot unblock them', () => {
    const list = e.checklist.join('\n');
    expect(list).toMatch(/Your IP address: the ip= line of/);
    expect(list).toMatch(/screenshot/);
    expect(list).not.toMatch(/The Ray ID shown/);
    expect(e.checklist.at(-1)).toMatch(/Cloudflare support cannot unblock visitors/);
  });

  it('asks a visitor without a Ray ID or time for them', () => {
    const list = buildEscalation(input({ facts: facts('error 1020'), audience: 'visitor' })).checklist.join('\n');
    expect(list).toMatch(/The Ray ID shown at the bottom of the error page/);
    expect(list).toMatch(/The time you saw the error, with your time zone/);
  });
});

describe('summary size', () => {
  it('stays under the limit, shortening long lists with "…and N more" and keeping the warning', () => {
    const path = Array.from({ length: 40 }, (_, i) => ({ question: `Question number ${i + 1} about the origin server setup?`, answer: `Answer ${i + 1}`, via: 'choice' as const }));
    const tried = Array.from({ length: 30 }, (_, i) => `Tried fix number ${i + 1}: restarted the web server and cleared every cache layer`);
    const e = buildEscalation(input({ path, tried, userNote: 'x'.repeat(1000) }));
    expect(e.summary.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
    expect(e.summary).toMatch(/…and \d+ more/);
    expect(e.summary).toContain('Problem: Error 522');
    expect(e.summary).toContain('Question number 1 about');
    expect(e.summary.endsWith(WARNING)).toBe(true);
  });
});
