import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';

/** A knowledge data file that is missing, not YAML, or not the shape its schema wants. */
export class KnowledgeFileError extends Error {}

/**
 * Reads one YAML knowledge file and validates it; any problem throws an error
 * naming the file and, for schema problems, every field that is wrong.
 */
export function loadYamlFile<S extends z.ZodType>(file: string, schema: S, ErrorClass: new (message: string) => Error = KnowledgeFileError): z.output<S> {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
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
