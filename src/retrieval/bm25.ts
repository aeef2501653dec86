/**
 * A field-weighted BM25 index (BM25F-style: weighted term frequencies summed
 * across fields, one length normalisation). Small, allocation-light, and fast
 * enough that a query over a few hundred documents takes well under a millisecond.
 */
export type FieldWeights = Record<string, number>;
export type IndexedDoc = { key: string; fields: Record<string, string[]> };
/**
 * One query's scores: `docs[0..count)` are the documents reached, in the order they were first
 * reached (what a Map's insertion order gave before), `scoreOf[doc]` the score of each.
 * The arrays belong to the index and are reused: valid until its next `score` call.
 */
export type Scores = { readonly docs: Int32Array; readonly count: number; readonly scoreOf: Float64Array };

const K1 = 1.2;
const B = 0.6;

export class Bm25Index {
  /** term -> documents holding it, with the term's BM25 weight in each (length normalisation done at build time). */
  private readonly postings = new Map<string, { docs: Int32Array; weights: Float64Array; idf: number }>();
  readonly keys: string[];
  /** Accumulators reused by every query, so scoring allocates nothing per document. */
  private readonly scratch: { docs: Int32Array; count: number; scoreOf: Float64Array; reached: Uint8Array };

  constructor(docs: IndexedDoc[], weights: FieldWeights) {
    this.keys = docs.map((d) => d.key);
    this.scratch = { docs: new Int32Array(docs.length), count: 0, scoreOf: new Float64Array(docs.length), reached: new Uint8Array(docs.length) };
    const lengths: number[] = [];
    const lists = new Map<string, { doc: number; tf: number }[]>();
    docs.forEach((doc, i) => {
      const tf = new Map<string, number>();
      let length = 0;
      for (const [field, tokens] of Object.entries(doc.fields)) {
        const w = weights[field] ?? 1;
        for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + w);
        length += tokens.length * w;
      }
      lengths.push(length);
      for (const [term, f] of tf) {
        const list = lists.get(term) ?? [];
        list.push({ doc: i, tf: f });
        lists.set(term, list);
      }
    });
    const avgLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
    const n = docs.length;
    for (const [term, list] of lists) {
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      const norm = list.map(({ doc, tf }) => ((tf / (tf + K1 * (1 - B + (B * (lengths[doc] ?? 0)) / avgLength))) * (K1 + 1) * idf));
      this.postings.set(term, { docs: Int32Array.from(list.map((p) => p.doc)), weights: Float64Array.from(norm), idf });
    }
  }

  get size(): number {
    return this.keys.length;
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  vocabulary(): string[] {
    return [...this.postings.keys()];
  }

  /** How many documents contain the term. */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  idf(term: string): number {
    return this.postings.get(term)?.idf ?? Math.log(1 + (this.size + 0.5) / 0.5);
  }

  /**
   * Scores for every doc containing any term; `weight` lets expansions count
   * less than typed words. One pass over the terms' postings, nothing per doc
   * but a number: which terms a doc matched is asked for separately (`matchedTerms`).
   */
  score(terms: { term: string; weight: number }[]): Scores {
    const scratch = this.scratch;
    const { docs: reachedDocs, scoreOf, reached } = scratch;
    // Clear only what the previous query touched.
    for (let k = 0; k < scratch.count; k++) {
      const doc = reachedDocs[k] as number;
      scoreOf[doc] = 0;
      reached[doc] = 0;
    }
    let count = 0;
    for (const { term, weight } of terms) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const { docs, weights } = posting;
      for (let k = 0; k < docs.length; k++) {
        const doc = docs[k] as number;
        if (reached[doc] === 0) {
          reached[doc] = 1;
          reachedDocs[count++] = doc;
        }
        scoreOf[doc] = (scoreOf[doc] as number) + weight * (weights[k] as number);
      }
    }
    scratch.count = count;
    return { docs: reachedDocs, count, scoreOf };
  }

  /** The terms of `terms` that document `doc` contains. */
  matchedTerms(doc: number, terms: { term: string }[]): Set<string> {
    const matched = new Set<string>();
    for (const { term } of terms) {
      const docs = this.postings.get(term)?.docs;
      if (docs && binarySearch(docs, doc)) matched.add(term);
    }
    return matched;
  }
}

/** Postings are built in document order, so each list is sorted. */
function binarySearch(sorted: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid] as number;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
