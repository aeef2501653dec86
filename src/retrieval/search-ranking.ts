import type { Scores } from './bm25.ts';

/**
 * The per-query ranking steps of search, written to allocate almost nothing:
 * a query needs the best few pages and each page's best section, not a sorted
 * list of everything it touched.
 */

/**
 * The `limit` best documents, best first; equal scores keep the order the
 * documents were first reached in, exactly as a stable sort of all of them would.
 */
export function topDocs(scores: Scores, limit: number): number[] {
  const top: number[] = [];
  if (limit <= 0) return top;
  for (let k = 0; k < scores.count; k++) {
    const doc = scores.docs[k] as number;
    const score = scores.scoreOf[doc] as number;
    if (top.length === limit && !(score > (scores.scoreOf[top[limit - 1] as number] as number))) continue;
    // After every document that scores at least as much: earlier arrivals win ties.
    let at = top.length;
    while (at > 0 && (scores.scoreOf[top[at - 1] as number] as number) < score) at--;
    top.splice(at, 0, doc);
    if (top.length > limit) top.pop();
  }
  return top;
}

/** Each page's best section for one query: reused arrays, cleared per query; -1 where no section matched. */
export type BestSections = { section: Int32Array; score: Float64Array };

export function bestSections(pageCount: number): BestSections {
  return { section: new Int32Array(pageCount).fill(-1), score: new Float64Array(pageCount) };
}

export function findBestSections(into: BestSections, sectionScores: Scores, pageOfSection: Int32Array): void {
  into.section.fill(-1);
  into.score.fill(0);
  for (let k = 0; k < sectionScores.count; k++) {
    const i = sectionScores.docs[k] as number;
    const score = sectionScores.scoreOf[i] as number;
    const page = pageOfSection[i] as number;
    // Strictly better only: the first section reached keeps a tie.
    if (score > (into.score[page] as number)) {
      into.score[page] = score;
      into.section[page] = i;
    }
  }
}
