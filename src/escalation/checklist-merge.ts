import type { EvidenceFacts } from '../conversation/evidence-facts.ts';

/**
 * One checklist out of the tree leaf's list and the docs' list for the code:
 * deduplicated by what an item asks for (two "timestamp" items are one),
 * without what the user already gave, most useful first, at most seven. A
 * long list does not get done; a short one with the Ray ID and the time on
 * top does.
 */

export const MAX_CHECKLIST_ITEMS = 7;

/** What an item asks for, in the order support finds it most useful. */
const TOPICS: readonly { topic: string; re: RegExp }[] = [
  { topic: 'rayId', re: /\bray id\b|\bcf-ray\b/i },
  { topic: 'time', re: /\btime(?:stamp)?s?\b|\btime zone\b|\bwhen (?:it|the error|you saw)\b/i },
  { topic: 'url', re: /\burls?\b|\bdomain name\b|\bzone name\b|\bzone id\b|\bhostname\b/i },
  { topic: 'events', re: /\bsecurity events?\b|\bfirewall events?\b/i },
  { topic: 'mtr', re: /\bmtr\b|\btraceroute\b/i },
  { topic: 'har', re: /\bhar files?\b/i },
  { topic: 'logs', re: /\blogs?\b/i },
  { topic: 'trace', re: /cdn-cgi\/trace/i },
  { topic: 'ip', re: /\b(?:your|client|visitor'?s?) ip\b|\bip address(?:es)?\b/i },
  { topic: 'screenshot', re: /\bscreenshots?\b/i },
  { topic: 'errors', re: /\bexact error messages?\b/i },
  { topic: 'dig', re: /\bdig\b|\bnslookup\b/i },
  { topic: 'curl', re: /\bcurl\b/i },
  { topic: 'steps', re: /\bsteps to reproduce\b|\breproduc/i },
  { topic: 'hosting', re: /\bhosting provider\b/i },
  { topic: 'priority', re: /\bpriority\b/i },
];

export function topicsOf(item: string): string[] {
  return TOPICS.filter((t) => t.re.test(item)).map((t) => t.topic);
}

function providedTopics(facts: EvidenceFacts): Set<string> {
  const given = new Set<string>();
  if (facts.rayIds.length) given.add('rayId');
  // A time the user stated (with or without a zone) is not asked again; the summary shows it as they said it.
  if (facts.timeUtc || facts.timeText) given.add('time');
  if (facts.urls.length) given.add('url');
  if (facts.trace) given.add('trace');
  return given;
}

/** What an item asks for first ("A screenshot …, including its Ray ID" is a screenshot); its rank follows. */
function primaryTopic(item: string): number {
  let best = { at: Infinity, index: TOPICS.length };
  TOPICS.forEach((t, index) => {
    const at = item.search(t.re);
    if (at >= 0 && at < best.at) best = { at, index };
  });
  return best.index;
}

/** The name of what an item asks for first, or undefined for an item about nothing the list knows (tests use it). */
export function checklistTopic(item: string): string | undefined {
  return TOPICS[primaryTopic(item)]?.topic;
}

/** Of two items asking for the same thing, the one that says how (a link) is worth more. */
const saysHow = (item: string): boolean => /\(how:|https?:\/\//.test(item);

/**
 * `items` in the order given (the tree leaf's own list first: it is the most
 * specific); `last` (for example the visitor's "send this to the owner" note)
 * always closes the list.
 */
export function mergeChecklist(items: readonly string[], facts: EvidenceFacts, last?: string): string[] {
  const given = providedTopics(facts);
  const covered = new Set<string>();
  const seenText = new Set<string>();
  const kept: { item: string; rank: number; order: number }[] = [];
  items.forEach((item, order) => {
    const topics = topicsOf(item);
    const key = item.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    if (seenText.has(key)) return;
    seenText.add(key);
    const rank = primaryTopic(item);
    const primary = TOPICS[rank]?.topic;
    if (primary && given.has(primary)) return;
    const same = primary ? kept.find((k) => k.rank === rank) : undefined;
    if (same) {
      // Same request twice: keep one, the one with instructions if only one has them.
      if (saysHow(item) && !saysHow(same.item)) same.item = item;
      return;
    }
    // An item only about what is already given or already asked for says nothing new.
    if (topics.length && topics.every((t) => given.has(t) || covered.has(t))) return;
    for (const t of topics) covered.add(t);
    kept.push({ item, rank, order });
  });
  const sorted = kept.sort((a, b) => a.rank - b.rank || a.order - b.order).map((k) => k.item);
  const room = last ? MAX_CHECKLIST_ITEMS - 1 : MAX_CHECKLIST_ITEMS;
  return [...sorted.slice(0, room), ...(last ? [last] : [])];
}
