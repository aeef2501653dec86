import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from './test-server.ts';
import { checkUrl } from './url-check.ts';
import type { HostLookup } from './url-check-schema.ts';

/**
 * Anyone in a chat can hand the bot a URL, so these tests pin down that it
 * refuses internal destinations before any packet leaves, and refuses URLs
 * that are not plain web addresses.
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Fails the test if the checker ever asks DNS about a name. */
const noLookup: HostLookup = vi.fn(async () => {
  throw new Error('the checker must not resolve this name');
});

const resolvesTo = (...addresses: string[]): HostLookup =>
  vi.fn(async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));

describe('checkUrl refuses private destinations', () => {
  it('refuses 127.0.0.1 without connecting to the server listening there', async () => {
    server = await startTestServer((req, res) => res.end('secret admin page'));
    const result = await checkUrl(server.url('/admin'), { lookup: noLookup });
    expect(result).toMatchObject({ ok: false, problem: 'blocked-address', viaCloudflare: false });
    expect(result.message).toBe(
      `I won't check ${server.url('/admin')}: it points to a loopback (localhost) address (127.0.0.1), and the bot only connects to public addresses.`,
    );
    expect(server.requests).toHaveLength(0);
    expect(server.connections()).toBe(0);
  });

  it.each([
    ['http://10.0.0.1/', 'private network'],
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://[::1]/', 'loopback'],
    ['http://[::ffff:127.0.0.1]:8080/', 'loopback'],
    ['http://100.64.0.1/', 'carrier-grade NAT'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://[fd00::1]/', 'unique local'],
    ['http://2130706433/', 'loopback'],
  ])('refuses %s as %s, instantly and without DNS', async (url, phrase) => {
    const result = await checkUrl(url, { lookup: noLookup, timeoutMs: 5000 });
    expect(result.problem).toBe('blocked-address');
    expect(result.message).toContain(phrase);
    // A connection attempt to an unreachable address would sit out the timeout; a refusal is immediate.
    expect(result.elapsedMs).toBeLessThan(100);
    expect(noLookup).not.toHaveBeenCalled();
  });

  it('refuses a hostname whose DNS answer is private, without connecting', async () => {
    const lookup = resolvesTo('192.168.1.1');
    const result = await checkUrl('https://intranet.example.test/', { lookup });
    expect(result).toMatchObject({ problem: 'blocked-address' });
    expect(result.message).toContain('a private network address (192.168.1.1)');
    expect(lookup).toHaveBeenCalledWith('intranet.example.test', { all: true });
    expect(result.elapsedMs).toBeLessThan(100);
  });

  it('refuses a hostname when any one of its addresses is private', async () => {
    const result = await checkUrl('https://mixed.example.test/', { lookup: resolvesTo('8.8.8.8', '127.0.0.1') });
    expect(result.problem).toBe('blocked-address');
  });

  it('refuses ports Cloudflare does not proxy before asking DNS', async () => {
    const lookup = resolvesTo('8.8.8.8');
    const result = await checkUrl('http://cache.example.test:6379/', { lookup });
    expect(result.problem).toBe('invalid-url');
    expect(result.message).toContain('port 6379 is not one Cloudflare proxies');
    expect(lookup).not.toHaveBeenCalled();
  });
});

describe('checkUrl refuses what is not a web URL', () => {
  it.each([
    ['ftp://files.example.com/pub', 'only http:// and https:// URLs can be checked, not ftp:'],
    ['https://user:pass@shop.example.com/', 'it contains a username or password'],
    ['javascript:alert(1)', 'only http:// and https:// URLs can be checked, not javascript:'],
    ['shop.example.com', 'it is not a complete URL'],
    ['', 'it is not a complete URL'],
  ])('%s is an invalid URL', async (url, reason) => {
    const result = await checkUrl(url, { lookup: noLookup });
    expect(result).toMatchObject({ ok: false, problem: 'invalid-url', url });
    expect(result.message).toContain(reason);
    expect(noLookup).not.toHaveBeenCalled();
  });
});
