import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
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
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ScopeError(`${file}: ${(error as Error).message}`);
  }
  const parsed = scopeSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new ScopeError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The first out-of-scope topic whose phrase appears in the text, as whole words. */
export function outOfScopeTopic(scope: Scope, text: string): OutOfScopeTopic | undefined {
  const padded = ` ${words(text).join(' ')} `;
  return scope.outOfScope.find((t) => t.match.some((m) => padded.includes(` ${words(m).join(' ')} `)));
}
