import { describe, expect, it } from 'vitest';
import { describeStatus } from './describe-status.ts';
import type { StatusSummary } from './status-page-schema.ts';

const base = {
  ok: true as const,
  pageUrl: 'https://www.cloudflarestatus.com',
  incidents: [],
  maintenances: [],
  degradedComponents: [],
  fetchedAt: '2024-11-23T10:00:00.000Z',
};

const OPERATIONAL: StatusSummary = { ...base, indicator: 'none', description: 'All Systems Operational' };

const OUTAGE: StatusSummary = {
  ...base,
  indicator: 'minor',
  description: 'Minor Service Outage',
  incidents: [
    { name: 'Elevated 5xx errors in Europe', status: 'identified', impact: 'minor', shortlink: 'https://stspg.io/abc123', updatedAt: '2024-11-23T09:55:00.000Z' },
    { name: 'Delayed analytics', status: 'investigating', impact: 'none', updatedAt: '2024-11-23T09:10:00.000Z' },
  ],
  degradedComponents: [
    { name: 'Amsterdam, Netherlands - (AMS)', status: 'degraded_performance' },
    { name: 'Frankfurt, Germany - (FRA)', status: 'partial_outage' },
  ],
};

describe('describeStatus', () => {
  it('says all is well in one sentence', () => {
    expect(describeStatus(OPERATIONAL)).toBe('Cloudflare Status: All Systems Operational.');
  });

  it('lists incidents with their links and the degraded components', () => {
    expect(describeStatus(OUTAGE)).toBe(
      'Cloudflare Status: Minor Service Outage — 2 active incidents: [Elevated 5xx errors in Europe](https://stspg.io/abc123) (identified, minor impact); Delayed analytics (investigating). ' +
        'Degraded: Amsterdam, Netherlands - (AMS) (degraded performance), Frankfurt, Germany - (FRA) (partial outage).',
    );
  });

  it("puts the user's own data center first, by code or by city", () => {
    const byCode = describeStatus(OUTAGE, { colo: 'FRA' });
    expect(byCode).toContain('Your data center is affected: Frankfurt, Germany - (FRA) (partial outage). Also degraded: Amsterdam, Netherlands - (AMS) (degraded performance).');
    expect(byCode.indexOf('Frankfurt')).toBeLessThan(byCode.indexOf('Amsterdam'));
    expect(describeStatus(OUTAGE, { colo: 'frankfurt' })).toContain('Your data center is affected: Frankfurt');
  });

  it('does not claim a healthy data center is affected', () => {
    expect(describeStatus(OUTAGE, { colo: 'SJC' })).not.toContain('Your data center');
  });

  it('shows maintenance windows in UTC', () => {
    const summary: StatusSummary = {
      ...base,
      indicator: 'maintenance',
      description: 'Service Under Maintenance',
      maintenances: [
        { name: 'SIN datacenter maintenance', status: 'in_progress', scheduledFor: '2024-11-24T10:00:00.000+08:00', scheduledUntil: '2024-11-24T06:00:00.000Z', shortlink: 'https://stspg.io/mnt1' },
      ],
    };
    expect(describeStatus(summary)).toBe(
      'Cloudflare Status: Service Under Maintenance. Maintenance: [SIN datacenter maintenance](https://stspg.io/mnt1) (in progress, 2024-11-24 02:00 UTC to 2024-11-24 06:00 UTC).',
    );
  });

  it('points to the status page when it could not be read', () => {
    const failed: StatusSummary = { ok: false, pageUrl: 'https://www.cloudflarestatus.com', message: "Cloudflare's status page could not be read (HTTP 500)." };
    expect(describeStatus(failed)).toBe(
      "Cloudflare Status: unknown — Cloudflare's status page could not be read (HTTP 500). See https://www.cloudflarestatus.com for the latest.",
    );
  });
});
