import { afterEach, describe, expect, it } from 'vitest';
import { closedPort, startTestServer, type TestServer } from './test-server.ts';
import { checkUrl } from './url-check.ts';

/** Network failures come back as results with a problem and a sentence, within the time budget. */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('checkUrl when the network misbehaves', () => {
  it('gives up on a server that never answers, within the timeout', async () => {
    server = await startTestServer(() => undefined);
    const result = await checkUrl(server.url(), { allowPrivateAddresses: true, timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, problem: 'timeout', viaCloudflare: false });
    expect(result.message).toBe(`${server.url()} did not answer within 0.3 s.`);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(250);
    expect(result.elapsedMs).toBeLessThan(1000);
  });

  it('gives up on a body that stalls after the headers', async () => {
    server = await startTestServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>');
    });
    const result = await checkUrl(server.url(), { allowPrivateAddresses: true, timeoutMs: 300 });
    expect(result.problem).toBe('timeout');
    expect(result.elapsedMs).toBeLessThan(1000);
  });

  it('stops reading an endless body after the limit and hangs up', async () => {
    let bytesSent = 0;
    let clientHungUp = false;
    server = await startTestServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(16 * 1024, 'a');
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) bytesSent += chunk.length;
      };
      res.on('drain', pump);
      res.on('close', () => {
        clientHungUp = true;
      });
      pump();
    });
    const result = await checkUrl(server.url(), { allowPrivateAddresses: true, timeoutMs: 1500 });
    expect(result).toMatchObject({ ok: true, status: 200, bodyTruncated: true });
    expect(result.problem).toBeUndefined();
    expect(result.elapsedMs).toBeLessThan(1000);
    await expect.poll(() => clientHungUp, { timeout: 1000 }).toBe(true);
    expect(bytesSent).toBeLessThan(8 * 1024 * 1024);
  });

  it('reports response headers too large to read', async () => {
    server = await startTestServer((req, res) => res.writeHead(200, { 'x-padding': 'a'.repeat(64 * 1024) }).end('ok'));
    const result = await checkUrl(server.url(), { allowPrivateAddresses: true });
    expect(result.problem).toBe('too-large');
  });

  it('reports a refused connection on a closed port', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/`;
    const result = await checkUrl(url, { allowPrivateAddresses: true });
    expect(result).toMatchObject({ ok: false, problem: 'connection-refused' });
    expect(result.message).toBe(`${url} refused the connection: nothing is accepting connections on that port.`);
  });

  it('reports a hostname that does not resolve', async () => {
    const lookup = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), { code: 'ENOTFOUND' });
    };
    const result = await checkUrl('https://nowhere.invalid/', { lookup });
    expect(result).toMatchObject({ ok: false, problem: 'dns-failed' });
    expect(result.message).toBe('https://nowhere.invalid/ could not be checked: the hostname nowhere.invalid did not resolve (ENOTFOUND).');
  });

  it('counts a resolver that never answers against the same time budget', async () => {
    const lookup = () => new Promise<never>(() => undefined);
    const result = await checkUrl('https://slow-dns.example.test/', { lookup, timeoutMs: 200 });
    expect(result.problem).toBe('timeout');
    expect(result.elapsedMs).toBeLessThan(1000);
  });
});
