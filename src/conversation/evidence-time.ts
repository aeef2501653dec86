/**
 * Finds when the problem happened. Support needs a timestamp with its time
 * zone to find a request in the logs, so the bot keeps the user's own words
 * (timeText) and converts to UTC only when the zone leaves no doubt.
 */

/**
 * Abbreviations with one common meaning. CST (US Central / China), IST
 * (India / Ireland / Israel) and bare ET/PT (which half of the year?) are
 * left out on purpose: guessing wrong sends support to the wrong log hour.
 */
const ZONE_OFFSET_MINUTES: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0, WET: 0, WEST: 60, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180,
  EST: -300, EDT: -240, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, AKST: -540, AKDT: -480, HST: -600,
  JST: 540, KST: 540, SGT: 480, HKT: 480, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

const ZONE = String.raw`(?:UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|Z|` + Object.keys(ZONE_OFFSET_MINUTES).filter((z) => !['UTC', 'GMT', 'Z'].includes(z)).join('|');
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*([ap])\.?m\b\.?)?`;
const DATE_TIME = new RegExp(String.raw`\b(\d{4})-(\d{2})-(\d{2})(?:(?:T|\s+)${TIME})?(?:\s*(${ZONE})(?![\w]))?`, 'gi');
/** A bare clock time only counts with a zone, am/pm, or a word like "at" before it; "1:30" alone may be a duration. */
const CLOCK_TIME = new RegExp(String.raw`(\b(?:at|around|about|since|from|until|by|@)\s+)?\b${TIME}(?:\s*(${ZONE})(?![\w]))?`, 'gi');

const DAY = String.raw`(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)`;
const COUNT = String.raw`(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|a\s+few|few|a\s+couple(?:\s+of)?)`;
const UNIT = String.raw`(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)`;
/**
 * When it started, in words: "since this morning", "for two days", "an hour
 * ago", "since yesterday". Kept as written: no zone, so never converted.
 */
const RELATIVE = new RegExp(
  [
    String.raw`\b(?:since|starting|from)\s+(?:this\s+(?:morning|afternoon|evening|week)|last\s+(?:night|week|weekend|${DAY})|yesterday(?:\s+(?:morning|afternoon|evening|night))?|today|tonight|${DAY}|the\s+(?:weekend|morning|last\s+(?:update|deploy|migration|change)|update|migration|move|switch))\b`,
    String.raw`\bfor\s+(?:the\s+)?(?:(?:past|last)\s+)?${COUNT}\s+${UNIT}(?:\s+now)?\b`,
    String.raw`\b${COUNT}\s+${UNIT}\s+ago\b`,
    String.raw`\b(?:since|starting)\s+yesterday\b|\b(?:this\s+morning|last\s+night|yesterday(?:\s+(?:morning|afternoon|evening|night))?)\b`,
  ].join('|'),
  'gi',
);

export type TimeMention = {
  /** As written: "14:05 UTC", "2026-11-23 10:00", "10:22 CET". */
  timeText: string;
  /** ISO 8601 UTC, only when a zone or offset was given. */
  timeUtc?: string;
  /** True when only a clock time was given and the date was taken as the most recent such moment. */
  dateAssumed?: boolean;
};

function zoneOffsetMinutes(zone: string): number | undefined {
  const compact = zone.replace(/\s+/g, '').toUpperCase();
  const offset = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/.exec(compact);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3] ?? 0);
    return minutes > 14 * 60 ? undefined : offset[1] === '-' ? -minutes : minutes;
  }
  return ZONE_OFFSET_MINUTES[compact];
}

function hour24(hour: number, meridiem: string | undefined): number | undefined {
  if (!meridiem) return hour <= 23 ? hour : undefined;
  if (hour < 1 || hour > 12) return undefined;
  const isPm = meridiem.toLowerCase() === 'p';
  return (hour % 12) + (isPm ? 12 : 0);
}

function toIso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

type Candidate = TimeMention & { index: number };

function fromDateTime(m: RegExpExecArray): Candidate | undefined {
  const [text, y, mo, d, h, min, s, meridiem, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const base = { timeText: text.trim(), index: m.index };
  if (h === undefined || min === undefined) return base;
  const hour = hour24(Number(h), meridiem);
  if (hour === undefined || Number(min) > 59) return undefined;
  const offset = zone ? zoneOffsetMinutes(zone) : undefined;
  if (offset === undefined) return base;
  const local = Date.UTC(Number(y), month - 1, day, hour, Number(min), Number(s ?? 0));
  return { ...base, timeUtc: toIso(local - offset * 60_000) };
}

function fromClockTime(m: RegExpExecArray, now: Date): Candidate | undefined {
  const [whole, cue, h, min, s, meridiem, zone] = m;
  if (!cue && !zone && !meridiem) return undefined;
  const hour = hour24(Number(h), meridiem);
  if (hour === undefined || Number(min) > 59) return undefined;
  // "since 14:05 CET" says when it started, so "since" stays; "at 14:05" is just the moment.
  const keepsCue = cue !== undefined && /^(?:since|from)\b/i.test(cue.trim());
  const text = (keepsCue ? whole : whole.slice(cue?.length ?? 0)).trim();
  const base = { timeText: text, index: m.index };
  const offset = zone ? zoneOffsetMinutes(zone) : undefined;
  if (offset === undefined) return base;
  // Users report what already happened, so the date is the latest one on which that clock time is not in the future.
  const zonedNow = new Date(now.getTime() + offset * 60_000);
  let local = Date.UTC(zonedNow.getUTCFullYear(), zonedNow.getUTCMonth(), zonedNow.getUTCDate(), hour, Number(min), Number(s ?? 0));
  if (local - offset * 60_000 > now.getTime() + 5 * 60_000) local -= 24 * 60 * 60_000;
  return { ...base, timeUtc: toIso(local - offset * 60_000), dateAssumed: true };
}

/** The most useful time mention: the first one we can convert to UTC, else the first one at all. */
export function detectTime(text: string, now: Date = new Date()): TimeMention | undefined {
  const withoutUrls = text.replace(/\bhttps?:\/\/\S+/gi, (u) => ' '.repeat(u.length));
  const candidates: Candidate[] = [];
  let masked = withoutUrls;
  for (const m of withoutUrls.matchAll(DATE_TIME)) {
    const c = fromDateTime(m);
    if (c) candidates.push(c);
    masked = masked.slice(0, m.index) + ' '.repeat(m[0].length) + masked.slice(m.index + m[0].length);
  }
  for (const m of masked.matchAll(CLOCK_TIME)) {
    const c = fromClockTime(m, now);
    if (c) candidates.push(c);
  }
  for (const m of masked.matchAll(RELATIVE)) candidates.push({ timeText: m[0].trim().replace(/\s+/g, ' '), index: m.index });
  candidates.sort((a, b) => a.index - b.index);
  const best = candidates.find((c) => c.timeUtc) ?? candidates[0];
  if (!best) return undefined;
  const { index: _index, ...mention } = best;
  return mention;
}
