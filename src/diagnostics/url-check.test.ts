import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from './test-server.ts';
import { checkUrl } from './url-check.ts';
import { DEFAULT_USER_AGENT, urlCheckResultSchema } from './url-check-schema.ts';

const RAY = '8e5f1a2b3c4d5e6f-FRA';

const BRANDED_522 = `<!DOCTYPE html>
<html><head><title>127.0.0.1 | 522: Connection timed out</title>
<link rel="stylesheet" href="/cdn-cgi/styles/cf.errors.css"></head>
<body><div id="cf-wrapper"><div id="cf-error-details" class="cf-error-details-wrapper">
<h1><span class="inline-block">Connection timed out</span>
<span class="code-label">Error code 522</span></h1>
<p>Cloudflare Ray ID: <strong class="font-semibold">8e5f1a2b3c4d5e6f</strong> &bull; Performance &amp; security by Cloudflare</p>
</div></div></body></html>`;

const TRACE = ['fl=29f123', 'h=127.0.0.1', 'ip=203.0.113.7', 'ts=1732356000.123', 'visit_scheme=http', 'colo=FRA', 'http=http/1.1', 'loc=DE', 'tls=off'].join('\n');

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('checkUrl against a Cloudflare-proxied site', () => {
  it('reads a branded 522: status, Ray, data center, error code and the trace', async () => {
    server = await startTestServer((req, res) => {
      const headers = { server: 'cloudflare', 'cf-ray': RAY, 'content-type': 'text/html' };
      if (req.url === '/cdn-cgi/trace') res.writeHead(200, { ...headers, 'content-type': 'text/plain' }).end(TRACE);
      else res.writeHead(522, headers).end(BRANDED_522);
    });

    const result = await checkUrl(server.url('/shop'), { allowPrivateAddresses: true });

    expect(urlCheckResultSchema.parse(result)).toEqual(result);
    expect(result).toMatchObject({
      ok: false,
      status: 522,
      viaCloudflare: true,
      cfRay: RAY,
      colo: 'FRA',
      branded: true,
      errorCode: '522',
      trace: { colo: 'FRA', h: '127.0.0.1', loc: 'DE' },
    });
    expect(result.problem).toBeUndefined();
    expect(result.message).toBe(
      `${server.url('/shop')} returned HTTP 522 from Cloudflare (Ray ${RAY}): Cloudflare could not reach the origin in time.`,
    );
    expect(server.requests.map((r) => r.path)).toEqual(['/shop', '/cdn-cgi/trace']);
    expect(server.requests[0]?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
  });

  it('reads the error code from the 1xxx template and says what it means', async () => {
    server = await startTestServer((req, res) => {
      res.writeHead(403, { server: 'cloudflare', 'cf-ray': RAY }).end(
        '<div class="cf-error-details"><h1><span class="cf-error-type">Error</span> <span class="cf-error-code">1020</span></h1>Ray ID: 8e5f1a2b3c4d5e6f</div>',
      );
    });
    const result = await checkUrl(server.url(), { allowPrivateAddresses: true });
    expect(result).toMatchObject({ status: 403, branded: true, errorCode: '1020' });
    expect(result.message).toContain('error 1020: a security rule on the site blocked the request');
  });

  it("says so when the error page behind Cloudflare is the origin's own", async () => {
    server = await startTestServer((req, res) => {
      res.writeHead(502, { server: 'cloudflare', 'cf-ray': RAY }).end('<html><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>');
    });
    const result = await checkUrl(server.url(), { allowPrivateAddresses: true });
    expect(result).toMatchObject({ status: 502, viaCloudflare: true, branded: false, colo: 'FRA' });
    expect(result.errorCode).toBeUndefined();
    expect(result.message).toContain('the error page came from the origin server, not from Cloudflare');
  });

  it('recognises a challenge page instead of calling the site broken', async () => {
    server = await startTestServer((req, res) => {
      res.writeHead(403, { server: 'cloudflare', 'cf-ray': RAY, 'cf-mitigated': 'challenge' }).end(
        '<html><title>Just a moment...</title><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script></html>',
      );
    });
    const result = await checkUrl(server.url(), { allowPrivateAddresses: true });
    expect(result).toMatchObject({ status: 403, challenged: true, branded: true });
    expect(result.message).toContain('Cloudflare challenge page');
  });

  it('uses the data center from the trace when the Ray ID has none', async () => {
    server = await startTestServer((req, res) => {
      if (req.url === '/cdn-cgi/trace') res.writeHead(200).end(TRACE.replace('colo=FRA', 'colo=AMS'));
      else res.writeHead(200, { server: 'cloudflare' }).end('welcome');
    });
    const result = await checkUrl(server.url(), { allowPrivateAddresses: true });
    expect(result).toMatchObject({ ok: true, status: 200, viaCloudflare: true, colo: 'AMS' });
    expect(result.cfRay).toBeUndefined();
    expect(result.message).toBe(`${server.url()} returned HTTP 200 through Cloudflare (data center AMS).`);
  });
});

describe('checkUrl against a plain origin', () => {
  it('reports a site without Cloudflare headers as not proxied and skips the trace', async () => {
    server = await startTestServer((req, res) => res.writeHead(200, { server: 'nginx' }).end('<h1>hello</h1>'));
    const result = await checkUrl(server.url(), { allowPrivateAddresses: true });
    expect(result).toMatchObject({ ok: true, status: 200, viaCloudflare: false, branded: false });
    expect(result.trace).toBeUndefined();
    expect(result.message).toContain('is not served through Cloudflare');
    expect(server.requests).toHaveLength(1);
  });

  it('reports a redirect with its absolute target and does not follow it', async () => {
    server = await startTestServer((req, res) => res.writeHead(301, { location: '/new-home' }).end());
    const result = await checkUrl(server.url('/old'), { allowPrivateAddresses: true });
    expect(result).toMatchObject({ ok: true, status: 301, redirectTo: server.url('/new-home') });
    expect(result.message).toContain(`redirects (HTTP 301) to ${server.url('/new-home')}`);
    expect(server.requests.map((r) => r.path)).toEqual(['/old']);
  });

  it('connects to the address it vetted, asking DNS once, and keeps the hostname in Host', async () => {
    server = await startTestServer((req, res) => {
      if (req.url === '/cdn-cgi/trace') res.writeHead(200).end(TRACE);
      else res.writeHead(200, { 'cf-ray': RAY }).end('ok');
    });
    // A rebinding resolver: the first answer passes the check, later ones would point elsewhere.
    const lookup = vi
      .fn()
      .mockResolvedValueOnce([{ address: '127.0.0.1', family: 4 }])
      .mockResolvedValue([{ address: '10.255.255.1', family: 4 }]);
    const result = await checkUrl(`http://shop.example.test:${server.port}/`, { allowPrivateAddresses: true, lookup });
    expect(result).toMatchObject({ ok: true, status: 200, viaCloudflare: true });
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(server.requests.map((r) => r.headers.host)).toEqual([`shop.example.test:${server.port}`, `shop.example.test:${server.port}`]);
  });
});
