import { z } from 'zod';
import { loadYamlFile } from '../knowledge/load-yaml-file.ts';
import { segmentMessage, type Segment } from './message-signals.ts';
import { words } from './tokenize.ts';

/**
 * knowledge/languages.yaml: enough of the languages people write in to find
 * the page. The docs are English; a question in another language is searched
 * through the English words its common phrases stand for, plus everything it
 * shares with English (codes, product names, pasted English error text).
 * Each language has marker words that say it is that language, and phrases
 * (whole words in Latin scripts; substrings in Cyrillic, whose words inflect,
 * and Han, which has no spaces).
 */
const languageSchema = z.object({
  id: z.string().regex(/^[a-z]{2}$/),
  name: z.string().min(1),
  /** Writing system: a question mostly in it is this language whatever its words. */
  script: z.enum(['latin', 'cyrillic', 'han']).default('latin'),
  /** Frequent words of the language that are not English words. */
  markers: z.array(z.string().min(1)).default([]),
  /** phrase in the language -> English words for the search. */
  phrases: z.record(z.string().min(1), z.string().min(1)).default({}),
});
export const languagesSchema = z.object({ languages: z.array(languageSchema).default([]) });
export type Languages = z.infer<typeof languagesSchema>;
export type Language = { id: string; name: string };

export class LanguagesError extends Error {}

export function loadLanguages(file: string): Languages {
  return loadYamlFile(file, languagesSchema, LanguagesError);
}

/** A script's characters, and everything else (to count the script's characters without an array of matches). */
const SCRIPT_RE = {
  cyrillic: { any: /\p{Script=Cyrillic}/u, others: /\P{Script=Cyrillic}+/gu },
  han: { any: /\p{Script=Han}/u, others: /\P{Script=Han}+/gu },
} as const;
const NOT_LETTERS = /\P{L}+/gu;
const MIN_MARKERS = 2;
/** A few marker words in a long English post ("de", "la") are names, not a language. */
const MIN_MARKER_SHARE = 0.15;

type LanguageEntry = Languages['languages'][number];
/** One language compiled at load: its marker words as a set, its phrases in the form they are looked up in. */
type CompiledLanguage = { lang: LanguageEntry; markers: Set<string>; phrases: { needle: string; meaning: string }[] };
/** languages.yaml compiled once, so a question does not rebuild marker sets and phrase forms. */
export type LanguageMatcher = CompiledLanguage[];

export function languageMatcher(languages: Languages): LanguageMatcher {
  return languages.languages.map((lang) => ({
    lang,
    markers: new Set(lang.markers),
    // Latin scripts match whole words (padded with spaces); Cyrillic and Han, substrings.
    phrases: Object.entries(lang.phrases).map(([phrase, meaning]) => ({ needle: lang.script !== 'latin' ? phrase.toLowerCase() : ` ${words(phrase).join(' ')} `, meaning })),
  }));
}

function detect(languages: LanguageMatcher, text: string, segments: Segment[]): CompiledLanguage | undefined {
  let letters: number | undefined;
  for (const compiled of languages) {
    const { script } = compiled.lang;
    // Most questions hold no character of the script at all: one scan says so.
    if (script === 'latin' || !SCRIPT_RE[script].any.test(text)) continue;
    letters ??= codePoints(text.replace(NOT_LETTERS, '')) || 1;
    if (codePoints(text.replace(SCRIPT_RE[script].others, '')) / letters > 0.3) return compiled;
  }
  // Addresses and pasted machine lines are no language: "shop.example.com" and "loc=DE" hold "com" and "de".
  const ws = words(segments.filter((s) => s.kind !== 'machine').map((s) => s.text).join(' '));
  let best: { compiled: CompiledLanguage; hits: number } | undefined;
  for (const compiled of languages) {
    if (compiled.lang.script !== 'latin') continue;
    const found = ws.filter((w) => compiled.markers.has(w));
    const distinct = new Set(found).size;
    if (distinct >= MIN_MARKERS && found.length / Math.max(1, ws.length) >= MIN_MARKER_SHARE && found.length > (best?.hits ?? 0)) best = { compiled, hits: found.length };
  }
  return best?.compiled;
}

/** Characters, not UTF-16 units: a Han character outside the BMP counts once, as a match of /\p{Han}/u did. */
function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * The language of a non-English question and the English words its known phrases stand for;
 * undefined for English. `segments` when the caller has cut the text already (search does).
 */
export function translateForSearch(languages: LanguageMatcher, text: string, segments: Segment[] = segmentMessage(text)): { language: Language; english: string } | undefined {
  const compiled = detect(languages, text, segments);
  if (!compiled) return undefined;
  const { lang } = compiled;
  const haystack = lang.script !== 'latin' ? text.toLowerCase() : ` ${words(text).join(' ')} `;
  const english: string[] = [];
  for (const { needle, meaning } of compiled.phrases) if (haystack.includes(needle)) english.push(meaning);
  return { language: { id: lang.id, name: lang.name }, english: english.join('. ') };
}
