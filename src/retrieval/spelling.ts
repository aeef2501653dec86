import Fuse from 'fuse.js';

/**
 * Typo tolerance: a query word the corpus has never seen is matched with
 * fuse.js against the corpus vocabulary ("conection" -> "connection",
 * "handshak" -> "handshake"). Candidates are bucketed by first letter so one
 * lookup scans a few hundred words, and results are cached.
 */
export class SpellingCorrector {
  private readonly buckets = new Map<string, string[]>();
  private readonly fuses = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, string | null>();

  constructor(vocabulary: Iterable<string>) {
    for (const word of vocabulary) {
      if (word.length < 4 || /\d/.test(word)) continue;
      const key = word[0] ?? '';
      const list = this.buckets.get(key) ?? [];
      list.push(word);
      this.buckets.set(key, list);
    }
  }

  /** The closest vocabulary word, or null when nothing is close enough to trust. */
  correct(word: string): string | null {
    if (word.length < 4 || /\d/.test(word)) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const best = this.lookup(word);
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(word, best);
    return best;
  }

  private lookup(word: string): string | null {
    const key = word[0] ?? '';
    let fuse = this.fuses.get(key);
    if (!fuse) {
      fuse = new Fuse(this.buckets.get(key) ?? [], { includeScore: true, threshold: 0.3, distance: 8, minMatchCharLength: 3 });
      this.fuses.set(key, fuse);
    }
    const hits = fuse.search(word, { limit: 5 });
    // fuse proposes; an edit-distance check disposes, so "durable" never becomes "disable".
    const maxEdits = word.length < 8 ? 1 : 2;
    const good = hits
      .map((h) => ({ item: h.item, edits: editDistance(word, h.item) }))
      .filter((h) => h.edits <= maxEdits)
      .sort((a, b) => a.edits - b.edits);
    return good[0]?.item ?? null;
  }
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps ("teh"). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] ?? 0, ((d[i - 2] as number[])[j - 2] ?? 0) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] ?? 0;
}
