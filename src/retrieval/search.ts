import type { DocPage, KnowledgeBase, SecondaryDoc } from '../knowledge/schema.ts';
import { analyzeQuery, type QueryAnalysis } from './analyze-query.ts';
import { decideOutcome, type AnswerFeatures, type AnswerOutcome, type AnswerPolicy } from './answer-policy.ts';
import { Bm25Index } from './bm25.ts';
import { languageMatcher, translateForSearch, type Language, type LanguageMatcher, type Languages } from './language.ts';
import { segmentMessage, withoutAddresses } from './message-signals.ts';
import { quotedErrorNames } from './quoted-error-names.ts';
import { buildQueryTerms, coverage, PHRASE_EXPANSION_WEIGHT, type Need, type WeightedTerm } from './query-terms.ts';
import { mentionsAnchor, outOfScopeTopic, scopeMatcher, type OutOfScopeTopic, type Scope, type ScopeMatcher } from './scope.ts';
import { SpellingCorrector } from './spelling.ts';
import { SynonymExpander, type Synonyms } from './synonyms.ts';
import { bestSections, findBestSections, topDocs, type BestSections } from './search-ranking.ts';
import { warmUp, warmUpQuestions, type WarmUpOptions, type WarmUpReport } from './search-warm-up.ts';
import { capLongTokens, stem, tokenize, words } from './tokenize.ts';

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
  /**
   * answer: docs[0] answers it; suggest: on topic but unsure, offer docs[0..2];
   * abstain: nothing in the knowledge covers it (offer people instead of guessing).
   */
  outcome: AnswerOutcome;
  /** outcome === 'abstain', kept for the `ask --json` contract. */
  abstain: boolean;
  /** Query terms the corpus does not know at all (after typo correction): reported, and neutral. */
  unknownTerms: string[];
  /** Set when the question is about a topic the knowledge declares out of scope (knowledge/scope.yaml). */
  outOfScope?: OutOfScopeTopic;
  /** The language the question was written in, when it is not English. */
  language?: Language;
  /** What the answer policy weighed, for `ask --explain`, the fit script and tests. */
  features: AnswerFeatures;
};

export type SearchKnowledge = { synonyms: Synonyms; scope?: Scope; languages?: Languages; policy: AnswerPolicy };

const PAGE_FIELDS = { title: 4, headings: 2.5, description: 2, breadcrumbs: 1, body: 1 };
const SECTION_FIELDS = { heading: 3, trail: 1, text: 1 };
/** Secondary sources (post-mortems, blog) weigh less than docs pages for the same match. */
const SECONDARY_FACTOR = 0.6;
const MIN_DF_TO_CORRECT_TO = 2;
/** Text hits are shown at most this score, so a code or phrase hint always ranks above them. */
const TEXT_SCORE_CAP = 0.85;

export class Searcher {
  private readonly pageIndex: Bm25Index;
  private readonly sectionIndex: Bm25Index;
  private readonly secondaryIndex: Bm25Index;
  private readonly spelling: SpellingCorrector;
  private readonly expander: SynonymExpander;
  private readonly knownCodes: ReadonlySet<string>;
  /** Overview pages that list a family of Cloudflare's codes ("Cloudflare 5xx errors"): a page several of them name. */
  private readonly familyPages: ReadonlySet<string>;
  /** section index -> page index, and page id -> page index. */
  private readonly pageOfSection: Int32Array;
  private readonly pageNumber: Map<string, number>;
  /** section index -> its anchor, for the deep link. */
  private readonly sectionAnchor: (string | undefined)[];
  /** The current query's best section of each page (reused: a search runs to the end before the next). */
  private readonly bestSection: BestSections;
  /** Terms of each page's title, slug, description and headings: what the page is about. */
  private readonly aboutTerms: Set<string>[];
  private readonly scope: ScopeMatcher;
  private readonly languages: LanguageMatcher | undefined;
  private readonly policy: AnswerPolicy;

  constructor(private readonly kb: KnowledgeBase, knowledge: SearchKnowledge) {
    this.scope = scopeMatcher(knowledge.scope ?? { outOfScope: [], anchors: [] });
    this.pageNumber = new Map(kb.pages.map((p, i) => [p.id, i]));
    this.languages = knowledge.languages ? languageMatcher(knowledge.languages) : undefined;
    this.policy = knowledge.policy;
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
    const pageOfSection: number[] = [];
    const sectionDocs = kb.pages.flatMap((p, pageIdx) =>
      p.sections.map((s) => {
        pageOfSection.push(pageIdx);
        return { key: `${p.id}#${s.anchor}`, fields: { heading: tokenize(s.heading), trail: tokenize(s.trail.slice(0, -1).join(' ')), text: tokenize(s.text) } };
      }),
    );
    this.sectionIndex = new Bm25Index(sectionDocs, SECTION_FIELDS);
    this.pageOfSection = Int32Array.from(pageOfSection);
    this.sectionAnchor = this.sectionIndex.keys.map((key) => key.split('#')[1]);
    this.bestSection = bestSections(kb.pages.length);
    this.secondaryIndex = new Bm25Index(
      kb.secondary.map((d) => ({ key: d.id, fields: { title: tokenize(d.title), body: tokenize(d.text) } })),
      { title: 3, body: 1 },
    );
    this.aboutTerms = kb.pages.map((p) => new Set(tokenize(`${p.title} ${p.id.replace(/-/g, ' ')} ${p.description} ${p.sections.map((x) => x.heading).join(' ')}`)));
    // Typos aim at words the docs use repeatedly ("conection" -> connection); a word used once
    // ("tall") is more likely to capture an ordinary English word ("talk") than to fix a typo.
    const correctable = this.pageIndex.vocabulary().filter((t) => this.pageIndex.documentFrequency(t) >= MIN_DF_TO_CORRECT_TO);
    this.spelling = new SpellingCorrector(correctable);
    this.expander = new SynonymExpander(knowledge.synonyms);
    this.knownCodes = new Set(kb.codes.keys());
    const namedBy = new Map<string, number>();
    // Only Cloudflare's own families: "3xx Redirection" is also the redirect-loop page, "4xx" the client-error one.
    for (const [code, ids] of kb.codes) if (isCloudflareCode(code)) for (const id of ids) namedBy.set(id, (namedBy.get(id) ?? 0) + 1);
    this.familyPages = new Set([...namedBy].filter(([, n]) => n >= FAMILY_MIN_CODES).map(([id]) => id));
  }

  /** Warms the search code up at start-up (see search-warm-up.ts); the same questions each time for the same knowledge. */
  warmUp(options: WarmUpOptions = {}): Promise<WarmUpReport> {
    const questions = warmUpQuestions(this.kb, this.languages?.map((l) => l.lang) ?? []);
    return warmUp((q) => this.search(q), questions, options);
  }

  // search() runs in steps, each its own method: V8 optimises (and after a deoptimisation
  // re-optimises) each one on its own, instead of one function with everything inlined,
  // which took 100-300 ms of compiler time per attempt while a fresh process settled.
  search(query: string, k = 5): SearchResult {
    const read = this.readQuery(query);
    const { analysis, translated, segments, terms, needs, unknownTerms } = read;
    const { ranked, best, topText, bestCoverage } = this.rankPages(terms, needs, k);
    const { hits, stated, hinted } = this.docHits(read, ranked, topText, k);

    const outOfScope = outOfScopeTopic(this.scope, read.textStems);
    const second = ranked[1]?.score ?? 0;
    const features: AnswerFeatures = {
      pinned: stated.length > 0,
      specificCode: stated.some(isCloudflareCode),
      apiCode: stated.length > 0 && stated.every(isApiErrorCode),
      hinted: hinted.length > 0,
      outOfScope: outOfScope !== undefined,
      bestScore: topText,
      lead: topText > 0 ? (topText - second) / topText : 0,
      coverage: bestCoverage,
      about: best !== undefined && this.isAbout(best.index, terms),
      errorSignal: analysis.explicitCodes.length > 0 || segments.some((s) => s.kind === 'quote' || s.kind === 'symptom'),
      knownTerms: needs.length,
      onlyUnknownCode: analysis.unknownCodes.length > 0 && !analysis.codes.some((c) => this.kb.codes.has(c)),
      // In another language most words are unknown to English docs; that says nothing about the topic.
      unknownShare: translated ? 0 : unknownTerms.length / Math.max(1, needs.length + unknownTerms.length),
      anchored: this.isAnchored(read, query),
    };
    const outcome = decideOutcome(this.policy, features);

    // 4. Post-mortems and blog text fill gaps, only for questions without a code, never above a docs answer.
    if (!analysis.codes.length) this.addSecondary(hits, terms, needs, topText, outcome === 'answer');

    const docs = preferSpecificPage([...hits.values()].filter((h) => h.why !== 'text' || h.score >= 0.1).sort((a, b) => b.score - a.score || order(a) - order(b))).slice(0, k);
    return {
      query,
      analysis,
      docs,
      outcome,
      abstain: outcome === 'abstain',
      unknownTerms,
      features,
      ...(outOfScope ? { outOfScope } : {}),
      ...(translated ? { language: translated.language } : {}),
    };
  }

  /** Tied to sites, the web or Cloudflare: a stated code, an address or Ray ID, or one of scope.yaml's anchors. */
  private isAnchored(read: Pick<ReturnType<Searcher['readQuery']>, 'analysis' | 'textStems'>, query: string): boolean {
    const { explicitCodes, urls, hostnames, rayIds } = read.analysis;
    return explicitCodes.length > 0 || urls.length > 0 || hostnames.length > 0 || rayIds.length > 0 || mentionsAnchor(this.scope, read.textStems, query);
  }

  /** What the message says: its language, codes and addresses, segments, synonym expansion and weighted terms. */
  private readQuery(query: string) {
    const capped = capLongTokens(query);
    const querySegments = segmentMessage(capped);
    const translated = this.languages ? translateForSearch(this.languages, capped, querySegments) : undefined;
    // Other languages are searched through the English words their phrases stand for, plus what they share (codes, names).
    const text = translated ? `${capped}\n${translated.english}` : capped;
    const analysis = this.withoutMisnamedCodes(text, analyzeQuery(text, this.knownCodes));
    // The message is cut once; a translation only adds its own segments.
    const segments = translated ? [...querySegments, ...segmentMessage(translated.english)] : querySegments;
    // Synonym phrases and out-of-scope topics both read the whole text's words by stem.
    const textStems = words(text).map(stem);
    const expansion = this.expander.expandStems(textStems, withoutAddresses(text));
    const { terms, needs, unknownTerms } = buildQueryTerms(segments, expansion, { pages: this.pageIndex, secondary: this.secondaryIndex, spelling: this.spelling });
    return { analysis, translated, segments, textStems, expansion, terms, needs, unknownTerms };
  }

  /**
   * A code quoted under a name its page never mentions („ip restriction error 1013“) is another
   * program's number: it neither pins nor hints. Words the docs do not know, or name on one page
   * only (a product: "WooCommerce error 1020"), and words any error message has say nothing either
   * way; one known word the page has keeps the code.
   */
  private withoutMisnamedCodes(text: string, analysis: QueryAnalysis): QueryAnalysis {
    const misnamed = new Set<string>();
    for (const { code, name } of quotedErrorNames(text)) {
      const page = this.pageNumber.get(this.kb.codes.get(code)?.[0] ?? '');
      if (page === undefined || !isCloudflareCode(code)) continue;
      const known = tokenize(name).filter((t) => !GENERIC_ERROR_WORDS.has(t) && this.pageIndex.documentFrequency(t) >= MIN_PAGES_OF_A_DOCS_WORD).map((term) => ({ term }));
      if (known.length > 0 && this.pageIndex.matchedTerms(page, known).size === 0) misnamed.add(code);
    }
    if (!misnamed.size) return analysis;
    const keep = (c: string) => !misnamed.has(c);
    return { ...analysis, codes: analysis.codes.filter(keep), explicitCodes: analysis.explicitCodes.filter(keep) };
  }

  /** Page and section scores, once per query; the few best pages and how well the best one covers the question. */
  private rankPages(terms: WeightedTerm[], needs: Need[], k: number) {
    // Section scores once per query, for each page's deep link. (Mixing them into the page's
    // rank was tried: at every weight from 0.25 to 0.75 it lost top-1 on all three sets.)
    findBestSections(this.bestSection, this.sectionIndex.score(terms), this.pageOfSection);
    // Only the few best pages are used: the best two for the policy, k + 3 for the text hits.
    const pageScores = this.pageIndex.score(terms);
    const ranked = topDocs(pageScores, Math.max(2, k + 3)).map((i) => ({ index: i, page: this.kb.pages[i] as DocPage, score: pageScores.scoreOf[i] as number }));
    const best = ranked[0];
    const topText = best?.score ?? 0;
    const bestCoverage = best ? coverage(this.pageIndex.matchedTerms(best.index, terms), needs) : 0;
    return { ranked, best, topText, bestCoverage };
  }

  /** The docs pages to offer, by id: pinned by a code, hinted by a phrase or a bare code, then by text. */
  private docHits(read: Pick<ReturnType<Searcher['readQuery']>, 'analysis' | 'expansion'>, ranked: { page: DocPage; score: number }[], topText: number, k: number) {
    const { analysis, expansion } = read;
    const hits = new Map<string, DocHit>();
    const add = (page: DocPage, score: number, why: DocHit['why']) => {
      if (!hits.has(page.id)) hits.set(page.id, { id: page.id, title: page.title, url: page.url, score, kind: 'docs', why, ...this.sectionOf(page) });
    };
    // 1. Codes stated in an error context pin their pages first, Cloudflare's own codes before
    //    the HTTP status they are served with ("403 ... Error 1034": 1034 explains the 403).
    // A bare Cloudflare code ("cloudfare 521") is unambiguous; a bare HTTP status ("R2 500 in the demo")
    // and a success or redirect status ("commenting it out gives 200") are context: they only hint.
    const stated = analysis.codes
      .filter((c) => this.kb.codes.has(c) && (isCloudflareCode(c) || (analysis.explicitCodes.includes(c) && Number(c) >= 400)))
      .sort((a, b) => Number(isCloudflareCode(b)) - Number(isCloudflareCode(a)));
    // A page a phrase names ("googlebot" -> crawl errors) explains a plain HTTP status better than
    // that status's generic page ("Googlebot gets 403"), so it ranks between Cloudflare's codes and plain ones.
    for (const code of stated) for (const id of this.kb.codes.get(code) ?? []) {
      const page = this.kb.pageById.get(id);
      if (page) add(page, isCloudflareCode(code) ? 1 : PLAIN_STATUS_PIN_SCORE, 'code');
    }
    // Several phrases may name pages ("vBulletin" and "real visitor IP"): the one the text ranks higher comes first.
    const textRank = (id: string) => {
      const at = ranked.findIndex((r) => r.page.id === id);
      return at < 0 ? ranked.length : at;
    };
    for (const id of [...expansion.pages].sort((a, b) => textRank(a) - textRank(b))) {
      const page = this.kb.pageById.get(id);
      // A family's overview ("Host Error" without a code) comes after any one code a phrase names.
      if (page) add(page, this.familyPages.has(id) ? FAMILY_HINT_SCORE : PAGE_HINT_SCORE, 'hint');
    }
    // 2. Phrase hints ("web server is down" -> 521) and bare numbers that are known codes
    //    ("522 on my homepage") rank their page above plain text matches without pinning it.
    const bare = analysis.codes.filter((c) => !stated.includes(c));
    const codeHinted = [...bare, ...expansion.codes].flatMap((c) => this.kb.codes.get(c)?.slice(0, 1) ?? []);
    for (const id of codeHinted) {
      const page = this.kb.pageById.get(id);
      if (page) add(page, CODE_HINT_SCORE, 'hint');
    }
    // Pages named by a phrase were added above; both kinds count as hints for the answer policy.
    const hinted = [...codeHinted, ...expansion.pages];
    // 3. Text relevance, relative to the best text score.
    for (const r of ranked.slice(0, k + 3)) add(r.page, topText > 0 ? TEXT_SCORE_CAP * (r.score / topText) : 0, 'text');
    return { hits, stated, hinted };
  }

  private addSecondary(hits: Map<string, DocHit>, terms: WeightedTerm[], needs: Parameters<typeof coverage>[1], topText: number, docsAnswer: boolean): void {
    const scores = this.secondaryIndex.score(terms);
    for (let k = 0; k < scores.count; k++) {
      const i = scores.docs[k] as number;
      const score = scores.scoreOf[i] as number;
      const doc = this.kb.secondary[i] as SecondaryDoc;
      const relative = topText > 0 ? (SECONDARY_FACTOR * score) / topText : 0;
      if (relative <= 0.3 || coverage(this.secondaryIndex.matchedTerms(i, terms), needs) < 0.6) continue;
      const cap = docsAnswer ? 0.95 * TEXT_SCORE_CAP : 0.8;
      hits.set(doc.id, { id: doc.id, title: doc.title, url: doc.url ?? 'https://blog.cloudflare.com/', score: Math.min(cap, TEXT_SCORE_CAP * relative), kind: doc.kind, why: 'text' });
    }
  }

  /**
   * A page answers a question only if something the user typed (not a synonym
   * we added) is what the page is about: in its title, slug, description or
   * headings. Stops "who is the president of the usa" landing on geographic routing.
   */
  private isAbout(pageIndex: number, terms: WeightedTerm[]): boolean {
    const about = this.aboutTerms[pageIndex];
    return terms.some((t) => t.weight > PHRASE_EXPANSION_WEIGHT && about?.has(t.term));
  }

  private sectionOf(page: DocPage): Pick<DocHit, 'section'> {
    const pageIndex = this.pageNumber.get(page.id);
    const best = pageIndex === undefined ? -1 : (this.bestSection.section[pageIndex] as number);
    const anchor = best >= 0 ? this.sectionAnchor[best] : undefined;
    const section = anchor ? page.sections.find((s) => s.anchor === anchor) : undefined;
    return section ? { section: { anchor: section.anchor, heading: section.heading } } : {};
  }
}

/** A word this many pages use is the docs' own vocabulary; one page's word is usually a product's name. */
const MIN_PAGES_OF_A_DOCS_WORD = 2;

/**
 * Words any error's name may have ("Cloudflare error 1020", "HTTP status error 522"), and the verbs
 * of a title about one ("Fixing Cloudflare Error 524"), and an HTTP status's reason phrase, which
 * a log prints before the code it came with ("403.Forbidden error code: 1020"): no evidence either way.
 */
const GENERIC_ERROR_WORDS = new Set(tokenize('cloudflare cf http https status code error forbidden unauthorized bad request not found gateway timeout service unavailable internal server fixing fix fixed solving solve solved resolving resolve resolved troubleshooting troubleshoot avoiding avoid bypassing bypass handling handle'));

/** Cloudflare's own codes (1xxx, 10xxx, 52x, 530), as opposed to HTTP statuses any server returns. */
export function isCloudflareCode(code: string): boolean {
  const n = Number(code);
  return (n >= 520 && n <= 530) || (n >= 1000 && n <= 1299) || isApiErrorCode(code);
}

/**
 * 10xxx: the Cloudflare API's error codes. The docs explain the ones Bulk Redirects and Lists
 * return, but every product's API answers in the same `[code: 10xxx]` shape (a wrangler deploy,
 * a Workers API call), so the product named decides whether the page applies.
 */
export function isApiErrorCode(code: string): boolean {
  const n = Number(code);
  return n >= 10000 && n <= 10999;
}

/** Below a Cloudflare code's pin (1) and above a code a phrase hints. */
const PAGE_HINT_SCORE = 0.97;
/** A code a phrase or a bare number hints: above any text match (at most TEXT_SCORE_CAP). */
const CODE_HINT_SCORE = 0.9;
/** Below a code a phrase hints, above text: a family's overview named by a phrase ("52x", "Host Error"). */
const FAMILY_HINT_SCORE = 0.88;
/** A page that this many codes name is a family's overview. */
const FAMILY_MIN_CODES = 3;
const PLAIN_STATUS_PIN_SCORE = 0.95;
/** How close a code's own page must come to its family's overview to take its place. */
const SPECIFIC_PAGE_SHARE = 0.8;

/**
 * A family overview ("Cloudflare 10xxx errors") lists every code with a line each, so a post about
 * one of them matches the overview about as well as that code's own page, which is the one that
 * answers it. When text or a phrase hint ("bulk redirects") puts the overview first and one of its own pages close behind
 * (its URL lies under the overview's), that page goes first.
 */
function preferSpecificPage(ranked: DocHit[]): DocHit[] {
  const [first] = ranked;
  // A code pinned the first page: that is the user's own code, not a family guess.
  if (!first || first.why === 'code') return ranked;
  const parent = first.url.endsWith('/') ? first.url : `${first.url}/`;
  const child = ranked.slice(1, 3).find((h) => h.why === 'text' && h.url.startsWith(parent) && h.score >= SPECIFIC_PAGE_SHARE * first.score);
  return child ? [child, ...ranked.filter((h) => h !== child)] : ranked;
}

function order(hit: DocHit): number {
  return hit.why === 'code' ? 0 : hit.why === 'hint' ? 1 : 2;
}
