import type { Bm25Index } from './bm25.ts';
import type { Segment } from './message-signals.ts';
import type { SpellingCorrector } from './spelling.ts';
import type { Expansion } from './synonyms.ts';
import { tokenize } from './tokenize.ts';

export type WeightedTerm = { term: string; weight: number };
/** A typed word the answer should speak to; met when the page has the word, its correction or a synonym. */
export type Need = { weight: number; satisfiedBy: Set<string> };
export type QueryTerms = { terms: WeightedTerm[]; needs: Need[]; unknownTerms: string[] };

/** Typo corrections count slightly less than typed words, synonym expansions much less. */
export const CORRECTION_WEIGHT = 0.9;
export const EXPANSION_WEIGHT = 0.4;
export const PHRASE_EXPANSION_WEIGHT = 0.8;
/**
 * Longer than any word worth correcting: a pasted token, hash or base64 blob.
 * Spelling and compound splitting are skipped for it, which caps the work one
 * token can cost (an 8000-character token once took 130 ms).
 */
const MAX_CORRECTABLE_LENGTH = 24;

type Vocabulary = { pages: Bm25Index; secondary: Bm25Index; spelling: SpellingCorrector };

/**
 * Each typed word at its segment's weight (the highest one it appears in).
 * A word the docs have never seen (a product, a host, a name) is reported
 * but neutral: it is neither matched nor counted against an answer.
 */
export function buildQueryTerms(segments: Segment[], expansion: Pick<Expansion, 'terms' | 'phraseTerms'>, vocab: Vocabulary): QueryTerms {
  const segmentWeight = new Map<string, number>();
  for (const segment of segments) {
    for (const token of tokenize(segment.text)) segmentWeight.set(token, Math.max(segmentWeight.get(token) ?? 0, segment.weight));
  }
  const terms = new Map<string, number>();
  const needs = new Map<string, Need>();
  const unknownTerms: string[] = [];
  const put = (term: string, weight: number) => terms.set(term, Math.max(terms.get(term) ?? 0, weight));
  for (const [token, weight] of segmentWeight) {
    // Numbers are read as codes by analyze-query; as words they are ports, sizes and counts.
    if (/^\d+$/.test(token)) continue;
    if (vocab.pages.has(token) || vocab.secondary.has(token)) {
      put(token, weight);
      needs.set(token, { weight: weight * vocab.pages.idf(token), satisfiedBy: new Set([token]) });
      continue;
    }
    if (token.length > MAX_CORRECTABLE_LENGTH) continue;
    const parts = splitCompound(token, vocab.pages);
    const fixed = parts ? undefined : vocab.spelling.correct(token);
    if (parts) {
      // "bingbot" -> bing + bot: either half meets the need.
      for (const part of parts) put(part, CORRECTION_WEIGHT * weight);
      needs.set(token, { weight: weight * Math.max(...parts.map((p) => vocab.pages.idf(p))), satisfiedBy: new Set(parts) });
    } else if (fixed) {
      put(fixed, CORRECTION_WEIGHT * weight);
      needs.set(token, { weight: weight * vocab.pages.idf(fixed), satisfiedBy: new Set([fixed]) });
    } else {
      unknownTerms.push(token);
    }
  }
  for (const [term, sources] of expansion.terms) {
    put(term, expansion.phraseTerms.has(term) ? PHRASE_EXPANSION_WEIGHT : EXPANSION_WEIGHT);
    for (const source of sources) needs.get(source)?.satisfiedBy.add(term);
  }
  return { terms: [...terms].map(([term, weight]) => ({ term, weight })), needs: [...needs.values()], unknownTerms };
}

/** An unknown word made of two known words ("bingbot", "cachepurge"), or undefined. */
function splitCompound(token: string, index: Bm25Index): [string, string] | undefined {
  if (token.length < 6 || /\d/.test(token)) return undefined;
  for (let i = 3; i <= token.length - 3; i++) {
    const left = token.slice(0, i);
    const right = token.slice(i);
    if (index.has(left) && index.has(right)) return [left, right];
  }
  return undefined;
}

/** Share of the query's informative weight (idf × segment weight) that a document's matched terms meet. */
export function coverage(matched: ReadonlySet<string>, needs: Need[]): number {
  let total = 0;
  let met = 0;
  for (const need of needs) {
    total += need.weight;
    for (const t of need.satisfiedBy) {
      if (matched.has(t)) {
        met += need.weight;
        break;
      }
    }
  }
  return total > 0 ? met / total : 0;
}
