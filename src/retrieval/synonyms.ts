import { loadYamlFile } from '../knowledge/load-yaml-file.ts';
import { z } from 'zod';
import { GAP, matchingPhrases, phraseIndex, phraseSequence, phraseTextSchema, type PhraseIndex } from './phrase-index.ts';
import { stem, tokenize, words } from './tokenize.ts';

/**
 * knowledge/synonyms.yaml: how users say things vs how the docs say them.
 * `terms` expand single words ("cert" -> certificate); `phrases` catch
 * multi-word symptoms and may hint at the error code whose page answers them
 * ("web server is down" -> 521): a hint ranks that page high but, unlike a
 * code the user typed, does not pin it first.
 */
export const synonymsSchema = z.object({
  terms: z.record(z.string(), z.array(z.string()).min(1)).default({}),
  phrases: z
    .array(
      z.object({
        // A `*` stands for a few words between two of the phrase's ("blocked from the * site").
        match: z.array(phraseTextSchema).min(1),
        expand: z.array(z.string()).default([]),
        codes: z.array(z.string().regex(/^\d{3,5}$/)).default([]),
        pages: z.array(z.string()).default([]),
      }),
    )
    .default([]),
  /**
   * Two concepts stated in one message, not side by side ("inside Iran's network … that is how
   * they block"): each group is met by a word the user typed, or by `@term` when an expansion
   * credited that doc term (every country name credits `@country`). Only hints, never a pin.
   */
  together: z
    .array(
      z.object({
        all: z.array(z.array(z.string().min(2)).min(1)).min(2),
        expand: z.array(z.string()).default([]),
        codes: z.array(z.string().regex(/^\d{3,5}$/)).default([]),
        pages: z.array(z.string()).default([]),
      }),
    )
    .default([]),
});
export type Synonyms = z.infer<typeof synonymsSchema>;

export class SynonymsError extends Error {}

export function loadSynonyms(file: string): Synonyms {
  return loadYamlFile(file, synonymsSchema, SynonymsError);
}

/**
 * A hint that names a page the docs do not have (a typo, a page that was renamed) would never
 * fire and nobody would notice: refuse the file instead, naming the entry.
 */
export function checkSynonymTargets(synonyms: Synonyms, file: string, pageIds: ReadonlySet<string>): void {
  const entries = [...synonyms.phrases.map((p) => ({ pages: p.pages, name: `phrase "${p.match[0]}"` })), ...synonyms.together.map((t) => ({ pages: t.pages, name: `together [${t.all.map((g) => g[0]).join(' + ')}]` }))];
  const unknown = entries.flatMap((e) => e.pages.filter((id) => !pageIds.has(id)).map((id) => `${e.name} names page "${id}", which the docs do not have`));
  if (unknown.length) throw new SynonymsError(`${file} is invalid: ${unknown.join('; ')}`);
}

/** `terms` maps each added doc word to the query word(s) it stands for, so a match on it credits them. */
export type Expansion = {
  terms: Map<string, string[]>;
  /** Terms a whole phrase stood for: more specific than a one-word synonym, so they count more. */
  phraseTerms: Set<string>;
  codes: string[];
  pages: string[];
};

type Phrase = {
  words: string[];
  /** The phrase's stems that are not stopwords: the query words a match on its expansion credits. */
  sources: string[];
  expansion: { terms: string[]; codes: string[]; pages: string[] };
};

/** Compiled form, built once at load: the term map, and the phrases' stem sequences indexed by first stem. */
export class SynonymExpander {
  /** query word -> the doc words it expands to, and its own tokens (what a match credits). */
  private readonly termMap = new Map<string, { to: string[]; from: string[] }>();
  private readonly phrases: Phrase[] = [];
  private readonly phraseIndex: PhraseIndex;
  private readonly together: { groups: { typed: Set<string>; credited: Set<string> }[]; expansion: { terms: string[]; codes: string[]; pages: string[] } }[] = [];

  constructor(synonyms: Synonyms) {
    for (const [from, to] of Object.entries(synonyms.terms)) {
      const key = from.toLowerCase();
      this.termMap.set(key, { to: to.flatMap((t) => tokenize(t)), from: tokenize(key) });
    }
    for (const p of synonyms.phrases) {
      const expansion = { terms: p.expand.flatMap((t) => tokenize(t)), codes: p.codes, pages: p.pages };
      for (const m of p.match) {
        const stems = phraseSequence(m);
        this.phrases.push({ words: stems, sources: stems.filter((w) => w !== GAP && tokenize(w).length > 0), expansion });
      }
    }
    this.phraseIndex = phraseIndex(this.phrases.map((p) => p.words));
    for (const rule of synonyms.together) {
      const groups = rule.all.map((group) => ({
        typed: new Set(group.filter((w) => !w.startsWith('@')).flatMap((w) => words(w)).map(stem)),
        credited: new Set(group.filter((w) => w.startsWith('@')).flatMap((w) => tokenize(w.slice(1)))),
      }));
      this.together.push({ groups, expansion: { terms: rule.expand.flatMap((t) => tokenize(t)), codes: rule.codes, pages: rule.pages } });
    }
  }

  /**
   * Phrases compare the whole query's words by stem, so
   * "redirects too many times" meets "redirected too many times", and they read
   * the whole query, since some name a host ("unblock challenges.cloudflare.com").
   * `wordsText` is the text whose single words expand (addresses taken out, so
   * "listhub-dns.net" does not expand "dns").
   */
  expand(query: string, wordsText: string = query): Expansion {
    return this.expandStems(words(query).map(stem), wordsText);
  }

  /** `expand` for a caller that has the query's stems already (search shares them with the scope check). */
  expandStems(queryStems: string[], wordsText: string): Expansion {
    const terms = new Map<string, string[]>();
    // Each term keeps its sources in the order first credited, without repeats.
    const credit = (term: string, sources: string[]) => {
      let list = terms.get(term);
      if (!list) terms.set(term, (list = []));
      for (const source of sources) if (!list.includes(source)) list.push(source);
    };
    for (const w of words(wordsText)) {
      const entry = this.termMap.get(w);
      if (entry) for (const to of entry.to) credit(to, entry.from);
    }
    // The longest matching phrase is the most specific: "web server is returning an unknown error" beats "host error".
    // Among equally long ones, the order of synonyms.yaml (the sort is stable).
    const matched = matchingPhrases(this.phraseIndex, queryStems).map((i) => this.phrases[i] as Phrase).sort((a, b) => b.words.length - a.words.length);
    const codes = new Set<string>();
    const pages = new Set<string>();
    const phraseTerms = new Set<string>();
    // What a matched phrase or `together` rule stands for, credited to the typed words behind it.
    const apply = (expansion: { terms: string[]; codes: string[]; pages: string[] }, sources: string[]) => {
      for (const t of expansion.terms) {
        credit(t, sources);
        phraseTerms.add(t);
      }
      expansion.codes.forEach((c) => codes.add(c));
      expansion.pages.forEach((p) => pages.add(p));
    };
    for (const { sources, expansion } of matched) apply(expansion, sources);
    if (this.together.length) {
      const typed = new Set(queryStems);
      for (const { groups, expansion } of this.together) {
        if (!groups.every((g) => [...g.typed].some((w) => typed.has(w)) || [...g.credited].some((t) => terms.has(t)))) continue;
        apply(expansion, groups.flatMap((g) => [...g.typed].filter((w) => typed.has(w))));
      }
    }
    return { terms, phraseTerms, codes: [...codes], pages: [...pages] };
  }
}
