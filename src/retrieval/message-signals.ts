/**
 * Where a message's meaning sits. Real posts are several sentences with a
 * pasted log, a config snippet and a quoted error in them; the quoted error
 * and the sentence that states the symptom say more than the config does.
 * The message is cut into segments, and each gets a weight that the query
 * terms inherit (a term takes the highest weight of the segments it is in,
 * so one noisy segment cannot drown the rest by repetition).
 */

export type SegmentKind = 'quote' | 'symptom' | 'question' | 'prose' | 'machine';
export type Segment = { text: string; kind: SegmentKind; weight: number };

export const SEGMENT_WEIGHTS: Record<SegmentKind, number> = {
  quote: 1.5,
  symptom: 1.3,
  question: 1.15,
  prose: 1,
  machine: 0.5,
};
const MACHINE_SYMPTOM_WEIGHT = 0.9;

/**
 * Quoted spans: 'Access denied', “Host unknown”, «...», „...“, `...`. An apostrophe inside a word
 * ("hasn't … can't") opens or closes nothing.
 */
const QUOTED = /(?<!\p{L})'([^'\n]{4,240})'(?!\p{L})|"([^"\n]{4,240})"|“([^”\n]{4,240})”|«([^»\n]{4,240})»|„([^“”\n]{4,240})[“”]|`([^`\n]{4,240})`/gu;

/** The text inside each quoted span, in order. */
export function quotedSpans(text: string): string[] {
  return [...text.matchAll(QUOTED)].map((m) => m.slice(1).find((g) => g !== undefined) ?? '');
}

/** Words that state a failure: a sentence with one is where the symptom is. */
const SYMPTOM = /\b(?:error|errors|err_\w+|fail(?:s|ed|ing|ure)?|denied|blocked|block|banned|timed? ?out|timeout|refused|invalid|unable|cannot|can'?t|won'?t|doesn'?t|isn'?t|not (?:working|loading|load|reachable|receiving)|broken|down|unreachable|too many|loop(?:s|ing)?|rejected|forbidden|mismatch|stuck|hangs?|slow)\b/i;

/** Lines a machine wrote or a person copied from a config: logs, JSON, curl, headers, code. */
function looksMachineWritten(text: string): boolean {
  const t = text.trim();
  if (t.length < 12) return false;
  const symbols = (t.match(/[{}[\]=;<>\\|$_]/g) ?? []).length;
  if (symbols / t.length > 0.06) return true;
  if (/^\s*(?:\[[A-Z]{3,5}\]|\d{4}-\d{2}-\d{2}[T ]\d|[<{[]|\$ |> |curl\b|[A-Za-z-]+:\s\S+$)/.test(t)) return true;
  // identifiers like forwardingGateway.allowedForwardedHosts or http.request.headers
  return (t.match(/\b[a-z]+[A-Z][A-Za-z]*\b|\b\w+\.\w+\.\w+\b/g) ?? []).length >= 2;
}

function sentences(text: string): string[] {
  return text
    .split(/\r?\n|(?<=[.!?。？！])\s+(?=\S)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Addresses are evidence, not words: "listhub-dns.net" is not about DNS and
 * ":443" is not about anything. URLs, e-mail addresses, hostnames, IPs and
 * file paths are blanked before the words are read (analyze-query keeps them).
 */
const ADDRESSES: { re: RegExp; needs: string }[] = [
  { re: /\b(?:https?|wss?|ftp):\/\/\S+/gi, needs: '://' },
  { re: /\S+@\S+\.\w+/g, needs: '@' },
  { re: /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, needs: '.' },
  { re: /\b[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}\b/gi, needs: ':' },
  {
    re: /\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|net|org|io|dev|app|co|uk|de|ru|info|site|xyz|me|tv|gg|ai|cloud|online|shop|store|tech|gov|gob|edu|biz|us|ca|au|in|fr|es|it|nl|pl|br|jp|cn|ga|ml|tk|su|ua|ir|ph|workers|pages)\b(?::\d+)?/gi,
    needs: '.',
  },
  { re: /(?:^|\s)(?:\/[\w.-]+){2,}\/?/g, needs: '/' },
];

export function withoutAddresses(text: string): string {
  let out = text;
  // A pattern runs only when the character every match of it holds is there: most sentences have no '@' or '://'.
  for (const { re, needs } of ADDRESSES) if (out.includes(needs)) out = out.replace(re, ' ');
  return out;
}

export function segmentMessage(message: string): Segment[] {
  const text = withoutAddresses(message);
  const out: Segment[] = [];
  for (const inner of quotedSpans(text)) {
    if (/\s/.test(inner.trim()) && !looksMachineWritten(inner)) out.push({ text: inner, kind: 'quote', weight: SEGMENT_WEIGHTS.quote });
  }
  for (const s of sentences(text)) {
    const symptom = SYMPTOM.test(s);
    if (looksMachineWritten(s)) {
      // A log line that states the failure ("SSL_connect: Connection reset by peer") still counts, a little.
      out.push({ text: s, kind: 'machine', weight: symptom ? MACHINE_SYMPTOM_WEIGHT : SEGMENT_WEIGHTS.machine });
      continue;
    }
    const kind: SegmentKind = symptom ? 'symptom' : /\?\s*$/.test(s) ? 'question' : 'prose';
    out.push({ text: s, kind, weight: SEGMENT_WEIGHTS[kind] });
  }
  return out;
}
