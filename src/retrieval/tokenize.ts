/** Words too common in questions and docs to tell pages apart. */
const STOPWORDS = new Set(
  ('a an the and or but if of to in on at for from by with without about into over under is are was were be been being am do does did doing done ' +
    'have has had having i me my mine we our ours you your yours he she it its they them their this that these those there here what which who whom ' +
    'whose when where why how can could should would will shall may might must not no yes so than too very just also only own same such both each ' +
    'few more most other some any all as up down out off again then once get gets got getting im ive id dont doesnt cant isnt wont please help hi hello ' +
    'thanks thank anyone someone something anything keep keeps kept still now right say says said like want need use using used see seeing ' +
    'seem seems seemed never ever always since every everything sometimes really actually suddenly stopped stop stops working work works worked ' +
    'after before turning turned turn turns hitting hit near much many lot lots way try tried trying make made makes happen happens happening ' +
    'going go goes went come comes came today yesterday know think guys everyone whats whatever idea why well even already though behind because due').split(/\s+/),
);

/** word -> stem for `stem`: questions repeat the same few thousand words. */
const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 100_000;

/** Light suffix stripping: enough to join "errors/error", "blocked/block", "banning/ban" without a stemmer dependency. */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = stripSuffixes(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

function stripSuffixes(word: string): string {
  if (word.length <= 3 || /^\d/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed')) w = w.slice(0, -2);
  // "bann" -> "ban", "blocked" -> "block" already; undouble a final consonant left by -ed/-ing.
  if (/([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  // A final silent e goes too, so "enable", "enabled" and "enabling" all meet at "enabl".
  if (w.length > 4 && w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}

/** word -> stem, or '' for a dropped word; the corpus has ~10k distinct words, so this stays small. */
const tokenCache = new Map<string, string>();
const TOKEN_CACHE_LIMIT = 100_000;

function tokenOf(word: string): string {
  let token = tokenCache.get(word);
  if (token === undefined) {
    token = (word.length < 2 && !/\d/.test(word)) || STOPWORDS.has(word) ? '' : stripSuffixes(word);
    if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
    tokenCache.set(word, token);
  }
  return token;
}

/** Lowercased word tokens (letters/digits), apostrophes dropped, stopwords removed, stemmed. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const words = text.toLowerCase().replace(/['’]/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const word of words) {
    const token = tokenOf(word);
    if (token) out.push(token);
  }
  return out;
}

/** Raw words (no stemming, stopwords kept) for phrase matching. */
export function words(text: string): string[] {
  return text.toLowerCase().replace(/['’]/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Longer than any URL, code or word worth reading: a pasted blob, hash or key.
 * Cut to this length before any pattern runs, so no token can make a turn slow
 * (an 8000-character one once cost 130-300 ms in the address patterns).
 */
export const MAX_TOKEN_CHARS = 256;

export function capLongTokens(text: string): string {
  if (text.length <= MAX_TOKEN_CHARS) return text; // nothing can be too long
  return text.replace(/\S{257,}/g, (m) => m.slice(0, MAX_TOKEN_CHARS));
}
