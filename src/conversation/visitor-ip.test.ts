import { describe, expect, it } from 'vitest';
import { withoutVisitorIps } from './visitor-ip.ts';
import { isStatusQuestion } from './status-question.ts';
import { isEvidenceOnly } from './evidence-only.ts';

describe('visitor IPs are cut where they name the reader', () => {
  it.each([
    ['ip=203.0.113.7', 'ip=[IP removed]'],
    ['fl=29f47 h=a.com ip=2001:db8::1 ts=1', 'fl=29f47 h=a.com ip=[IP removed] ts=1'],
    ['Cloudflare Ray ID: 8e8c1f2a9b3d4e5f • Your IP: Click to reveal 198.51.100.23 • Performance', 'Cloudflare Ray ID: 8e8c1f2a9b3d4e5f • Your IP: [IP removed] • Performance'],
    ['my ip is 203.0.113.9, can you unblock it', 'my ip is [IP removed], can you unblock it'],
  ])('%s', (input, output) => {
    expect(withoutVisitorIps(input)).toBe(output);
  });

  it('keeps an origin address and a Ray ID', () => {
    const text = 'my origin IP is 192.0.2.10 and the Ray ID 8e8c1f2a9b3d4e5f';
    expect(withoutVisitorIps(text)).toBe(text);
  });
});

describe('"is Cloudflare down?" and its phrasings', () => {
  it.each(['is cloudflare down?', 'Is there an outage right now?', 'all my sites are down', 'is cloudflare having issues right now', 'is CF down for anyone else', 'all of my websites went down at once'])('%s is a status question', (q) => {
    expect(isStatusQuestion(q)).toBe(true);
  });
  it.each(['my site is down', 'error 522 on my site', 'is flexible ssl safe'])('%s is not', (q) => {
    expect(isStatusQuestion(q)).toBe(false);
  });
});

describe('a message that only hands over evidence', () => {
  it.each(['here is my trace\nfl=1\nh=a.com\ncolo=FRA', 'I am on the pro plan', 'Ray ID 8e5f1a2b3c4d5e6f-FRA'])('%s', (q) => expect(isEvidenceOnly(q)).toBe(true));
  it.each(['my wordpress admin is slow behind cloudflare', 'my site is down', 'DNS_PROBE_FINISHED_NXDOMAIN after moving'])('%s states a symptom', (q) => expect(isEvidenceOnly(q)).toBe(false));
});
