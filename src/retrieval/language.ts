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

const SCRIPT_RE = { cyrillic: /\p{Script=Cyrillic}/gu, han: /\p{Script=Han}/gu } as const;
const MIN_MARKERS = 2;
/** A few marker words in a long English post ("de", "la") are names, not a language. */
const MIN_MARKER_SHARE = 0.15;

function detect(languages: Languages, text: string, segments: Segment[]): Languages['languages'][number] | undefined {
  const letters = (text.match(/\p{L}/gu) ?? []).length || 1;
  for (const lang of languages.languages) {
    if (lang.script === 'latin') continue;
    if ((text.match(SCRIPT_RE[lang.script]) ?? []).length / letters > 0.3) return lang;
  }
  // Addresses and pasted machine lines are no language: "shop.example.com" and "loc=DE" hold "com" and "de".
  const ws = words(segments.filter((s) => s.kind !== 'machine').map((s) => s.text).join(' '));
  let best: { lang: Languages['languages'][number]; hits: number } | undefined;
  for (const lang of languages.languages) {
    if (lang.script !== 'latin') continue;
    const markers = new Set(lang.markers);
    const found = ws.filter((w) => markers.has(w));
    const distinct = new Set(found).size;
    if (distinct >= MIN_MARKERS && found.length / Math.max(1, ws.length) >= MIN_MARKER_SHARE && found.length > (best?.hits ?? 0)) best = { lang, hits: found.length };
  }
  return best?.lang;
}

/**
 * The language of a non-English question and the English words its known phrases stand for;
 * undefined for English. `segments` when the caller has cut the text already (search does).
 */
export function translateForSearch(languages: Languages, text: string, segments: Segment[] = segmentMessage(text)): { language: Language; english: string } | undefined {
  const lang = detect(languages, text, segments);
  if (!lang) return undefined;
  const lower = text.toLowerCase();
  const padded = ` ${words(text).join(' ')} `;
  const english: string[] = [];
  for (const [phrase, meaning] of Object.entries(lang.phrases)) {
    const found = lang.script !== 'latin' ? lower.includes(phrase.toLowerCase()) : padded.includes(` ${words(phrase).join(' ')} `);
    if (found) english.push(meaning);
  }
  return { language: { id: lang.id, name: lang.name }, english: english.join('. ') };
}
