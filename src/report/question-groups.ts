/** Questions grouped by similar wording: what maintainers should write (or tune) knowledge for. */
export type QuestionGroup = { count: number; example: string; variants: string[]; terms: string[] };

const STOP_WORDS = new Set(
  'the a an and or but is are was were be been am i my me we our you your it its this that these those to of in on for with at by from as how what why when where which who can could do does did not no yes have has had get got just so if then than there here any some all please help hi hello thanks site website'.split(' '),
);
const SIMILAR = 0.5;
const MAX_VARIANTS = 3;

/** Content words, lightly stemmed, so "redirects" and "redirecting" meet. */
export function contentTerms(text: string): string[] {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const terms = words.filter((w) => w.length > 2 && !STOP_WORDS.has(w)).map((w) => w.replace(/(?:ing|ed|es|s)$/, '') || w);
  return [...new Set(terms)];
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size && !b.size) return 1;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Greedy single pass: each question joins the first group whose first question shares at least
 * half its content words (Jaccard), else starts one. Groups come back largest first.
 */
export function groupQuestions(questions: string[], limit = 20): QuestionGroup[] {
  const groups: { terms: Set<string>; count: number; variants: Map<string, number> }[] = [];
  for (const raw of questions) {
    const question = raw.replace(/\s+/g, ' ').trim();
    if (!question) continue;
    const terms = new Set(contentTerms(question));
    const group = groups.find((g) => jaccard(g.terms, terms) >= SIMILAR);
    if (group) {
      group.count++;
      group.variants.set(question, (group.variants.get(question) ?? 0) + 1);
    } else {
      groups.push({ terms, count: 1, variants: new Map([[question, 1]]) });
    }
  }
  return groups
    .sort((a, b) => b.count - a.count)
    .slice(0, limit)
    .map((g) => {
      const variants = [...g.variants.entries()].sort((a, b) => b[1] - a[1]).map(([v]) => v);
      return { count: g.count, example: variants[0] ?? '', variants: variants.slice(1, 1 + MAX_VARIANTS), terms: [...g.terms] };
    });
}
