import { say, type Wording } from '../knowledge/wording.ts';
import type { Reason, ReasonSource } from '../knowledge/reason.ts';

/** One label per source; a fact of unknown source gets none. */
const LABELS: Record<ReasonSource, ((wording: Wording) => string) | undefined> = {
  said: (w) => say(w, 'fromYouSaid'),
  answered: (w) => say(w, 'fromAnsweredEarlier'),
  trace: (w) => say(w, 'fromTrace'),
  page: (w) => say(w, 'fromPastedPage'),
  pasted: (w) => say(w, 'fromPasted'),
  rayId: (w) => say(w, 'fromRayId'),
  check: (w) => say(w, 'fromBotCheck'),
  systemctl: (w) => say(w, 'fromSystemctl'),
  unknown: undefined,
};

/**
 * Where a fact came from, as a short label for summaries: what the user
 * typed is "you said", not "what you pasted". Read from the reason's source,
 * which each evidence reader sets beside its sentence.
 */
export function sourceLabel(wording: Wording, because: Reason | undefined): string | undefined {
  if (!because) return undefined;
  const source = typeof because === 'string' ? storedSentenceSource(because) : because.source;
  return source && LABELS[source]?.(wording);
}

/**
 * The source of a reason saved as a finished English sentence, by conversations
 * stored before reasons carried their source. Only those old records come here,
 * so these patterns follow the sentences as they were then and need no update
 * when a text in wording.yaml changes.
 */
function storedSentenceSource(sentence: string): ReasonSource | undefined {
  const b = sentence.toLowerCase();
  if (/\btrace\b/.test(b)) return 'trace';
  if (/\bpasted\b/.test(b) && /\bpage\b/.test(b)) return 'page';
  if (/\bthe bot\b|\bbot's\b|\bbot’s\b/.test(b)) return 'check';
  if (/\bray id\b/.test(b)) return 'rayId';
  if (/\bpasted\b/.test(b)) return 'pasted';
  if (/\bsystemctl\b/.test(b)) return 'systemctl';
  if (/^you (?:said|mentioned|wrote|typed|told)\b/.test(b)) return 'said';
  if (/^you answered\b/.test(b)) return 'answered';
  return undefined;
}
