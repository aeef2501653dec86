import type { FlowOption } from './schema.ts';

/**
 * Free-text replies to a question ("yes", "it's branded", "no logo", "2").
 * Matching is whole-word and ignores case and punctuation; when two options
 * both fit, nothing is picked: asking again beats walking the wrong branch.
 */

const YES_WORDS = ['yes', 'yeah', 'yep', 'yup', 'y', 'correct', 'affirmative', 'indeed'];
const NO_WORDS = ['no', 'nope', 'nah', 'n', 'negative'];
/** "no idea" must not read as "no", "not sure" must not read as a yes. */
const UNSURE = ['not sure', 'no idea', 'dont know', 'do not know', 'unsure', 'maybe', 'not certain'];

export function normalizeReply(text: string): string {
  return text.toLowerCase().replace(/['’`]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

export function pickOptionFromText(options: readonly FlowOption[], text: string): FlowOption | null {
  const reply = normalizeReply(text);
  if (!reply) return null;
  const exact = options.filter((o) => normalizeReply(o.id) === reply || normalizeReply(o.label) === reply);
  if (exact.length === 1) return exact[0] ?? null;
  if (/^\d{1,2}$/.test(reply)) {
    const byNumber = options[Number(reply) - 1];
    if (byNumber) return byNumber;
  }
  const byPhrase = optionsMatchedByPhrases(options, reply);
  if (byPhrase.length) return byPhrase.length === 1 ? (byPhrase[0] ?? null) : null;
  return genericYesNo(options, reply);
}

type Hit = { option: FlowOption; start: number; end: number };

/**
 * Options whose match phrases (or id) occur in the reply. A hit inside a longer
 * hit of another option is dropped, so "not branded" beats "branded".
 */
function optionsMatchedByPhrases(options: readonly FlowOption[], reply: string): FlowOption[] {
  const haystack = ` ${reply} `;
  const hits: Hit[] = [];
  for (const option of options) {
    // A yes/no id is left to genericYesNo, which knows "no idea" is not a "no".
    const implicit = YES_WORDS.includes(option.id) || NO_WORDS.includes(option.id) ? [] : [option.id];
    for (const phrase of [...option.match, ...implicit].map(normalizeReply).filter(Boolean)) {
      for (let at = haystack.indexOf(` ${phrase} `); at >= 0; at = haystack.indexOf(` ${phrase} `, at + 1)) {
        hits.push({ option, start: at, end: at + phrase.length + 1 });
      }
    }
  }
  const kept = hits.filter((h) => !hits.some((o) => o.option !== h.option && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));
  return [...new Set(kept.map((h) => h.option))];
}

function genericYesNo(options: readonly FlowOption[], reply: string): FlowOption | null {
  const padded = ` ${reply} `;
  if (UNSURE.some((u) => padded.includes(` ${u} `))) return null;
  const saysYes = YES_WORDS.some((w) => padded.includes(` ${w} `));
  const saysNo = NO_WORDS.some((w) => padded.includes(` ${w} `));
  if (saysYes === saysNo) return null;
  const wanted = saysYes ? 'yes' : 'no';
  const candidates = options.filter((o) => o.id === wanted || o.id.startsWith(`${wanted}-`) || normalizeReply(o.label).split(' ')[0] === wanted);
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}

/**
 * An opening message that answers a question in so many words ("…too many
 * redirects…"): only multi-word match phrases count, and only when exactly one
 * option has one, so a stray "yes" or "no" in a long message never picks a branch.
 */
export function pickOptionFromStatement(options: readonly FlowOption[], text: string): { option: FlowOption; phrase: string } | null {
  const haystack = ` ${normalizeReply(text)} `;
  const hits = options.flatMap((option) => statementPhrases(option).filter((phrase) => haystack.includes(` ${phrase} `)).map((phrase) => ({ option, phrase })));
  const picked = new Set(hits.map((h) => h.option));
  if (picked.size !== 1) return null;
  return hits.sort((a, b) => b.phrase.length - a.phrase.length)[0] ?? null;
}

/** An option's multi-word match phrases (the ones a statement may answer with), normalized once per loaded option (options are immutable after load). */
const statementPhraseCache = new WeakMap<FlowOption, readonly string[]>();
export function statementPhrases(option: FlowOption): readonly string[] {
  let phrases = statementPhraseCache.get(option);
  if (!phrases) {
    phrases = option.match.map(normalizeReply).filter((phrase) => phrase.includes(' ') && !UNSURE.includes(phrase));
    statementPhraseCache.set(option, phrases);
  }
  return phrases;
}
