/**
 * Many short word sequences (synonym phrases, out-of-scope phrases), indexed
 * by their first word at load, so a question looks up only the sequences that
 * can start at each of its words instead of sliding every one over it.
 * Plain data (arrays and a Map), so it survives the knowledge snapshot.
 */
import { z } from 'zod';
import { stem, words } from './tokenize.ts';

export type PhraseIndex = { sequences: string[][]; byFirst: Map<string, number[]> };

/**
 * A `*` between two words of a phrase stands for one to MAX_GAP_WORDS words of the user's:
 * "blocked from the * site" meets "blocked from the minecraft server hosting site". It may not
 * start or end a phrase (the index looks sequences up by their first word).
 */
export const GAP = '*';
const MAX_GAP_WORDS = 4;

/** A phrase as a knowledge file writes it (synonyms, scope topics, anchors). */
export const phraseTextSchema = z.string().min(2).refine((m) => !/^\s*\*|\*\s*$/.test(m), 'a phrase may not start or end with *');

/** A phrase's words as the stem sequence the index matches, with its gaps kept. */
export function phraseSequence(phrase: string): string[] {
  return phrase.split(/\s+\*\s+/).flatMap((part, i) => (i === 0 ? words(part).map(stem) : [GAP, ...words(part).map(stem)]));
}

export function phraseIndex(sequences: string[][]): PhraseIndex {
  const byFirst = new Map<string, number[]>();
  sequences.forEach((sequence, i) => {
    const first = sequence[0];
    if (first === undefined) return; // an empty sequence never matches
    const list = byFirst.get(first) ?? [];
    list.push(i);
    byFirst.set(first, list);
  });
  return { sequences, byFirst };
}

/** Indices of the sequences that occur, as consecutive words, in `text` (ascending). */
export function matchingPhrases(index: PhraseIndex, text: string[]): number[] {
  const found = new Set<number>();
  for (let at = 0; at < text.length; at++) {
    for (const i of index.byFirst.get(text[at] as string) ?? []) {
      if (!found.has(i) && startsAt(text, at, index.sequences[i] as string[])) found.add(i);
    }
  }
  return [...found].sort((a, b) => a - b);
}

function startsAt(text: string[], at: number, sequence: string[], from = 0): boolean {
  for (let j = from; j < sequence.length; j++) {
    const word = sequence[j];
    if (word === GAP) {
      const gapAt = at + j - from;
      for (let skip = 1; skip <= MAX_GAP_WORDS && gapAt + skip < text.length; skip++) if (startsAt(text, gapAt + skip, sequence, j + 1)) return true;
      return false;
    }
    if (text[at + j - from] !== word) return false;
  }
  return true;
}
