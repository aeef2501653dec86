import { quotedSpans } from './message-signals.ts';

/**
 * Another program's error message, quoted with its own name for the error: „ip restriction error 1013“,
 * "license check error 1020". Cloudflare's pages put the code first ("Error 1020", then "Access
 * denied"); a quoted message that names its error before the number is the program's own wording,
 * and when that name is about something the code's page never mentions, the number is that
 * program's, not ours (see Searcher.withoutMisnamedCodes).
 */

/** One to three words, then the word for "error" in a language we read, then the number. */
const NAMED_ERROR = /((?:\p{L}[\p{L}-]*\s+){1,3})(?:error|fehler|erreur|erro|error de|ошибка)\s*(?:code\s*)?[:#]?\s*(\d{3,5})\b/giu;

export type QuotedErrorName = { code: string; name: string };

export function quotedErrorNames(text: string): QuotedErrorName[] {
  if (!/\d{3}/.test(text)) return [];
  const out: QuotedErrorName[] = [];
  for (const inner of quotedSpans(text)) {
    for (const m of inner.matchAll(NAMED_ERROR)) if (m[1] && m[2]) out.push({ code: m[2], name: m[1].trim() });
  }
  return out;
}
