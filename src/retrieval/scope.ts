import { loadYamlFile } from '../knowledge/load-yaml-file.ts';
import { z } from 'zod';
import { words } from './tokenize.ts';

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

/** The first out-of-scope topic whose phrase appears in the text, as whole words. */
export function outOfScopeTopic(scope: Scope, text: string): OutOfScopeTopic | undefined {
  const padded = ` ${words(text).join(' ')} `;
  return scope.outOfScope.find((t) => t.match.some((m) => padded.includes(` ${words(m).join(' ')} `)));
}
