import type { DocPage, KnowledgeBase, SecondaryDoc } from '../knowledge/schema.ts';
import { analyzeQuery, type QueryAnalysis } from './analyze-query.ts';
import { Bm25Index } from './bm25.ts';
import { outOfScopeTopic, type OutOfScopeTopic, type Scope } from './scope.ts';
import { SpellingCorrector } from './spelling.ts';
import { SynonymExpander, type Synonyms } from './synonyms.ts';
import { tokenize } from './tokenize.ts';

export type DocHit = {
  id: string;
  title: string;
  url: string;
  /** 0..1: 1 for a page pinned by an error code, otherwise relative text relevance. */
  score: number;
  kind: 'docs' | 'postmortem' | 'blog';
  /** Best-matching section of the page, for deep links. */
  section?: { anchor: string; heading: string };
  why: 'code' | 'hint' | 'text';
};

export type SearchResult = {
  query: string;
  analysis: QueryAnalysis;
  docs: DocHit[];
  /** True when nothing in the knowledge answers the question: offer people instead of guessing. */
  abstain: boolean;
  /** Query terms the corpus does not know at all (after typo correction): reported, and a reason to abstain. */
  unknownTerms: string[];
  /** Set when the question is about a topic the knowledge declares out of scope (knowledge/scope.yaml). */
  outOfScope?: OutOfScopeTopic;
};

const PAGE_FIELDS = { title: 4, headings: 2.5, description: 2, breadcrumbs: 1, body: 1 };
const SECTION_FIELDS = { heading: 3, trail: 1, text: 1 };
/** Secondary sources (post-mortems, blog) weigh less than docs pages for the same match. */
const SECONDARY_FACTOR = 0.6;
/** Share of the query's informative weight the best page must match before we answer. */
const MIN_COVERAGE = 0.6;
const MIN_SCORE = 3.5;
const MIN_DF_TO_CORRECT_TO = 2;

export class Searcher {
  private readonly pageIndex: Bm25Index;
  private readonly sectionIndex: Bm25Index;
  private readonly secondaryIndex: Bm25Index;
  private readonly spelling: SpellingCorrector;
  private readonly expander: SynonymExpander;
  private readonly knownCodes: ReadonlySet<string>;
  private readonly sectionsOf = new Map<string, number[]>();
  /** Terms of each page's title, slug, description and headings: what the page is about. */
  private readonly aboutTerms = new Map<string, Set<string>>();

  constructor(private readonly kb: KnowledgeBase, synonyms: Synonyms, private readonly scope: Scope = { outOfScope: [] }) {
    this.pageIndex = new Bm25Index(
      kb.pages.map((p) => ({
        key: p.id,
        fields: {
          title: tokenize(`${p.title} ${p.id.replace(/-/g, ' ')}`),
          headings: tokenize(p.sections.map((s) => s.heading).join(' ')),
          description: tokenize(p.description),
          breadcrumbs: tokenize(p.breadcrumbs.slice(1, -1).join(' ')),
          body: tokenize(p.body),
        },
      })),
      PAGE_FIELDS,
    );
    const sectionDocs = kb.pages.flatMap((p) =>
      p.sections.map((s) => ({ key: `${p.id}#${s.anchor}`, fields: { heading: tokenize(s.heading), trail: tokenize(s.trail.slice(0, -1).join(' ')), text: tokenize(s.text) } })),
    );
    this.sectionIndex = new Bm25Index(sectionDocs, SECTION_FIELDS);
    sectionDocs.forEach((d, i) => {
      const pageId = d.key.split('#')[0] ?? '';
      this.sectionsOf.set(pageId, [...(this.sectionsOf.get(pageId) ?? []), i]);
    });
    this.secondaryIndex = new Bm25Index(
      kb.secondary.map((d) => ({ key: d.id, fields: { title: tokenize(d.title), body: tokenize(d.text) } })),
      { title: 3, body: 1 },
    );
    for (const p of kb.pages) {
      this.aboutTerms.set(p.id, new Set(tokenize(`${p.title} ${p.id.replace(/-/g, ' ')} ${p.description} ${p.sections.map((x) => x.heading).join(' ')}`)));
    }
    // Typos aim at words the docs use repeatedly ("conection" -> connection); a word used once
    // ("tall") is more likely to capture an ordinary English word ("talk") than to fix a typo.
    const correctable = [...this.pageIndex.vocabulary()].filter((t) => this.pageIndex.documentFrequency(t) >= MIN_DF_TO_CORRECT_TO);
    this.spelling = new SpellingCorrector(correctable);
    this.expander = new SynonymExpander(synonyms);
    this.knownCodes = new Set(kb.codes.keys());
  }

  search(query: string, k = 5): SearchResult {
    const analysis = analyzeQuery(query, this.knownCodes);
    const expansion = this.expander.expand(query);
    const { terms, needs, unknownTerms } = this.queryTerms(query, expansion.terms);

    const textScores = this.pageIndex.score(terms);
    const ranked = [...textScores.entries()]
      .map(([i, s]) => ({ page: this.kb.pages[i] as DocPage, score: s.score, matched: s.matched }))
      .sort((a, b) => b.score - a.score);
    const best = ranked[0];
    const bestCoverage = best ? this.coverage(best.matched, needs) : 0;

    const hits = new Map<string, DocHit>();
    const add = (page: DocPage, score: number, why: DocHit['why']) => {
      if (!hits.has(page.id)) hits.set(page.id, { id: page.id, title: page.title, url: page.url, score, kind: 'docs', why, section: this.bestSection(page.id, terms) });
    };

    // 1. Codes the user typed pin their pages first, in the order they were mentioned.
    for (const code of analysis.codes) for (const id of this.kb.codes.get(code) ?? []) {
      const page = this.kb.pageById.get(id);
      if (page) add(page, 1, 'code');
    }
    // 2. Phrase hints ("web server is down" -> 521) rank their page above plain text matches.
    const topText = best?.score ?? 0;
    const hinted = [...expansion.codes.flatMap((c) => this.kb.codes.get(c)?.slice(0, 1) ?? []), ...expansion.pages];
    for (const id of hinted) {
      const page = this.kb.pageById.get(id);
      if (page) add(page, 0.9, 'hint');
    }
    // 3. Text relevance, normalised to the best text score.
    for (const r of ranked.slice(0, k + 3)) add(r.page, topText > 0 ? Math.min(0.85, 0.85 * (r.score / topText) * Math.min(1, bestCoverage)) : 0, 'text');
    // 4. Post-mortems and blog text, only for questions without a code.
    const docsAnswer = best !== undefined && bestCoverage >= MIN_COVERAGE && best.score >= MIN_SCORE && this.isAbout(best.page.id, terms);
    if (!analysis.codes.length) {
      for (const [i, s] of this.secondaryIndex.score(terms)) {
        const doc = this.kb.secondary[i] as SecondaryDoc;
        const relative = topText > 0 ? (SECONDARY_FACTOR * s.score) / topText : 0;
        if (relative > 0.3 && this.coverage(s.matched, needs) >= MIN_COVERAGE) {
          // Secondary sources fill gaps: when a docs page answers, it stays first.
          const cap = docsAnswer ? 0.95 * (ranked[0] ? 0.85 * Math.min(1, bestCoverage) : 0) : 0.8;
          hits.set(doc.id, { id: doc.id, title: doc.title, url: doc.url ?? 'https://blog.cloudflare.com/', score: Math.min(cap, 0.85 * relative), kind: doc.kind, why: 'text' });
        }
      }
    }

    const docs = [...hits.values()].filter((h) => h.why !== 'text' || h.score >= 0.1).sort((a, b) => b.score - a.score || order(a) - order(b)).slice(0, k);
    const answeredByText = docsAnswer;
    const pinned = analysis.codes.some((c) => this.kb.codes.has(c)) || hinted.length > 0;
    const outOfScope = pinned ? undefined : outOfScopeTopic(this.scope, query);
    const abstain = !pinned && (outOfScope !== undefined || !answeredByText);
    return { query, analysis, docs: abstain ? docs.filter((d) => d.why !== 'text' || d.score > 0.5) : docs, abstain, unknownTerms, ...(outOfScope ? { outOfScope } : {}) };
  }

  /**
   * Typed words at full weight, typo corrections slightly less, synonym
   * expansions at half. Each typed word is a "need" the answer should meet;
   * a need is met when the page has the word, its correction or one of its synonyms.
   */
  private queryTerms(query: string, expansionTerms: Map<string, string[]>) {
    const terms = new Map<string, number>();
    const needs = new Map<string, { weight: number; satisfiedBy: Set<string> }>();
    const unknownTerms: string[] = [];
    const put = (term: string, weight: number) => terms.set(term, Math.max(terms.get(term) ?? 0, weight));
    for (const token of tokenize(query)) {
      if (needs.has(token)) continue;
      if (this.pageIndex.has(token) || this.secondaryIndex.has(token)) {
        put(token, 1);
        needs.set(token, { weight: this.pageIndex.idf(token), satisfiedBy: new Set([token]) });
        continue;
      }
      const parts = this.splitCompound(token);
      const fixed = parts ? undefined : this.spelling.correct(token);
      if (parts) {
        // "bingbot" -> bing + bot: either half meets the need.
        for (const part of parts) put(part, 0.9);
        needs.set(token, { weight: Math.max(...parts.map((p) => this.pageIndex.idf(p))), satisfiedBy: new Set(parts) });
      } else if (fixed) {
        put(fixed, 0.9);
        needs.set(token, { weight: this.pageIndex.idf(fixed), satisfiedBy: new Set([fixed]) });
      } else if (!/^\d+$/.test(token)) {
        unknownTerms.push(token);
        // An unknown word still counts as a need nothing can meet: the corpus cannot speak to it.
        needs.set(token, { weight: Math.log(1 + this.pageIndex.size), satisfiedBy: new Set() });
      }
    }
    for (const [term, sources] of expansionTerms) {
      if (!terms.has(term)) put(term, 0.4);
      for (const source of sources) needs.get(source)?.satisfiedBy.add(term);
    }
    return { terms: [...terms].map(([term, weight]) => ({ term, weight })), needs: [...needs.values()], unknownTerms };
  }

  /**
   * A page answers a question only if something the user typed (not a synonym
   * we added) is what the page is about: in its title, slug, description or
   * headings. Stops "who is the president of the usa" landing on geographic routing.
   */
  private isAbout(pageId: string, terms: { term: string; weight: number }[]): boolean {
    const about = this.aboutTerms.get(pageId);
    return terms.some((t) => t.weight >= 0.9 && about?.has(t.term));
  }

  /** An unknown word made of two known words ("bingbot", "cachepurge"), or undefined. */
  private splitCompound(token: string): [string, string] | undefined {
    if (token.length < 6 || /\d/.test(token)) return undefined;
    for (let i = 3; i <= token.length - 3; i++) {
      const left = token.slice(0, i);
      const right = token.slice(i);
      if (this.pageIndex.has(left) && this.pageIndex.has(right)) return [left, right];
    }
    return undefined;
  }

  /** Share of the query's informative weight (idf) that a document's matched terms meet. */
  private coverage(matched: Set<string>, needs: { weight: number; satisfiedBy: Set<string> }[]): number {
    const total = needs.reduce((sum, n) => sum + n.weight, 0);
    if (total <= 0) return 0;
    let met = 0;
    for (const need of needs) if ([...need.satisfiedBy].some((t) => matched.has(t))) met += need.weight;
    return met / total;
  }

  private bestSection(pageId: string, terms: { term: string; weight: number }[]): DocHit['section'] {
    const candidates = this.sectionsOf.get(pageId);
    if (!candidates?.length) return undefined;
    const scores = this.sectionIndex.score(terms);
    let bestIdx = -1;
    let bestScore = 0;
    for (const i of candidates) {
      const s = scores.get(i)?.score ?? 0;
      if (s > bestScore) {
        bestScore = s;
        bestIdx = i;
      }
    }
    if (bestIdx < 0) return undefined;
    const anchor = this.sectionIndex.keys[bestIdx]?.split('#')[1];
    const section = this.kb.pageById.get(pageId)?.sections.find((s) => s.anchor === anchor);
    return section ? { anchor: section.anchor, heading: section.heading } : undefined;
  }
}

function order(hit: DocHit): number {
  return hit.why === 'code' ? 0 : hit.why === 'hint' ? 1 : 2;
}
