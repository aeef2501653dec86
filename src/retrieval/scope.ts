import { loadYamlFile } from '../knowledge/load-yaml-file.ts';
import { z } from 'zod';
import { stem, words } from './tokenize.ts';

export const scopeSchema = z.object({
  outOfScope: z
    .array(
      z.object({
        id: z.string().regex(/^[a-z0-9-]+$/),
        topic: z.string().min(1),
        match: z.array(z.string().min(2)).min(1),
        pointer: z.string().min(1),
        page: z.string().optional(),
      }),
    )
    .default([]),
});
export type Scope = z.infer<typeof scopeSchema>;
export type OutOfScopeTopic = Scope['outOfScope'][number];

export class ScopeError extends Error {}

export function loadScope(file: string): Scope {
  return loadYamlFile(file, scopeSchema, ScopeError);
}

/**
 * The first out-of-scope topic whose phrase appears in the text, as whole
 * words compared by stem, so "refunded" meets "refund" and "invoices" meets
 * "invoice". Stopwords count here ("how much does"), so stems are taken word by word.
 */
export function outOfScopeTopic(scope: Scope, text: string): OutOfScopeTopic | undefined {
  const padded = ` ${stems(text)} `;
  return scope.outOfScope.find((t) => t.match.some((m) => padded.includes(` ${phraseStems(m)} `)));
}

/** The declared phrases are few and fixed: stem each once, not on every message. */
const stemmedPhrases = new Map<string, string>();
function phraseStems(phrase: string): string {
  let stemmed = stemmedPhrases.get(phrase);
  if (stemmed === undefined) stemmedPhrases.set(phrase, (stemmed = stems(phrase)));
  return stemmed;
}

function stems(text: string): string {
  return words(text).map(stem).join(' ');
}
