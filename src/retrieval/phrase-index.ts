/**
 * Many short word sequences (synonym phrases, out-of-scope phrases), indexed
 * by their first word at load, so a question looks up only the sequences that
 * can start at each of its words instead of sliding every one over it.
 * Plain data (arrays and a Map), so it survives the knowledge snapshot.
 */
export type PhraseIndex = { sequences: string[][]; byFirst: Map<string, number[]> };

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

function startsAt(text: string[], at: number, sequence: string[]): boolean {
  if (at + sequence.length > text.length) return false;
  for (let j = 0; j < sequence.length; j++) if (text[at + j] !== sequence[j]) return false;
  return true;
}
