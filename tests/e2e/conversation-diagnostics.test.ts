import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/diagnostics/test-server.ts';
import { allText, choicesOf, conversation, testEngine } from '../support/engine.ts';

/**
 * The engine's live probes, through real HTTP (undici) to servers on
 * 127.0.0.1: a "Cloudflare-proxied" site returning 522 and a Statuspage API.
 */
const BRANDED_522 = '<html><title>example.com | 522: Connection timed out</title><body><div id="cf-error-details"><h1>Connection timed out</h1><span>Error code 522</span><p>Cloudflare Ray ID: <strong>8e5f1a2b3c4d5e6f</strong></p><p>Performance &amp; security by Cloudflare</p></div></body></html>';
const STATUS = {
  page: { id: 'x', name: 'Cloudflare', url: 'https://www.cloudflarestatus.com', updated_at: '2026-11-23T10:00:00Z' },
  status: { indicator: 'minor', description: 'Minor Service Outage' },
  components: [{ id: 'c1', name: 'Frankfurt, Germany - (FRA)', status: 'degraded_performance' }],
  incidents: [{ id: 'i1', name: 'Elevated 5xx errors in Frankfurt', status: 'investigating', impact: 'minor', shortlink: 'https://stspg.io/abc', updated_at: '2026-11-23T10:00:00Z' }],
  scheduled_maintenances: [],
};

describe('live diagnostics in a conversation', () => {
  let site: TestServer;
  let statusPage: TestServer;
  beforeAll(async () => {
    site = await startTestServer((req, res) => {
      if (req.url === '/cdn-cgi/trace') {
        res.writeHead(200, { 'content-type': 'text/plain', server: 'cloudflare', 'cf-ray': '8e5f1a2b3c4d5e6f-FRA' });
        res.end('fl=1\nh=127.0.0.1\nip=203.0.113.7\nts=1795461853.1\nvisit_scheme=http\ncolo=FRA\nhttp=http/1.1\nloc=DE\ntls=off\nwarp=off\n');
        return;
      }
      res.writeHead(522, { 'content-type': 'text/html', server: 'cloudflare', 'cf-ray': '8e5f1a2b3c4d5e6f-FRA' });
      res.end(BRANDED_522);
    });
    statusPage = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(STATUS));
    });
  });
  afterAll(async () => {
    await site.close();
    await statusPage.close();
  });

  it('offers to check a pasted URL and folds what it saw into the case', async () => {
    const t = await testEngine({ env: { URL_CHECKS: 'true' }, allowPrivateUrlChecks: true });
    try {
      const chat = conversation(t.engine, 'url-check');
      const replies = await chat.say(`my site ${site.url('/shop')} is down`);
      const check = choicesOf(replies).find((c) => c.id.startsWith('check:'));
      expect(check?.label).toContain(`127.0.0.1:${site.port}`);
      const checked = await chat.choose(check?.id ?? '');
      expect(allText(checked)).toMatch(/522/);
      expect(allText(checked)).toMatch(/Cloudflare/);
      expect(site.requests.some((r) => r.path === '/shop')).toBe(true);
      const escalation = (await chat.say('talk to a human')).find((r) => r.escalation)?.escalation;
      expect(escalation?.summary).toContain('522');
      expect(escalation?.summary).toContain('FRA');
    } finally {
      await t.cleanup();
    }
  });

  it('never offers a URL check unless the operator turned it on', async () => {
    const t = await testEngine();
    try {
      const before = site.requests.length;
      const replies = await conversation(t.engine, 'no-check').say(`error 522 on ${site.url('/')}`);
      expect(choicesOf(replies).some((c) => c.id.startsWith('check:'))).toBe(false);
      expect(site.requests.length).toBe(before);
    } finally {
      await t.cleanup();
    }
  });

  it('adds live Cloudflare status to "is cloudflare down", naming the user\'s data center', async () => {
    const t = await testEngine({ env: { STATUS_PAGE_URL: `http://127.0.0.1:${statusPage.port}` } });
    try {
      const chat = conversation(t.engine, 'status');
      await chat.say('colo=FRA\nh=example.com\nhttp=http/2\nloc=DE\ntls=TLSv1.3');
      const replies = await chat.say('is cloudflare down right now');
      const text = allText(replies);
      expect(text).toMatch(/Minor Service Outage/);
      expect(text).toMatch(/Frankfurt|FRA/);
      expect(replies.flatMap((r) => r.sources ?? []).some((s) => s.url.includes('cloudflare-status'))).toBe(true);
    } finally {
      await t.cleanup();
    }
  });
});
