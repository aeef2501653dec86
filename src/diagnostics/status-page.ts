import { type Dispatcher, request } from 'undici';
import { startDeadline } from './deadline.ts';
import { classifyNetworkError } from './network-problem.ts';
import { readLimitedBody } from './read-limited-body.ts';
import { type StatusSummary, type StatuspageSummary, statuspageSummarySchema } from './status-page-schema.ts';

/**
 * Answers "is Cloudflare down?" from Cloudflare's own status page. Any
 * failure (timeout, HTTP error, unexpected JSON) becomes `{ ok: false }`
 * with a sentence, because the bot should say "I couldn't check, see the
 * page" rather than crash the conversation.
 */

export const CLOUDFLARE_STATUS_BASE_URL = 'https://www.cloudflarestatus.com';

/** Cloudflare's summary lists a component per data center and is a few hundred KB; 4 MB leaves room without trusting it. */
const MAX_SUMMARY_BYTES = 4 * 1024 * 1024;

export type StatusFetchOptions = {
  baseUrl: string;
  timeoutMs?: number;
  dispatcher?: Dispatcher;
  /** For fetchedAt; tests pin it. */
  now?: () => Date;
};

const RESOLVED_INCIDENT = new Set(['resolved', 'postmortem']);
const FINISHED_MAINTENANCE = new Set(['completed']);

function summaryUrl(baseUrl: string): URL {
  return new URL('api/v2/summary.json', baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
}

function toSummary(raw: StatuspageSummary, pageUrl: string, fetchedAt: Date): StatusSummary {
  return {
    ok: true,
    pageUrl,
    indicator: raw.status.indicator,
    description: raw.status.description,
    incidents: raw.incidents
      .filter((i) => !RESOLVED_INCIDENT.has(i.status))
      .map((i) => ({ name: i.name, status: i.status, impact: i.impact, updatedAt: i.updated_at, ...(i.shortlink ? { shortlink: i.shortlink } : {}) })),
    maintenances: raw.scheduled_maintenances
      .filter((m) => !FINISHED_MAINTENANCE.has(m.status))
      .map((m) => ({
        name: m.name,
        status: m.status,
        ...(m.scheduled_for ? { scheduledFor: m.scheduled_for } : {}),
        ...(m.scheduled_until ? { scheduledUntil: m.scheduled_until } : {}),
        ...(m.shortlink ? { shortlink: m.shortlink } : {}),
      })),
    // Group rows (e.g. "Europe") only restate their members' state; the members name the affected place.
    degradedComponents: raw.components
      .filter((c) => c.status !== 'operational' && !c.group)
      .map((c) => ({ name: c.name, status: c.status })),
    fetchedAt: fetchedAt.toISOString(),
  };
}

export async function fetchCloudflareStatus(options: StatusFetchOptions): Promise<StatusSummary> {
  const { baseUrl, timeoutMs = 5000, dispatcher, now = () => new Date() } = options;
  const unavailable = (reason: string): StatusSummary => ({
    ok: false,
    pageUrl: baseUrl,
    message: `Cloudflare's status page could not be read (${reason}).`,
  });
  const deadline = startDeadline(timeoutMs);
  try {
    const response = await request(summaryUrl(baseUrl), {
      method: 'GET',
      signal: deadline.signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      headers: { accept: 'application/json' },
      ...(dispatcher ? { dispatcher } : {}),
    });
    if (response.statusCode !== 200) {
      await response.body.dump();
      return unavailable(`HTTP ${response.statusCode}`);
    }
    const body = await readLimitedBody(response.body, MAX_SUMMARY_BYTES);
    if (body.truncated) return unavailable('the response was larger than expected');
    let json: unknown;
    try {
      json = JSON.parse(body.text);
    } catch {
      return unavailable('the response was not valid JSON');
    }
    const parsed = statuspageSummarySchema.safeParse(json);
    if (!parsed.success) return unavailable('the response was not in the Statuspage format');
    return toSummary(parsed.data, baseUrl, now());
  } catch (error) {
    const { problem, detail } = deadline.signal.aborted ? { problem: 'timeout', detail: '' } : classifyNetworkError(error);
    return unavailable(problem === 'timeout' ? `no answer within ${timeoutMs / 1000} s` : detail);
  } finally {
    deadline.clear();
  }
}
