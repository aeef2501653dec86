import { describe, expect, it } from 'vitest';
import { parseTrace } from './trace.ts';

const TRACE_LINES = [
  'fl=29f123',
  'h=www.example.com',
  'ip=203.0.113.7',
  'ts=1732356000.123',
  'visit_scheme=https',
  'uag=Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  'colo=SJC',
  'sliver=none',
  'http=http/2',
  'loc=US',
  'tls=TLSv1.3',
  'sni=plaintext',
  'warp=off',
  'gateway=off',
  'rbi=off',
  'kex=X25519',
].join('\n');

describe('parseTrace', () => {
  it('reads a trace pasted in a code block between other text', () => {
    const trace = parseTrace(`Still getting 522s. Here is my trace:\n\`\`\`\n${TRACE_LINES}\n\`\`\`\nAny idea?`);
    expect(trace).toMatchObject({ h: 'www.example.com', ip: '203.0.113.7', colo: 'SJC', http: 'http/2', tls: 'TLSv1.3', loc: 'US', warp: 'off', kex: 'X25519' });
    expect(trace?.uag).toContain('Chrome/120.0.0.0 Safari/537.36');
  });

  it('turns ts (unix seconds) into an ISO UTC time', () => {
    expect(parseTrace(TRACE_LINES)?.timeUtc).toBe('2024-11-23T10:00:00Z');
  });

  it('reads a trace squashed onto one line and upper-cases colo', () => {
    expect(parseTrace('fl=1f2 h=example.com ip=198.51.100.4 colo=ams http=http/3')).toMatchObject({ h: 'example.com', colo: 'AMS', http: 'http/3', ip: '198.51.100.4' });
  });

  it('is not triggered by prose or by fewer than three known keys', () => {
    expect(parseTrace('My site shows error 522 since this morning, what can I do?')).toBeUndefined();
    expect(parseTrace('I set colo=SJC in my notes and http=2')).toBeUndefined();
    expect(parseTrace('a=1\nb=2\nc=3\nd=4')).toBeUndefined();
  });

  it('needs a colo or a host to count as a trace', () => {
    expect(parseTrace('ip=203.0.113.7\nhttp=http/2\nloc=US\nwarp=off')).toBeUndefined();
  });
});
