import { afterEach, describe, expect, it } from 'vitest';
import { createCachedStatus } from './status-cache.ts';
import { fetchCloudflareStatus } from './status-page.ts';
import { INCIDENT_SUMMARY, MAINTENANCE_SUMMARY, OPERATIONAL_SUMMARY } from './status-page-fixtures.ts';
import { statusSummarySchema } from './status-page-schema.ts';
import { startTestServer, type TestServer } from './test-server.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const FIXED_NOW = new Date('2024-11-23T10:00:00.000Z');

async function serveJson(body: unknown, status = 200): Promise<TestServer> {
  return startTestServer((req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(typeof body === 'string' ? body : JSON.stringify(body));
  });
}

describe('fetchCloudflareStatus', () => {
  it('reads an all-clear page from /api/v2/summary.json', async () => {
    server = await serveJson(OPERATIONAL_SUMMARY);
    const summary = await fetchCloudflareStatus({ baseUrl: server.url(''), now: () => FIXED_NOW });
    expect(statusSummarySchema.parse(summary)).toEqual(summary);
    expect(summary).toEqual({
      ok: true,
      pageUrl: server.url(''),
      indicator: 'none',
      description: 'All Systems Operational',
      incidents: [],
      maintenances: [],
      degradedComponents: [],
      fetchedAt: '2024-11-23T10:00:00.000Z',
    });
    expect(server.requests.map((r) => r.path)).toEqual(['/api/v2/summary.json']);
  });

  it('lists active incidents and degraded data centers, not their group row', async () => {
    server = await serveJson(INCIDENT_SUMMARY);
    const summary = await fetchCloudflareStatus({ baseUrl: server.url('') });
    expect(summary).toMatchObject({
      ok: true,
      indicator: 'minor',
      incidents: [
        { name: 'Elevated 5xx errors in Europe', status: 'identified', impact: 'minor', shortlink: 'https://stspg.io/abc123', updatedAt: '2024-11-23T09:55:00.000Z' },
        { name: 'Delayed analytics', status: 'investigating', impact: 'none' },
      ],
      degradedComponents: [
        { name: 'Amsterdam, Netherlands - (AMS)', status: 'degraded_performance' },
        { name: 'Frankfurt, Germany - (FRA)', status: 'partial_outage' },
      ],
    });
  });

  it('lists maintenance that is scheduled or under way, not finished work', async () => {
    server = await serveJson(MAINTENANCE_SUMMARY);
    const summary = await fetchCloudflareStatus({ baseUrl: server.url('') });
    expect(summary).toMatchObject({
      ok: true,
      indicator: 'maintenance',
      maintenances: [
        { name: 'SIN (Singapore) datacenter maintenance', status: 'in_progress', scheduledFor: '2024-11-24T02:00:00.000Z', scheduledUntil: '2024-11-24T06:00:00.000Z', shortlink: 'https://stspg.io/mnt1' },
      ],
      degradedComponents: [{ name: 'Singapore, Singapore - (SIN)', status: 'under_maintenance' }],
    });
  });

  it('reports invalid JSON instead of throwing', async () => {
    server = await serveJson('<html>Service Unavailable</html>');
    const summary = await fetchCloudflareStatus({ baseUrl: server.url('') });
    expect(summary).toEqual({ ok: false, pageUrl: server.url(''), message: "Cloudflare's status page could not be read (the response was not valid JSON)." });
  });

  it('reports JSON that is not a Statuspage summary', async () => {
    server = await serveJson({ status: { indicator: 'purple' } });
    const summary = await fetchCloudflareStatus({ baseUrl: server.url('') });
    expect(summary).toMatchObject({ ok: false, message: expect.stringContaining('not in the Statuspage format') });
  });

  it('reports an HTTP error', async () => {
    server = await serveJson({ error: 'boom' }, 500);
    const summary = await fetchCloudflareStatus({ baseUrl: server.url('') });
    expect(summary).toMatchObject({ ok: false, message: "Cloudflare's status page could not be read (HTTP 500)." });
  });

  it('gives up on a page that does not answer within the timeout', async () => {
    server = await startTestServer(() => undefined);
    const started = Date.now();
    const summary = await fetchCloudflareStatus({ baseUrl: server.url(''), timeoutMs: 200 });
    expect(summary).toMatchObject({ ok: false, message: "Cloudflare's status page could not be read (no answer within 0.2 s)." });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('createCachedStatus', () => {
  it('answers a burst of questions with one request until the TTL passes', async () => {
    server = await serveJson(OPERATIONAL_SUMMARY);
    let now = 1_000_000;
    const status = createCachedStatus({ baseUrl: server.url(''), ttlMs: 60_000, clock: () => now });

    const burst = await Promise.all([status(), status(), status()]);
    now += 59_000;
    const later = await status();

    expect(burst.every((s) => s.ok)).toBe(true);
    expect(later).toBe(burst[0]);
    expect(server.requests).toHaveLength(1);

    now += 2_000;
    await status();
    expect(server.requests).toHaveLength(2);
  });

  it('retries a failed read sooner than a good one', async () => {
    server = await serveJson('not json');
    let now = 0;
    const status = createCachedStatus({ baseUrl: server.url(''), ttlMs: 60_000, failureTtlMs: 5_000, clock: () => now });
    expect((await status()).ok).toBe(false);
    now += 4_000;
    await status();
    expect(server.requests).toHaveLength(1);
    now += 2_000;
    await status();
    expect(server.requests).toHaveLength(2);
  });
});
