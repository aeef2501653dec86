import { z } from 'zod';

/**
 * Reads pasted `https://<host>/cdn-cgi/trace` output: the key=value lines
 * Cloudflare serves from every data center. Support asks for it because it
 * names the data center (colo), the visitor's IP and what the browser
 * negotiated (HTTP version, TLS, WARP), so the bot keeps it verbatim.
 */

export const TRACE_KEYS = [
  'fl', 'h', 'ip', 'ts', 'visit_scheme', 'uag', 'colo', 'sliver',
  'http', 'loc', 'tls', 'sni', 'warp', 'gateway', 'rbi', 'kex',
] as const;
export type TraceKey = (typeof TRACE_KEYS)[number];

/** Fewer known keys than this is prose that happens to contain "key=value", not a trace. */
const MIN_KNOWN_KEYS = 3;

const value = z.string().trim().min(1).max(500).optional();

export const traceSchema = z
  .object({
    fl: value,
    /** Hostname the trace was fetched from. */
    h: value,
    ip: value,
    /** Unix seconds, as printed (may carry a fraction). */
    ts: value,
    /** `ts` as ISO 8601 UTC, derived so summaries need no arithmetic. */
    timeUtc: z.iso.datetime().optional(),
    visit_scheme: value,
    uag: value,
    /** IATA code of the serving data center, upper-cased. */
    colo: z.string().regex(/^[A-Z]{3}$/, 'colo must be a three-letter IATA code').optional(),
    sliver: value,
    http: value,
    loc: value,
    tls: value,
    sni: value,
    warp: value,
    gateway: value,
    rbi: value,
    kex: value,
  })
  .refine((t) => t.colo !== undefined || t.h !== undefined, { message: 'a trace names at least its colo or its host (h)' });
export type Trace = z.infer<typeof traceSchema>;

const KEY_PATTERN = new RegExp(`(?<![\\w.-])(${TRACE_KEYS.join('|')})=`, 'g');

/** Splits one line into key=value pairs; a single-line paste ("fl=… h=… ip=…") is split at each known key. */
function pairsInLine(line: string): [TraceKey, string][] {
  const matches = [...line.matchAll(KEY_PATTERN)];
  return matches.map((m, i) => {
    const key = m[1] as TraceKey;
    const start = m.index + m[0].length;
    const end = matches[i + 1]?.index ?? line.length;
    let raw = line.slice(start, end).trim();
    // Only the user agent contains spaces; any other value stops at the first one so prose after it is not swallowed.
    if (key !== 'uag' && (matches.length > 1 || /\s/.test(raw))) raw = raw.split(/\s+/)[0] ?? '';
    return [key, raw.replace(/`+$/, '').trim()];
  });
}

function unixSecondsToIso(ts: string): string | undefined {
  const seconds = Number(ts);
  if (!Number.isFinite(seconds) || seconds <= 0) return undefined;
  const date = new Date(Math.floor(seconds) * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function parseTrace(text: string): Trace | undefined {
  const found = new Map<TraceKey, string>();
  for (const line of text.split(/\r?\n/)) {
    for (const [key, raw] of pairsInLine(line)) {
      // The first occurrence wins: a second trace pasted later in the same message is rarer than prose repeating a key.
      if (raw && !found.has(key)) found.set(key, raw);
    }
  }
  if (found.size < MIN_KNOWN_KEYS) return undefined;
  const colo = found.get('colo')?.toUpperCase();
  const ts = found.get('ts');
  const candidate = {
    ...Object.fromEntries(found),
    colo: colo && /^[A-Z]{3}$/.test(colo) ? colo : undefined,
    timeUtc: ts ? unixSecondsToIso(ts) : undefined,
  };
  const parsed = traceSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}
