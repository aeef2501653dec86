import { loadYamlFile } from '../knowledge/load-yaml-file.ts';
import { z } from 'zod';
import { matchingPhrases, phraseIndex, phraseSequence, phraseTextSchema, type PhraseIndex } from './phrase-index.ts';
import { stem, words } from './tokenize.ts';

export const scopeSchema = z.object({
  outOfScope: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        topic: z.string().min(1),
        match: z.array(phraseTextSchema).min(1),
        pointer: z.string().min(1),
        page: z.string().optional(),
      }),
    )
    .default([]),
  /** Words that tie a message to sites, the web or Cloudflare (the answer policy's `anchored`). */
  anchors: z.array(phraseTextSchema).default([]),
});
export type Scope = z.infer<typeof scopeSchema>;
export type OutOfScopeTopic = Scope['outOfScope'][number];

export class ScopeError extends Error {}

export function loadScope(file: string): Scope {
  return loadYamlFile(file, scopeSchema, ScopeError);
}

/** The topics' phrases as stem sequences, indexed once at load rather than stemmed on every question. */
export type ScopeMatcher = { topics: OutOfScopeTopic[]; topicOfPhrase: number[]; phrases: PhraseIndex; anchors: PhraseIndex; hanAnchors: string[] };

/** Han text has no spaces between words: its anchors are found as substrings. */
const HAN = /\p{Script=Han}/u;

export function scopeMatcher(scope: Scope): ScopeMatcher {
  const topicOfPhrase: number[] = [];
  const sequences: string[][] = [];
  scope.outOfScope.forEach((topic, t) => {
    for (const m of topic.match) {
      topicOfPhrase.push(t);
      sequences.push(phraseSequence(m));
    }
  });
  return {
    topics: scope.outOfScope,
    topicOfPhrase,
    phrases: phraseIndex(sequences),
    anchors: phraseIndex(scope.anchors.filter((a) => !HAN.test(a)).map(phraseSequence)),
    hanAnchors: scope.anchors.filter((a) => HAN.test(a)),
  };
}

/** Whether the text uses a word that ties it to sites, the web or Cloudflare (scope.yaml's `anchors`), by stem. */
export function mentionsAnchor(matcher: ScopeMatcher, textStems: string[], text: string): boolean {
  // Knowledge that declares no anchors has nothing to tell: every message counts as tied.
  if (matcher.anchors.sequences.length === 0 && matcher.hanAnchors.length === 0) return true;
  if (matchingPhrases(matcher.anchors, textStems).length > 0 || matcher.hanAnchors.some((a) => text.includes(a))) return true;
  // Latin words glued to Han text ("清了cookies和缓存") are one token until the Han is taken out.
  return HAN.test(text) && matchingPhrases(matcher.anchors, words(text.replace(/\p{Script=Han}+/gu, ' ')).map(stem)).length > 0;
}

/**
 * The first out-of-scope topic (in scope.yaml's order) one of whose phrases appears in the text,
 * as whole words compared by stem, so "refunded" meets "refund" and "invoices" meets "invoice".
 * Stopwords count here ("how much does"), so `textStems` is every word of the text, each stemmed
 * (search has them already for the synonym phrases).
 */
export function outOfScopeTopic(matcher: ScopeMatcher, textStems: string[]): OutOfScopeTopic | undefined {
  const first = Math.min(...matchingPhrases(matcher.phrases, textStems).map((p) => matcher.topicOfPhrase[p] as number));
  return matcher.topics[first];
}
