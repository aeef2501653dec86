import { describe, expect, it } from 'vitest';
import { reasonText, type Reason } from '../knowledge/reason.ts';
import { shippedWording } from '../../tests/support/shipped-wording.ts';
import { describeEvidence, emptyEvidence, evidenceFactsSchema, extractEvidence, mergeEvidence, toFlowEvidence } from './evidence.ts';

/** A reason as the user reads it ("Since you said …", "Thanks, I noted that: …"). */
const shown = (because: Reason | undefined) => because && reasonText(shippedWording, because);
const shownFlow = (fact: { value: string; because: Reason } | undefined) => fact && { ...fact, because: reasonText(shippedWording, fact.because) };

const NOW = new Date('2026-11-23T18:00:00Z');

const BRANDED_522 = `Connection timed out Error code 522
Visit cloudflare.com for more information.
What happened?
The initial connection between Cloudflare's network and the origin web server timed out.
What can I do?
Cloudflare Ray ID: 8e5c3b2a1f4d7c90 • Your IP: Click to reveal • Performance & security by Cloudflare`;

const TRACE = 'fl=29f123\nh=www.example.com\nip=203.0.113.7\nts=1732356000\ncolo=SJC\nhttp=http/2\nloc=US\ntls=TLSv1.3\nwarp=off';

describe('extractEvidence', () => {
  it('reads codes, Ray IDs, URLs and time from a plain message', () => {
    const facts = extractEvidence('Getting error 522 on https://www.example.com/shop at 14:05 UTC, ray 8e5c3b2a1f4d7c90-SJC', undefined, { now: NOW });
    expect(facts).toMatchObject({
      codes: ['522'],
      rayIds: ['8e5c3b2a1f4d7c90-SJC'],
      urls: ['https://www.example.com/shop'],
      hostnames: ['www.example.com'],
      timeText: '14:05 UTC',
      timeUtc: '2026-11-23T14:05:00Z',
      colo: 'SJC',
    });
    expect(shown(facts.because.colo)).toBe('your Ray ID ends in -SJC, the data center that served it');
    expect(evidenceFactsSchema.safeParse(facts).success).toBe(true);
  });

  it('reads a pasted Cloudflare page as branded, with its code, and leaves out cloudflare.com as a host', () => {
    const facts = extractEvidence(BRANDED_522);
    expect(facts).toMatchObject({ branded: 'yes', codes: ['522'], rayIds: ['8e5c3b2a1f4d7c90'] });
    expect(facts.hostnames).not.toContain('cloudflare.com');
    expect(shown(facts.notes[0])).toMatch(/^you pasted a Cloudflare-branded error page/);
  });

  it('takes colo from a pasted trace and explains it', () => {
    const facts = extractEvidence(`here:\n${TRACE}`);
    expect(facts.trace?.colo).toBe('SJC');
    expect(facts.colo).toBe('SJC');
    expect(facts.hostnames).toContain('www.example.com');
    expect(facts.notes.map(shown)).toContain('your cdn-cgi/trace shows colo=SJC');
  });

  it('reads plan, SSL mode and audience from what the user says', () => {
    const facts = extractEvidence('My site is on the Pro plan and my SSL is flexible. Error 525 since 10:22 CET', undefined, { now: NOW });
    expect(facts).toMatchObject({ plan: 'pro', sslMode: 'flexible', audience: 'owner', codes: ['525'], timeUtc: '2026-11-23T09:22:00Z' });
  });

  it('recognises a visitor', () => {
    expect(extractEvidence("I'm just a visitor and got error 1020").audience).toBe('visitor');
  });

  it('finds nothing in a plain question', () => {
    expect(extractEvidence('how do I purge the cache?')).toEqual(emptyEvidence());
  });
});

describe('mergeEvidence', () => {
  it('keeps everything: lists unioned, newest single value wins with its reason, notes once', () => {
    const first = extractEvidence('error 522 on https://a.example.com, I am on the free plan');
    const second = extractEvidence('also error 524 on https://a.example.com/x. Actually we upgraded to business');
    const merged = mergeEvidence(first, second);
    expect(merged.codes).toEqual(['522', '524']);
    expect(merged.urls).toEqual(['https://a.example.com', 'https://a.example.com/x']);
    expect(merged.plan).toBe('business');
    expect(shown(merged.because.plan)).toBe('you said you are on the Business plan');
    expect(shown(merged.because.code)).toBe('you mentioned error 522');
    const again = mergeEvidence(merged, second);
    expect(again.notes).toEqual(merged.notes);
  });

  it('does not erase old facts with a turn that says nothing', () => {
    const first = extractEvidence(`my ssl is full strict\n${TRACE}`);
    const merged = mergeEvidence(first, extractEvidence('thanks, what next?'));
    expect(merged).toMatchObject({ sslMode: 'strict', colo: 'SJC' });
    expect(merged.trace?.h).toBe('www.example.com');
  });

  it('starts from nothing', () => {
    expect(mergeEvidence(undefined, { codes: ['502'] }).codes).toEqual(['502']);
  });
});

describe('toFlowEvidence', () => {
  it('maps facts to the runner keys with the reason shown to the user', () => {
    const facts = mergeEvidence(extractEvidence(BRANDED_522), extractEvidence(`I am on the Free plan\n${TRACE}`));
    const evidence = toFlowEvidence(facts);
    expect(shownFlow(evidence.branded)).toEqual({ value: 'yes', because: expect.stringMatching(/^you pasted a Cloudflare-branded error page/) });
    expect(evidence.code?.value).toBe('522');
    expect(shownFlow(evidence.colo)).toEqual({ value: 'SJC', because: 'your cdn-cgi/trace shows colo=SJC' });
    expect(shownFlow(evidence.plan)).toEqual({ value: 'free', because: 'you said you are on the Free plan' });
    expect(evidence.sslMode).toBeUndefined();
  });

  it('still gives a reason for facts stored without one', () => {
    expect(shownFlow(toFlowEvidence({ ...emptyEvidence(), cloudflaredRunning: 'no' }).cloudflaredRunning)).toEqual({ value: 'no', because: 'you said cloudflared is not running' });
  });
});

describe('describeEvidence', () => {
  it('gives one readable line per fact', () => {
    const facts = extractEvidence(`Error 522 on https://www.example.com/ at 10:22 CET, ray 8e5c3b2a1f4d7c90\n${TRACE}`, undefined, { now: NOW });
    expect(describeEvidence(shippedWording, facts)).toEqual([
      'Error code: 522 (you said)',
      'Ray ID: 8e5c3b2a1f4d7c90',
      'URL: https://www.example.com/',
      'Time (UTC): 2026-11-23 09:22:00 (you wrote: 10:22 CET)',
      'Data center (colo): SJC (from your trace)',
      'Trace: http=http/2 tls=TLSv1.3 loc=US warp=off',
    ]);
  });

  it('says when a time has no zone, and never prints the visitor IP', () => {
    const lines = describeEvidence(shippedWording, extractEvidence(`it broke at 10:00\n${TRACE}`));
    expect(lines).toContain('Time (as you wrote it, time zone unknown): 10:00');
    expect(lines.join('\n')).not.toContain('203.0.113.7');
  });
});

describe('describeEvidence time line', () => {
  it('echoes a clock time whose date was assumed, but not a full UTC timestamp', () => {
    expect(describeEvidence(shippedWording, extractEvidence('at 14:05 UTC', undefined, { now: NOW }))).toEqual(['Time (UTC): 2026-11-23 14:05:00 (you wrote: 14:05 UTC)']);
    expect(describeEvidence(shippedWording, extractEvidence('2026-11-23 10:00:12 UTC', undefined, { now: NOW }))).toEqual(['Time (UTC): 2026-11-23 10:00:12']);
  });
});
