/**
 * Splits markdown into chunks no longer than `limit`, preferring paragraph,
 * then line, then word boundaries. A markdown link is never cut in two, and a
 * code fence cut by a split is closed and reopened so both halves render.
 */
export function splitMarkdown(text: string, limit: number): string[] {
  // Room for the "\n```" / "```\n" a fence repair may add to either end.
  const budget = limit - FENCE_REPAIR_CHARS;
  if (budget < 16) throw new RangeError(`limit ${limit} is too small to split markdown`);
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > budget) {
    const cut = chooseCut(rest, budget);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') chunks.push(rest);
  return balanceCodeFences(chunks);
}

const FENCE = '```';
const FENCE_REPAIR_CHARS = 8;
const SEPARATORS = ['\n\n', '\n', ' '] as const;
const LINK = /\[[^\]\n]*\]\([^)\s]*\)/g;

type Span = { start: number; end: number };

function chooseCut(text: string, budget: number): number {
  const links = linkSpans(text);
  const insideLink = (index: number) => links.some((s) => index > s.start && index < s.end);
  // A separator far back would leave a tiny chunk; only take it if it keeps at least half the budget.
  const good = Math.floor(budget / 2);
  for (const separator of SEPARATORS) {
    const index = lastIndexOutside(text, separator, budget, insideLink);
    if (index >= good) return index;
  }
  const fallback = Math.max(...SEPARATORS.map((s) => lastIndexOutside(text, s, budget, insideLink)));
  if (fallback > 0) return fallback;
  // No separator at all: hard cut, but step back to the start of a link rather than through it.
  const cutLink = links.find((s) => budget > s.start && budget < s.end);
  return cutLink && cutLink.start > 0 ? cutLink.start : budget;
}

function lastIndexOutside(text: string, separator: string, budget: number, insideLink: (i: number) => boolean): number {
  let index = text.lastIndexOf(separator, budget);
  while (index > 0 && insideLink(index)) index = text.lastIndexOf(separator, index - 1);
  return index;
}

function linkSpans(text: string): Span[] {
  return [...text.matchAll(LINK)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function balanceCodeFences(chunks: string[]): string[] {
  let open = false;
  return chunks.map((chunk) => {
    let repaired = open ? `${FENCE}\n${chunk}` : chunk;
    const fences = repaired.split(FENCE).length - 1;
    open = fences % 2 === 1;
    if (open) repaired = `${repaired}\n${FENCE}`;
    return repaired;
  });
}
