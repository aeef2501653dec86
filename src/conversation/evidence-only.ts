import { tokenize } from '../retrieval/tokenize.ts';

/**
 * True when a message only hands over evidence (a trace, a Ray ID, a URL, a
 * plan or a time) and states no symptom. Only then is "what do you see?" the
 * right reply; a message that says what is wrong ("my admin is slow") must
 * get an answer, a tree or an honest "not in the docs", never that question.
 */

/** Words that describe the evidence itself rather than a problem. */
const EVIDENCE_TOKENS = new Set(
  tokenize(
    'trace traces output outputs ray rays id ids cdn cgi plan plans free pro business enterprise account ' +
      'ssl tls mode encryption full strict flexible cloudflared running time timestamp utc gmt ' +
      'here paste pasted info information details detail fyi heres btw also ok okay site website domain url link zone',
  ),
);

const NOT_WORDS: readonly RegExp[] = [
  /^\s*[a-z_]+=.*$/gim, // key=value lines (a trace)
  /\bhttps?:\/\/\S+/gi,
  /\b(?:[a-z0-9-]+\.)+[a-z]{2,24}\b/gi, // hostnames
  /\b[0-9a-f]{16}(?:-[a-z]{3})?\b/gi, // Ray IDs
  /\b\d[\d:.\-/]*\b/g, // numbers, times, dates
];

/** Symptom words the search drops as too common ("down", "working") still say something is wrong. */
const SYMPTOM = /\b(?:down|stopped|not working|doesn'?t work|broken|offline|slow|fail\w*|wrong|blocked|loops?|hangs?|stuck)\b/i;

export function isEvidenceOnly(text: string): boolean {
  const residual = NOT_WORDS.reduce((t, re) => t.replace(re, ' '), text);
  return !SYMPTOM.test(residual) && tokenize(residual).every((token) => EVIDENCE_TOKENS.has(token));
}
