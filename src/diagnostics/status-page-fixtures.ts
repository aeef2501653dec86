/**
 * Statuspage v2 summary.json bodies shaped like cloudflarestatus.com's, for
 * the status tests. Trimmed to a few components; real ones list ~300.
 */

const PAGE = { id: 'yh6f0r4529hb', name: 'Cloudflare', url: 'https://www.cloudflarestatus.com', time_zone: 'Etc/UTC', updated_at: '2024-11-23T10:00:00.000Z' };

const component = (name: string, status: string, group = false) => ({
  id: name.toLowerCase().replace(/\W+/g, '-'),
  name,
  status,
  group,
  only_show_if_degraded: false,
});

export const OPERATIONAL_SUMMARY = {
  page: PAGE,
  status: { indicator: 'none', description: 'All Systems Operational' },
  components: [component('Cloudflare Sites and Services', 'operational'), component('Frankfurt, Germany - (FRA)', 'operational')],
  incidents: [],
  scheduled_maintenances: [],
};

export const INCIDENT_SUMMARY = {
  page: PAGE,
  status: { indicator: 'minor', description: 'Minor Service Outage' },
  components: [
    component('Europe', 'partial_outage', true),
    component('Amsterdam, Netherlands - (AMS)', 'degraded_performance'),
    component('Frankfurt, Germany - (FRA)', 'partial_outage'),
    component('Dashboard', 'operational'),
  ],
  incidents: [
    {
      id: 'inc1',
      name: 'Elevated 5xx errors in Europe',
      status: 'identified',
      impact: 'minor',
      shortlink: 'https://stspg.io/abc123',
      created_at: '2024-11-23T09:40:00.000Z',
      updated_at: '2024-11-23T09:55:00.000Z',
      incident_updates: [{ body: 'We have identified the issue.', status: 'identified' }],
    },
    {
      id: 'inc2',
      name: 'Delayed analytics',
      status: 'investigating',
      impact: 'none',
      shortlink: null,
      created_at: '2024-11-23T09:00:00.000Z',
      updated_at: '2024-11-23T09:10:00.000Z',
    },
  ],
  scheduled_maintenances: [],
};

export const MAINTENANCE_SUMMARY = {
  page: PAGE,
  status: { indicator: 'maintenance', description: 'Service Under Maintenance' },
  components: [component('Singapore, Singapore - (SIN)', 'under_maintenance')],
  incidents: [],
  scheduled_maintenances: [
    {
      id: 'mnt1',
      name: 'SIN (Singapore) datacenter maintenance',
      status: 'in_progress',
      impact: 'maintenance',
      shortlink: 'https://stspg.io/mnt1',
      scheduled_for: '2024-11-24T02:00:00.000Z',
      scheduled_until: '2024-11-24T06:00:00.000Z',
    },
    {
      id: 'mnt0',
      name: 'Old finished work',
      status: 'completed',
      impact: 'maintenance',
      shortlink: 'https://stspg.io/mnt0',
      scheduled_for: '2024-11-20T02:00:00.000Z',
      scheduled_until: '2024-11-20T06:00:00.000Z',
    },
  ],
};
