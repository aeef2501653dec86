import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../knowledge/load.ts';
import { KNOWLEDGE_DIR } from '../../tests/knowledge-paths.ts';
import { analyzeQuery, detectAudience, extractCodes, extractHostnames, extractRayIds, extractUrls } from './analyze-query.ts';

/** The searcher passes the codes the knowledge knows; test with the same set. */
const knownCodes: ReadonlySet<string> = new Set(loadKnowledge(KNOWLEDGE_DIR).codes.keys());
const codesIn = (text: string) => extractCodes(text, knownCodes).codes;

describe('error codes people type', () => {
  it.each([
    ['error 1020', '1020'],
    ['err1020', '1020'],
    ['1020 error', '1020'],
    ['HTTP 522', '522'],
    ['cf error code 1015', '1015'],
    ['Error 526: Invalid SSL certificate', '526'],
    ['status code 404 on every image', '404'],
    ['ERR 1016 after moving DNS', '1016'],
    ['10045 invalid redirect source URL', '10045'],
  ])('finds the code in %j', (text, code) => {
    expect(codesIn(text)).toEqual([code]);
  });

  it('marks cued codes as explicit and bare known codes as not', () => {
    expect(extractCodes('HTTP 522', knownCodes).explicitCodes).toEqual(['522']);
    expect(extractCodes('522 on my homepage', knownCodes)).toEqual({ codes: ['522'], explicitCodes: [] });
  });

  it('keeps codes in the order they were mentioned, once each', () => {
    expect(codesIn('error 530 with 1016, then error 530 again')).toEqual(['530', '1016']);
  });

  it('accepts a cued code the knowledge does not know, but not an implausible one', () => {
    expect(codesIn('error 1234 on checkout')).toEqual(['1234']);
    expect(codesIn('error 99999 on checkout')).toEqual([]);
  });
});

describe('numbers that are not error codes', () => {
  it.each([
    ['a port', 'origin listens on :8443'],
    ['an IP', 'my origin is 192.0.2.10'],
    ['an IP with port', 'origin at 192.0.2.10:8443 refuses connections'],
    ['an IPv6 address', 'origin is 2001:db8::1'],
    ['a year', 'broken since 2023'],
    ['a date', 'started on 2024-05-12'],
    ['a Ray ID', 'Ray ID: 8f1a2b3c4d5e6f70-SJC'],
    ['a count of users', '200 users'],
    ['a count of requests', '1020 requests per minute'],
    ['a duration', 'responses took 522ms'],
    ['a price', 'I paid $500 for this'],
    ['a ticket number', 'see ticket #1020'],
    ['a version', 'running nginx v1020'],
    ['a code inside a URL', 'https://example.com/item/1020'],
    ["a log field's value", 'MSI (s): Product Language: 1033. Installation failed'],
    ["a config field's value", 'listen_port=1020 in the agent config'],
    ["a database's error behind PDO", "SQLSTATE[HY000]: General error: 1020 Record has changed since last read in table 'orders'"],
    ["MariaDB's own error", 'That is MariaDB error 1020 from the upsert. Should we just retry on 1020?'],
    ["a database driver's (errno, message) pair", 'OperationalError: (1045, "Access denied for user root")'],
    ["a Python exception's errno", "ConnectionError: ('Connection aborted.', ConnectionResetError(10054, 'closed by the remote host'))"],
    ['a WebSocket close code', 'the socket closes right away with code: 1006, wasClean: false'],
    ['a count of requests, singular noun', 'we send 500 request bodies an hour'],
    ['an errno in a log line', 'connect() to [2001:db8::1]:8080 failed (101: Network is unreachable) while connecting to upstream'],
  ])('ignores %s: %j', (_what, text) => {
    expect(codesIn(text)).toEqual([]);
  });

  it("reads the code in a block page's script (errorCode:1015), which is no port", () => {
    expect(codesIn('the page source has errorCode:1015 in its feedback script')).toEqual(['1015']);
  });

  it("leaves a number another program's error claims to that program, also where it comes back bare", () => {
    expect(codesIn("the client throws 'ConnectionRefused 1006: connection actively refused' (SocketException 10061). What does 1006 mean?")).toEqual([]);
  });

  it('reads a status line whose reason starts like a count: "414 Request-URI Too Large", "408 Request Timeout"', () => {
    expect(codesIn("the page fails with '414 Request-URI Too Large'")).toEqual(['414']);
    expect(codesIn('the API answers 408 Request Timeout after a minute')).toEqual(['408']);
  });

  it('keeps a code whose field is a cue: "Status: 522"', () => {
    expect(codesIn('curl says Status: 522 after 15 s')).toEqual(['522']);
  });

  it('keeps the code and drops the size in "413 with 200MB"', () => {
    expect(codesIn('413 with 200MB')).toEqual(['413']);
  });

  it('keeps the code and drops the noise around it in a real report', () => {
    expect(codesIn('error 522 since 2023 on 192.0.2.10:8080 for 200 users at 10:45')).toEqual(['522']);
  });
});

describe('Ray IDs', () => {
  it('reads a Ray ID with its colo, normalising the case', () => {
    expect(extractRayIds('Ray ID: 8f1a2b3c4d5e6f70-SJC')).toEqual(['8f1a2b3c4d5e6f70-SJC']);
    expect(extractRayIds('ray id: 8F1A2B3C4D5E6F70-sjc')).toEqual(['8f1a2b3c4d5e6f70-SJC']);
  });

  it('reads a Ray ID without a colo', () => {
    expect(extractRayIds('Cloudflare Ray ID: 8f1a2b3c4d5e6f70 • Your IP: 192.0.2.10')).toEqual(['8f1a2b3c4d5e6f70']);
  });

  it('lists each Ray ID once', () => {
    expect(extractRayIds('8f1a2b3c4d5e6f70 and again 8f1a2b3c4d5e6f70, then 7e0a1b2c3d4e5f60-LHR')).toEqual(['8f1a2b3c4d5e6f70', '7e0a1b2c3d4e5f60-LHR']);
  });

  it('finds none in plain text', () => {
    expect(extractRayIds('my site is down with error 522')).toEqual([]);
  });
});

describe('URLs and hostnames', () => {
  it('takes URLs without trailing punctuation', () => {
    expect(extractUrls('Open https://shop.example.com/cart?id=3, then http://example.org.')).toEqual(['https://shop.example.com/cart?id=3', 'http://example.org']);
  });

  it('takes hostnames from URLs and from bare names, but not file names or emails', () => {
    const hosts = extractHostnames('see https://shop.example.com/cart and api.example.org; index.php fails, mail me at me@example.net');
    expect(hosts).toEqual(['shop.example.com', 'api.example.org']);
  });

  it('keeps multi-label public suffixes whole', () => {
    expect(extractHostnames('www.example.co.uk shows 522')).toEqual(['www.example.co.uk']);
  });
});

describe('who is asking', () => {
  it.each([
    "I'm just a visitor and this site says 1020",
    'when I visit this shop I get blocked',
    'my IP has been banned from a forum I use',
    'trying to access a government site, it says access denied',
  ])('hears a visitor in %j', (text) => {
    expect(detectAudience(text)).toBe('visitor');
  });

  it.each([
    'my site shows 522 to my visitors',
    'our origin server returns 502',
    'I run a WordPress blog behind Cloudflare',
    'my nginx logs only show Cloudflare IPs',
  ])('hears the site owner in %j', (text) => {
    expect(detectAudience(text)).toBe('owner');
  });

  it('says unknown when nothing tells, or both do', () => {
    expect(detectAudience('what does error 1020 mean')).toBe('unknown');
    expect(detectAudience('when I visit my own site I get blocked')).toBe('unknown');
  });
});

describe('analyzeQuery', () => {
  it('reads everything from a pasted error page at once', () => {
    const pasted = 'Error 1020 Ray ID: 8f1a2b3c4d5e6f70 • 2024-05-12 10:11:12 UTC Access denied. I am trying to access https://shop.example.com/';
    expect(analyzeQuery(pasted, knownCodes)).toEqual({
      codes: ['1020'],
      explicitCodes: ['1020'],
      unknownCodes: [],
      rayIds: ['8f1a2b3c4d5e6f70'],
      urls: ['https://shop.example.com/'],
      hostnames: ['shop.example.com'],
      audience: 'visitor',
    });
  });

  it('returns an empty analysis for empty text', () => {
    expect(analyzeQuery('')).toEqual({ codes: [], explicitCodes: [], unknownCodes: [], rayIds: [], urls: [], hostnames: [], audience: 'unknown' });
  });
});
