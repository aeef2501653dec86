import { FlowError } from '../flows/problems.ts';
import { KnowledgeParseError } from '../knowledge/parse-docs.ts';

/** file, node and reason of a knowledge load failure, for the log line an editor acts on. */
export function describeKnowledgeError(error: unknown): { file?: string; node?: string; reason: string } {
  if (error instanceof FlowError) {
    const first = error.problems[0];
    return { ...(first ? { file: first.file } : {}), ...(first?.node ? { node: first.node } : {}), reason: error.problems.map((p) => (p.node ? `node "${p.node}": ${p.reason}` : p.reason)).join('; ') };
  }
  if (error instanceof KnowledgeParseError) return { file: error.file, node: error.record, reason: error.message.slice(error.file.length + error.record.length + 4) };
  const message = error instanceof Error ? error.message : String(error);
  // YAML data files (synonyms, scope, support) report "file: reason".
  const match = /^(\S+\.(?:ya?ml|txt|xml|md)): ([\s\S]*)$/.exec(message);
  return match?.[1] && match[2] ? { file: match[1], reason: match[2] } : { reason: message };
}
