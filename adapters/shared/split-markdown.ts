/**
 * One message splitter for every door: chunks no longer than the platform's
 * limit, preferring paragraph, then line, then word boundaries. A link (or any
 * other piece the platform must see whole) is never cut in two, and a code
 * fence cut by a split is closed and reopened so both halves render.
 */
export type SplitOptions = {
  /** The platform's limit per chunk (Discord embed description, Slack section text). */
  limit: number;
  /** Pieces that must stay whole; defaults to markdown links `[label](url)`. */
  unbreakable?: RegExp;
};

const FENCE = '```';
/** Room `balanceCodeFences` may add to a chunk: a closing fence on one end, an opening one on the other. */
export const FENCE_ALLOWANCE = 2 * (FENCE.length + 1);
const SEPARATORS = ['\n\n', '\n', ' '] as const;
const MARKDOWN_LINK = /\[[^\]\n]*\]\([^)\s]*\)/g;

type Span = { start: number; end: number };

export function splitMarkdown(text: string, options: SplitOptions): string[] {
  const budget = options.limit - FENCE_ALLOWANCE;
  if (budget < 16) throw new RangeError(`limit ${options.limit} is too small to split markdown`);
  const unbreakable = options.unbreakable ?? MARKDOWN_LINK;
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > budget) {
    const cut = chooseCut(rest, budget, unbreakable);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') chunks.push(rest);
  return balanceCodeFences(chunks);
}

function chooseCut(text: string, budget: number, unbreakable: RegExp): number {
  const spans = spansOf(text, unbreakable);
  const inside = (index: number) => spans.some((s) => index > s.start && index < s.end);
  // A separator far back would leave a tiny chunk; only take it if it keeps at least half the budget.
  const good = Math.floor(budget / 2);
  for (const separator of SEPARATORS) {
    const index = lastIndexOutside(text, separator, budget, inside);
    if (index >= good) return index;
  }
  const fallback = Math.max(...SEPARATORS.map((s) => lastIndexOutside(text, s, budget, inside)));
  if (fallback > 0) return fallback;
  // No separator at all: hard cut, but step back to the start of a link rather than through it.
  const cutSpan = spans.find((s) => budget > s.start && budget < s.end);
  return cutSpan && cutSpan.start > 0 ? cutSpan.start : budget;
}

function lastIndexOutside(text: string, separator: string, budget: number, inside: (i: number) => boolean): number {
  let index = text.lastIndexOf(separator, budget);
  while (index > 0 && inside(index)) index = text.lastIndexOf(separator, index - 1);
  return index;
}

function spansOf(text: string, pattern: RegExp): Span[] {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  return [...text.matchAll(global)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * A code block cut in two would render the rest of the answer as code (and
 * the code as prose), so each chunk closes a block it opened and the next one reopens it.
 */
export function balanceCodeFences(chunks: readonly string[]): string[] {
  let insideCode = false;
  return chunks.map((chunk) => {
    const opened = insideCode ? `${FENCE}\n${chunk}` : chunk;
    insideCode = (opened.split(FENCE).length - 1) % 2 === 1;
    return insideCode ? `${opened}\n${FENCE}` : opened;
  });
}
