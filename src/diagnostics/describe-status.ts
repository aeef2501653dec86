import type { DegradedComponent, Incident, Maintenance, StatusSummary } from './status-page-schema.ts';

/**
 * Turns a status summary into the short paragraph the bot posts. When the
 * user's data center is known (from a trace or a Ray ID) and it is among the
 * degraded components, that is what they care about, so it comes first.
 */

export type DescribeStatusOptions = {
  /** IATA code ("FRA") or city ("Frankfurt") of the user's Cloudflare data center. */
  colo?: string;
};

const MAX_INCIDENTS = 3;
const MAX_COMPONENTS = 5;
const MAX_MAINTENANCES = 2;

/** "partial_outage" -> "partial outage" */
function humanize(status: string): string {
  return status.replace(/_/g, ' ');
}

function linked(name: string, url: string | undefined): string {
  return url ? `[${name}](${url})` : name;
}

/** "2024-11-24T02:00:00.000-07:00" -> "2024-11-24 09:00 UTC": one time zone for everyone in the channel. */
function utc(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function listWithMore(items: string[], max: number, separator = '; '): string {
  const shown = items.slice(0, max).join(separator);
  return items.length > max ? `${shown}${separator}and ${items.length - max} more` : shown;
}

function incidentPart(incidents: Incident[]): string {
  if (incidents.length === 0) return '';
  const items = incidents.map((i) => {
    const impact = i.impact && i.impact !== 'none' ? `, ${i.impact} impact` : '';
    return `${linked(i.name, i.shortlink)} (${humanize(i.status)}${impact})`;
  });
  const count = incidents.length === 1 ? '1 active incident' : `${incidents.length} active incidents`;
  return ` — ${count}: ${listWithMore(items, MAX_INCIDENTS)}`;
}

function matchesColo(component: DegradedComponent, colo: string): boolean {
  // Data center rows are named "Frankfurt, Germany - (FRA)": match the code as a word, a city anywhere.
  if (/^[A-Za-z]{3}$/.test(colo)) return new RegExp(`\\b${colo.toUpperCase()}\\b`).test(component.name);
  return component.name.toLowerCase().includes(colo.toLowerCase());
}

function componentParts(components: DegradedComponent[], colo: string | undefined): string[] {
  const trimmed = colo?.trim();
  const local = trimmed ? components.filter((c) => matchesColo(c, trimmed)) : [];
  const others = components.filter((c) => !local.includes(c));
  const parts: string[] = [];
  if (local.length > 0) {
    const named = local.map((c) => `${c.name} (${humanize(c.status)})`).join(', ');
    parts.push(`Your data center is affected: ${named}.`);
  }
  if (others.length > 0) {
    const items = others.map((c) => `${c.name} (${humanize(c.status)})`);
    parts.push(`${local.length > 0 ? 'Also degraded' : 'Degraded'}: ${listWithMore(items, MAX_COMPONENTS, ', ')}.`);
  }
  return parts;
}

function maintenancePart(maintenances: Maintenance[]): string | undefined {
  if (maintenances.length === 0) return undefined;
  const items = maintenances.map((m) => {
    const window = m.scheduledFor ? `, ${utc(m.scheduledFor)}${m.scheduledUntil ? ` to ${utc(m.scheduledUntil)}` : ''}` : '';
    return `${linked(m.name, m.shortlink)} (${humanize(m.status)}${window})`;
  });
  return `Maintenance: ${listWithMore(items, MAX_MAINTENANCES)}.`;
}

export function describeStatus(summary: StatusSummary, options: DescribeStatusOptions = {}): string {
  if (!summary.ok) return `Cloudflare Status: unknown — ${summary.message} See ${summary.pageUrl} for the latest.`;
  const headline = `Cloudflare Status: ${summary.description.replace(/\.$/, '')}${incidentPart(summary.incidents)}.`;
  const maintenance = maintenancePart(summary.maintenances);
  return [headline, ...componentParts(summary.degradedComponents, options.colo), ...(maintenance ? [maintenance] : [])].join(' ');
}
