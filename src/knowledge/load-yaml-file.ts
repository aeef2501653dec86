import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { z } from 'zod';

// Loaded on first use: a start from the knowledge snapshot parses no YAML and skips the ~40 ms import.
const requireCjs = createRequire(import.meta.url);
let parseYaml: ((text: string) => unknown) | undefined;
function yamlParse(text: string): unknown {
  parseYaml ??= (requireCjs('yaml') as typeof import('yaml')).parse;
  return parseYaml(text);
}

/** A knowledge data file that is missing, not YAML, or not the shape its schema wants. */
export class KnowledgeFileError extends Error {}

/** One thing wrong with a data file: where (a dotted key path, or "(top level)") and what. */
export type DataFileProblem = { where: string; reason: string };

/** Reads one YAML knowledge file and validates it, returning every problem instead of throwing. */
export function checkYamlFile<S extends z.ZodType>(file: string, schema: S): { ok: true; data: z.output<S> } | { ok: false; unreadable: boolean; problems: DataFileProblem[] } {
  let raw: unknown;
  try {
    raw = yamlParse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { ok: false, unreadable: true, problems: [{ where: '(file)', reason: (error as Error).message }] };
  }
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, unreadable: false, problems: parsed.error.issues.map((i) => ({ where: i.path.join('.') || '(top level)', reason: i.message })) };
}

/**
 * Reads one YAML knowledge file and validates it; any problem throws an error
 * naming the file and, for schema problems, every field that is wrong.
 */
export function loadYamlFile<S extends z.ZodType>(file: string, schema: S, ErrorClass: new (message: string) => Error = KnowledgeFileError): z.output<S> {
  const checked = checkYamlFile(file, schema);
  if (checked.ok) return checked.data;
  if (checked.unreadable) throw new ErrorClass(`${file}: ${checked.problems[0]?.reason ?? 'unreadable'}`);
  throw new ErrorClass(`${file} is invalid:\n${checked.problems.map((p) => `  ${p.where}: ${p.reason}`).join('\n')}`);
}
