import { loadYamlFile } from '../knowledge/load-yaml-file.ts';
import { z } from 'zod';
import { tokenize, words } from './tokenize.ts';

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
        match: z.array(z.string().min(2)).min(1),
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

/** `terms` maps each added doc word to the query word(s) it stands for, so a match on it credits them. */
export type Expansion = { terms: Map<string, string[]>; codes: string[]; pages: string[] };

/** Compiled form: phrase word sequences for a sliding match over the query's words. */
export class SynonymExpander {
  private readonly termMap = new Map<string, string[]>();
  private readonly phrases: { words: string[]; expansion: { terms: string[]; codes: string[]; pages: string[] } }[] = [];

  constructor(synonyms: Synonyms) {
    for (const [from, to] of Object.entries(synonyms.terms)) {
      this.termMap.set(from.toLowerCase(), to.flatMap((t) => tokenize(t)));
    }
    for (const p of synonyms.phrases) {
      const expansion = { terms: p.expand.flatMap((t) => tokenize(t)), codes: p.codes, pages: p.pages };
      for (const m of p.match) this.phrases.push({ words: words(m), expansion });
    }
  }

  expand(query: string): Expansion {
    const qWords = words(query);
    const terms = new Map<string, string[]>();
    const credit = (term: string, sources: string[]) => terms.set(term, [...new Set([...(terms.get(term) ?? []), ...sources])]);
    const codes = new Set<string>();
    const pages = new Set<string>();
    for (const w of qWords) {
      for (const to of this.termMap.get(w) ?? []) credit(to, tokenize(w));
    }
    for (const { words: pw, expansion } of this.phrases) {
      if (!containsSequence(qWords, pw)) continue;
      const sources = tokenize(pw.join(' '));
      for (const t of expansion.terms) credit(t, sources);
      expansion.codes.forEach((c) => codes.add(c));
      expansion.pages.forEach((p) => pages.add(p));
    }
    return { terms, codes: [...codes], pages: [...pages] };
  }
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  if (!needle.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
