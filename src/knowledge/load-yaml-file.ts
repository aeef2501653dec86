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

/**
 * Reads one YAML knowledge file and validates it; any problem throws an error
 * naming the file and, for schema problems, every field that is wrong.
 */
export function loadYamlFile<S extends z.ZodType>(file: string, schema: S, ErrorClass: new (message: string) => Error = KnowledgeFileError): z.output<S> {
  let raw: unknown;
  try {
    raw = yamlParse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ErrorClass(`${file}: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(top level)'}: ${i.message}`).join('\n');
    throw new ErrorClass(`${file} is invalid:\n${problems}`);
  }
  return parsed.data;
}
